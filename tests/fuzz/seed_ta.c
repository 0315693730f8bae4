// SPDX-License-Identifier: BSD-2-Clause
/* The smallest honest TA stand-in: a real x86-64 shared object with one
 * function, linked tiny so fuzzing spends its time on the header. */
int seed_ta_fn(int x);

int seed_ta_fn(int x)
{
	return x * 3;
}
