/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef ABIGEN_EMIT_H
#define ABIGEN_EMIT_H

#include "spec_model.h"

int emit_profile_header(const struct m_profile *p, const char *path);
int emit_common_header(const struct m_profile *ps, int np, const char *path);
int emit_tables(const struct m_profile *ps, int np, const char *path);

#endif
