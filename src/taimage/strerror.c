// SPDX-License-Identifier: BSD-2-Clause
/* Words for the result codes, so a refused TA is explained in the log. */
#include "vtee/ta_image.h"

const char *ta_image_strerror(int err)
{
	switch (err) {
	case 0:
		return "valid";
	case TA_IMAGE_E_TRUNCATED:
		return "truncated image";
	case TA_IMAGE_E_MAGIC:
		return "not a signed TA image (bad magic)";
	case TA_IMAGE_E_VERSION:
		return "unsupported header version";
	case TA_IMAGE_E_TYPE:
		return "unsupported image type";
	case TA_IMAGE_E_ALGO:
		return "unsupported signature algorithm";
	case TA_IMAGE_E_HASH_SIZE:
		return "hash size does not match the algorithm";
	case TA_IMAGE_E_SIG_SIZE:
		return "signature size out of range";
	case TA_IMAGE_E_FLAGS:
		return "unknown header flags";
	case TA_IMAGE_E_SIZE:
		return "image size out of range or trailing data";
	case TA_IMAGE_E_HASH:
		return "hash mismatch (image modified)";
	case TA_IMAGE_E_SIGNATURE:
		return "bad signature (modified, or signed with another key)";
	case TA_IMAGE_E_UUID:
		return "signed for another UUID";
	case TA_IMAGE_E_ELF:
		return "not an x86-64 ELF shared object";
	case TA_IMAGE_E_KEY:
		return "key is not RSA of 2048 to 4096 bits";
	case TA_IMAGE_E_NOMEM:
		return "out of memory";
	case TA_IMAGE_E_CRYPTO:
		return "cryptographic library failure";
	default:
		return "unknown error";
	}
}
