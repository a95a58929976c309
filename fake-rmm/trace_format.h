/* SPDX-License-Identifier: BSD-3-Clause */
/* Formatting shared by the trace's call lines (trace.c) and exit details (trace_exit.c). */
#ifndef CCA_FAKE_RMM_TRACE_FORMAT_H
#define CCA_FAKE_RMM_TRACE_FORMAT_H

#include <stddef.h>

/* printf into buf[used..len); returns the new length, capped at len (never overruns). */
size_t trace_append(char *buf, size_t used, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
