// SPDX-License-Identifier: BSD-3-Clause
/*
 * Crash and hang isolation: each case runs in a forked child. Its struct
 * kunit lives in a MAP_SHARED page, so the runner reads the result and the
 * last line seen even when the child died. A child that outlives the
 * timeout is killed with SIGKILL and reaped (no zombies); a child whose
 * runner dies gets SIGKILL too (PR_SET_PDEATHSIG).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* What the child leaves for the runner, next to its struct kunit. */
struct kunit_shared {
	struct kunit test;		/* first: the page is addressed through it */
	volatile int finished;		/* the case ran to its end */
	volatile int sanitizer_died;	/* a sanitizer report ended the child */
	char log[8192];			/* the case's output, for JUnit (kunit_capture_begin()) */
};

static struct kunit_shared *shared_of(struct kunit *test)
{
	return (struct kunit_shared *)test;
}

struct kunit *kunit_shared_test_alloc(void)
{
	void *p = mmap(NULL, sizeof(struct kunit_shared), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

char *kunit_shared_log(struct kunit *test, size_t *cap)
{
	*cap = sizeof(shared_of(test)->log);
	return shared_of(test)->log;
}

void kunit_shared_test_free(struct kunit *test)
{
	if (test)
		munmap(test, sizeof(struct kunit_shared));
}

/* Sanitizer runtimes offer a death callback; weak so plain builds link. */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static struct kunit_shared *child_shared;

static void on_sanitizer_death(void)
{
	if (child_shared)
		child_shared->sanitizer_died = 1;
}

static void __attribute__((noreturn)) child_main(struct kunit *test, pid_t runner)
{
	child_shared = shared_of(test);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != runner)
		_exit(127);	/* the runner is already gone */
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(on_sanitizer_death);

	kunit_exec_case(test);

	fflush(stdout);
	fflush(stderr);
	child_shared->finished = 1;
	/* _exit: no atexit handlers or leak reports of the runner's state. */
	_exit(0);
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000L + (now.tv_nsec - since->tv_nsec) / 1000000L;
}

/*
 * Wait for pid for at most timeout_ms. Returns true with *status when it
 * ended, false on timeout (the child still runs).
 */
static bool wait_child(pid_t pid, long timeout_ms, int *status)
{
	struct timespec start;
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		long left;

		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			*status = 0;
			break;
		}
		left = timeout_ms - elapsed_ms(&start);
		if (left <= 0) {
			if (pidfd >= 0)
				close(pidfd);
			return false;
		}
		if (pidfd >= 0) {
			struct pollfd pfd = { .fd = pidfd, .events = POLLIN };

			poll(&pfd, 1, left > 1000 ? 1000 : (int)left);
		} else {
			/* No pidfd (old kernel): poll the child every 2 ms. */
			struct timespec nap = { 0, 2 * 1000 * 1000 };

			nanosleep(&nap, NULL);
		}
	}
	if (pidfd >= 0)
		close(pidfd);
	return true;
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGABRT: return "SIGABRT";
	case SIGFPE: return "SIGFPE";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGKILL: return "SIGKILL";
	case SIGTERM: return "SIGTERM";
	case SIGINT: return "SIGINT";
	case SIGALRM: return "SIGALRM";
	case SIGPIPE: return "SIGPIPE";
	case SIGSYS: return "SIGSYS";
	default: return "signal";
	}
}

/* Print "# <case>: <what>; last line seen file:line" and fail the case. */
static void report_fault(struct kunit *test, const char *what)
{
	kunit_set_failure(test);
	if (test->last_seen.file)
		kunit_out_test_diag(test, "%s; last line seen %s:%d", what,
				    test->last_seen.file, test->last_seen.line);
	else
		kunit_out_test_diag(test, "%s", what);
}

void kunit_exec_case_isolated(struct kunit *test, unsigned int timeout_s)
{
	struct kunit_shared *shared = shared_of(test);
	pid_t runner = getpid();
	char what[128];
	int status = 0;
	pid_t pid;

	shared->finished = 0;
	shared->sanitizer_died = 0;

	/* Nothing buffered may be inherited, or the child would write it again. */
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(what, sizeof(what), "could not fork: %s", strerror(errno));
		report_fault(test, what);
		return;
	}
	if (pid == 0)
		child_main(test, runner);

	if (!wait_child(pid, (long)timeout_s * 1000L, &status)) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		snprintf(what, sizeof(what), "try timed out after %u s", timeout_s);
		report_fault(test, what);
		return;
	}
	if (shared->finished && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;

	if (shared->sanitizer_died)
		snprintf(what, sizeof(what), "try faulted: sanitizer error (report on stderr)");
	else if (WIFSIGNALED(status))
		snprintf(what, sizeof(what), "try faulted: signal %d (%s)", WTERMSIG(status),
			 signal_name(WTERMSIG(status)));
	else if (WIFEXITED(status))
		snprintf(what, sizeof(what), "try faulted: exited with status %d",
			 WEXITSTATUS(status));
	else
		snprintf(what, sizeof(what), "try faulted: wait status 0x%x", status);
	report_fault(test, what);
}
