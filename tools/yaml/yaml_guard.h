/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Checks around libyaml (yaml_guard.c): limits and strictness it lacks.
 * Used by yaml_doc.c's loaders; errors go to ydoc->error as
 * "file:line:col: what".
 */
#ifndef CCA_YAML_GUARD_H
#define CCA_YAML_GUARD_H

#include <stddef.h>

#include "yaml_doc.h"

/* Largest file a loader takes, and deepest nesting of [ ] / { } and blocks. */
#define YDOC_MAX_BYTES (1024u * 1024u)
#define YDOC_MAX_DEPTH 32u

/* Before parsing: size, UTF-8, tabs in indentation, flow nesting. */
int ydoc_check_text(struct ydoc *d, const unsigned char *text, size_t len);
/* After parsing: duplicate keys in any mapping. */
int ydoc_check_tree(struct ydoc *d);

#endif
