// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loading a scenario file and running it: the top-level keys, the granule
 * table, and one run per profile (fresh arena, fresh fake RMM).  Loading
 * ends with a dry run of every step on every profile, so a bad file is
 * reported before anything runs.
 */
#include "scn_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cca-double/vcpu.h>

static const struct scenario_host_ops *host_ops;

void scenario_register_host(const struct scenario_host_ops *ops)
{
	host_ops = ops;
}

const struct scenario_host_ops *scn_host_ops(void)
{
	return host_ops;
}

int scn_err(struct scn_run *r, yaml_node_t *n, const char *fmt, ...)
{
	char msg[1500];
	va_list ap;

	if (r->err[0])
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n)
		snprintf(r->err, sizeof(r->err), "%s:%lu:%lu: %s", r->s->path, ynode_line(n),
			 ynode_col(n), msg);
	else
		snprintf(r->err, sizeof(r->err), "%s: %s", r->s->path, msg);
	return -1;
}

void scn_note(struct scn_run *r, yaml_node_t *n, const char *fmt, ...)
{
	struct scenario *s = (struct scenario *)r->s;
	char msg[600], line[800];
	size_t old = s->notes ? strlen(s->notes) : 0;
	char *grown;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "%s:%lu:%lu: note: %s (profile %s)\n", s->path, ynode_line(n),
		 ynode_col(n), msg, r->abi->name);
	if (s->notes && strstr(s->notes, line))
		return;
	grown = realloc(s->notes, old + strlen(line) + 1);
	if (!grown)
		return;
	memcpy(grown + old, line, strlen(line) + 1);
	s->notes = grown;
}

const char *scenario_notes(const struct scenario *s)
{
	return s->notes ? s->notes : "";
}

/* "1.0, 2.0-betN, ...": the profiles the descriptions define, for messages. */
static void known_profiles(char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = 0;
	for (unsigned int i = 0; i < abi_nprofiles && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", abi_profiles[i]->name);
}

/* Adds a profile once (a list may name it and its N.x). */
static void add_one(struct scenario *s, const char *profile)
{
	for (unsigned int i = 0; i < s->nprofiles; i++)
		if (!strcmp(s->profiles[i], profile))
			return;
	if (s->nprofiles < SCENARIO_MAX_PROFILES)
		s->profiles[s->nprofiles++] = profile;
}

/*
 * Adds the profile `name` names: a profile, `N.x` (every revision of RMI
 * major N: a scenario whose behaviour the revisions share runs on each
 * without being copied) or `any`.  Returns false for an unknown name.
 */
static bool add_profiles(struct scenario *s, const char *name)
{
	unsigned int major;
	char x[2];
	bool found = false;

	if (sscanf(name, "%u.%1[x]", &major, x) == 2 && !strchr(name, '-') &&
	    strlen(name) == (size_t)snprintf(NULL, 0, "%u.x", major)) {
		char family[16];

		snprintf(family, sizeof(family), "v%u", major);
		for (unsigned int i = 0; i < abi_nprofiles; i++)
			if (!strcmp(abi_profiles[i]->family, family)) {
				found = true;
				add_one(s, abi_profiles[i]->name);
			}
		return found;
	}
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		if (!strcmp(name, "any") || !strcmp(name, abi_profiles[i]->name)) {
			found = true;
			add_one(s, abi_profiles[i]->name);
		}
	return found;
}

static int load_profiles(struct scenario *s, yaml_node_t *n)
{
	struct ydoc *d = &s->doc;
	char known[160];

	known_profiles(known, sizeof(known));
	if (!n) {
		s->profiles[s->nprofiles++] = "1.0";
		return 0;
	}
	if (ynode_is_scalar(n)) {
		if (!add_profiles(s, ynode_str(n)))
			return ydoc_err(d, n, "unknown profile '%s' (expected one of %s, N.x for every revision of RMI N, a list, or any)",
					ynode_str(n), known);
		return 0;
	}
	if (!ynode_is_seq(n) || !yseq_len(n) || yseq_len(n) > SCENARIO_MAX_PROFILES)
		return ydoc_err(d, n, "profile: expected a profile name, N.x, a list of them, or any");
	for (size_t i = 0; i < yseq_len(n); i++) {
		yaml_node_t *p = yseq_at(d, n, i);

		if (!ynode_is_scalar(p) || !add_profiles(s, ynode_str(p)))
			return ydoc_err(d, p, "unknown profile (expected one of %s, or N.x)", known);
	}
	return 0;
}

/*
 * A KTAP case name: kunit.py reads up to the end of the line and treats '#'
 * as the start of a directive, so neither may appear; spaces would be
 * folded into the name or taken for indentation.
 */
static bool ktap_safe_name(const char *n)
{
	size_t len = strlen(n);

	if (!len || len > SCENARIO_NAME_MAX)
		return false;
	for (; *n; n++)
		if ((unsigned char)*n <= ' ' || *n == '#' || *n == 0x7f)
			return false;
	return true;
}

/* A name a scenario gives (granules, save:): an identifier of at most 47 characters. */
bool scn_valid_name(const char *n)
{
	if (!n || !*n || strlen(n) > SCN_NAME_MAX || !((*n >= 'a' && *n <= 'z') || (*n >= 'A' && *n <= 'Z') || *n == '_'))
		return false;
	for (; *n; n++)
		if (!((*n >= 'a' && *n <= 'z') || (*n >= 'A' && *n <= 'Z') ||
		      (*n >= '0' && *n <= '9') || *n == '_'))
			return false;
	return true;
}

/*
 * granules: [rd, rtt0, {name: roots, count: 2, align: 8K}, ...]
 * Named NS granules, allocated in order from the arena base.
 */
static int load_granules(struct scenario *s, yaml_node_t *n)
{
	static const char *const keys[] = { "name", "count", "align", NULL };
	struct ydoc *d = &s->doc;
	uint64_t next = 0;

	if (!n)
		return 0;
	if (!ynode_is_seq(n))
		return ydoc_err(d, n, "granules: expected a list of names");
	for (size_t i = 0; i < yseq_len(n); i++) {
		yaml_node_t *g = yseq_at(d, n, i);
		struct scn_granule *sg;
		const char *name = NULL;
		uint64_t count = 1, align = 1;

		if (s->ngranules == SCN_MAX_GRANULES)
			return ydoc_err(d, g, "at most %d named granules", SCN_MAX_GRANULES);
		if (ynode_is_scalar(g)) {
			name = ynode_str(g);
		} else if (ynode_is_map(g)) {
			yaml_node_t *v;

			if (ymap_check_keys(d, g, "granule", keys))
				return -1;
			v = ymap_get(d, g, "name");
			if (!v || yscalar_str(d, v, "name", &name))
				return ydoc_err(d, g, "granule: missing name");
			v = ymap_get(d, g, "count");
			if (v && yscalar_u64(d, v, "count", &count))
				return -1;
			v = ymap_get(d, g, "align");
			if (v) {
				if (yscalar_size(d, v, "align", &align))
					return -1;
				if (!align || align % PMEM_GRANULE_SIZE || align & (align - 1))
					return ydoc_err(d, v, "align: a power of two multiple of 4K");
				align /= PMEM_GRANULE_SIZE;
			}
			if (!count || count > 4096)
				return ydoc_err(d, g, "count: 1..4096");
		} else {
			return ydoc_err(d, g, "granule: expected a name or {name, count, align}");
		}
		if (!scn_valid_name(name))
			return ydoc_err(d, g, "granule name '%s': " SCN_NAME_RULE, name);
		if (scn_granule_find(s, name))
			return ydoc_err(d, g, "granule '%s' declared twice", name);
		next = (next + align - 1) / align * align;
		/* At the granule that does not fit (memory: loads first). */
		if (next + count > s->memory / PMEM_GRANULE_SIZE)
			return ydoc_err(d, g, "granule '%s': the named granules need more than memory: %llu bytes",
					name, (unsigned long long)s->memory);
		sg = &s->granules[s->ngranules++];
		snprintf(sg->name, sizeof(sg->name), "%s", name);
		sg->index = next;
		sg->count = count;
		next += count;
	}
	s->granules_used = next;
	return 0;
}

static void run_init(struct scn_run *r, const struct scenario *s, const char *profile,
		     bool dry)
{
	memset(r, 0, sizeof(*r));
	r->s = s;
	r->d = (struct ydoc *)&s->doc;
	r->abi = abi_profile_find(profile);
	r->dry = dry;
	r->pa_base = s->arena_base;
	r->next_free = s->granules_used;
}

/*
 * Raw FEATURES registers, decoded as the profile lays them out (DEN0137
 * RmiFeatureRegister0): the same ranges as named fields (load_features),
 * so 0xffff... is a load error rather than a failure when a run starts.
 */
static int check_raw_features(struct scn_run *r, struct scenario *s)
{
	yaml_node_t *at = ymap_get(&s->doc, s->features_node, "register0");
	uint64_t r0 = s->platform.feature_register[0];
	struct abi_bits s2sz = abi_bits(r->abi, "feature_register_0", "S2SZ");
	struct abi_bits lpa2 = abi_bits(r->abi, "feature_register_0", "LPA2");
	struct abi_bits bps = abi_bits(r->abi, "feature_register_0", "NUM_BPS");
	struct abi_bits wps = abi_bits(r->abi, "feature_register_0", "NUM_WPS");
	uint64_t sz = abi_bits_get(s2sz, r0);
	uint64_t max = lpa2.width && abi_bits_get(lpa2, r0) ? 52 : 48;

	if (!at)
		at = s->features_node;
	if (s2sz.width && (sz < 32 || sz > max))
		return scn_err(r, at, "register0: S2SZ %llu is out of range (32..%llu)",
			       (unsigned long long)sz, (unsigned long long)max);
	if ((bps.width && !abi_bits_get(bps, r0)) || (wps.width && !abi_bits_get(wps, r0)))
		return scn_err(r, at, "register0: NUM_BPS and NUM_WPS must be at least 1");
	/* The hash flags: register0 in 1.0, register1 in 2.0. */
	for (unsigned int i = 0; i < 2; i++) {
		char reg[24], key[16];
		struct abi_bits h256, h512;
		uint64_t v = s->platform.feature_register[i];

		snprintf(reg, sizeof(reg), "feature_register_%u", i);
		h256 = abi_bits(r->abi, reg, "HASH_SHA_256");
		h512 = abi_bits(r->abi, reg, "HASH_SHA_512");
		if (!h256.width || !h512.width || abi_bits_get(h256, v) || abi_bits_get(h512, v))
			continue;
		snprintf(key, sizeof(key), "register%u", i);
		at = ymap_get(&s->doc, s->features_node, key);
		return scn_err(r, at ? at : s->features_node,
			       "%s: HASH_SHA_256 or HASH_SHA_512 must be set (REALM_CREATE needs a hash algorithm)",
			       key);
	}
	return 0;
}

/* The dry run: every step resolved against the profile, nothing executed. */
static int dry_run(struct scenario *s, const char *profile, char *err, size_t errlen)
{
	struct scn_run r;
	struct fault_plan *plan = fault_plan_new();
	int ret;

	run_init(&r, s, profile, true);
	ret = s->platform.raw_features ? check_raw_features(&r, s) : 0;
	if (!ret)
		ret = scn_load_faults(&r, plan);
	if (!ret)
		ret = scn_run_steps(&r);
	if (!ret)
		ret = scn_check_expect(&r);
	fault_plan_free(plan);
	if (ret)
		snprintf(err, errlen, "%s%s%s", r.err,
			 s->nprofiles > 1 ? " (profile " : "", s->nprofiles > 1 ? profile : "");
	if (ret && s->nprofiles > 1)
		strncat(err, ")", errlen - strlen(err) - 1);
	return ret;
}

/*
 * `features:` - what the platform is: FEATURES by field name (the rest
 * keep their defaults) or as raw registers (register0 .. register4), not
 * both; the VMID width and the GIC's priority bits; the PA size and memory
 * map (scn_platform.c).  Each value is checked here, at its own key, so a
 * platform the fake RMM (rmm_create) would refuse is a load error:
 *  - DEN0137 RmiFeatureRegister0 (spec/<profile>.yaml feature_register_0):
 *    S2SZ is an IPA width, 32..48 bits (52 with LPA2, FEAT_LPA2);
 *    NUM_BPS and NUM_WPS (6 bits) count what a realm may use, at least 1;
 *    SVE_VL (4 bits) and MAX_RECS_ORDER (4 bits) <= 15; PMU_NUM_CTRS
 *    (5 bits) <= 31; GICV3_NUM_LRS 1..16 (the field holds the count minus
 *    one in 4 bits); at least one of HASH_SHA_256 and HASH_SHA_512, since
 *    REALM_CREATE needs a hash algorithm; L0GPTSZ (4 bits) <= 15.
 *  - vmid_bits: VTCR_EL2.VS gives 8- or 16-bit VMIDs (Arm ARM).
 *  - gic_priority_bits: ICH_VTR_EL2.PRIbits, 5..8 (GICv3).
 */
static int load_features(struct scenario *s, yaml_node_t *n)
{
	static const char *const keys[] = { "s2sz", "lpa2", "sve", "sve_vl", "num_bps", "num_wps",
		"pmu", "pmu_num_ctrs", "hash_sha_256", "hash_sha_512", "gicv3_num_lrs",
		"max_recs_order", "l0gptsz", "register0", "register1", "register2", "register3",
		"register4", "vmid_bits", "gic_priority_bits", "pa_bits", "memory_map", NULL };
	struct rmm_features *f = &s->features;
	struct { const char *name; unsigned int *field, lo, hi; const char *range; } uints[] = {
		{ "s2sz", &f->s2sz, 32, 52, "32..48, 52 with lpa2" },
		{ "sve_vl", &f->sve_vl, 0, 15, "0..15" },
		{ "num_bps", &f->num_bps, 1, 63, "1..63" },
		{ "num_wps", &f->num_wps, 1, 63, "1..63" },
		{ "pmu_num_ctrs", &f->pmu_num_ctrs, 0, 31, "0..31" },
		{ "gicv3_num_lrs", &f->gicv3_num_lrs, 1, 16, "1..16" },
		{ "max_recs_order", &f->max_recs_order, 0, 15, "0..15" },
		{ "l0gptsz", &f->l0gptsz, 0, 15, "0..15" },
		{ "vmid_bits", &s->platform.vmid_bits, 8, 16, "8 or 16" },
		{ "gic_priority_bits", &s->platform.gic_priority_bits, 5, 8, "5..8" },
	};
	struct { const char *name; bool *field; } bools[] = {
		{ "lpa2", &f->lpa2 }, { "sve", &f->sve }, { "pmu", &f->pmu },
		{ "hash_sha_256", &f->sha256 }, { "hash_sha_512", &f->sha512 },
	};
	yaml_node_t *v;
	uint64_t u;

	if (!n)
		return 0;
	if (!ynode_is_map(n))
		return ydoc_err(&s->doc, n, "features: a mapping of FEATURES fields, registers and platform settings");
	if (ymap_check_keys(&s->doc, n, "features", keys))
		return -1;
	s->features_node = n;
	rmm_default_features(f);
	for (size_t i = 0; i < sizeof(uints) / sizeof(uints[0]); i++) {
		v = ymap_get(&s->doc, n, uints[i].name);
		if (!v)
			continue;
		if (yscalar_u64(&s->doc, v, uints[i].name, &u))
			return -1;
		if (u < uints[i].lo || u > uints[i].hi ||
		    (uints[i].field == &s->platform.vmid_bits && u != 8 && u != 16))
			return ydoc_err(&s->doc, v, "%s: %llu is out of range (%s)", uints[i].name,
					(unsigned long long)u, uints[i].range);
		*uints[i].field = (unsigned int)u;
		s->features_named |= uints[i].field != &s->platform.vmid_bits &&
				      uints[i].field != &s->platform.gic_priority_bits;
	}
	for (size_t i = 0; i < sizeof(bools) / sizeof(bools[0]); i++) {
		v = ymap_get(&s->doc, n, bools[i].name);
		if (!v)
			continue;
		if (yscalar_bool(&s->doc, v, bools[i].name, bools[i].field))
			return -1;
		s->features_named = true;
	}
	v = ymap_get(&s->doc, n, "s2sz");
	if (v && f->s2sz > 48 && !f->lpa2)
		return ydoc_err(&s->doc, v, "s2sz: %u needs lpa2: true (at most 48 without it)", f->s2sz);
	if (!f->sha256 && !f->sha512)
		return ydoc_err(&s->doc, n, "features: hash_sha_256 or hash_sha_512 must be true (REALM_CREATE needs a hash algorithm)");
	for (unsigned int i = 0; i < 5; i++) {
		char key[16];

		snprintf(key, sizeof(key), "register%u", i);
		v = ymap_get(&s->doc, n, key);
		if (!v)
			continue;
		if (s->features_named)
			return ydoc_err(&s->doc, v, "features: field names or raw registers, not both");
		if (yscalar_u64(&s->doc, v, key, &s->platform.feature_register[i]))
			return -1;
		s->platform.raw_features = true;
	}
	return scn_load_platform_map(s, n);
}

struct scenario *scenario_load(const char *path, char *err, size_t errlen)
{
	static const char *const keys[] = { "name", "description", "profile", "memory",
		"granules", "steps", "faults", "expect", "features", NULL };
	struct scenario *s = calloc(1, sizeof(*s));
	yaml_node_t *root, *n;

	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->path = strdup(path);
	if (ydoc_load_file(&s->doc, s->path))
		goto fail;
	root = ydoc_root(&s->doc);
	if (!ynode_is_map(root)) {
		ydoc_err(&s->doc, root, "a scenario is a mapping (name, profile, granules, steps ...)");
		goto fail;
	}
	if (ymap_check_keys(&s->doc, root, "scenario", keys))
		goto fail;
	n = ymap_get(&s->doc, root, "name");
	if (!n || yscalar_str(&s->doc, n, "name", &s->name)) {
		ydoc_err(&s->doc, n ? n : root, "missing 'name'");
		goto fail;
	}
	if (!ktap_safe_name(s->name)) {
		ydoc_err(&s->doc, n, "name: '%s' must be 1..%d printable characters without '#', "
			 "spaces or control characters (it names a KTAP test case)", s->name,
			 SCENARIO_NAME_MAX);
		goto fail;
	}
	n = ymap_get(&s->doc, root, "description");
	if (n && yscalar_str(&s->doc, n, "description", &s->description))
		goto fail;
	if (load_profiles(s, ymap_get(&s->doc, root, "profile")))
		goto fail;
	if (scn_load_memory(s, ymap_get(&s->doc, root, "memory")))
		goto fail;
	if (load_granules(s, ymap_get(&s->doc, root, "granules")))
		goto fail;
	if (load_features(s, ymap_get(&s->doc, root, "features")))
		goto fail;
	s->steps = ymap_get(&s->doc, root, "steps");
	s->faults = ymap_get(&s->doc, root, "faults");
	s->expect = ymap_get(&s->doc, root, "expect");
	if (!ynode_is_seq(s->steps) || !yseq_len(s->steps)) {
		ydoc_err(&s->doc, s->steps ? s->steps : root, "'steps' must be a non-empty list");
		goto fail;
	}
	if (s->faults && !ynode_is_seq(s->faults)) {
		ydoc_err(&s->doc, s->faults, "'faults' must be a list of rules");
		goto fail;
	}
	if (s->expect && !ynode_is_map(s->expect)) {
		ydoc_err(&s->doc, s->expect, "'expect' must be a mapping");
		goto fail;
	}
	for (unsigned int i = 0; i < s->nprofiles; i++)
		if (dry_run(s, s->profiles[i], err, errlen)) {
			scenario_free(s);
			return NULL;
		}
	return s;
fail:
	snprintf(err, errlen, "%s", s->doc.error[0] ? s->doc.error : "cannot load scenario");
	scenario_free(s);
	return NULL;
}

void scenario_free(struct scenario *s)
{
	if (!s)
		return;
	ydoc_free(&s->doc);
	free(s->notes);
	free(s->path);
	free(s);
}

const char *scenario_name(const struct scenario *s)
{
	return s->name;
}

const char *scenario_description(const struct scenario *s)
{
	return s->description ? s->description : "";
}

const char *scenario_path(const struct scenario *s)
{
	return s->path;
}

unsigned int scenario_nprofiles(const struct scenario *s)
{
	return s->nprofiles;
}

const char *scenario_profile(const struct scenario *s, unsigned int i)
{
	return i < s->nprofiles ? s->profiles[i] : NULL;
}

bool scenario_runs_on(const struct scenario *s, const char *profile)
{
	for (unsigned int i = 0; i < s->nprofiles; i++)
		if (!strcmp(s->profiles[i], profile))
			return true;
	return false;
}

/* Trace names: the scenario's granules, by PA. */
static const char *namer(void *ctx, uint64_t value, uint64_t *offset)
{
	struct scn_run *r = ctx;

	for (unsigned int i = 0; i < r->s->ngranules; i++) {
		const struct scn_granule *g = &r->s->granules[i];
		uint64_t pa = scn_granule_pa(r, g);

		if (value >= pa && value < pa + g->count * PMEM_GRANULE_SIZE) {
			*offset = value - pa;
			return g->name;
		}
	}
	return NULL;
}

struct scenario_branch {
	struct scn_run *r;
	size_t calls_done;
	struct scenario_run_opts child_opts;	/* the run's options once forked */
};

static void after_call(void *ctx, const struct abi_command *cmd, const uint64_t *args);

int scenario_run(const struct scenario *s, const char *profile,
		 const struct scenario_run_opts *opts, struct scenario_result *res)
{
	static const struct scenario_run_opts no_opts;
	struct pmem_config pc = { 0 };
	struct rmm_config rc = { 0 };
	struct scn_run r;
	struct scenario_branch branch = { .r = &r };
	char err[512];
	int ret = -1;
	unsigned long gpf_before = pmem_gpf_count();

	memset(res, 0, sizeof(*res));
	if (!opts)
		opts = &no_opts;
	if (!scenario_runs_on(s, profile)) {
		snprintf(res->failure, sizeof(res->failure), "%s: does not run on profile %s",
			 s->path, profile);
		return -1;
	}
	run_init(&r, s, profile, false);
	r.opts = opts;
	r.branch = &branch;
	r.res = res;
	pc.size = s->memory;
	pc.pa_base = r.pa_base;
	r.pm = pmem_create(&pc, err, sizeof(err));
	if (!r.pm) {
		scn_err(&r, NULL, "arena: %s", err);
		goto out;
	}
	rc.profile = profile;
	rc.pmem = r.pm;
	rc.platform = s->platform;
	if (s->features_named) {
		rc.features = s->features;
		rc.features_set = true;
	}
	r.rmm = rmm_create(&rc, err, sizeof(err));
	if (!r.rmm) {
		scn_err(&r, s->features_node, "fake RMM: %s", err);
		goto out;
	}
	/* Lines are kept for `expect: trace:` only (a run that ignores expect formats none). */
	r.trace = trace_new(opts->trace_out, !opts->ignore_expect);
	trace_set_namer(r.trace, namer, &r);
	rmm_set_trace(r.rmm, r.trace);
	if (opts->record_calls || opts->before_call || opts->on_rmi_call)
		trace_set_call_hook(r.trace, after_call, &r);
	r.plan = fault_plan_new();
	for (size_t i = 0; i < opts->nextra_faults; i++) {
		char warn[256];

		if (fault_plan_add(r.plan, r.abi, &opts->extra_faults[i], err, sizeof(err), warn,
				   sizeof(warn))) {
			scn_err(&r, NULL, "injected fault: %s", err);
			goto out;
		}
	}
	if (scn_load_faults(&r, r.plan))
		goto out;
	rmm_set_faults(r.rmm, r.plan);
	/* Before the host starts: opening it may make RMI calls already. */
	if (opts->before_call)
		opts->before_call(opts->before_call_ctx, &branch, 0);
	/* From here on r.opts, not opts: a branched run has options of its own. */
	if (scn_host_ops()) {
		r.host = scn_host_ops()->open(r.rmm, r.pm, err, sizeof(err));
		if (!r.host) {
			scn_err(&r, NULL, "host: %s", err);
			goto out;
		}
	}
	ret = scn_run_steps(&r);
	if (r.host && ret && scn_host_ops()->teardown)
		scn_host_ops()->teardown(r.host);
	if (r.host) {
		if (scn_host_ops()->quarantined)
			scn_host_ops()->quarantined(r.host, &res->quarantined_pages,
						    &res->quarantined_granules);
		scn_host_ops()->close(r.host, &res->leaked_pages, &res->warnings);
		r.host = NULL;
	}
	res->rmi_calls = rmm_call_count(r.rmm);
	res->leaked_granules = rmm_granules_not_ns(r.rmm);
	res->teardown_complete = res->leaked_granules == 0;
	/* What the host keeps on purpose is no leak (the RMM holds it for good). */
	res->leaked_granules -= res->quarantined_granules < res->leaked_granules
					? res->quarantined_granules : res->leaked_granules;
	res->gpfs = (unsigned int)(pmem_gpf_count() - gpf_before);
	for (size_t i = 0; i < fault_plan_nrules(r.plan); i++)
		res->fault_fired |= fault_plan_rule(r.plan, i)->fired > 0;
	if (!ret && !r.opts->ignore_expect)
		ret = scn_check_expect(&r);
	if (r.opts->on_result) {
		res->passed = ret == 0;
		if (ret)
			snprintf(res->failure, sizeof(res->failure), "%s", r.err);
		r.opts->on_result(r.opts->on_result_ctx, res);
	}
out:
	if (r.host)
		scn_host_ops()->close(r.host, &res->leaked_pages, &res->warnings);
	if (r.rmm)
		rmm_destroy(r.rmm);
	if (r.pm)
		pmem_destroy(r.pm);
	trace_free(r.trace);
	fault_plan_free(r.plan);
	res->passed = ret == 0;
	if (ret)
		snprintf(res->failure, sizeof(res->failure), "%s", r.err);
	return ret;
}

static void record_call(struct scn_run *r, const struct abi_command *cmd, const uint64_t *args)
{
	struct scenario_result *res = r->res;
	const char *command = cmd->name;
	struct scenario_call *c;
	uint64_t nth = 1;
	int li = abi_arg_index(cmd, "level");

	for (size_t i = 0; i < res->ncalls; i++)
		nth += !strcmp(res->calls[i].command, command);
	c = realloc(res->calls, (res->ncalls + 1) * sizeof(*c));
	if (!c)
		return;
	res->calls = c;
	snprintf(c[res->ncalls].command, sizeof(c->command), "%s", command);
	c[res->ncalls].nth = nth;
	c[res->ncalls].level = li >= 0 && args[li] <= 3 ? (int)args[li] : -1;
	res->ncalls++;
}

/* The trace's call hook: after each RMI call, so before the next one. */
static void after_call(void *ctx, const struct abi_command *cmd, const uint64_t *args)
{
	struct scn_run *r = ctx;

	if (r->opts->record_calls)
		record_call(r, cmd, args);
	if (r->opts->on_rmi_call)
		r->opts->on_rmi_call(r->opts->on_rmi_call_ctx, r->rmm, cmd, args);
	r->branch->calls_done++;
	if (r->opts->before_call)
		r->opts->before_call(r->opts->before_call_ctx, r->branch, r->branch->calls_done);
}

int scenario_branch_prepare(struct scenario_branch *b, int fd, char *err, size_t errlen)
{
	/* The child's first vCPU engine, built once here rather than in every child. */
	vcpu_prepare_engine();
	return pmem_copy(b->r->pm, fd, err, errlen);
}

int scenario_branch_child(struct scenario_branch *b, int fd, const struct fault_rule *rule,
			  char *err, size_t errlen)
{
	struct scn_run *r = b->r;

	if (pmem_adopt(r->pm, fd, err, errlen))
		return -1;
	close(fd);	/* the arena's own descriptor now names the copy */
	if (rule && fault_plan_add_first(r->plan, r->abi, rule, err, errlen))
		return -1;
	b->child_opts = *r->opts;
	b->child_opts.ignore_expect = true;
	trace_set_keep(r->trace, false);
	b->child_opts.before_call = NULL;
	r->opts = &b->child_opts;
	return 0;
}

void scenario_result_free(struct scenario_result *res)
{
	free(res->calls);
	res->calls = NULL;
	res->ncalls = 0;
}
