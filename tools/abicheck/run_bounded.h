/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Runs a program without a shell (fork + execvp of an argv, so no path is
 * ever quoted) within bounds: wall-clock time, address space, CPU time,
 * captured output.  abi-check runs the compiler and the probe it built
 * through this: a header can make either spin or grow without end.
 */
#ifndef ABICHECK_RUN_BOUNDED_H
#define ABICHECK_RUN_BOUNDED_H

#include <stddef.h>

struct rb_limits {
	unsigned int seconds;		/* wall clock; the whole process group is killed after */
	unsigned long long mem_bytes;	/* RLIMIT_AS of the program (and its children) */
	size_t max_output;		/* stdout + stderr kept; the rest is read and dropped */
	const char *tmpdir;		/* TMPDIR of the program (its temporary files); NULL: ours */
};

enum rb_outcome {
	RB_EXITED,		/* status: the exit status */
	RB_SIGNALED,		/* status: the signal */
	RB_TIMED_OUT,		/* killed after limits.seconds */
	RB_NOT_STARTED,		/* status: errno of fork/pipe/execvp */
	RB_INTERRUPTED,		/* status: SIGINT/SIGTERM/SIGHUP received, program killed */
};

struct rb_result {
	enum rb_outcome outcome;
	int status;
	char *output;		/* NUL-terminated, never NULL; free() it */
};

/*
 * Runs argv[0] (searched in PATH) with stdin from /dev/null and stdout and
 * stderr captured together.  The program gets a process group of its own so
 * that its children (cc1, as, ld) die with it.  Between rb_guard_begin()
 * and rb_guard_end(), SIGINT, SIGTERM and SIGHUP do not kill the caller at
 * once: a running program is killed and rb_run() returns RB_INTERRUPTED, so
 * the caller can clean up and then call rb_guard_end(), which re-raises the
 * signal.
 */
void rb_run(char *const argv[], const struct rb_limits *lim, struct rb_result *r);
void rb_guard_begin(void);
void rb_guard_end(void);

#endif
