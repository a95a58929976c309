// SPDX-License-Identifier: BSD-3-Clause
#include "v2_fixture.h"
int main(void) { return 0; }
