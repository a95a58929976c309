// SPDX-License-Identifier: BSD-3-Clause
/* JUnit XML (see kunit/junit.h). */
#include <kunit/junit.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Length of the UTF-8 sequence at s, or 0 when it is not one XML 1.0 may hold. */
static size_t xml_char_len(const unsigned char *s)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return s[0] >= 0x20 || s[0] == '\t' || s[0] == '\n' || s[0] == '\r';
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff || cp > 0x10ffff)
		return 0;
	return len;
}

void junit_text(FILE *f, const char *s, int attr)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		size_t n = xml_char_len(p);

		if (!n) {
			fputc('?', f);
			p++;
			continue;
		}
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		/* In an attribute a parser turns a raw newline or tab into a space. */
		case '\n': fputs(attr ? "&#10;" : "\n", f); break;
		case '\t': fputs(attr ? "&#9;" : "\t", f); break;
		case '\r': fputs("&#13;", f); break;
		default: fwrite(p, 1, n, f);
		}
		p += n;
	}
}

void junit_begin(FILE *f, const char *name)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"", f);
	junit_text(f, name, 1);
	fputs("\">\n", f);
}

static void junit_case(FILE *f, const struct junit_case *c)
{
	fputs("    <testcase classname=\"", f);
	junit_text(f, c->classname, 1);
	fputs("\" name=\"", f);
	junit_text(f, c->name, 1);
	fprintf(f, "\" time=\"%.4f\">\n", c->seconds);
	if (c->result == JUNIT_FAILED) {
		fputs("      <failure type=\"", f);
		junit_text(f, c->failure_type ? c->failure_type : "failure", 1);
		fputs("\" message=\"", f);
		junit_text(f, c->message, 1);
		fputs("\">", f);
		junit_text(f, c->text, 0);
		fputs("</failure>\n", f);
	} else if (c->result == JUNIT_SKIPPED) {
		fputs("      <skipped message=\"", f);
		junit_text(f, c->message, 1);
		fputs("\"/>\n", f);
	}
	if (c->system_out && *c->system_out) {
		fputs("      <system-out>", f);
		junit_text(f, c->system_out, 0);
		fputs("</system-out>\n", f);
	}
	fputs("    </testcase>\n", f);
}

void junit_suite(FILE *f, const char *name, const struct junit_property *props, size_t nprops,
		 const struct junit_case *cases, size_t ncases)
{
	size_t failures = 0, skipped = 0;
	double seconds = 0;

	for (size_t i = 0; i < ncases; i++) {
		failures += cases[i].result == JUNIT_FAILED;
		skipped += cases[i].result == JUNIT_SKIPPED;
		seconds += cases[i].seconds;
	}
	fputs("  <testsuite name=\"", f);
	junit_text(f, name, 1);
	fprintf(f, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"%.4f\">\n",
		ncases, failures, skipped, seconds);
	if (nprops) {
		fputs("    <properties>", f);
		for (size_t i = 0; i < nprops; i++) {
			fputs("<property name=\"", f);
			junit_text(f, props[i].name, 1);
			fputs("\" value=\"", f);
			junit_text(f, props[i].value, 1);
			fputs("\"/>", f);
		}
		fputs("</properties>\n", f);
	}
	for (size_t i = 0; i < ncases; i++)
		junit_case(f, &cases[i]);
	fputs("  </testsuite>\n", f);
}

void junit_end(FILE *f)
{
	fputs("</testsuites>\n", f);
}
