// SPDX-License-Identifier: BSD-3-Clause
/*
 * The steps of a scenario: `rmi:` calls (args, expect, out, exit), memory
 * `write:` steps, and host-level steps handed to the kernel harness.  The
 * same code runs for the dry run (names and types resolved, nothing
 * executed) and for the real run, so what was checked is what runs.
 */
#include "scn_internal.h"

#include <stdlib.h>
#include <string.h>

#include <cca-double/guests.h>

#define RUN_EXIT_OFFSET 0x800	/* rec_exit within rec_run, from the description */

static const struct abi_command *find_command(struct scn_run *r, yaml_node_t *n)
{
	const char *name = ynode_str(n);
	const struct abi_command *c;

	if (!name) {
		scn_err(r, n, "rmi: expected a command name");
		return NULL;
	}
	c = abi_command_by_name(r->abi, ABI_RMI, name);
	if (!c) {
		scn_err(r, n, "unknown RMI command '%s' in profile %s (spec name without RMI_)", name,
			r->abi->name);
		return NULL;
	}
	if (!c->args_known) {
		scn_err(r, n, "%s: its arguments are not described in profile %s", name, r->abi->name);
		return NULL;
	}
	return c;
}

/* Argument values, writing parameter pages for mappings. */
static int resolve_args(struct scn_run *r, const struct abi_command *c, yaml_node_t *args,
			uint64_t *vals, uint64_t *param_page)
{
	*param_page = 0;
	if (!args)
		return 0;
	if (!ynode_is_map(args))
		return scn_err(r, args, "args: expected a mapping {name: value}");
	for (size_t i = 0; i < ymap_len(args); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, args, i, &kn, &v);
		int idx = k ? abi_arg_index(c, k) : -1;
		char what[96];

		if (idx < 0) {
			char list[256] = "";
			size_t used = 0;

			for (unsigned int j = 0; j < c->nargs; j++)
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
							 j ? ", " : "", c->args[j]);
			return scn_err(r, kn, "%s has no argument '%s' (arguments: %s)", c->name,
				       k ? k : "?", list);
		}
		snprintf(what, sizeof(what), "%s %s", c->name, k);
		if (ynode_is_map(v) && c->param_arg && !strcmp(c->param_arg, k)) {
			const struct abi_struct *st = abi_struct_find(r->abi, c->param_struct);
			uint64_t pa = scn_alloc_ns(r);

			if (!r->dry && !pa)
				return scn_err(r, v, "%s: the arena is full", what);
			if (scn_write_struct(r, v, st, r->dry ? NULL : pmem_host_ptr(r->pm, pa), what))
				return -1;
			vals[idx] = pa;
			*param_page = pa;
			continue;
		}
		if (scn_value(r, v, what, &vals[idx]))
			return -1;
	}
	return 0;
}

/* expect: SUCCESS | ERROR_RTT | {status: ERROR_RTT, index: 2} | any */
static int parse_expect(struct scn_run *r, yaml_node_t *n, bool *any, uint64_t *x0)
{
	static const char *const keys[] = { "status", "index", NULL };
	const struct abi_enum *st = abi_enum_find(r->abi, "status");
	yaml_node_t *sn = n, *in = NULL;
	int64_t status;
	uint64_t index = 0;

	*any = false;
	if (!n) {
		*x0 = 0;
		return 0;
	}
	if (ynode_is_map(n)) {
		if (ymap_check_keys(r->d, n, "expect", keys))
			return scn_err(r, n, "%s", r->d->error);
		sn = ymap_get(r->d, n, "status");
		in = ymap_get(r->d, n, "index");
		if (!sn)
			return scn_err(r, n, "expect: missing status");
	}
	if (!ynode_is_scalar(sn))
		return scn_err(r, sn, "expect: a status name");
	if (!strcmp(ynode_str(sn), "any")) {
		*any = true;
		return 0;
	}
	if (!strcmp(ynode_str(sn), "SMC_UNKNOWN")) {
		*x0 = SMC_UNKNOWN;
		return 0;
	}
	if (!abi_enum_value(st, ynode_str(sn), &status))
		return scn_err(r, sn, "expect: unknown status '%s' in profile %s", ynode_str(sn),
			       r->abi->name);
	if (in && (yscalar_u64(r->d, in, "index", &index) || index > 255))
		return scn_err(r, in, "expect: index 0..255");
	*x0 = (uint64_t)status | index << 8;
	return 0;
}

static void status_text(struct scn_run *r, uint64_t x0, char *buf, size_t len)
{
	trace_format_status(r->abi, x0, buf, len);
}

static int check_outputs(struct scn_run *r, const struct abi_command *c, yaml_node_t *out,
			 const struct smc_regs *regs)
{
	if (!out)
		return 0;
	if (!ynode_is_map(out))
		return scn_err(r, out, "out: expected a mapping {result: value}");
	for (size_t i = 0; i < ymap_len(out); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, out, i, &kn, &v);
		int idx = k ? abi_result_index(c, k) : -1;
		uint64_t want;
		char what[96];

		if (idx < 0)
			return scn_err(r, kn, "%s has no output '%s'", c->name, k ? k : "?");
		snprintf(what, sizeof(what), "%s output %s", c->name, k);
		if (scn_value(r, v, what, &want))
			return -1;
		if (!r->dry && regs->x[1 + idx] != want) {
			char got[96], exp[96];

			trace_format_value(r->trace, regs->x[1 + idx], got, sizeof(got));
			trace_format_value(r->trace, want, exp, sizeof(exp));
			return scn_err(r, v, "%s: got %s, expected %s", what, got, exp);
		}
	}
	return 0;
}

/* save: {name: result} keeps a result for later steps' values. */
static int save_outputs(struct scn_run *r, const struct abi_command *c, yaml_node_t *save,
			const struct smc_regs *regs)
{
	if (!save)
		return 0;
	if (!ynode_is_map(save))
		return scn_err(r, save, "save: expected a mapping {name: result}");
	for (size_t i = 0; i < ymap_len(save); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, save, i, &kn, &v);
		const char *res = ynode_str(v);
		int idx = res ? abi_result_index(c, res) : -1;
		unsigned int j;

		if (idx < 0)
			return scn_err(r, v, "%s has no output '%s'", c->name, res ? res : "?");
		if (!scn_valid_name(k))
			return scn_err(r, kn, "save: name '%s': " SCN_NAME_RULE, k ? k : "?");
		if (scn_granule_find(r->s, k))
			return scn_err(r, kn, "save: '%s' must be a new name (not a granule)", k);
		for (j = 0; j < r->nsaved && strcmp(r->saved[j].name, k); j++)
			;
		if (j == r->nsaved) {
			if (r->nsaved == sizeof(r->saved) / sizeof(r->saved[0]))
				return scn_err(r, kn, "save: at most 32 names");
			snprintf(r->saved[j].name, sizeof(r->saved[j].name), "%s", k);
			r->nsaved++;
		}
		r->saved[j].value = r->dry ? 0 : regs->x[1 + idx];
	}
	return 0;
}

static uint64_t read_field(const uint8_t *p, const struct abi_field *f, uint32_t i)
{
	uint64_t v = 0;

	memcpy(&v, p + f->offset + i * f->elem_size, f->elem_size > 8 ? 8 : f->elem_size);
	return v;
}

/* exit: {reason: HOST_CALL, imm: 7, gprs: {0: 5}} checked against rec_exit. */
static int check_exit(struct scn_run *r, const struct abi_command *c, yaml_node_t *ex,
		      uint64_t run_pa)
{
	const struct abi_struct *st = abi_struct_find(r->abi, "rec_exit");
	const struct abi_enum *reasons = abi_enum_find(r->abi, "exit_reason");
	const uint8_t *page;

	if (!ex)
		return 0;
	if (strcmp(c->name, "REC_ENTER"))
		return scn_err(r, ex, "exit: only after REC_ENTER");
	if (!ynode_is_map(ex))
		return scn_err(r, ex, "exit: expected a mapping of rec_exit fields");
	/*
	 * Read through the RMM's view: the run page the scenario named may
	 * be any address, a delegated granule's too (the host view would
	 * fault), or none in the arena (then there is no exit to check).
	 */
	if (!r->dry && (run_pa % PMEM_GRANULE_SIZE || !pmem_contains(r->pm, run_pa, PMEM_GRANULE_SIZE)))
		return scn_err(r, ex, "exit: the run page 0x%llx is not a granule of the arena",
			       (unsigned long long)run_pa);
	page = r->dry ? NULL : (const uint8_t *)pmem_rmm_ptr(r->pm, run_pa) + RUN_EXIT_OFFSET;
	for (size_t i = 0; i < ymap_len(ex); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, ex, i, &kn, &v);
		const char *fname = k && !strcmp(k, "reason") ? "exit_reason" : k;
		const struct abi_field *f = fname ? abi_field_find(st, fname) : NULL;
		char what[96];

		if (!f || f->type == ABI_STRUCT)
			return scn_err(r, kn, "rec_exit has no field '%s' in profile %s", k ? k : "?",
				       r->abi->name);
		snprintf(what, sizeof(what), "rec_exit.%s", fname);
		if (f->count > 1) {
			if (!ynode_is_map(v))
				return scn_err(r, v, "%s: expected {index: value}", what);
			for (size_t j = 0; j < ymap_len(v); j++) {
				yaml_node_t *ik, *iv;
				uint64_t idx, want;

				ymap_key(r->d, v, j, &ik, &iv);
				if (yscalar_u64(r->d, ik, "index", &idx) || idx >= f->count)
					return scn_err(r, ik, "%s: index 0..%u", what, f->count - 1);
				if (scn_value(r, iv, what, &want))
					return -1;
				if (page && read_field(page, f, (uint32_t)idx) != want)
					return scn_err(r, iv, "%s[%llu]: got 0x%llx, expected 0x%llx", what,
						       (unsigned long long)idx,
						       (unsigned long long)read_field(page, f, (uint32_t)idx),
						       (unsigned long long)want);
			}
			continue;
		}
		{
			uint64_t want;
			int64_t ev;

			if (!strcmp(fname, "exit_reason") && ynode_is_scalar(v) &&
			    scn_enum_lookup(reasons, ynode_str(v), &ev))
				want = (uint64_t)ev;
			else if (scn_value(r, v, what, &want))
				return -1;
			if (page && read_field(page, f, 0) != want) {
				const char *gn = !strcmp(fname, "exit_reason") ?
					abi_enum_name(reasons, (int64_t)read_field(page, f, 0)) : NULL;

				return scn_err(r, v, "%s: got %s%s0x%llx%s, expected 0x%llx", what,
					       gn ? gn : "", gn ? " (" : "",
					       (unsigned long long)read_field(page, f, 0), gn ? ")" : "",
					       (unsigned long long)want);
			}
		}
	}
	return 0;
}

static int step_rmi(struct scn_run *r, yaml_node_t *step)
{
	static const char *const keys[] = { "rmi", "args", "expect", "out", "exit", "save", "note",
		NULL };
	const struct abi_command *c;
	uint64_t vals[ABI_MAX_ARGS] = { 0 }, param_page = 0, want = 0;
	struct smc_regs regs = { 0 };
	bool any;

	if (ymap_check_keys(r->d, step, "rmi step", keys))
		return scn_err(r, NULL, "%s", r->d->error);
	c = find_command(r, ymap_get(r->d, step, "rmi"));
	if (!c)
		return -1;
	if (resolve_args(r, c, ymap_get(r->d, step, "args"), vals, &param_page) ||
	    parse_expect(r, ymap_get(r->d, step, "expect"), &any, &want))
		return -1;
	if (!r->dry) {
		regs.x[0] = c->fid;
		memcpy(&regs.x[1], vals, sizeof(vals));
		rmm_smc(r->rmm, &regs);
		{
			/* The RMM's bookkeeping must hold after every call, whatever it answered. */
			char msg[512];

			if (rmm_check_invariants(r->rmm, msg, sizeof(msg)))
				return scn_err(r, ymap_get(r->d, step, "rmi"),
					       "after %s the fake RMM's invariants are broken: %s", c->name, msg);
		}
		if (!strcmp(c->name, "REC_ENTER"))
			r->last_run_page = vals[abi_arg_index(c, "run")];
		if (!strcmp(c->name, "REALM_ACTIVATE") || !strcmp(c->name, "REALM_CREATE") ||
		    !strcmp(c->name, "DATA_CREATE") || !strcmp(c->name, "RTT_INIT_RIPAS")) {
			if (!rmm_realm_measurement(r->rmm, vals[0], 0, r->last_rim))
				r->have_rim = true;
		}
		if (!any && regs.x[0] != want) {
			char got[64], exp[64];

			status_text(r, regs.x[0], got, sizeof(got));
			status_text(r, want, exp, sizeof(exp));
			return scn_err(r, ymap_get(r->d, step, "rmi"), "%s returned %s, expected %s",
				       c->name, got, exp);
		}
	}
	if (check_outputs(r, c, ymap_get(r->d, step, "out"), &regs) ||
	    save_outputs(r, c, ymap_get(r->d, step, "save"), &regs))
		return -1;
	{
		int ri = abi_arg_index(c, "run");

		return check_exit(r, c, ymap_get(r->d, step, "exit"),
				  ri >= 0 ? vals[ri] : param_page);
	}
}

/* write: {to: NAME[+off], guest: PROGRAM | bytes: "de ad" | fill: 0xaa | u64: [..]} */
static int step_write(struct scn_run *r, yaml_node_t *step)
{
	static const char *const keys[] = { "to", "guest", "bytes", "fill", "u64", "size", NULL };
	yaml_node_t *w = ymap_get(r->d, step, "write"), *to, *v;
	uint64_t pa, size = PMEM_GRANULE_SIZE;
	const struct guest_program *g = NULL;
	int kinds = 0;
	uint8_t *dst = NULL;

	if (ymap_len(step) != 1)
		return scn_err(r, step, "a write step has only the 'write' key");
	if (!ynode_is_map(w) || ymap_check_keys(r->d, w, "write", keys))
		return scn_err(r, w, "%s", r->d->error[0] ? r->d->error :
			       "write: expected {to, guest|bytes|fill|u64}");
	to = ymap_get(r->d, w, "to");
	if (!to)
		return scn_err(r, w, "write: missing 'to'");
	if (scn_value(r, to, "write to", &pa))
		return -1;
	v = ymap_get(r->d, w, "size");
	if (v && yscalar_size(r->d, v, "size", &size))
		return scn_err(r, v, "%s", r->d->error);
	kinds = !!ymap_get(r->d, w, "guest") + !!ymap_get(r->d, w, "bytes") +
		!!ymap_get(r->d, w, "fill") + !!ymap_get(r->d, w, "u64");
	if (kinds != 1)
		return scn_err(r, w, "write: exactly one of guest, bytes, fill, u64");
	if ((v = ymap_get(r->d, w, "guest"))) {
		g = ynode_str(v) ? guest_program_find(ynode_str(v)) : NULL;
		if (!g)
			return scn_err(r, v, "unknown guest program '%s' (see scenarios/guests)",
				       ynode_str(v) ? ynode_str(v) : "?");
		if (g->size > size && !ymap_get(r->d, w, "size"))
			size = (g->size + PMEM_GRANULE_SIZE - 1) & ~(PMEM_GRANULE_SIZE - 1);
		if (g->size > size)
			return scn_err(r, v, "guest '%s' is %zu bytes, more than size", g->name, g->size);
	}
	if (!r->dry) {
		dst = pmem_host_ptr(r->pm, pa);
		if (!dst || !pmem_contains(r->pm, pa, size))
			return scn_err(r, to, "write: 0x%llx, %llu bytes: outside the arena",
				       (unsigned long long)pa, (unsigned long long)size);
		/*
		 * Writes are host accesses: only NS granules, or it is the
		 * scenario's bug.  Every granule the bytes touch, the last one
		 * of an unaligned write too.
		 */
		uint64_t last = size ? (pa + size - 1) & ~0xfffULL : 0;

		for (uint64_t g0 = pa & ~0xfffULL; size && g0 <= last; g0 += PMEM_GRANULE_SIZE) {
			enum granule_state gs = rmm_granule_state(r->rmm, g0);

			if (gs != GRANULE_NS)
				return scn_err(r, to, "write to 0x%llx, %llu bytes: granule 0x%llx is %s, not NS",
					       (unsigned long long)pa, (unsigned long long)size,
					       (unsigned long long)g0, granule_state_name(gs));
		}
	}
	if (g) {
		if (dst)
			memcpy(dst, g->bytes, g->size);
	} else if ((v = ymap_get(r->d, w, "fill"))) {
		uint64_t b;

		if (yscalar_u64(r->d, v, "fill", &b) || b > 0xff)
			return scn_err(r, v, "fill: a byte value");
		if (dst)
			memset(dst, (int)b, size);
	} else if ((v = ymap_get(r->d, w, "bytes"))) {
		const char *s = ynode_str(v);
		size_t n = 0;

		if (!s)
			return scn_err(r, v, "bytes: a string of hex bytes");
		for (const char *p = s; *p;) {
			char hex[5] = "0x";
			uint64_t b;

			if (*p == ' ') {
				p++;
				continue;
			}
			if (!p[1])
				return scn_err(r, v, "bytes: odd number of hex digits");
			hex[2] = p[0];
			hex[3] = p[1];
			hex[4] = 0;
			if (parse_u64_text(hex, false, &b))
				return scn_err(r, v, "bytes: '%c%c' is not hex", p[0], p[1]);
			if (n >= size)
				return scn_err(r, v, "bytes: more than size");
			if (dst)
				dst[n] = (uint8_t)b;
			n++;
			p += 2;
		}
	} else {
		v = ymap_get(r->d, w, "u64");
		if (!ynode_is_seq(v) || yseq_len(v) * 8 > size)
			return scn_err(r, v, "u64: a list of at most size/8 values");
		for (size_t i = 0; i < yseq_len(v); i++) {
			uint64_t x;

			if (scn_value(r, yseq_at(r->d, v, i), "u64", &x))
				return -1;
			if (dst)
				memcpy(dst + 8 * i, &x, 8);
		}
	}
	return 0;
}

/* Flattens {a: 1, b: {c: 2}} into a=1, b.c=2 for the host harness. */
static int flatten(struct scn_run *r, yaml_node_t *map, const char *prefix, char **keys,
		   char **vals, size_t *n, size_t max)
{
	if (!map)
		return 0;
	if (!ynode_is_map(map))
		return scn_err(r, map, "expected a mapping of arguments");
	for (size_t i = 0; i < ymap_len(map); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, map, i, &kn, &v);
		char full[128];

		snprintf(full, sizeof(full), "%s%s%s", prefix, *prefix ? "." : "", k ? k : "");
		if (ynode_is_map(v)) {
			if (flatten(r, v, full, keys, vals, n, max))
				return -1;
			continue;
		}
		if (!ynode_is_scalar(v))
			return scn_err(r, v, "%s: expected a value", full);
		if (*n == max)
			return scn_err(r, v, "too many arguments");
		keys[*n] = strdup(full);
		/* Granule names become PAs here, so the harness sees plain values. */
		{
			uint64_t x;
			char buf[32];

			if (scn_granule_find(r->s, ynode_str(v)) && !scn_value(r, v, full, &x)) {
				snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)x);
				vals[*n] = strdup(buf);
			} else {
				vals[*n] = strdup(ynode_str(v));
			}
		}
		(*n)++;
	}
	return 0;
}

static int step_host(struct scn_run *r, yaml_node_t *step, const char *name, yaml_node_t *args)
{
	const struct scenario_host_ops *ops = scn_host_ops();
	char *keys[64], *vals[64], err[1024] = "";
	size_t n = 0;
	int ret;

	if (ymap_len(step) != 1)
		return scn_err(r, step, "a %s step has only the '%s' key", name, name);
	if (flatten(r, ynode_is_null(args) ? NULL : args, "", keys, vals, &n, 64))
		ret = -1;
	else if (r->dry)
		ret = ops->step(NULL, name, (const char *const *)keys, (const char *const *)vals, n,
				true, err, sizeof(err));
	else
		ret = ops->step(r->host, name, (const char *const *)keys, (const char *const *)vals,
				n, false, err, sizeof(err));
	for (size_t i = 0; i < n; i++) {
		free(keys[i]);
		free(vals[i]);
	}
	if (ret && !r->err[0]) {
		size_t len = strlen(name);

		/* "populate: got ENXIO", not "populate: populate: got ENXIO". */
		if (!strncmp(err, name, len) && err[len] == ':' && err[len + 1] == ' ')
			return scn_err(r, step, "%s", err);
		return scn_err(r, step, "%s: %s", name, err);
	}
	return ret;
}

/*
 * delegate: [name, ...] / undelegate: [name, ...]: every granule under each
 * name goes through the profile's own command (GRANULE_DELEGATE in 1.0,
 * GRANULE_RANGE_DELEGATE in 2.0, repeated while it makes progress), and
 * must succeed.
 */
static int step_delegation(struct scn_run *r, yaml_node_t *step, bool delegate)
{
	const char *single = delegate ? "GRANULE_DELEGATE" : "GRANULE_UNDELEGATE";
	const char *range = delegate ? "GRANULE_RANGE_DELEGATE" : "GRANULE_RANGE_UNDELEGATE";
	const struct abi_command *c1 = abi_command_by_name(r->abi, ABI_RMI, single);
	const struct abi_command *cr = abi_command_by_name(r->abi, ABI_RMI, range);
	yaml_node_t *list = ymap_get(r->d, step, delegate ? "delegate" : "undelegate");

	if (ymap_len(step) != 1)
		return scn_err(r, step, "a %s step has only that key", delegate ? "delegate" : "undelegate");
	if (!ynode_is_seq(list))
		return scn_err(r, list, "expected a list of granule names");
	if (!c1 && !cr)
		return scn_err(r, list, "profile %s has neither %s nor %s", r->abi->name, single, range);
	for (size_t i = 0; i < yseq_len(list); i++) {
		yaml_node_t *n = yseq_at(r->d, list, i);
		const struct scn_granule *g = ynode_str(n) ? scn_granule_find(r->s, ynode_str(n)) : NULL;
		uint64_t pa, top;

		if (!g)
			return scn_err(r, n, "'%s' is not a declared granule", ynode_str(n) ? ynode_str(n) : "?");
		if (r->dry)
			continue;
		pa = scn_granule_pa(r, g);
		top = pa + g->count * PMEM_GRANULE_SIZE;
		while (pa < top) {
			struct smc_regs regs = { 0 };
			uint64_t next;

			regs.x[0] = c1 ? c1->fid : cr->fid;
			regs.x[1] = pa;
			regs.x[2] = top;
			rmm_smc(r->rmm, &regs);
			if (regs.x[0]) {
				char st[64], at[96] = "";

				status_text(r, regs.x[0], st, sizeof(st));
				/* A range command says where it stopped (x1), also on failure. */
				if (!c1) {
					strcpy(at, ", stopped at ");
					trace_format_value(r->trace, regs.x[1], at + strlen(at),
							   sizeof(at) - strlen(at));
				}
				return scn_err(r, n, "%s of %s+0x%llx returned %s%s", c1 ? single : range,
					       g->name, (unsigned long long)(pa - scn_granule_pa(r, g)), st,
					       at);
			}
			next = c1 ? pa + PMEM_GRANULE_SIZE : regs.x[1];
			if (next <= pa || next > top)
				return scn_err(r, n, "%s made no progress at 0x%llx", range,
					       (unsigned long long)pa);
			pa = next;
		}
	}
	return 0;
}

static bool is_host_step(const char *name)
{
	const struct scenario_host_ops *ops = scn_host_ops();

	for (const char *const *s = ops ? ops->steps : NULL; s && *s; s++)
		if (!strcmp(*s, name))
			return true;
	return false;
}

int scn_run_steps(struct scn_run *r)
{
	yaml_node_t *steps = r->s->steps;

	for (size_t i = 0; i < yseq_len(steps); i++) {
		yaml_node_t *step = yseq_at(r->d, steps, i), *v;
		const char *kind;

		if (!ynode_is_map(step) || !ymap_len(step))
			return scn_err(r, step, "step %zu: expected a mapping such as {rmi: NAME, args: {...}}",
				       i + 1);
		kind = ymap_key(r->d, step, 0, NULL, &v);
		if (ymap_get(r->d, step, "rmi")) {
			if (step_rmi(r, step))
				return -1;
		} else if (kind && !strcmp(kind, "write")) {
			if (step_write(r, step))
				return -1;
		} else if (kind && (!strcmp(kind, "delegate") || !strcmp(kind, "undelegate"))) {
			if (step_delegation(r, step, !strcmp(kind, "delegate")))
				return -1;
		} else if (kind && is_host_step(kind)) {
			if (step_host(r, step, kind, v))
				return -1;
		} else {
			return scn_err(r, step, "unknown step '%s' (expected rmi, write, delegate, undelegate%s)", kind ? kind : "?",
				       scn_host_ops() ? ", or a host step: vm_create, populate, vcpu_create, run, vm_destroy ..."
						      : "; host-level steps need the kernel harness");
		}
	}
	return 0;
}
