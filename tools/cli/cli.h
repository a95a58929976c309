/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared pieces of the cca-double subcommands. */
#ifndef CCA_CLI_H
#define CCA_CLI_H

#include <stdbool.h>
#include <stddef.h>

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
/*
 * A whole number 0..max written in decimal digits only (no sign, no
 * blanks, no suffix, not empty) into *out; false (printing nothing)
 * otherwise, overflow included: every numeric option parses with it.
 */
bool cli_parse_uint(const char *arg, unsigned long max, unsigned long *out);
/* An output option of a subcommand: "--json" and the path it was given. */
struct cli_output {
	const char *opt, *path;
};
/*
 * Before any output is opened (opening truncates): each path given is not
 * empty, names no input file (same st_dev/st_ino), lies in no input
 * directory as a scenario file (*.yaml, *.yml: `run` would read it), and
 * no two outputs name the same file (those not yet created compared by
 * directory and name).  Outputs with a NULL path are not given.  Prints
 * "cmd: opt path: why" and returns false otherwise.
 */
bool cli_outputs_ok(const char *cmd, const struct cli_output *outs, size_t nouts,
		    const char *const *inputs, size_t ninputs);
/*
 * Paths the build gives: absolute in the build tree, relative to the
 * executable's directory once installed (cli_paths.c).  cli_path() resolves
 * `path` that way into buf (PATH_MAX bytes) and returns it.
 */
const char *cli_path(const char *path, char *buf, size_t len);
const char *cli_scenario_dir(void);	/* the bundled scenario library */
const char *cli_realm_kunit(void);	/* the realm KUnit binary (kunit.py's `linux`) */
const char *cli_mock_include_dir(void);	/* the mock kernel headers abi-check compiles with */
/* Registers the kernel harness's host-level scenario steps, if linked in. */
void cli_register_host(void);

/*
 * The line that says which host code this build drives (upstream build:
 * the tree, its files and profile), printed first by run, sweep and (from
 * the KUnit binary itself) kunit; NULL when it is the reference code of a
 * normal build.
 */
const char *cli_banner(void);
/* The profile run and sweep default to: the tree's in an upstream build, else NULL (each). */
const char *cli_default_profile(void);

#endif
