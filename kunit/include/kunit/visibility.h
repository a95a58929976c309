/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux 6.12 include/kunit/visibility.h: make static functions visible to
 * tests. Tests always run here, so as with CONFIG_KUNIT=y.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol)

#endif /* _KUNIT_VISIBILITY_H */
