/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/sched.h: the current task, and yielding (a no-op here). */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct task_struct {
	struct mm_struct *mm;
	pid_t pid;
};

/* The harness's one task (kernel/harness). */
extern struct task_struct mock_task;
#define current			(&mock_task)

static inline int cond_resched(void) { return 0; }
static inline bool need_resched(void) { return false; }
static inline bool signal_pending(struct task_struct *p) { return false; }

#endif /* _LINUX_SCHED_H */
