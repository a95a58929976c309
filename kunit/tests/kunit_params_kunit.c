// SPDX-License-Identifier: BSD-3-Clause
/* Parameterised cases: KUNIT_ARRAY_PARAM (with and without get_desc) and _DESC. */
#include <kunit/test.h>

struct square {
	int index;	/* its own position in the table */
	int n;
	int squared;
	const char *desc;
};

static const struct square squares[] = {
	{ 0, 0, 0, "zero" },
	{ 1, 3, 9, "three" },
	{ 2, -4, 16, "minus four" },
};

static void square_desc(const struct square *s, char *desc)
{
	desc[0] = 'n';
	desc[1] = '=';
	desc[2] = (char)('0' + s->index);
	desc[3] = '\0';
}

KUNIT_ARRAY_PARAM(squares_named, squares, square_desc);
KUNIT_ARRAY_PARAM(squares_plain, squares, NULL);
KUNIT_ARRAY_PARAM_DESC(squares_desc, squares, desc);

/* Each run sees the entry at its own index: every entry, in order. */
static void param_matches_index(struct kunit *test)
{
	const struct square *s = test->param_value;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->index, test->param_index);
	KUNIT_EXPECT_EQ(test, s->n * s->n, s->squared);
}

static void desc_generator_walks_table(struct kunit *test)
{
	char desc[KUNIT_PARAM_DESC_SIZE] = "";
	const void *p;
	int count = 0;

	for (p = squares_desc_gen_params(NULL, desc); p;
	     p = squares_desc_gen_params(p, desc)) {
		KUNIT_EXPECT_PTR_EQ(test, p, (const void *)&squares[count]);
		KUNIT_EXPECT_STREQ(test, desc, squares[count].desc);
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, (int)ARRAY_SIZE(squares));
}

static void named_generator_calls_get_desc(struct kunit *test)
{
	char desc[KUNIT_PARAM_DESC_SIZE] = "";
	const void *p = squares_named_gen_params(NULL, desc);

	KUNIT_EXPECT_STREQ(test, desc, "n=0");
	p = squares_named_gen_params(p, desc);
	KUNIT_EXPECT_STREQ(test, desc, "n=1");
	desc[0] = '\0';
	p = squares_plain_gen_params(NULL, desc);
	KUNIT_EXPECT_PTR_EQ(test, p, (const void *)&squares[0]);
	KUNIT_EXPECT_STREQ(test, desc, "");
}

static struct kunit_case kunit_params_cases[] = {
	KUNIT_CASE_PARAM(param_matches_index, squares_named_gen_params),
	KUNIT_CASE_PARAM(param_matches_index, squares_plain_gen_params),
	KUNIT_CASE_PARAM(param_matches_index, squares_desc_gen_params),
	KUNIT_CASE(desc_generator_walks_table),
	KUNIT_CASE(named_generator_calls_get_desc),
	{}
};

static struct kunit_suite kunit_params_suite = {
	.name = "kunit_params",
	.test_cases = kunit_params_cases,
};

kunit_test_suite(kunit_params_suite);
