// SPDX-License-Identifier: BSD-3-Clause
/*
 * KVM_ARM_RMI_POPULATE semantics (v14 uAPI, Documentation/virt/kvm/api.rst):
 * progress reported by moving base/size/source_uaddr, the MEASURE flag, and
 * the errors for malformed, out-of-range, already-populated and too-late
 * requests.  api.rst names no errno; the suite expects what the series
 * answers (v12 and v14 alike): -EINVAL for a malformed request, -EFAULT for
 * a source that is not user memory (pinning it fails), -EBUSY once the
 * realm has run.
 */
#include <linux/string.h>
#include <uapi/linux/kvm.h>

#include "realm_test.h"

static struct harness_vm *vm_with_ram(struct kunit *test, unsigned long long size)
{
	struct harness_vm_config cfg = { .ram_size = size };

	return realm_test_vm(test, &cfg);
}

static void populate_one_page(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm), left = ~0ULL, at = 0;

	KUNIT_EXPECT_EQ(test, harness_populate_once(vm, base, PAGE_SIZE, false, "a", 1, &at, &left),
			0);
	KUNIT_EXPECT_EQ(test, left, 0ULL);
	KUNIT_EXPECT_EQ(test, at, base + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
}

/*
 * The uAPI lets a call stop short ("might not populate the entire region")
 * or finish: what it promises is that the struct says what is left.  Each
 * call returns 0 having done something, moves base and source_uaddr on by
 * what it took off size, and the VMM's loop ends with size 0 and every page
 * populated.  How much one call does is the kernel's choice.
 */
static void populate_reports_progress(struct kunit *test)
{
	struct harness_vm *vm = vm_with_ram(test, 4ULL << 20);
	unsigned long long base = harness_vm_ram_base(vm), left = ~0ULL, at = 0, first;
	unsigned long long src = harness_user_buffer(vm, (3 << 20) >> PAGE_SHIFT);
	struct kvm_arm_rmi_populate args = { .base = base, .size = 3 << 20, .source_uaddr = src };
	int calls = 0;

	KUNIT_ASSERT_NE(test, src, 0ULL);
	KUNIT_EXPECT_EQ(test, harness_populate_once(vm, base, 3 << 20, false, NULL, 0, &at, &left),
			0);
	KUNIT_EXPECT_LT(test, left, 3ULL << 20);
	KUNIT_EXPECT_EQ(test, at + left, base + (3 << 20));
	/* What the struct says was done is what became DATA. */
	first = realm_test_granules_in_state("DATA");
	KUNIT_EXPECT_EQ(test, first, ((3ULL << 20) - left) >> PAGE_SHIFT);

	/* The same through the raw entry point, looping as a VMM does. */
	vm = vm_with_ram(test, 4ULL << 20);
	base = harness_vm_ram_base(vm);
	src = harness_user_buffer(vm, (3 << 20) >> PAGE_SHIFT);
	args.source_uaddr = src;
	while (args.size && calls++ < 1024) {
		unsigned long long before = args.size;
		int ret = kvm_arm_rmi_populate(harness_vm_kvm(vm), &args);

#ifdef CCA_UPSTREAM_INIT_REALM_VM
		/* The 1.0-era uAPI (v11/v12): bytes populated, the struct only read. */
		KUNIT_ASSERT_GT(test, ret, 0);
		KUNIT_ASSERT_EQ(test, args.size, before);
		KUNIT_ASSERT_TRUE(test, PAGE_ALIGNED(ret) && (unsigned long long)ret <= before);
		args.base += ret;
		args.source_uaddr += ret;
		args.size -= ret;
		ret = 0;
#endif
		KUNIT_ASSERT_EQ(test, ret, 0);
		KUNIT_ASSERT_LT(test, args.size, before);
		KUNIT_EXPECT_EQ(test, args.source_uaddr - src, args.base - base);
		KUNIT_EXPECT_EQ(test, args.base - base + args.size, 3ULL << 20);
	}
	KUNIT_EXPECT_EQ(test, args.size, 0ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), first + 768);
}

static void populate_measure_flag_changes_rim(struct kunit *test)
{
	unsigned char rim_measured[64], rim_plain[64], rim_empty[64];
	struct harness_vm *a = realm_test_vm(test, NULL);
	struct harness_vm *b = realm_test_vm(test, NULL);
	struct harness_vm *c = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, harness_populate(a, harness_vm_ram_base(a), PAGE_SIZE, true, "x", 1), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(b, harness_vm_ram_base(b), PAGE_SIZE, false, "x", 1), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(c, harness_vm_ram_base(c), PAGE_SIZE, true, "y", 1), 0);
	KUNIT_ASSERT_EQ(test, realm_test_rim(harness_vm_rd(a), rim_measured), 0);
	KUNIT_ASSERT_EQ(test, realm_test_rim(harness_vm_rd(b), rim_plain), 0);
	KUNIT_ASSERT_EQ(test, realm_test_rim(harness_vm_rd(c), rim_empty), 0);
	KUNIT_EXPECT_MEMNEQ(test, rim_measured, rim_plain, 64);
	/* Measured content: different bytes, different RIM. */
	KUNIT_EXPECT_MEMNEQ(test, rim_measured, rim_empty, 64);
}

struct bad_args {
	const char *what;
	long long base_off;		/* from RAM base */
	unsigned long long size;
	long long src_off;		/* from a valid buffer; -1: wrap to the top of memory */
	unsigned int flags, reserved;
	int expect;
};

static const struct bad_args bad_args_cases[] = {
	{ "size_zero", 0, 0, 0, 0, 0, -EINVAL },
	{ "base_unaligned", 0x10, PAGE_SIZE, 0, 0, 0, -EINVAL },
	{ "size_unaligned", 0, PAGE_SIZE + 1, 0, 0, 0, -EINVAL },
	{ "source_unaligned", 0, PAGE_SIZE, 8, 0, 0, -EINVAL },
	{ "unknown_flags", 0, PAGE_SIZE, 0, 2, 0, -EINVAL },
	{ "reserved_set", 0, PAGE_SIZE, 0, 0, 1, -EINVAL },
	{ "base_wraps", -1, 2 * PAGE_SIZE, 0, 0, 0, -EINVAL },
	/* Not user memory: -EFAULT, as pinning it gives (kvm_gmem_populate). */
	{ "source_wraps", 0, 2 * PAGE_SIZE, -1, 0, 0, -EFAULT },
	{ "outside_memslot", -(long long)(4 * PAGE_SIZE), PAGE_SIZE, 0, 0, 0, -EINVAL },
	{ "crosses_slot_end", (2 << 20) - PAGE_SIZE, 2 * PAGE_SIZE, 0, 0, 0, 0 },
	{ "shared_half", 1LL << 39, PAGE_SIZE, 0, 0, 0, -EINVAL },
};

static void bad_args_desc(const struct bad_args *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->what);
}

KUNIT_ARRAY_PARAM(bad_args, bad_args_cases, bad_args_desc);

static void populate_rejects_bad_arguments(struct kunit *test)
{
	const struct bad_args *c = test->param_value;
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long ram = harness_vm_ram_base(vm);
	unsigned long long src = harness_user_buffer(vm, 4);
	unsigned long long base = c->base_off == -1 ? ~0ULL & PAGE_MASK : ram + c->base_off;

	if (c->src_off == -1)
		src = ~0ULL & PAGE_MASK;
	else
		src += c->src_off;
	KUNIT_EXPECT_EQ(test, harness_populate_raw(vm, base, c->size, src, c->flags, c->reserved),
			c->expect);
	if (c->expect)
		KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 0ULL);
}

static void populate_twice_is_eexist(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, 2 * PAGE_SIZE, false, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_populate(vm, base + PAGE_SIZE, PAGE_SIZE, false, NULL, 0),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 2ULL);
}

static void populate_after_activation_refused(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, harness_activate(vm), 0);
	/* "Only valid before any VCPUs have been run": the realm is busy running. */
	KUNIT_EXPECT_EQ(test, harness_populate(vm, base + PAGE_SIZE, PAGE_SIZE, false, NULL, 0),
			-EBUSY);
}

/* The first page at a fresh IPA walks into missing tables: ERROR_RTT, RTT_CREATE, retry. */
static void populate_creates_missing_tables(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), 0);
	realm_test_trace_start();
	KUNIT_ASSERT_EQ(test, harness_populate(vm, base + (1 << 20), PAGE_SIZE, false, NULL, 0), 0);
	/* Same 2 MiB block: the tables exist, one DATA_CREATE, no RTT_CREATE. */
	KUNIT_EXPECT_EQ(test, realm_test_count("RTT_CREATE"), 0UL);
	KUNIT_EXPECT_EQ(test, realm_test_count(RT_CMD("DATA_CREATE", "RTT_DATA_MAP_INIT")), 1UL);
}

static void populate_data_create_failure_returns_page(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, realm_test_inject(RT_CMD("DATA_CREATE", "RTT_DATA_MAP_INIT"), 1, 1 /* ERROR_INPUT */, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), -ENXIO);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DELEGATED"), 0ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 0ULL);
}

/* An error after progress: success with the fields at the failing page; the next call fails. */
static void populate_partial_failure(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm), at = 0, left = 0;

	/* Tables first, so the count below is of DATA_CREATEs that fill pages. */
	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, realm_test_inject(RT_CMD("DATA_CREATE", "RTT_DATA_MAP_INIT"), 3, 1 /* ERROR_INPUT */, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_populate_once(vm, base + PAGE_SIZE, 4 * PAGE_SIZE, false, NULL,
						    0, &at, &left), 0);
	KUNIT_EXPECT_EQ(test, at, base + 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, left, 2ULL * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 3ULL);
	/* The failing page reports on the next call. */
	KUNIT_EXPECT_EQ(test, harness_populate_once(vm, at, left, false, NULL, 0, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 5ULL);
}

REALM_TEST_SUITES(realm_populate,
	KUNIT_CASE(populate_one_page),
	KUNIT_CASE(populate_reports_progress),
	KUNIT_CASE(populate_measure_flag_changes_rim),
	KUNIT_CASE_PARAM(populate_rejects_bad_arguments, bad_args_gen_params),
	KUNIT_CASE(populate_twice_is_eexist),
	KUNIT_CASE(populate_after_activation_refused),
	KUNIT_CASE(populate_creates_missing_tables),
	KUNIT_CASE(populate_data_create_failure_returns_page),
	KUNIT_CASE(populate_partial_failure));
