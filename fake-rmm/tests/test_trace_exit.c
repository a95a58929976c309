// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER trace lines show the exit (fake-rmm/trace_exit.c): each exit
 * reason with the fields DEN0137 "REC exit" gives it, on every profile.
 * The run pages are built with the generated C structs (rmi/<profile>.h),
 * the formatter reads them through the run-time description, so a field
 * read from the wrong offset, a wrong reason number or a missing field
 * fails here.  Every byte not set is 0x5a, so a misplaced read shows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <cca-double/trace.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>
#include <rmi/v2_0_bet1.h>
#include <rmi/v2_0_bet3.h>

static void expect_line(const char *profile, const void *run, size_t len, const char *want)
{
	const struct abi_profile *p = abi_profile_find(profile);
	char got[512];
	size_t n;

	assert_non_null(p);
	n = trace_format_rec_exit(p, run, len, got, sizeof(got));
	if (strcmp(got, want))
		fail_msg("%s: got '%s', want '%s'", profile, got, want);
	assert_int_equal(n, strlen(want));
}

/* The exits every profile has, with the struct type of its run page. */
#define COMMON_EXITS(profile, run_t, ID)                                                       \
	do {                                                                                   \
		run_t crun;                                                                     \
                                                                                               \
		memset(&run, 0x5a, sizeof(run));                                               \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_SYNC;                            \
		crun.exit.esr = 0x93c08007;	/* EC 0x24: data abort from a lower EL */      \
		crun.exit.far = 0x10;                                                           \
		crun.exit.hpfar = 0x800;                                                        \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=SYNC esr=0x93c08007 ec=DABT_LOW far=0x10 hpfar=0x800");     \
		crun.exit.esr = 0x5e000000;	/* EC 0x17: SMC64 */                           \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=SYNC esr=0x5e000000 ec=SMC64 far=0x10 hpfar=0x800");        \
                                                                                               \
		memset(&run, 0x5a, sizeof(run));                                               \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_HOST_CALL;                       \
		crun.exit.imm = 0x1234;                                                         \
		expect_line(profile, &crun, sizeof(crun), " exit=HOST_CALL imm=0x1234");         \
                                                                                               \
		memset(&run, 0x5a, sizeof(run));                                               \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_PSCI;                            \
		crun.exit.gprs[0] = PSCI_FID_CPU_ON;                                            \
		crun.exit.gprs[1] = 1;                                                          \
		crun.exit.gprs[2] = 0x80000;                                                    \
		crun.exit.gprs[3] = 0x42;                                                       \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=PSCI psci=CPU_ON target_cpu=1 entry_point_address=0x80000 " \
			    "context_id=0x42");                                                \
		crun.exit.gprs[0] = PSCI_FID_SYSTEM_OFF;                                        \
		expect_line(profile, &crun, sizeof(crun), " exit=PSCI psci=SYSTEM_OFF");         \
		crun.exit.gprs[0] = PSCI_FID_AFFINITY_INFO;                                     \
		crun.exit.gprs[2] = 0;                                                          \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=PSCI psci=AFFINITY_INFO target_affinity=1 "                 \
			    "lowest_affinity_level=0");                                        \
		crun.exit.gprs[0] = 0xc4000077;	/* not a PSCI function the profile knows */   \
		expect_line(profile, &crun, sizeof(crun), " exit=PSCI psci=0xc4000077");         \
                                                                                               \
		memset(&run, 0x5a, sizeof(run));                                               \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_RIPAS_CHANGE;                    \
		crun.exit.ripas_base = 0x200000;                                                \
		crun.exit.ripas_top = 0x400000;                                                 \
		crun.exit.ripas_value = RMI_##ID##_RIPAS_RAM;                                   \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=RIPAS_CHANGE ripas_base=0x200000 ripas_top=0x400000 "       \
			    "ripas_value=RAM");                                                \
		crun.exit.ripas_value = RMI_##ID##_RIPAS_EMPTY;                                 \
		expect_line(profile, &crun, sizeof(crun),                                        \
			    " exit=RIPAS_CHANGE ripas_base=0x200000 ripas_top=0x400000 "       \
			    "ripas_value=EMPTY");                                              \
                                                                                               \
		memset(&run, 0x5a, sizeof(run));                                               \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_IRQ;                             \
		expect_line(profile, &crun, sizeof(crun), " exit=IRQ");                          \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_FIQ;                             \
		expect_line(profile, &crun, sizeof(crun), " exit=FIQ");                          \
		crun.exit.exit_reason = RMI_##ID##_EXIT_REASON_SERROR;                          \
		crun.exit.esr = 0xbe000000;	/* EC 0x2f: SError */                          \
		expect_line(profile, &crun, sizeof(crun), " exit=SERROR esr=0xbe000000 ec=SERROR"); \
	} while (0)

static void v1_0_exits(void **state)
{
	struct rmi_v1_0_rec_run run;

	(void)state;
	COMMON_EXITS("1.0", struct rmi_v1_0_rec_run, V1_0);
	/* 1.0 has no reason 7; an unnamed reason prints its number. */
	memset(&run, 0, sizeof(run));
	run.exit.exit_reason = 7;
	expect_line("1.0", &run, sizeof(run), " exit=7");
}

static void v2_0_bet1_exits(void **state)
{
	struct rmi_v2_0_bet1_rec_run run;

	(void)state;
	COMMON_EXITS("2.0-bet1", struct rmi_v2_0_bet1_rec_run, V2_0_BET1);
	memset(&run, 0x5a, sizeof(run));
	run.exit.exit_reason = RMI_V2_0_BET1_EXIT_REASON_S2AP_CHANGE;
	run.exit.s2ap_base = 0x1000;
	run.exit.s2ap_top = 0x3000;
	expect_line("2.0-bet1", &run, sizeof(run), " exit=S2AP_CHANGE s2ap_base=0x1000 s2ap_top=0x3000");
	/* bet1 numbers VDEV_REQUEST 8 and VDEV_VALIDATE_MAPPING 9. */
	run.exit.exit_reason = 8;
	run.exit.vdev_id_1 = 3;
	run.exit.vdev_id_2 = 4;
	expect_line("2.0-bet1", &run, sizeof(run), " exit=VDEV_REQUEST vdev_id_1=3 vdev_id_2=4");
	run.exit.exit_reason = 9;
	run.exit.dev_mem_base = 0x40000000;
	run.exit.dev_mem_top = 0x40010000;
	run.exit.dev_mem_pa = 0x90000000;
	expect_line("2.0-bet1", &run, sizeof(run),
		    " exit=VDEV_VALIDATE_MAPPING vdev_id_1=3 dev_mem_base=0x40000000 "
		    "dev_mem_top=0x40010000 dev_mem_pa=0x90000000");
	run.exit.exit_reason = RMI_V2_0_BET1_EXIT_REASON_VSMMU_COMMAND;
	run.exit.vsmmu = 0x77;
	expect_line("2.0-bet1", &run, sizeof(run), " exit=VSMMU_COMMAND vsmmu=0x77");
}

static void v2_0_bet3_exits(void **state)
{
	struct rmi_v2_0_bet3_rec_run run;

	(void)state;
	COMMON_EXITS("2.0-bet3", struct rmi_v2_0_bet3_rec_run, V2_0_BET3);
	/* bet3 drops VDEV_REQUEST: 8 is VDEV_VALIDATE_MAPPING, 9 unused. */
	memset(&run, 0x5a, sizeof(run));
	run.exit.exit_reason = 8;
	run.exit.vdev_id_1 = 3;
	run.exit.dev_mem_base = 0x40000000;
	run.exit.dev_mem_top = 0x40010000;
	run.exit.dev_mem_pa = 0x90000000;
	expect_line("2.0-bet3", &run, sizeof(run),
		    " exit=VDEV_VALIDATE_MAPPING vdev_id_1=3 dev_mem_base=0x40000000 "
		    "dev_mem_top=0x40010000 dev_mem_pa=0x90000000");
	run.exit.exit_reason = 9;
	expect_line("2.0-bet3", &run, sizeof(run), " exit=9");
	run.exit.exit_reason = RMI_V2_0_BET3_EXIT_REASON_S2AP_CHANGE;
	run.exit.s2ap_base = 0x1000;
	run.exit.s2ap_top = 0x3000;
	expect_line("2.0-bet3", &run, sizeof(run), " exit=S2AP_CHANGE s2ap_base=0x1000 s2ap_top=0x3000");
}

/* A buffer shorter than the record: nothing read beyond it. */
static void short_run_page(void **state)
{
	struct rmi_v1_0_rec_run run;
	const struct abi_profile *p = abi_profile_find("1.0");
	char got[128];

	(void)state;
	memset(&run, 0, sizeof(run));
	run.exit.exit_reason = RMI_V1_0_EXIT_REASON_SYNC;
	run.exit.esr = 0x93c08007;
	/* Up to the ESR only: FAR and HPFAR are left out. */
	trace_format_rec_exit(p, &run, offsetof(struct rmi_v1_0_rec_run, exit.far), got, sizeof(got));
	assert_string_equal(got, " exit=SYNC esr=0x93c08007 ec=DABT_LOW");
	assert_int_equal(trace_format_rec_exit(p, &run, offsetof(struct rmi_v1_0_rec_run, exit),
					       got, sizeof(got)), 0);
	assert_string_equal(got, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(v1_0_exits),
		cmocka_unit_test(v2_0_bet1_exits),
		cmocka_unit_test(v2_0_bet3_exits),
		cmocka_unit_test(short_run_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
