/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/sched.h: the current task (one for every
 * thread: the VMM process) and the points where a task may sleep, which
 * lockdep-lite checks against spinlocks held (cca-double/mock-sync.h).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/mm_types.h>
#include <linux/types.h>
#include <cca-double/mock-sync.h>

struct task_struct {
	struct mm_struct *mm;
	pid_t pid;
};

/* The harness's one task (kernel/harness). */
extern struct task_struct mock_task;
#define current			(&mock_task)

#define might_sleep()		mock_might_sleep(__FILE__, __LINE__)
#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)
/* A rescheduling point: may sleep; the stress mode may yield here. */
#define cond_resched()							\
	({ might_sleep(); mock_sched_point(MOCK_SCHED_LOCK, 0, 0); 0; })
static inline bool need_resched(void) { return false; }
static inline bool signal_pending(struct task_struct *p) { return false; }

#endif /* _LINUX_SCHED_H */
