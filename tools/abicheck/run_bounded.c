// SPDX-License-Identifier: BSD-3-Clause
/* Running a program within bounds, without a shell (see run_bounded.h). */
#define _GNU_SOURCE
#include "run_bounded.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int guarded[] = { SIGINT, SIGTERM, SIGHUP };
#define NGUARDED (sizeof(guarded) / sizeof(guarded[0]))
static struct sigaction saved[NGUARDED];
static bool installed[NGUARDED];
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

void rb_guard_begin(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	caught = 0;
	for (unsigned int i = 0; i < NGUARDED; i++) {
		struct sigaction old;

		/* A signal the caller ignores (nohup) stays ignored. */
		installed[i] = !sigaction(guarded[i], NULL, &old) && old.sa_handler != SIG_IGN &&
			       !sigaction(guarded[i], &sa, &saved[i]);
	}
}

void rb_guard_end(void)
{
	for (unsigned int i = 0; i < NGUARDED; i++)
		if (installed[i])
			sigaction(guarded[i], &saved[i], NULL);
	memset(installed, 0, sizeof(installed));
	if (caught) {
		int sig = caught;

		caught = 0;
		raise(sig);
	}
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Lowers a limit to v (soft) and hard (hard), never above the current hard limit. */
static void lower_limit(int resource, rlim_t v, rlim_t hard)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl))
		return;
	if (rl.rlim_max != RLIM_INFINITY && hard > rl.rlim_max)
		hard = rl.rlim_max;
	if (v > hard)
		v = hard;
	rl.rlim_cur = v;
	rl.rlim_max = hard;
	setrlimit(resource, &rl);
}

/* In the child: only async-signal-safe calls until exec. */
static void __attribute__((noreturn))
start(char *const argv[], char *const envp[], const struct rb_limits *lim, int out, int errpipe)
{
	int null = open("/dev/null", O_RDONLY);
	int e;

	setpgid(0, 0);
	if (null >= 0)
		dup2(null, 0);
	dup2(out, 1);
	dup2(out, 2);
	lower_limit(RLIMIT_AS, (rlim_t)lim->mem_bytes, (rlim_t)lim->mem_bytes);
	/* A backstop should the caller die without killing it. */
	lower_limit(RLIMIT_CPU, (rlim_t)lim->seconds + 1, (rlim_t)lim->seconds + 2);
	execvpe(argv[0], argv, envp);
	e = errno;
	if (write(errpipe, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

/* environ with TMPDIR replaced by tmpdir (NULL: environ itself). */
static char **environment(const char *tmpdir, char **var)
{
	extern char **environ;
	size_t n = 0, k = 0;
	char **env;

	*var = NULL;
	if (!tmpdir)
		return environ;
	while (environ[n])
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (!env || asprintf(var, "TMPDIR=%s", tmpdir) < 0)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "TMPDIR=", 7))
			env[k++] = environ[i];
	env[k++] = *var;
	env[k] = NULL;
	return env;
}

static void append(char **buf, size_t *len, size_t max, const char *data, size_t n)
{
	if (*len + n > max)
		n = max - *len;
	if (!n)
		return;
	*buf = realloc(*buf, *len + n + 1);
	if (!*buf)
		abort();
	memcpy(*buf + *len, data, n);
	*len += n;
	(*buf)[*len] = 0;
}

/* Reads what is there now; false at the end of the output. */
static bool read_some(int fd, char **buf, size_t *len, size_t max, int wait_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char chunk[4096];
	ssize_t n;

	if (poll(&p, 1, wait_ms) <= 0)
		return true;
	n = read(fd, chunk, sizeof(chunk));
	if (n > 0)
		append(buf, len, max, chunk, (size_t)n);
	return n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN));
}

static bool exited(pid_t pid)
{
	siginfo_t si;

	/* WNOWAIT: not reaped yet, so its process group is still ours to kill. */
	memset(&si, 0, sizeof(si));
	return !waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) && si.si_pid == pid;
}

void rb_run(char *const argv[], const struct rb_limits *lim, struct rb_result *r)
{
	int out[2], errpipe[2], e = 0, st = 0;
	char *var, **env;
	size_t len = 0;
	long long deadline;
	bool open_out = true;
	ssize_t n;
	pid_t pid;

	r->output = calloc(1, 1);
	if (!r->output)
		abort();
	r->status = 0;
	if (caught) {
		r->outcome = RB_INTERRUPTED;
		r->status = caught;
		return;
	}
	if (pipe2(out, O_CLOEXEC)) {
		r->outcome = RB_NOT_STARTED;
		r->status = errno;
		return;
	}
	if (pipe2(errpipe, O_CLOEXEC)) {
		r->outcome = RB_NOT_STARTED;
		r->status = errno;
		close(out[0]);
		close(out[1]);
		return;
	}
	env = environment(lim->tmpdir, &var);
	pid = fork();
	if (pid == 0)
		start(argv, env, lim, out[1], errpipe[1]);
	e = errno;
	if (lim->tmpdir)
		free(env);
	free(var);
	close(out[1]);
	close(errpipe[1]);
	if (pid < 0) {
		close(out[0]);
		close(errpipe[0]);
		r->outcome = RB_NOT_STARTED;
		r->status = e;
		return;
	}
	setpgid(pid, pid);	/* as the child does: whichever runs first */
	/* The exec's errno, or nothing once the exec closed the pipe. */
	while ((n = read(errpipe[0], &e, sizeof(e))) < 0 && errno == EINTR)
		;
	close(errpipe[0]);
	if (n == (ssize_t)sizeof(e)) {
		close(out[0]);
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		r->outcome = RB_NOT_STARTED;
		r->status = e;
		return;
	}
	deadline = now_ms() + (long long)lim->seconds * 1000;
	r->outcome = RB_EXITED;
	for (;;) {
		long long left = deadline - now_ms();

		if (caught) {
			r->outcome = RB_INTERRUPTED;
			break;
		}
		if (left <= 0) {
			r->outcome = RB_TIMED_OUT;
			break;
		}
		if (exited(pid)) {
			/* What it wrote before exiting is still in the pipe. */
			while (open_out && now_ms() < deadline) {
				struct pollfd p = { .fd = out[0], .events = POLLIN };

				if (poll(&p, 1, 0) <= 0)
					break;
				open_out = read_some(out[0], &r->output, &len, lim->max_output, 0);
			}
			break;
		}
		if (open_out)
			open_out = read_some(out[0], &r->output, &len, lim->max_output,
					     left < 100 ? (int)left : 100);
		else
			poll(NULL, 0, 10);
	}
	/* The program on a timeout; on exit, whatever it left running. */
	kill(-pid, SIGKILL);
	close(out[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (r->outcome == RB_INTERRUPTED) {
		r->status = caught;
	} else if (r->outcome == RB_EXITED) {
		if (WIFSIGNALED(st)) {
			r->outcome = RB_SIGNALED;
			r->status = WTERMSIG(st);
		} else {
			r->status = WEXITSTATUS(st);
		}
	}
}
