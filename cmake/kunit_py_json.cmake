# SPDX-License-Identifier: BSD-3-Clause
# kunit.py exec --json on the build folder: the JSON holds every case of the
# suites selected, each PASS.  Run as:
# cmake -DPY=python3 -DKUNIT_PY=kunit.py -DDIR=<build folder> -DOUT=<file.json> -P kunit_py_json.cmake
file(REMOVE ${OUT})
execute_process(COMMAND ${PY} ${KUNIT_PY} exec --build_dir=${DIR} --json=${OUT} realm_lifecycle*
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out TIMEOUT 600)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT})
  message(FATAL_ERROR "kunit.py exec --json: exit ${rc}\n${out}")
endif()
execute_process(COMMAND ${PY} -c "
import json, sys
d = json.load(open(sys.argv[1]))
cases = [(g['name'], t['name'], t['status']) for g in d['sub_groups'] for t in g['test_cases']]
suites = {g['name'] for g in d['sub_groups']}
bad = [c for c in cases if c[2] != 'PASS']
if len(cases) < 30 or bad or not all(s.startswith('realm_lifecycle') for s in suites):
    sys.exit(f'cases {len(cases)}, not passed {bad}, suites {sorted(suites)}')
print(f'{len(cases)} cases in {len(suites)} suites, all PASS')
" ${OUT} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kunit.py's JSON: ${out}")
endif()
message(STATUS "${out}")
