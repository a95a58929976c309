// SPDX-License-Identifier: BSD-3-Clause
/*
 * A host that spins must be reported as a hang, not hang the runner.
 *
 * The hazard scenario faults/host-hazard-init-ripas-error-rtt.yaml makes
 * RTT_INIT_RIPAS answer ERROR_RTT at the range's level however many tables
 * exist.  The reference host gives up (that scenario passes in the
 * library); the v14 host retries the same IPA forever.  This program runs
 * the same file with a host whose activate step does what v14 does (the
 * kernel harness's host for every other step) and checks that the
 * scenario runner's per-case timeout fails the case and that a sweep's
 * clean run comes back as a hang, each within a few seconds of its
 * timeout.  Exit status 0 when both do.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <kunit/runner.h>
#include <rmi/common.h>
#include <cca-double/kernel-harness.h>
#include <cca-double/kernel-scenario-host.h>
#include <cca-double/mock-kernel.h>
#include <cca-double/rmm.h>
#include <cca-double/scenario.h>

#include "scn_kunit.h"
#include "scn_sweep.h"

#define TIMEOUT_S	2
#define SLACK_S		10

/*
 * v14's INIT_RIPAS loop: on ERROR_RTT it creates the missing tables (here
 * they all exist, so that does nothing) and asks again at the same IPA.
 * Never returns while the RMM keeps answering ERROR_RTT.
 */
static int spin_init_ripas(struct harness_vm *vm)
{
	unsigned long long base = harness_vm_ram_base(vm);
	unsigned long long top = base + harness_vm_ram_size(vm);

	while (base < top) {
		struct smc_regs r = { .x = { RMI_FID_RTT_INIT_RIPAS, harness_vm_rd(vm), base, top } };

		rmm_smc(mock_rmm(), &r);
		if (r.x[0] == 0)
			base = r.x[1];
		else if ((r.x[0] & 0xff) != 4 /* ERROR_RTT: retry */)
			return -1;
	}
	return 0;
}

static int spinning_step(struct scenario_host *h, const char *name, const char *const *keys,
			 const char *const *values, size_t n, bool dry_run, char *err, size_t errlen)
{
	const struct scenario_host_ops *base = kernel_scenario_host_ops();

	/* Realm created by populate: only activation's INIT_RIPAS is v14's. */
	if (!dry_run && !strcmp(name, "activate") && kernel_scenario_host_vm(h)) {
		if (spin_init_ripas(kernel_scenario_host_vm(h)))
			snprintf(err, errlen, "activate: INIT_RIPAS failed");
		return -1;
	}
	return base->step(h, name, keys, values, n, dry_run, err, errlen);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* The scenario as a KUnit case (cca-double run): must fail on the timeout. */
static int check_runner(const char *path)
{
	struct kunit_run_options ko = { .timeout_s = TIMEOUT_S };
	struct scn_suite_opts so = { .profile = "2.0-bet1" };
	struct kunit_suite **suites = NULL;
	double t0 = now();
	int n = scn_build_suites(&path, 1, &so, &suites), status;

	FILE *out = tmpfile();
	char line[512];
	bool timed_out = false;
	int saved;

	if (n < 0 || !out)
		return 1;
	/* The KTAP document goes to a file, to find the case's reason in it. */
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	dup2(fileno(out), STDOUT_FILENO);
	status = kunit_run_suites(suites, (size_t)n, &ko, NULL);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	scn_free_suites(suites, (size_t)n);
	rewind(out);
	while (fgets(line, sizeof(line), out)) {
		fputs(line, stdout);
		timed_out |= strstr(line, "timed out") != NULL;
	}
	fclose(out);
	printf("# runner: status %d after %.1f s\n", status, now() - t0);
	return !(status != 0 && timed_out && now() - t0 < TIMEOUT_S + SLACK_S);
}

/* The scenario swept: its clean run must come back as a hang. */
static int check_sweep(const char *path)
{
	struct sweep_opts opts = { .timeout_s = TIMEOUT_S, .first_error_only = true };
	struct sweep_report rep;
	char err[1024];
	struct scenario *s = scenario_load(path, err, sizeof(err));
	double t0 = now();
	int ret;

	if (!s) {
		printf("# %s\n", err);
		return 1;
	}
	ret = sweep_scenario(s, "2.0-bet1", &opts, &rep);
	printf("# sweep: clean run %s (%s) after %.1f s\n", sweep_outcome_name(rep.clean.outcome),
	       rep.clean.detail, now() - t0);
	ret = !(ret && rep.clean.outcome == SWEEP_HANG && now() - t0 < TIMEOUT_S + SLACK_S);
	sweep_report_free(&rep);
	scenario_free(s);
	return ret;
}

int main(int argc, char **argv)
{
	static struct scenario_host_ops ops;
	int bad;

	if (argc != 2) {
		fprintf(stderr, "usage: %s host-hazard-init-ripas-error-rtt.yaml\n", argv[0]);
		return 2;
	}
	ops = *kernel_scenario_host_ops();
	ops.step = spinning_step;
	scenario_register_host(&ops);
	bad = check_runner(argv[1]);
	printf("%s 1 spinning host fails the case on the runner's timeout\n", bad ? "not ok" : "ok");
	bad |= check_sweep(argv[1]) << 1;
	printf("%s 2 spinning host is a hang for the sweep\n", bad & 2 ? "not ok" : "ok");
	return bad ? 1 : 0;
}
