/* SPDX-License-Identifier: BSD-3-Clause */
/* Scenario runner internals: the loaded file and the per-run context. */
#ifndef SCN_INTERNAL_H
#define SCN_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <cca-double/abi.h>
#include <cca-double/fault.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <cca-double/scenario.h>
#include <cca-double/trace.h>

#include "yaml_doc.h"

#define SCN_MAX_GRANULES 512
/* Names a scenario gives (granules, save:): scn_valid_name(). */
#define SCN_NAME_MAX 47
#define SCN_NAME_RULE "letters, digits and _, not starting with a digit, at most 47 characters"

struct scn_granule {
	char name[SCN_NAME_MAX + 1];
	uint64_t index;		/* granule number from the arena base */
	uint64_t count;		/* contiguous granules under this name */
};

struct scenario {
	char *path;
	struct ydoc doc;
	const char *name, *description;
	const char *profiles[SCENARIO_MAX_PROFILES];
	unsigned int nprofiles;
	uint64_t memory;
	struct scn_granule granules[SCN_MAX_GRANULES];
	unsigned int ngranules;
	uint64_t granules_used;	/* first free granule after the named ones */
	yaml_node_t *steps, *faults, *expect;
	char *notes;		/* "file:line:col: note" lines from loading */
	/* `features:` - the platform the RMM is created for (NULL: defaults). */
	yaml_node_t *features_node;
	bool features_named;
	struct rmm_features features;
	struct rmm_platform platform;
	/* `memory: {base}` and `features: {memory_map}` (scn_platform.c). */
	uint64_t arena_base;
	struct rmm_mem_range mem_map[RMM_MEM_MAP_MAX];
};

/* One run (or dry run) of a scenario against one profile. */
struct scn_run {
	const struct scenario *s;
	struct ydoc *d;			/* for error locations */
	const struct abi_profile *abi;
	bool dry;
	struct pmem *pm;
	struct rmm *rmm;
	struct trace *trace;
	struct fault_plan *plan;
	struct scenario_host *host;
	uint64_t pa_base;
	uint64_t next_free;		/* next anonymous NS granule */
	uint64_t last_run_page;		/* run page of the last REC_ENTER */
	uint8_t last_rim[64];
	bool have_rim;
	unsigned int hash_len;
	/* Results kept by `save:` for later steps (SRO handles, tops ...). */
	struct {
		char name[SCN_NAME_MAX + 1];
		uint64_t value;
	} saved[32];
	unsigned int nsaved;
	const struct scenario_run_opts *opts;
	struct scenario_branch *branch;	/* calls made, for before_call */
	struct scenario_result *res;
	char err[2048];
};

/* scn_platform.c: `memory:` (size, base) and the platform map keys of `features:`. */
int scn_load_memory(struct scenario *s, yaml_node_t *n);
int scn_load_platform_map(struct scenario *s, yaml_node_t *features);

/* scn_value.c: values of arguments, outputs and fields. */
int scn_value(struct scn_run *r, yaml_node_t *n, const char *what, uint64_t *out);
/* Enum value by name (case and '_' insensitive), e.g. sha256 for SHA_256. */
bool scn_valid_name(const char *n);
bool scn_enum_lookup(const struct abi_enum *e, const char *text, int64_t *out);
const struct scn_granule *scn_granule_find(const struct scenario *s, const char *name);
uint64_t scn_granule_pa(const struct scn_run *r, const struct scn_granule *g);

/* scn_params.c: a mapping of a struct's fields written into an NS granule. */
int scn_write_struct(struct scn_run *r, yaml_node_t *map, const struct abi_struct *st,
		     uint8_t *page, const char *what);
uint64_t scn_alloc_ns(struct scn_run *r);

/* scn_steps.c */
int scn_run_steps(struct scn_run *r);
/* scn_faults.c */
int scn_load_faults(struct scn_run *r, struct fault_plan *plan);
/* scn_expect.c */
int scn_check_expect(struct scn_run *r);
/* Records the first error at node n; returns -1. */
int scn_err(struct scn_run *r, yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records a note (not an error) at node n, shown with the scenario's results. */
void scn_note(struct scn_run *r, yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The registered host-level step provider, or NULL. */
const struct scenario_host_ops *scn_host_ops(void);

#endif
