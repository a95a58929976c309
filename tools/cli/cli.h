/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared pieces of the cca-double subcommands. */
#ifndef CCA_CLI_H
#define CCA_CLI_H

#include <stdbool.h>

int run_main(int argc, char **argv);
int sweep_main(int argc, char **argv);
int trace_main(int argc, char **argv);
int kunit_cmd_main(int argc, char **argv);

/* Prints an error naming the known profiles when `name` is not one. */
bool cli_profile_known(const char *name);
/*
 * A positive number of seconds for option `opt` (1..86400); prints what was
 * expected and returns false otherwise (negative, zero, not a number).
 */
bool cli_parse_seconds(const char *cmd, const char *opt, const char *arg, unsigned int *out);
/* Registers the kernel harness's host-level scenario steps, if linked in. */
void cli_register_host(void);

#endif
