// SPDX-License-Identifier: BSD-3-Clause
/*
 * Symbolized backtraces of the host code for WARN, BUG, leak and Granule
 * Protection Fault reports: each frame as `function+0xoff (file:line)`, like
 * the kernel's scripts/decode_stacktrace.sh would print it.
 *
 * The names and lines come from the program's own DWARF through GCC's
 * libbacktrace (the static library GCC ships; no run-time dependency).
 * Without it, or for code without debug information, a frame degrades to
 * the ELF symbol (function+0xoff), then to dladdr's dynamic symbol, then
 * to the bare address.  At most MOCK_BACKTRACE_FRAMES frames are printed.
 *
 * A GPF is reported from the SIGSEGV handler (fake-rmm/pmem.c), so the
 * printer writes with write(2) into a stack buffer and never calls malloc:
 * libbacktrace, as GCC builds it (BACKTRACE_USES_MALLOC 0), allocates with
 * mmap, and its state is made once at start-up, outside any handler.
 */
#include <dlfcn.h>
#include <execinfo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cca-double/pmem.h>

#ifdef CCA_HAVE_LIBBACKTRACE
#include <backtrace.h>
#endif

#include "mock_internal.h"

#define MOCK_BACKTRACE_FRAMES 24

#ifdef CCA_HAVE_LIBBACKTRACE
static struct backtrace_state *bt_state;

static void bt_error(void *data, const char *msg, int errnum)
{
	/* No debug info (errnum -1) or an unreadable file: the frames degrade. */
	(void)data;
	(void)msg;
	(void)errnum;
}
#endif

/* One frame's text, built in a caller's buffer. */
struct frame_text {
	char *buf;
	size_t len, used;
	unsigned int lines;	/* functions found for this PC (inlined ones first) */
	uintptr_t pc;
	char last_fn[128];	/* the last function printed for this PC */
};

static void put(struct frame_text *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct frame_text *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (f->used >= f->len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(f->buf + f->used, f->len - f->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		f->used += (size_t)n;
}

#ifdef CCA_HAVE_LIBBACKTRACE
struct sym {
	const char *name;
	uintptr_t start;
};

static void sym_found(void *data, uintptr_t pc, const char *name, uintptr_t start, uintptr_t size)
{
	struct sym *s = data;

	(void)pc;
	(void)size;
	s->name = name;
	s->start = start;
}

/* The ELF symbol holding `pc` (a static function too, unlike dladdr). */
static struct sym symbol_of(uintptr_t pc)
{
	struct sym s = { NULL, 0 };

	if (bt_state)
		backtrace_syminfo(bt_state, pc, sym_found, bt_error, &s);
	return s;
}

/*
 * One call per function at the PC, the innermost inlined one first; the
 * outermost is the symbol itself, which gets its +0xoff.
 */
static int line_found(void *data, uintptr_t pc, const char *file, int line, const char *fn)
{
	struct frame_text *f = data;
	struct sym s;

	if (!fn)
		return 0;
	/*
	 * GCC can describe a function's split-off part as an inlined copy of
	 * itself (seen under ASan): one line for it, the innermost.
	 */
	if (f->lines && !strcmp(f->last_fn, fn))
		return 0;
	snprintf(f->last_fn, sizeof(f->last_fn), "%s", fn);
	if (f->lines++)
		put(f, "\n     ");
	/* The symbol is the function, or a part GCC split off (fn.cold, fn.isra.0). */
	s = symbol_of(pc);
	if (s.name && !strncmp(s.name, fn, strlen(fn)) &&
	    (s.name[strlen(fn)] == 0 || s.name[strlen(fn)] == '.'))
		put(f, "%s+0x%lx", s.name, (unsigned long)(f->pc - s.start));
	else
		put(f, "%s", fn);
	if (file)
		put(f, " (%s:%d)", file, line);
	return 0;
}
#endif

/*
 * The text of the frame at `pc`.  `lookup` is the address inside the call
 * (or, in the frame a signal interrupted, the faulting instruction itself)
 * whose line is wanted; `pc` the return address shown as +0xoff.
 */
static void describe(uintptr_t pc, uintptr_t lookup, struct frame_text *f)
{
	void *addr = (void *)pc;
	Dl_info info;

	f->used = 0;
	f->lines = 0;
	f->buf[0] = 0;
	f->pc = pc;
#ifdef CCA_HAVE_LIBBACKTRACE
	if (bt_state && pc) {
		struct sym s;

		backtrace_pcinfo(bt_state, lookup, line_found, bt_error, f);
		if (f->lines)
			return;
		s = symbol_of(lookup);
		if (s.name) {
			put(f, "%s+0x%lx", s.name, (unsigned long)(pc - s.start));
			return;
		}
	}
#else
	(void)lookup;
#endif
	if (pc && dladdr(addr, &info) && info.dli_sname) {
		put(f, "%s+0x%lx", info.dli_sname,
		    (unsigned long)((char *)addr - (char *)info.dli_saddr));
	} else if (pc && dladdr(addr, &info) && info.dli_fname && info.dli_fbase) {
		/* In a library without a symbol for it (a signal trampoline). */
		const char *base = strrchr(info.dli_fname, '/');

		put(f, "%p (%s+0x%lx)", addr, base ? base + 1 : info.dli_fname,
		    (unsigned long)((char *)addr - (char *)info.dli_fbase));
	} else {
		put(f, "%p", addr);
	}
}

const char *mock_symbolize(void *addr, char *buf, size_t len)
{
	struct frame_text f = { buf, len, 0, 0, 0, "" };

	if (!len)
		return buf;
	/* A call site's return address: its line is the call's, one byte before. */
	describe((uintptr_t)addr, (uintptr_t)addr - 1, &f);
	/* One line: an allocation site's inlined callers stay out of a leak line. */
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

struct frames {
	uintptr_t pc[MOCK_BACKTRACE_FRAMES + 8];
	int n;
};

#ifdef CCA_HAVE_LIBBACKTRACE
static int frame_found(void *data, uintptr_t pc)
{
	struct frames *fr = data;

	fr->pc[fr->n++] = pc;
	return fr->n == (int)(sizeof(fr->pc) / sizeof(fr->pc[0]));
}
#endif

/*
 * Frames above `skip` + this function's, each on its own line, to `fd`.
 * Frame counting needs real frames: no inlining here, and the callers are
 * built without sibling calls (kernel/CMakeLists.txt).
 */
static __attribute__((noinline)) void print_backtrace_fd(int fd, unsigned int skip)
{
	struct frames fr = { .n = 0 };
	int last = (int)skip + 1 + MOCK_BACKTRACE_FRAMES;
	bool exact = false;

#ifdef CCA_HAVE_LIBBACKTRACE
	/*
	 * libbacktrace's unwinder gives the PC of the call (return address
	 * minus one), and in a frame a signal interrupted the faulting
	 * instruction itself (_Unwind_GetIPInfo).
	 */
	if (bt_state) {
		backtrace_simple(bt_state, 0, frame_found, bt_error, &fr);
		exact = true;
	}
#endif
	if (!exact) {
		void *raw[MOCK_BACKTRACE_FRAMES + 8];

		fr.n = backtrace(raw, MOCK_BACKTRACE_FRAMES + 8);
		for (int i = 0; i < fr.n; i++)
			fr.pc[i] = (uintptr_t)raw[i];
	}
	write_all(fd, "    Call trace:\n", 16);
	/* The outermost frames end at a zero PC (_start has no caller). */
	for (int i = (int)skip + 1; i < fr.n && i < last && fr.pc[i] > 1; i++) {
		char text[1024];
		struct frame_text f = { text, sizeof(text) - 1, 0, 0, 0, "" };

		if (exact)
			describe(fr.pc[i] + 1, fr.pc[i], &f);
		else
			describe(fr.pc[i], fr.pc[i] - 1, &f);
		write_all(fd, "     ", 5);
		write_all(fd, text, strlen(text));
		write_all(fd, "\n", 1);
	}
}

void mock_print_backtrace(unsigned int skip)
{
	fflush(stdout);
	print_backtrace_fd(STDOUT_FILENO, skip + 1);
}

/* pmem_gpf_report()'s backtrace, from the GPF hook down to the faulting code. */
static void gpf_backtrace(int fd)
{
	print_backtrace_fd(fd, 2);	/* not this writer, not pmem_gpf_report */
}

__attribute__((constructor)) static void backtrace_init(void)
{
#ifdef CCA_HAVE_LIBBACKTRACE
	bt_state = backtrace_create_state(NULL, 1, bt_error, NULL);
#endif
	/* glibc's backtrace() loads the unwinder on first use: not in a signal handler. */
	{
		void *warm[1];

		(void)backtrace(warm, 1);
	}
	pmem_set_backtrace_writer(gpf_backtrace);
}
