// SPDX-License-Identifier: BSD-3-Clause
/*
 * Lockdep-lite: the checks of the kernel's lockdep (kernel/locking/
 * lockdep.c) the realm host code can get wrong, over the mock's real locks
 * (sync.c).  Each thread keeps the locks it holds; each acquisition while
 * holding others records "held class -> new class" in a graph shared by
 * all threads, and an acquisition that closes a cycle is an order
 * inversion (two threads taking the two orders can deadlock, whether or
 * not this run did).  See cca-double/mock-sync.h for what is reported how.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "mock_internal.h"

void __mock_warn(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define MAX_CLASSES	256
#define MAX_HELD	32

struct lock_class {
	const char *name;	/* the initialiser's name, or NULL */
	const void *addr;	/* a lock with no name: its address */
	unsigned char deps[MAX_CLASSES / 8];	/* classes taken while this one was held */
	unsigned char reported[MAX_CLASSES / 8];	/* inversions against them reported */
};

struct held_lock {
	const struct mock_lock *lock;
	int cls;
	enum mock_lock_kind kind;
	bool read;
};

/* Lockdep's own lock: a plain pthread mutex, never tracked. */
static pthread_mutex_t graph_lock = PTHREAD_MUTEX_INITIALIZER;
static struct lock_class classes[MAX_CLASSES];
static int nr_classes;
static bool classes_full_reported;
static struct mock_lockdep_stats stats;

static _Thread_local struct held_lock held[MAX_HELD];
static _Thread_local unsigned int nr_held;
static _Thread_local unsigned int atomic_depth;

static bool bit(const unsigned char *set, int i)
{
	return set[i / 8] & (1u << (i % 8));
}

static void set_bit_in(unsigned char *set, int i)
{
	set[i / 8] |= (unsigned char)(1u << (i % 8));
}

/* Class of a lock (graph_lock held); -1 when the table is full. */
static int class_of(const struct mock_lock *l)
{
	for (int i = 0; i < nr_classes; i++) {
		if (l->name ? classes[i].name && !strcmp(classes[i].name, l->name)
			    : !classes[i].name && classes[i].addr == l)
			return i;
	}
	if (nr_classes == MAX_CLASSES) {
		if (!classes_full_reported)
			printf("    # lockdep-lite: more than %d lock classes, new ones not tracked\n",
			       MAX_CLASSES);
		classes_full_reported = true;
		return -1;
	}
	memset(&classes[nr_classes], 0, sizeof(classes[0]));
	classes[nr_classes].name = l->name;
	classes[nr_classes].addr = l;
	return nr_classes++;
}

static const char *class_name(int c, char *buf, size_t len)
{
	if (classes[c].name)
		return classes[c].name;
	snprintf(buf, len, "lock@%p", classes[c].addr);
	return buf;
}

/* Is `to` reachable from `from` in the dependency graph (graph_lock held)? */
static bool reaches(int from, int to)
{
	unsigned char seen[MAX_CLASSES / 8] = { 0 };
	int stack[MAX_CLASSES], sp = 0;

	stack[sp++] = from;
	set_bit_in(seen, from);
	while (sp) {
		int c = stack[--sp];

		if (c == to)
			return true;
		for (int n = 0; n < nr_classes; n++) {
			if (bit(classes[c].deps, n) && !bit(seen, n)) {
				set_bit_in(seen, n);
				stack[sp++] = n;
			}
		}
	}
	return false;
}

/*
 * Before blocking on `l`: recursion (a BUG: the real lock would never be
 * granted), sleeping in atomic context, and order against every lock held.
 */
void mock_lockdep_acquire(const struct mock_lock *l, enum mock_lock_kind kind, bool read)
{
	char a[48], b[48];
	const char *na, *nb;
	int cls;

	for (unsigned int i = 0; i < nr_held; i++) {
		if (held[i].lock != l)
			continue;
		if (read && held[i].read)
			continue;	/* rwlock_t readers may recurse */
		pthread_mutex_lock(&graph_lock);
		stats.recursions++;
		pthread_mutex_unlock(&graph_lock);
		mock_report_bug("lockdep: possible recursive locking detected: %s (%p) is already held by this thread",
				l->name ? l->name : "lock", (const void *)l);
	}
	if (kind == MOCK_LOCK_MUTEX && atomic_depth) {
		pthread_mutex_lock(&graph_lock);
		stats.atomic_sleeps++;
		pthread_mutex_unlock(&graph_lock);
		__mock_warn(__FILE__, __LINE__, NULL,
			    "BUG: sleeping function called from invalid context: mutex_lock(%s) with %u spinlock(s) held",
			    l->name ? l->name : "mutex", atomic_depth);
	}
	pthread_mutex_lock(&graph_lock);
	cls = class_of(l);
	for (unsigned int i = 0; cls >= 0 && i < nr_held; i++) {
		int h = held[i].cls;

		if (h < 0 || h == cls || bit(classes[h].deps, cls))
			continue;
		if (reaches(cls, h) && !bit(classes[h].reported, cls)) {
			set_bit_in(classes[h].reported, cls);
			set_bit_in(classes[cls].reported, h);
			stats.inversions++;
			na = class_name(h, a, sizeof(a));
			nb = class_name(cls, b, sizeof(b));
			pthread_mutex_unlock(&graph_lock);
			__mock_warn(__FILE__, __LINE__, NULL,
				    "WARNING: possible circular locking dependency detected: taking %s while holding %s, but %s was taken while holding %s before",
				    nb, na, na, nb);
			pthread_mutex_lock(&graph_lock);
			continue;
		}
		set_bit_in(classes[h].deps, cls);
	}
	pthread_mutex_unlock(&graph_lock);
}

/* After `l` was granted. */
void mock_lockdep_acquired(const struct mock_lock *l, enum mock_lock_kind kind, bool read)
{
	int cls;

	pthread_mutex_lock(&graph_lock);
	cls = class_of(l);
	pthread_mutex_unlock(&graph_lock);
	if (nr_held == MAX_HELD)
		mock_report_bug("lockdep: more than %d locks held by one thread", MAX_HELD);
	held[nr_held++] = (struct held_lock){ l, cls, kind, read };
	if (kind != MOCK_LOCK_MUTEX)
		atomic_depth++;
}

/* Before `l` is released: false (and a WARN) if this thread does not hold it. */
bool mock_lockdep_release(const struct mock_lock *l, bool read)
{
	for (unsigned int i = nr_held; i-- > 0;) {
		if (held[i].lock != l || held[i].read != read)
			continue;
		if (held[i].kind != MOCK_LOCK_MUTEX)
			atomic_depth--;
		memmove(&held[i], &held[i + 1], (nr_held - i - 1) * sizeof(held[0]));
		nr_held--;
		return true;
	}
	pthread_mutex_lock(&graph_lock);
	stats.bad_unlocks++;
	pthread_mutex_unlock(&graph_lock);
	__mock_warn(__FILE__, __LINE__, NULL,
		    "WARNING: bad unlock balance detected: %s (%p) released, not held by this thread",
		    l->name ? l->name : "lock", (const void *)l);
	return false;
}

bool mock_lock_held_by_me(const struct mock_lock *l, enum mock_held how)
{
	for (unsigned int i = 0; i < nr_held; i++) {
		if (held[i].lock != l)
			continue;
		if (how == MOCK_HELD_ANY || (how == MOCK_HELD_READ) == held[i].read)
			return true;
	}
	return false;
}

unsigned int mock_atomic_depth(void)
{
	return atomic_depth;
}

void mock_might_sleep(const char *file, int line)
{
	if (!atomic_depth)
		return;
	pthread_mutex_lock(&graph_lock);
	stats.atomic_sleeps++;
	pthread_mutex_unlock(&graph_lock);
	__mock_warn(file, line, NULL,
		    "BUG: sleeping function called from invalid context: might_sleep() with %u spinlock(s) held",
		    atomic_depth);
}

void mock_lockdep_stats(struct mock_lockdep_stats *out)
{
	pthread_mutex_lock(&graph_lock);
	*out = stats;
	pthread_mutex_unlock(&graph_lock);
}

void mock_lockdep_reset(void)
{
	pthread_mutex_lock(&graph_lock);
	nr_classes = 0;
	classes_full_reported = false;
	memset(&stats, 0, sizeof(stats));
	pthread_mutex_unlock(&graph_lock);
	nr_held = 0;
	atomic_depth = 0;
}
