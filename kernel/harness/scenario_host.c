// SPDX-License-Identifier: BSD-3-Clause
/*
 * The scenario runner's host-level steps (include/cca-double/scenario.h)
 * over the kernel harness: keys and defaults in
 * cca-double/kernel-scenario-host.h.  Each run attaches the runner's arena
 * and RMM as the mock kernel's machine; closing reports the pages and
 * kmalloc objects left and the WARNs seen, then detaches.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/kernel-harness.h>
#include <cca-double/kernel-scenario-host.h>
#include <cca-double/mock-kernel.h>
#include <cca-double/scenario.h>

#include "yaml_doc.h"

struct scenario_host {
	struct harness_vm *vm;
	unsigned long long guest_entry;	/* of the last guest populated */
	bool have_entry;
	bool kvm_booted;		/* harness_kvm_init() ran (at the first vm_create) */
	int kvm_init;			/* and its result */
};

struct args {
	const char *const *keys;
	const char *const *values;
	size_t n;
	char *err;
	size_t errlen;
};

static const char *const step_names[] = {
	"vm_create", "populate", "vcpu_create", "run", "unmap", "activate", "stage2_uninit",
	"vm_destroy", NULL,
};

static const char *const exit_reasons[] = {
	"SYNC", "IRQ", "FIQ", "PSCI", "RIPAS_CHANGE", "HOST_CALL", "SERROR",
};

static int fail(struct args *a, const char *fmt, const char *what)
{
	snprintf(a->err, a->errlen, fmt, what);
	return -1;
}

static const char *find(struct args *a, const char *key)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->keys[i], key))
			return a->values[i];
	return NULL;
}

/* Every key must be one the step knows. */
static int check_keys(struct args *a, const char *const *known)
{
	for (size_t i = 0; i < a->n; i++) {
		const char *const *k;

		for (k = known; *k && strcmp(*k, a->keys[i]); k++)
			;
		if (!*k)
			return fail(a, "unknown key '%s'", a->keys[i]);
	}
	return 0;
}

/*
 * A number as everywhere else in a scenario (parse_u64_text: decimal, 0x,
 * 0b, K/M/G/T; no sign, no blanks, no octal), or true/false, at most
 * `max`: a value the step would truncate is an error, not another value.
 */
static int parse_max(struct args *a, const char *key, unsigned long long def,
		     unsigned long long max, unsigned long long *out)
{
	const char *v = find(a, key);
	uint64_t u;
	int ret;

	*out = def;
	if (!v)
		return 0;
	if (!strcmp(v, "true") || !strcmp(v, "false")) {
		*out = !strcmp(v, "true");
		return 0;
	}
	ret = parse_u64_text(v, true, &u);
	if (ret == YDOC_OVERFLOW)
		return fail(a, "'%s': does not fit 64 bits", key);
	if (ret)
		return fail(a, "'%s': expected a number (4096, 0x1000, 2M ...)", key);
	if (u > max) {
		snprintf(a->err, a->errlen, "'%s': %llu is out of range (at most %llu)", key,
			 (unsigned long long)u, max);
		return -1;
	}
	*out = u;
	return 0;
}

static int parse_u64(struct args *a, const char *key, unsigned long long def,
		     unsigned long long *out)
{
	return parse_max(a, key, def, ~0ULL, out);
}

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "0", 0 }, { "ok", 0 }, { "EINVAL", -EINVAL }, { "EEXIST", -EEXIST },
	{ "ENXIO", -ENXIO }, { "ENOMEM", -ENOMEM }, { "EFAULT", -EFAULT }, { "EBUSY", -EBUSY },
	{ "ENODEV", -ENODEV }, { "EOPNOTSUPP", -EOPNOTSUPP }, { "EPERM", -EPERM },
	{ "EAGAIN", -EAGAIN }, { "EIO", -EIO },
};

static int parse_errno(struct args *a, const char *key, int *out)
{
	const char *v = find(a, key);

	*out = 0;
	if (!v)
		return 0;
	if (*v == '-')
		v++;
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (!strcmp(errnos[i].name, v)) {
			*out = errnos[i].value;
			return 0;
		}
	return fail(a, "'%s': expected 0 or an errno name (EINVAL, EEXIST, ...)", key);
}

static const char *errno_name(int e)
{
	static char buf[16];

	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].value == e)
			return errnos[i].name;
	snprintf(buf, sizeof(buf), "%d", e);
	return buf;
}

static int need_vm(struct scenario_host *h, struct args *a, const char *step)
{
	if (!h->vm)
		return fail(a, "%s: no VM (vm_create first)", step);
	return 0;
}

static int step_vm_create(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { "ipa_bits", "ram_base", "ram_size", "vcpus", "no_vgic",
					    NULL };
	unsigned long long ipa, base, size, vcpus, novgic;
	struct harness_vm_config cfg = { 0 };
	int ret;

	/* An IPA width of 64 bits or less; whether the kernel takes it is its call. */
	if (check_keys(a, keys) || parse_max(a, "ipa_bits", 0, 64, &ipa) ||
	    parse_u64(a, "ram_base", 0, &base) || parse_u64(a, "ram_size", 0, &size) ||
	    parse_max(a, "vcpus", 0, HARNESS_MAX_VCPUS, &vcpus) ||
	    parse_max(a, "no_vgic", 0, 1, &novgic))
		return -1;
	if (dry)
		return 0;
	if (h->vm)
		return fail(a, "%s: a VM exists already", "vm_create");
	/*
	 * KVM (and with it the RMM's boot configuration) comes up with the
	 * first VM, so that raw RMI steps before it see an RMM nobody booted.
	 */
	if (!h->kvm_booted) {
		h->kvm_init = harness_kvm_init();
		h->kvm_booted = true;
	}
	if (h->kvm_init)
		return fail(a, "%s: the RMM offers no RMI revision the host code speaks", "vm_create");
	cfg.ipa_bits = (unsigned int)ipa;
	cfg.ram_base = base;
	cfg.ram_size = size;
	cfg.no_vgic = novgic;
	ret = harness_vm_create(&cfg, &h->vm);
	if (ret) {
		snprintf(a->err, a->errlen, "vm_create: %s", errno_name(ret));
		return -1;
	}
	for (unsigned long long i = 0; i < vcpus; i++)
		if (harness_vcpu_create(h->vm, NULL))
			return fail(a, "%s: vCPU creation failed", "vm_create");
	return 0;
}

static int step_populate(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { "base", "size", "measure", "guest", "fill", "expect",
					    NULL };
	unsigned long long base, size, measure, fill;
	const char *guest = find(a, "guest");
	const unsigned char *bytes = NULL;
	unsigned char *buf = NULL;
	unsigned long long pc = 0;
	size_t len = 0;
	int expect, ret;

	if (check_keys(a, keys) || parse_u64(a, "base", ~0ULL, &base) ||
	    parse_u64(a, "size", 0, &size) || parse_max(a, "measure", 0, 1, &measure) ||
	    parse_max(a, "fill", 0, 0xff, &fill) || parse_errno(a, "expect", &expect))
		return -1;
	if (base == ~0ULL)
		return fail(a, "populate: '%s' is required", "base");
	if (guest && find(a, "fill"))
		return fail(a, "populate: '%s' and 'fill' exclude each other", "guest");
	if (guest && harness_guest_program(guest, &bytes, &len, &pc))
		return fail(a, "populate: no guest program '%s'", guest);
	if (guest && !find(a, "size"))
		size = (len + 4095) & ~4095ULL;
	if (dry)
		return 0;
	if (need_vm(h, a, "populate"))
		return -1;
	/*
	 * The harness copies the contents from a source buffer of `size`
	 * bytes, as a VMM would: more than the VM's RAM can never be
	 * populated, and would only make the harness allocate without bound.
	 * Smaller ranges outside RAM are the kernel's to refuse.
	 */
	if (size > harness_vm_ram_size(h->vm)) {
		snprintf(a->err, a->errlen,
			 "populate: size 0x%llx is more than the VM's RAM (0x%llx bytes)", size,
			 harness_vm_ram_size(h->vm));
		return -1;
	}
	if (!guest && fill && size) {
		len = size;
		buf = malloc(len);
		if (!buf)
			return fail(a, "populate: %s", "out of memory");
		memset(buf, (int)fill, len);
		bytes = buf;
	}
	ret = harness_populate(h->vm, base, size, measure, bytes, len);
	free(buf);
	if (ret != expect) {
		snprintf(a->err, a->errlen, "populate: got %s, expected %s", errno_name(ret),
			 expect ? errno_name(expect) : "success");
		return -1;
	}
	if (guest && !ret) {
		h->guest_entry = base + pc;
		h->have_entry = true;
	}
	return 0;
}

static int step_vcpu_create(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { "count", "pc", "x0", "x1", "x2", "x3", "x4", "x5", "x6",
					    "x7", NULL };
	unsigned long long count, pc, x[8];
	unsigned int nx = 0;

	if (check_keys(a, keys) || parse_max(a, "count", 1, HARNESS_MAX_VCPUS, &count) ||
	    parse_u64(a, "pc", 0, &pc))
		return -1;
	for (unsigned int i = 0; i < 8; i++) {
		char key[4] = { 'x', (char)('0' + i), 0 };

		if (parse_u64(a, key, 0, &x[i]))
			return -1;
		if (find(a, key))
			nx = i + 1;
	}
	if (dry)
		return 0;
	if (need_vm(h, a, "vcpu_create"))
		return -1;
	if (!find(a, "pc") && h->have_entry)
		pc = h->guest_entry;
	for (unsigned long long i = 0; i < count; i++) {
		int id, ret = harness_vcpu_create(h->vm, &id);

		if (ret) {
			snprintf(a->err, a->errlen, "vcpu_create: %s", errno_name(ret));
			return -1;
		}
		/* The boot vCPU enters the guest; secondaries wait for CPU_ON. */
		if (id == 0 && harness_vcpu_set_entry(h->vm, id, pc, x, nx))
			return fail(a, "vcpu_create: %s", "cannot set the entry point");
	}
	return 0;
}

static int parse_reason(struct args *a, int *reason, bool *system_off)
{
	const char *v = find(a, "exit.reason");

	*reason = -1;
	*system_off = false;
	if (!v)
		return 0;
	if (!strcmp(v, "SYSTEM_OFF")) {
		*system_off = true;
		return 0;
	}
	for (int i = 0; i < (int)(sizeof(exit_reasons) / sizeof(exit_reasons[0])); i++)
		if (!strcmp(exit_reasons[i], v)) {
			*reason = i;
			return 0;
		}
	return fail(a, "exit.reason: unknown '%s'", v);
}

static int step_run(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = {
		"vcpu", "exit.reason", "exit.imm", "max_exits", "mmio_read", "refuse_conversion",
		"exit.x0", "exit.x1", "exit.x2", "exit.x3", "exit.x4", "exit.x5", "exit.x6",
		"exit.x7", "expect", NULL,
	};
	unsigned long long vcpu = 0, imm, max, mmio, refuse;
	int expect = 0;
	const char *vcpu_s = find(a, "vcpu");
	bool all = vcpu_s && !strcmp(vcpu_s, "all"), system_off;
	struct harness_run run = { 0 };
	int reason;

	/* vCPU ids are below HARNESS_MAX_VCPUS; an HVC/SMC immediate has 16 bits. */
	if (check_keys(a, keys) ||
	    (!all && parse_max(a, "vcpu", 0, HARNESS_MAX_VCPUS - 1, &vcpu)) ||
	    parse_max(a, "exit.imm", 0, 0xffff, &imm) || parse_u64(a, "max_exits", 1000, &max) ||
	    parse_u64(a, "mmio_read", 0, &mmio) ||
	    parse_max(a, "refuse_conversion", 0, 1, &refuse) ||
	    parse_reason(a, &reason, &system_off) || parse_errno(a, "expect", &expect))
		return -1;
	for (unsigned int i = 0; i < 8; i++) {
		char key[8] = "exit.x0";
		unsigned long long v;

		key[6] = (char)('0' + i);
		if (parse_u64(a, key, 0, &v))
			return -1;
	}
	if (!max || max > 1000000)
		return fail(a, "run: max_exits must be 1..%s", "1000000");
	if (dry)
		return 0;
	if (need_vm(h, a, "run"))
		return -1;
	run.max_exits = (unsigned int)max;
	run.stop_on_reason = reason;
	run.mmio_read_value = mmio;
	run.refuse_conversion = refuse;
	if (all)
		harness_run_all(h->vm, &run);
	else if (harness_vcpu_run(h->vm, (int)vcpu, &run) == -EINVAL && !run.exits)
		return fail(a, "run: no vCPU %s", vcpu_s ? vcpu_s : "0");
	/* The last KVM_RUN's result, when the run is meant to end in an error. */
	if (find(a, "expect") && run.ret != expect) {
		snprintf(a->err, a->errlen, "run: KVM_RUN %s, expected %s", errno_name(run.ret),
			 expect ? errno_name(expect) : "success");
		return -1;
	}
	if (reason >= 0 && !run.stopped_on_reason) {
		snprintf(a->err, a->errlen,
			 "run: no %s exit in %u REC exits (last %s, KVM_RUN %s, KVM exit %u)",
			 exit_reasons[reason], run.exits,
			 run.last_reason < 7 ? exit_reasons[run.last_reason] : "?",
			 errno_name(run.ret), run.kvm_exit_reason);
		return -1;
	}
	if (system_off && !run.powered_off) {
		snprintf(a->err, a->errlen, "run: the realm did not power off in %u REC exits (KVM_RUN %s%s)",
			 run.exits, errno_name(run.ret),
			 run.stuck ? ", repeated with no REC exit" : "");
		return -1;
	}
	if (find(a, "exit.imm") && run.last_imm != imm) {
		snprintf(a->err, a->errlen, "run: exit.imm is %u, expected %llu", run.last_imm, imm);
		return -1;
	}
	for (unsigned int i = 0; i < 8; i++) {
		char key[8] = "exit.x0";
		unsigned long long v;

		key[6] = (char)('0' + i);
		parse_u64(a, key, 0, &v);
		if (find(a, key) && run.last_gprs[i] != v) {
			snprintf(a->err, a->errlen, "run: %s is 0x%llx, expected 0x%llx", key,
				 run.last_gprs[i], v);
			return -1;
		}
	}
	return 0;
}

static int step_unmap(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { "base", "size", NULL };
	unsigned long long base, size;

	if (check_keys(a, keys) || parse_u64(a, "base", 0, &base) || parse_u64(a, "size", 0, &size))
		return -1;
	if (dry)
		return 0;
	return need_vm(h, a, "unmap") ? -1 : harness_unmap(h->vm, base, size);
}

static int step_activate(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { "expect", NULL };
	int expect, ret;

	if (check_keys(a, keys) || parse_errno(a, "expect", &expect))
		return -1;
	if (dry)
		return 0;
	if (need_vm(h, a, "activate"))
		return -1;
	ret = harness_activate(h->vm);
	if (ret != expect) {
		snprintf(a->err, a->errlen, "activate: got %s, expected %s", errno_name(ret),
			 expect ? errno_name(expect) : "success");
		return -1;
	}
	return 0;
}

static int step_stage2_uninit(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { NULL };

	if (check_keys(a, keys))
		return -1;
	if (dry)
		return 0;
	return need_vm(h, a, "stage2_uninit") ? -1 : harness_stage2_uninit(h->vm);
}

static int step_vm_destroy(struct scenario_host *h, struct args *a, bool dry)
{
	static const char *const keys[] = { NULL };

	if (check_keys(a, keys))
		return -1;
	if (dry)
		return 0;
	if (need_vm(h, a, "vm_destroy"))
		return -1;
	harness_vm_destroy(h->vm);
	h->vm = NULL;
	return 0;
}

static struct scenario_host *host_open(struct rmm *rmm, struct pmem *pm, char *err, size_t errlen)
{
	struct scenario_host *h = calloc(1, sizeof(*h));

	if (!h) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (mock_machine_attach(rmm, pm, err, errlen)) {
		free(h);
		return NULL;
	}
	return h;
}

static int host_step(struct scenario_host *h, const char *name, const char *const *keys,
		     const char *const *values, size_t n, bool dry_run, char *err, size_t errlen)
{
	struct args a = { keys, values, n, err, errlen };

	if (!dry_run && !h)
		return fail(&a, "%s: no host", name);
	if (!strcmp(name, "vm_create"))
		return step_vm_create(h, &a, dry_run);
	if (!strcmp(name, "populate"))
		return step_populate(h, &a, dry_run);
	if (!strcmp(name, "vcpu_create"))
		return step_vcpu_create(h, &a, dry_run);
	if (!strcmp(name, "run"))
		return step_run(h, &a, dry_run);
	if (!strcmp(name, "unmap"))
		return step_unmap(h, &a, dry_run);
	if (!strcmp(name, "activate"))
		return step_activate(h, &a, dry_run);
	if (!strcmp(name, "stage2_uninit"))
		return step_stage2_uninit(h, &a, dry_run);
	if (!strcmp(name, "vm_destroy"))
		return step_vm_destroy(h, &a, dry_run);
	return fail(&a, "unknown host step '%s'", name);
}

/* A run cut short: destroy the VM the way the host does at exit. */
static void host_teardown(struct scenario_host *h)
{
	if (h->vm) {
		harness_vm_destroy(h->vm);
		h->vm = NULL;
	}
}

/*
 * A VM a passing scenario did not destroy stays: its pages count as leaked.
 * Quarantined pages are not in l.pages (host_quarantined reports them).
 */
static void host_close(struct scenario_host *h, uint64_t *leaked_pages, unsigned int *warnings)
{
	struct mock_leaks l;

	mock_machine_teardown(&l, false);
	if (leaked_pages)
		*leaked_pages = l.pages + l.objects;
	if (warnings)
		*warnings = mock_warn_count();
	free(h);
}

/* Pages the host code quarantined after RMI failures: not leaks (see mock-kernel.h). */
static void host_quarantined(struct scenario_host *h, uint64_t *pages, uint64_t *granules)
{
	unsigned long p;
	unsigned long long g;

	(void)h;
	mock_machine_quarantined(&p, &g);
	*pages = p;
	*granules = g;
}

static const struct scenario_host_ops kernel_host_ops = {
	.steps = step_names,
	.open = host_open,
	.step = host_step,
	.teardown = host_teardown,
	.close = host_close,
	.quarantined = host_quarantined,
};

void kernel_harness_register_scenario_host(void)
{
	scenario_register_host(&kernel_host_ops);
}

const struct scenario_host_ops *kernel_scenario_host_ops(void)
{
	return &kernel_host_ops;
}

struct harness_vm *kernel_scenario_host_vm(struct scenario_host *h)
{
	return h->vm;
}
