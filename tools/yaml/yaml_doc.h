/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A thin layer over libyaml's document API: load a file, walk mappings and
 * sequences, convert scalars, and report errors as "file:line:col: message"
 * so every consumer (ABI generator, scenario runner) names where and what.
 */
#ifndef CCA_YAML_DOC_H
#define CCA_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

struct ydoc {
	const char *path;
	yaml_document_t doc;
	bool loaded;
	char error[512];	/* first error, "path:line:col: what" */
};

/* Returns 0, or -1 with ydoc->error set (syntax errors included). */
int ydoc_load_file(struct ydoc *d, const char *path);
int ydoc_load_string(struct ydoc *d, const char *name, const char *text, size_t len);
void ydoc_free(struct ydoc *d);

yaml_node_t *ydoc_root(struct ydoc *d);

/* Records "path:line:col: fmt" as the error (first one wins); returns -1. */
int ydoc_err(struct ydoc *d, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

bool ynode_is_map(const yaml_node_t *n);
bool ynode_is_seq(const yaml_node_t *n);
bool ynode_is_scalar(const yaml_node_t *n);
/* A `~`, `null` or empty plain scalar. */
bool ynode_is_null(const yaml_node_t *n);
const char *ynode_str(const yaml_node_t *n);	/* NULL unless scalar */
unsigned long ynode_line(const yaml_node_t *n);	/* 1-based */
unsigned long ynode_col(const yaml_node_t *n);	/* 1-based */

/* Mapping access. */
yaml_node_t *ymap_get(struct ydoc *d, yaml_node_t *map, const char *key);
size_t ymap_len(const yaml_node_t *map);
/* i-th pair: key scalar text and value node. */
const char *ymap_key(struct ydoc *d, yaml_node_t *map, size_t i, yaml_node_t **key_node,
		     yaml_node_t **value);
/*
 * Fails (with an error naming the key and listing the allowed ones) if the
 * mapping has a key not in the NULL-terminated `allowed` list.
 */
int ymap_check_keys(struct ydoc *d, yaml_node_t *map, const char *what,
		    const char *const *allowed);

/* Sequence access. */
size_t yseq_len(const yaml_node_t *seq);
yaml_node_t *yseq_at(struct ydoc *d, yaml_node_t *seq, size_t i);

/*
 * Scalar conversion.  Integers accept decimal, 0x hex, 0b binary, a leading
 * '-', and the size suffixes K, M, G, T (binary multiples) when `sizes`.
 */
int yscalar_u64(struct ydoc *d, yaml_node_t *n, const char *what, uint64_t *out);
int yscalar_s64(struct ydoc *d, yaml_node_t *n, const char *what, int64_t *out);
int yscalar_size(struct ydoc *d, yaml_node_t *n, const char *what, uint64_t *out);
int yscalar_bool(struct ydoc *d, yaml_node_t *n, const char *what, bool *out);
int yscalar_str(struct ydoc *d, yaml_node_t *n, const char *what, const char **out);

/*
 * Parses a number as above from plain text; returns 0, YDOC_OVERFLOW when
 * it is a number too large for the type, or -1 when it is not a number.
 */
#define YDOC_OVERFLOW (-2)
int parse_u64_text(const char *s, bool sizes, uint64_t *out);
int parse_s64_text(const char *s, int64_t *out);

#endif
