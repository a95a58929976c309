/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-memory model of one spec/<profile>.yaml file, as loaded and validated by
 * spec_load().  Shared by the generator's emitters.
 */
#ifndef ABIGEN_SPEC_MODEL_H
#define ABIGEN_SPEC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_ITEMS 256
#define MAX_NAMES 12

struct m_field {
	char *name, *linux_name;
	uint32_t offset, elem_size, count, window;
	char *type;		/* u8 u16 u32 u64 s64 or a struct name */
	bool is_struct;
};

struct m_struct {
	char *name;
	uint32_t size;
	int nfields;
	struct m_field fields[64];
};

struct m_bfield {
	char *name;
	unsigned int lsb, width;
	bool overlay;
	int nlinux;
	char *linux_names[3];
};

struct m_bitfield {
	char *name, *linux_prefix;
	int feature_register;
	int nfields;
	struct m_bfield fields[32];
};

struct m_evalue {
	char *name, *linux_name;
	int64_t value;
};

struct m_enum {
	char *name, *linux_prefix;
	int nvalues;
	struct m_evalue values[32];
};

enum m_iface { M_RMI, M_RSI, M_PSCI };

#define MAX_RESULTS 8
#define MAX_ERRORS 12
#define MAX_ON_FAILURE 16

/* One `on_failure` value of a result (abi.h struct abi_on_failure). */
struct m_onfail {
	int result;
	char *status;		/* NULL: every failure */
	int64_t status_value;
	int arg;		/* argument index, or -1 for `value` */
	uint64_t value;
};

/* DEN0137 2.0 Stateful RMI Operations (abi.h enum abi_stateful). */
enum m_stateful { M_STATELESS, M_STATEFUL_CONTINUE, M_STATEFUL_TRANSFER };

struct m_command {
	char *name;
	uint32_t fid;
	enum m_iface iface;
	bool args_known;
	int nargs, nresults;
	char *args[MAX_NAMES], *results[MAX_NAMES];
	char *param_arg, *param_struct;
	int nerrors;
	char *errors[MAX_ERRORS];
	int nfail;
	struct m_onfail fail[MAX_ON_FAILURE];
	enum m_stateful stateful;
};

struct m_constant {
	char *name, *linux_name;
	uint64_t value;
};

struct m_profile {
	char *path;
	char *name, *ident, *title;
	/* "v<major>": profiles with the same RMI major form a family (rmi/<family>.h). */
	char family[16];
	unsigned int rmi_major, rmi_minor, rsi_major, rsi_minor;
	int ncommands, nstructs, nbitfields, nenums, nconstants;
	struct m_command commands[MAX_ITEMS];
	struct m_struct structs[32];
	struct m_bitfield bitfields[32];
	struct m_enum enums[48];
	struct m_constant constants[32];
};

/* Loads and validates; on error prints "file:line:col: what" and returns -1. */
int spec_load(const char *path, struct m_profile *p);

const struct m_struct *m_struct_find(const struct m_profile *p, const char *name);
uint32_t m_type_size(const char *type);	/* 0 if not a scalar type */

#endif
