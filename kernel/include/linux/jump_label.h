/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/jump_label.h: static keys as plain booleans. */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/compiler.h>
#include <linux/types.h>

struct static_key {
	int enabled;
};

struct static_key_true {
	struct static_key key;
};

struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_TRUE_INIT	(struct static_key_true) { .key = { 1 } }
#define STATIC_KEY_FALSE_INIT	(struct static_key_false) { .key = { 0 } }

#define DEFINE_STATIC_KEY_TRUE(name)	struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_FALSE(name)	struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_TRUE(name)	extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	extern struct static_key_false name

#define static_key_enabled(x)		((x)->key.enabled > 0)
#define static_branch_likely(x)		likely(static_key_enabled(x))
#define static_branch_unlikely(x)	unlikely(static_key_enabled(x))
#define static_branch_enable(x)		((x)->key.enabled = 1)
#define static_branch_disable(x)	((x)->key.enabled = 0)

#endif /* _LINUX_JUMP_LABEL_H */
