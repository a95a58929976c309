/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/typecheck.h: compile-time type checks. */
#ifndef TYPECHECK_H_INCLUDED
#define TYPECHECK_H_INCLUDED

/* Evaluates to 1; warns (pointer comparison) when x is not of the given type. */
#define typecheck(type, x)						\
	({								\
		type __tc_dummy;					\
		typeof(x) __tc_dummy2;					\
		(void)(&__tc_dummy == &__tc_dummy2);			\
		1;							\
	})

/* Warns when function pointer function is not of type type. */
#define typecheck_fn(type, function)					\
	({								\
		typeof(type) __tc_fn = function;			\
		(void)__tc_fn;						\
	})

#endif /* TYPECHECK_H_INCLUDED */
