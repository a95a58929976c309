#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks a --junit report against the KTAP run that wrote it.

usage: junit_check.py REPORT.xml RUN.ktap [NAME=REGEX ...]

The report must be well-formed XML (xml.etree), each <testsuite>'s tests,
failures and skipped must be what its <testcase>s say, the totals those of
the run's last line "N passed, N failed, N skipped", every failure must
have a message, and each NAME=REGEX must match the failure message of the
test case NAME (a search).  Exit 0 when all hold, 1 with the reason.
"""
import re
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    root = ET.parse(argv[1]).getroot()
    if root.tag != "testsuites":
        return fail(f"root is <{root.tag}>, not <testsuites>")
    with open(argv[2], encoding="utf-8", errors="replace") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    m = re.fullmatch(r"(\d+) passed, (\d+) failed, (\d+) skipped", lines[-1] if lines else "")
    if not m:
        return fail(f"no totals line at the end of {argv[2]}")
    want = tuple(int(x) for x in m.groups())
    passed = failed = skipped = 0
    messages = {}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        f = sum(1 for c in cases if c.find("failure") is not None)
        s = sum(1 for c in cases if c.find("skipped") is not None)
        got = (int(suite.get("tests")), int(suite.get("failures")), int(suite.get("skipped")))
        if got != (len(cases), f, s):
            return fail(f"suite {suite.get('name')}: tests/failures/skipped {got}, "
                        f"its testcases say {(len(cases), f, s)}")
        for c in cases:
            if c.get("classname") != suite.get("name") or not c.get("name"):
                return fail(f"testcase {c.get('name')!r} of {suite.get('name')!r}: bad names")
            failure = c.find("failure")
            if failure is not None:
                if not failure.get("message"):
                    return fail(f"{c.get('name')}: a failure without a message")
                messages[c.get("name")] = failure.get("message")
        passed += len(cases) - f - s
        failed += f
        skipped += s
    if (passed, failed, skipped) != want:
        return fail(f"report: {passed} passed, {failed} failed, {skipped} skipped; "
                    f"the run: {want[0]} passed, {want[1]} failed, {want[2]} skipped")
    for spec in argv[3:]:
        name, regex = spec.split("=", 1)
        if name not in messages:
            return fail(f"no failed testcase {name!r} (failed: {sorted(messages)})")
        if not re.search(regex, messages[name]):
            return fail(f"{name}: message {messages[name]!r} does not match {regex!r}")
    print(f"junit ok: {passed} passed, {failed} failed, {skipped} skipped")
    return 0


def fail(why):
    print(f"junit_check: {why}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
