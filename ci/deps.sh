#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Installs what cca-double needs to build and test, from Debian packages.
set -eu
# python3 and linux-source-6.12: Linux's kunit.py, which the kunit_py.* tests run.
PKGS="cmake make gcc clang libc6-dev pkg-config libunicorn-dev libcmocka-dev libyaml-dev libssl-dev binutils-aarch64-linux-gnu python3 linux-source-6.12"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "ci/deps.sh: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
