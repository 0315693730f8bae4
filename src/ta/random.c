// SPDX-License-Identifier: BSD-2-Clause
#include <errno.h>
#include <sys/random.h>
#include <tee_internal_api.h>

/* The kernel's CSPRNG; large requests come back in pieces. */
void TEE_GenerateRandom(void *randomBuffer, size_t randomBufferLen)
{
	uint8_t *p = randomBuffer;

	while (randomBufferLen) {
		ssize_t n = getrandom(p, randomBufferLen, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			TEE_Panic(TEE_ERROR_GENERIC);
		p += n;
		randomBufferLen -= (size_t)n;
	}
}
