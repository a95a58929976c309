/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef ABIGEN_EMIT_H
#define ABIGEN_EMIT_H

#include <stddef.h>

#include "spec_model.h"

int emit_profile_header(const struct m_profile *p, const char *path);
/*
 * The names every profile of `ps` that defines them agrees on: unprefixed
 * (ident NULL, common.h) or with a family prefix (ident "v2": RMI_V2_FID_...,
 * struct rmi_v2_rec_exit) for the revisions of one RMI major version.
 */
int emit_common_header(const struct m_profile *ps, int np, const char *path, const char *ident);
int emit_tables(const struct m_profile *ps, int np, const char *path);
/* Assembler .equ lines for guest programs: RSI/PSCI FIDs and RSI struct offsets. */
int emit_guest_include(const struct m_profile *ps, int np, const char *path);

/* Naming, shared by the emitters. */
/* "rsi_status" -> ("RSI", "STATUS"); anything else -> ("RMI", NAME). */
void split_group(const char *name, char *iface, char *rest, size_t len);
void upper(char *dst, const char *src, size_t len);
/* iface + (ident) + rest: RMI_V1_0_STATUS or RMI_STATUS. */
void macro_prefix(char *out, size_t len, const char *iface, const char *ident, const char *rest);
const char *iface_name(enum m_iface i);		/* "RMI", "RSI", "PSCI" */

#endif
