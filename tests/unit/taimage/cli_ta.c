// SPDX-License-Identifier: BSD-2-Clause
/* Stands in for a TA in test_vtee_cli.sh: any x86-64 shared object will do,
 * as signing and verifying never run it. */
int cli_ta_answer(void);

int cli_ta_answer(void)
{
	return 42;
}
