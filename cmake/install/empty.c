// SPDX-License-Identifier: BSD-3-Clause
/* libcca-double.so is made of the project's static libraries, linked whole. */
