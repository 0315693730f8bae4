// SPDX-License-Identifier: BSD-2-Clause
/*
 * Known-answer vectors for the symmetric operations (crypto_vectors.h),
 * each from the public source its comment names.  Where no published
 * vector exists for a combination (HMAC-SM3, PKCS#5 CBC-MACs, two-key
 * DES3, DES3-CBC, a 20-byte DES3-CMAC) the expected value was computed
 * once with pyca/cryptography and is marked so.  Derived vectors reuse a
 * published one through a mode's definition (CBC-MAC of P1 ^ IV is the
 * last CBC block; a CTR keystream block is the ECB of its counter).
 */
#include "crypto_vectors.h"

const struct crypto_kat crypto_kats[] = {
	/* RFC 1321 */
	{ .name = "MD5 abc",
	  .alg = TEE_ALG_MD5, .key_type = 0,
	  .in = "616263",
	  .out = "900150983cd24fb0d6963f7d28e17f72",
	},
	/* RFC 1321 */
	{ .name = "MD5 message digest",
	  .alg = TEE_ALG_MD5, .key_type = 0,
	  .in = "6d65737361676520646967657374",
	  .out = "f96b697d7cb7938d525a2f31aaf161d0",
	},
	/* FIPS 180-2 B.1 */
	{ .name = "SHA-1 abc",
	  .alg = TEE_ALG_SHA1, .key_type = 0,
	  .in = "616263",
	  .out = "a9993e364706816aba3e25717850c26c9cd0d89d",
	},
	/* FIPS 180-2 A.2 */
	{ .name = "SHA-1 two blocks",
	  .alg = TEE_ALG_SHA1, .key_type = 0,
	  .in = "6162636462636465636465666465666765666768666768696768696a"
		"68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f7071",
	  .out = "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
	},
	/* FIPS 180-2 */
	{ .name = "SHA-224 abc",
	  .alg = TEE_ALG_SHA224, .key_type = 0,
	  .in = "616263",
	  .out = "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
	},
	/* FIPS 180-2 */
	{ .name = "SHA-256 abc",
	  .alg = TEE_ALG_SHA256, .key_type = 0,
	  .in = "616263",
	  .out = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
		"f20015ad",
	},
	/* FIPS 180-2 */
	{ .name = "SHA-256 two blocks",
	  .alg = TEE_ALG_SHA256, .key_type = 0,
	  .in = "6162636462636465636465666465666765666768666768696768696a"
		"68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f7071",
	  .out = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd4"
		"19db06c1",
	},
	/* FIPS 180-2 */
	{ .name = "SHA-384 abc",
	  .alg = TEE_ALG_SHA384, .key_type = 0,
	  .in = "616263",
	  .out = "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a"
		"43ff5bed8086072ba1e7cc2358baeca134c825a7",
	},
	/* FIPS 180-2 */
	{ .name = "SHA-512 abc",
	  .alg = TEE_ALG_SHA512, .key_type = 0,
	  .in = "616263",
	  .out = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee6"
		"4b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e"
		"2a9ac94fa54ca49f",
	},
	/* FIPS 202 examples */
	{ .name = "SHA3-224 abc",
	  .alg = TEE_ALG_SHA3_224, .key_type = 0,
	  .in = "616263",
	  .out = "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
	},
	/* FIPS 202 examples */
	{ .name = "SHA3-256 abc",
	  .alg = TEE_ALG_SHA3_256, .key_type = 0,
	  .in = "616263",
	  .out = "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe245"
		"11431532",
	},
	/* FIPS 202 examples */
	{ .name = "SHA3-384 abc",
	  .alg = TEE_ALG_SHA3_384, .key_type = 0,
	  .in = "616263",
	  .out = "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0"
		"e49be4b298d88cea927ac7f539f1edf228376d25",
	},
	/* FIPS 202 examples */
	{ .name = "SHA3-512 abc",
	  .alg = TEE_ALG_SHA3_512, .key_type = 0,
	  .in = "616263",
	  .out = "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d02"
		"40d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a5"
		"6592f8274eec53f0",
	},
	/* FIPS 202 examples */
	{ .name = "SHAKE128 empty, 256 bits",
	  .alg = TEE_ALG_SHAKE128, .key_type = 0,
	  .out = "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eac"
		"fa66ef26",
	  .out_len = 32,
	},
	/* FIPS 202 examples */
	{ .name = "SHAKE256 empty, 512 bits",
	  .alg = TEE_ALG_SHAKE256, .key_type = 0,
	  .out = "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c2764"
		"6ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab486"
		"40292eacb3b7c4be",
	  .out_len = 64,
	},
	/* GB/T 32905 A.1 */
	{ .name = "SM3 abc",
	  .alg = TEE_ALG_SM3, .key_type = 0,
	  .in = "616263",
	  .out = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b"
		"8f4ba8e0",
	},
	/* GB/T 32905 A.2 */
	{ .name = "SM3 abcd x 16",
	  .alg = TEE_ALG_SM3, .key_type = 0,
	  .in = "61626364616263646162636461626364616263646162636461626364"
		"61626364616263646162636461626364616263646162636461626364"
		"6162636461626364",
	  .out = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba3"
		"9c0c5732",
	},
	/* RFC 2202 test 1 */
	{ .name = "HMAC-MD5",
	  .alg = TEE_ALG_HMAC_MD5, .key_type = TEE_TYPE_HMAC_MD5,
	  .key = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
	  .in = "4869205468657265",
	  .out = "9294727a3638bb1c13f48ef8158bfc9d",
	},
	/* NIST CSRC HMAC example 1 */
	{ .name = "HMAC-SHA1 512-bit key",
	  .alg = TEE_ALG_HMAC_SHA1, .key_type = TEE_TYPE_HMAC_SHA1,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3d626c"
		"6f636b6c656e",
	  .out = "5fd596ee78d5553c8ff4e72d266dfd192366da29",
	},
	/* NIST CSRC HMAC example 2 */
	{ .name = "HMAC-SHA1 160-bit key",
	  .alg = TEE_ALG_HMAC_SHA1, .key_type = TEE_TYPE_HMAC_SHA1,
	  .key = "000102030405060708090a0b0c0d0e0f10111213",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "4c99ff0cb1b31bd33f8431dbaf4d17fcd356a807",
	},
	/* NIST CSRC HMAC example 2 */
	{ .name = "HMAC-SHA224",
	  .alg = TEE_ALG_HMAC_SHA224, .key_type = TEE_TYPE_HMAC_SHA224,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "e3d249a8cfb67ef8b7a169e9a0a599714a2cecba65999a51beb8fbbe",
	},
	/* RFC 4231 test 4 */
	{ .name = "HMAC-SHA224 200-bit key",
	  .alg = TEE_ALG_HMAC_SHA224, .key_type = TEE_TYPE_HMAC_SHA224,
	  .key = "0102030405060708090a0b0c0d0e0f10111213141516171819",
	  .in = "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
		"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
	  .out = "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
	},
	/* RFC 4231 test 4 */
	{ .name = "HMAC-SHA256 200-bit key",
	  .alg = TEE_ALG_HMAC_SHA256, .key_type = TEE_TYPE_HMAC_SHA256,
	  .key = "0102030405060708090a0b0c0d0e0f10111213141516171819",
	  .in = "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
		"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
	  .out = "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff4"
		"6729665b",
	},
	/* NIST CSRC HMAC example 1 */
	{ .name = "HMAC-SHA256 512-bit key",
	  .alg = TEE_ALG_HMAC_SHA256, .key_type = TEE_TYPE_HMAC_SHA256,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3d626c"
		"6f636b6c656e",
	  .out = "8bb9a1db9806f20df7f77b82138c7914d174d59e13dc4d0169c9057b"
		"133e1d62",
	},
	/* NIST CSRC HMAC example 2 */
	{ .name = "HMAC-SHA256 256-bit key",
	  .alg = TEE_ALG_HMAC_SHA256, .key_type = TEE_TYPE_HMAC_SHA256,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "a28cf43130ee696a98f14a37678b56bcfcbdd9e5cf69717fecf5480f"
		"0ebdf790",
	},
	/* NIST CSRC HMAC example 1 */
	{ .name = "HMAC-SHA384 1024-bit key",
	  .alg = TEE_ALG_HMAC_SHA384, .key_type = TEE_TYPE_HMAC_SHA384,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50515253"
		"5455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f"
		"707172737475767778797a7b7c7d7e7f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3d626c"
		"6f636b6c656e",
	  .out = "63c5daa5e651847ca897c95814ab830bededc7d25e83eef9195cd458"
		"57a37f448947858f5af50cc2b1b730ddf29671a9",
	},
	/* NIST CSRC HMAC example 2 */
	{ .name = "HMAC-SHA384 384-bit key",
	  .alg = TEE_ALG_HMAC_SHA384, .key_type = TEE_TYPE_HMAC_SHA384,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "6eb242bdbb582ca17bebfa481b1e23211464d2b7f8c20b9ff2201637"
		"b93646af5ae9ac316e98db45d9cae773675eeed0",
	},
	/* NIST CSRC HMAC example 1 */
	{ .name = "HMAC-SHA512 1024-bit key",
	  .alg = TEE_ALG_HMAC_SHA512, .key_type = TEE_TYPE_HMAC_SHA512,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50515253"
		"5455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f"
		"707172737475767778797a7b7c7d7e7f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3d626c"
		"6f636b6c656e",
	  .out = "fc25e240658ca785b7a811a8d3f7b4ca48cfa26a8a366bf2cd1f836b"
		"05fcb024bd36853081811d6cea4216ebad79da1cfcb95ea4586b8a0c"
		"e356596a55fb1347",
	},
	/* NIST CSRC HMAC example 2 */
	{ .name = "HMAC-SHA512 512-bit key",
	  .alg = TEE_ALG_HMAC_SHA512, .key_type = TEE_TYPE_HMAC_SHA512,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "fd44c18bda0bb0a6ce0e82b031bf2818f6539bd56ec00bdc10a8a2d7"
		"30b3634de2545d639b0f2cf710d0692c72a1896f1f211c2b922d1a96"
		"c392e07e7ea9fedc",
	},
	/* NIST CSRC HMAC-SHA3 example */
	{ .name = "HMAC-SHA3-224",
	  .alg = TEE_ALG_HMAC_SHA3_224, .key_type = TEE_TYPE_HMAC_SHA3_224,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "332cfd59347fdb8e576e77260be4aba2d6dc53117b3bfb52c6d18c04",
	},
	/* NIST CSRC HMAC-SHA3 example */
	{ .name = "HMAC-SHA3-256",
	  .alg = TEE_ALG_HMAC_SHA3_256, .key_type = TEE_TYPE_HMAC_SHA3_256,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "4fe8e202c4f058e8dddc23d8c34e467343e23555e24fc2f025d598f5"
		"58f67205",
	},
	/* NIST CSRC HMAC-SHA3 example */
	{ .name = "HMAC-SHA3-384",
	  .alg = TEE_ALG_HMAC_SHA3_384, .key_type = TEE_TYPE_HMAC_SHA3_384,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "d588a3c51f3f2d906e8298c1199aa8ff6296218127f6b38a90b6afe2"
		"c5617725bc99987f79b22a557b6520db710b7f42",
	},
	/* NIST CSRC HMAC-SHA3 example */
	{ .name = "HMAC-SHA3-512",
	  .alg = TEE_ALG_HMAC_SHA3_512, .key_type = TEE_TYPE_HMAC_SHA3_512,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "4efd629d6c71bf86162658f29943b1c308ce27cdfa6db0d9c3ce8176"
		"3f9cbce5f7ebe9868031db1a8f8eb7b6b95e5c5e3f657a8996c86a2f"
		"6527e307f0213196",
	},
	/* pyca/cryptography (OpenSSL SM3): no published HMAC-SM3 vector */
	{ .name = "HMAC-SM3",
	  .alg = TEE_ALG_HMAC_SM3, .key_type = TEE_TYPE_HMAC_SM3,
	  .key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f",
	  .in = "53616d706c65206d65737361676520666f72206b65796c656e3c626c"
		"6f636b6c656e",
	  .out = "dad342089a24eaa650975de2701754ff513b504f829bac67964915f9"
		"efb7c3f1",
	},
	/* NIST SP 800-38A F.1 */
	{ .name = "AES-128-ECB",
	  .alg = TEE_ALG_AES_ECB_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a"
		"96fdbaaf43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f"
		"8223207104725dd4",
	},
	/* NIST SP 800-38A F.2 */
	{ .name = "AES-128-CBC",
	  .alg = TEE_ALG_AES_CBC_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .iv = "000102030405060708090a0b0c0d0e0f",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a"
		"917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09"
		"120eca307586e1a7",
	},
	/* NIST SP 800-38A F.5 */
	{ .name = "AES-128-CTR",
	  .alg = TEE_ALG_AES_CTR, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .iv = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187b"
		"b9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1"
		"792170a0f3009cee",
	},
	/* NIST SP 800-38A F.1 */
	{ .name = "AES-192-ECB",
	  .alg = TEE_ALG_AES_ECB_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "bd334f1d6e45f25ff712a214571fa5cc974104846d0ad3ad7734ecb3"
		"ecee4eefef7afd2270e2e60adce0ba2face6444e9a4b41ba738d6c72"
		"fb16691603c18e0e",
	},
	/* NIST SP 800-38A F.2 */
	{ .name = "AES-192-CBC",
	  .alg = TEE_ALG_AES_CBC_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
	  .iv = "000102030405060708090a0b0c0d0e0f",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e73876"
		"3f69145a571b242012fb7ae07fa9baac3df102e008b0e27988598881"
		"d920a9e64f5615cd",
	},
	/* NIST SP 800-38A F.5 */
	{ .name = "AES-192-CTR",
	  .alg = TEE_ALG_AES_CTR, .key_type = TEE_TYPE_AES,
	  .key = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
	  .iv = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6"
		"f4ce8e941e36b26bd1ebc670d1bd1d665620abf74f78a7f6d2980958"
		"5a97daec58c6b050",
	},
	/* NIST SP 800-38A F.1 */
	{ .name = "AES-256-ECB",
	  .alg = TEE_ALG_AES_ECB_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a3"
		"0914dff4",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a"
		"31362870b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff"
		"067d8d8f9e24ecc7",
	},
	/* NIST SP 800-38A F.2 */
	{ .name = "AES-256-CBC",
	  .alg = TEE_ALG_AES_CBC_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a3"
		"0914dff4",
	  .iv = "000102030405060708090a0b0c0d0e0f",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777b"
		"c6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fc"
		"da6c19078c6a9d1b",
	},
	/* NIST SP 800-38A F.5 */
	{ .name = "AES-256-CTR",
	  .alg = TEE_ALG_AES_CTR, .key_type = TEE_TYPE_AES,
	  .key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a3"
		"0914dff4",
	  .iv = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990"
		"cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada6"
		"13c2dd08457941a6",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 17 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b652074686520",
	  .out = "c6353568f2bf8cb4d8a580362da7ff7f97",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 31 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b65207468652047656e6572616c20476175"
		"277320",
	  .out = "fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e2"
		"5ecfe5",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 32 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b65207468652047656e6572616c20476175"
		"27732043",
	  .out = "39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e2"
		"5ecfe584",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 47 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b65207468652047656e6572616c20476175"
		"277320436869636b656e2c20706c656173652c",
	  .out = "97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2"
		"f838029e39312523a78662d5be7fcbcc98ebf5",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 48 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b65207468652047656e6572616c20476175"
		"277320436869636b656e2c20706c656173652c20",
	  .out = "97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1"
		"a194bbd839312523a78662d5be7fcbcc98ebf5a8",
	},
	/* RFC 3962 B */
	{ .name = "AES-CTS 64 bytes",
	  .alg = TEE_ALG_AES_CTS, .key_type = TEE_TYPE_AES,
	  .key = "636869636b656e207465726979616b69",
	  .iv = "00000000000000000000000000000000",
	  .in = "4920776f756c64206c696b65207468652047656e6572616c20476175"
		"277320436869636b656e2c20706c656173652c20616e6420776f6e74"
		"6f6e20736f75702e",
	  .out = "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc"
		"98ebf5a84807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc0"
		"3bc103e1a194bbd8",
	},
	/* IEEE 1619 vector 1 */
	{ .name = "AES-XTS-128 zero keys",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "00000000000000000000000000000000",
	  .key2 = "00000000000000000000000000000000",
	  .iv = "00000000000000000000000000000000",
	  .in = "00000000000000000000000000000000000000000000000000000000"
		"00000000",
	  .out = "917cf69ebd68b2ec9b9fe9a3eadda692cd43d2f59598ed858c02c265"
		"2fbf922e",
	},
	/* IEEE 1619 vector 2 */
	{ .name = "AES-XTS-128",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "11111111111111111111111111111111",
	  .key2 = "22222222222222222222222222222222",
	  .iv = "33333333330000000000000000000000",
	  .in = "44444444444444444444444444444444444444444444444444444444"
		"44444444",
	  .out = "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ec"
		"d6d394f0",
	},
	/* IEEE 1619 vector 3 */
	{ .name = "AES-XTS-128 unrelated keys",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0",
	  .key2 = "22222222222222222222222222222222",
	  .iv = "33333333330000000000000000000000",
	  .in = "44444444444444444444444444444444444444444444444444444444"
		"44444444",
	  .out = "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a597"
		"1a227a89",
	},
	/* IEEE 1619 vector 10 */
	{ .name = "AES-XTS-256 512 bytes",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "27182818284590452353602874713526624977572470936999595749"
		"66967627",
	  .key2 = "31415926535897932384626433832795028841971693993751058209"
		"74944592",
	  .iv = "ff000000000000000000000000000000",
	  .in = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637"
		"38393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50515253"
		"5455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f"
		"707172737475767778797a7b7c7d7e7f808182838485868788898a8b"
		"8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7"
		"a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3"
		"c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
		"e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafb"
		"fcfdfeff000102030405060708090a0b0c0d0e0f1011121314151617"
		"18191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30313233"
		"3435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f"
		"505152535455565758595a5b5c5d5e5f606162636465666768696a6b"
		"6c6d6e6f707172737475767778797a7b7c7d7e7f8081828384858687"
		"88898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3"
		"a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
		"c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadb"
		"dcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7"
		"f8f9fafbfcfdfeff",
	  .out = "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d4"
		"14a3e63b5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc33"
		"45befecb4bb188fd5776926c49a3095eb108fd1098baec70aaa66999"
		"a72a82f27d848b21d4a741b0c5cd4d5fff9dac89aeba122961d03a75"
		"7123e9870f8acf1000020887891429ca2a3e7a7d7df7b10355165c8b"
		"9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0b5781c34803fa754"
		"21c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f93ec05c5"
		"2e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec"
		"583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02"
		"469a020a84e18e8f84252070c13e9f1f289be54fbc481457778f6160"
		"15e1327a02b140f1505eb309326d68378f8374595c849d84f4c333ec"
		"4423885143cb47bd71c5edae9be69a2ffeceb1bec9de244fbe15992b"
		"11b77c040f12bd8f6a975a44a0f90c29a9abc3d4d893927284c58754"
		"cce294529f8614dcd2aba991925fedc4ae74ffac6e333b93eb4aff04"
		"79da9a410e4450e0dd7ae4c6e2910900575da401fc07059f645e8b7e"
		"9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed4385"
		"1ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066"
		"193c4caa773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70"
		"b9c6e693e148c151",
	},
	/* IEEE 1619 vectors 15-18 */
	{ .name = "AES-XTS-128 stealing, 17 bytes",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0",
	  .key2 = "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
	  .iv = "9a785634120000000000000000000000",
	  .in = "000102030405060708090a0b0c0d0e0f10",
	  .out = "6c1625db4671522d3d7599601de7ca09ed",
	},
	/* IEEE 1619 vectors 15-18 */
	{ .name = "AES-XTS-128 stealing, 18 bytes",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0",
	  .key2 = "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
	  .iv = "9a785634120000000000000000000000",
	  .in = "000102030405060708090a0b0c0d0e0f1011",
	  .out = "d069444b7a7e0cab09e24447d24deb1fedbf",
	},
	/* IEEE 1619 vectors 15-18 */
	{ .name = "AES-XTS-128 stealing, 31 bytes",
	  .alg = TEE_ALG_AES_XTS, .key_type = TEE_TYPE_AES,
	  .key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0",
	  .key2 = "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
	  .iv = "9a785634120000000000000000000000",
	  .in = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
		"1c1d1e",
	  .out = "d05bc090a8e04f1b3d3ecdd5baec0fd4edbf9dace45d6f6a7306e64b"
		"e5dd82",
	},
	/* FIPS 81 B.1 */
	{ .name = "DES-ECB",
	  .alg = TEE_ALG_DES_ECB_NOPAD, .key_type = TEE_TYPE_DES,
	  .key = "0123456789abcdef",
	  .in = "4e6f77206973207468652074696d6520666f7220616c6c20",
	  .out = "3fa40e8a984d48156a271787ab8883f9893d51ec4b563b53",
	},
	/* FIPS 81 C.1 */
	{ .name = "DES-CBC",
	  .alg = TEE_ALG_DES_CBC_NOPAD, .key_type = TEE_TYPE_DES,
	  .key = "0123456789abcdef",
	  .iv = "1234567890abcdef",
	  .in = "4e6f77206973207468652074696d6520666f7220616c6c20",
	  .out = "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6",
	},
	/* NIST SP 800-67 example */
	{ .name = "3DES-ECB 3-key",
	  .alg = TEE_ALG_DES3_ECB_NOPAD, .key_type = TEE_TYPE_DES3,
	  .key = "0123456789abcdef23456789abcdef01456789abcdef0123",
	  .in = "54686520717566636b2062726f776e20666f78206a756d70",
	  .out = "a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900",
	},
	/* pyca/cryptography, two-key = K1 K2 K1 */
	{ .name = "3DES-ECB 2-key",
	  .alg = TEE_ALG_DES3_ECB_NOPAD, .key_type = TEE_TYPE_DES3,
	  .key = "0123456789abcdef23456789abcdef01",
	  .in = "54686520717566636b2062726f776e20666f78206a756d70",
	  .out = "c44862f70cf2fbdc9077d0909fa91b884cabd61fc58e0cbb",
	},
	/* pyca/cryptography */
	{ .name = "3DES-CBC 3-key",
	  .alg = TEE_ALG_DES3_CBC_NOPAD, .key_type = TEE_TYPE_DES3,
	  .key = "0123456789abcdef23456789abcdef01456789abcdef0123",
	  .iv = "1234567890abcdef",
	  .in = "54686520717566636b2062726f776e20666f78206a756d70",
	  .out = "38413d4ba2325cf1141f707471ac2ced57db530f0123b5ac",
	},
	/* GB/T 32907 A.1 */
	{ .name = "SM4-ECB",
	  .alg = TEE_ALG_SM4_ECB_NOPAD, .key_type = TEE_TYPE_SM4,
	  .key = "0123456789abcdeffedcba9876543210",
	  .in = "0123456789abcdeffedcba9876543210",
	  .out = "681edf34d206965e86b3e94f536e4246",
	},
	/* GB/T 32907 A.1, as CBC: P = vector ^ IV */
	{ .name = "SM4-CBC",
	  .alg = TEE_ALG_SM4_CBC_NOPAD, .key_type = TEE_TYPE_SM4,
	  .key = "0123456789abcdeffedcba9876543210",
	  .iv = "000102030405060708090a0b0c0d0e0f",
	  .in = "012247648daecbe8f6d5b0937a593c1f",
	  .out = "681edf34d206965e86b3e94f536e4246",
	},
	/* GB/T 32907 A.1, as CTR: counter = vector, zero data */
	{ .name = "SM4-CTR",
	  .alg = TEE_ALG_SM4_CTR, .key_type = TEE_TYPE_SM4,
	  .key = "0123456789abcdeffedcba9876543210",
	  .iv = "0123456789abcdeffedcba9876543210",
	  .in = "00000000000000000000000000000000",
	  .out = "681edf34d206965e86b3e94f536e4246",
	},
	/* NIST SP 800-38A F.2.1 as CBC-MAC (first block ^ IV) */
	{ .name = "AES-CBC-MAC-NOPAD",
	  .alg = TEE_ALG_AES_CBC_MAC_NOPAD, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc0bce12a459991e134741a7f9e1925ae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "3ff1caa1681fac09120eca307586e1a7",
	},
	/* pyca/cryptography: PKCS#5 padding, CBC, last block */
	{ .name = "AES-CBC-MAC-PKCS5",
	  .alg = TEE_ALG_AES_CBC_MAC_PKCS5, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411",
	  .out = "691da4fc78722e2dbcdd970708a3ae40",
	},
	/* FIPS 81 C.1 as CBC-MAC (first block ^ IV) */
	{ .name = "DES-CBC-MAC-NOPAD",
	  .alg = TEE_ALG_DES_CBC_MAC_NOPAD, .key_type = TEE_TYPE_DES,
	  .key = "0123456789abcdef",
	  .in = "5c5b2158f9d8ed9b68652074696d6520666f7220616c6c20",
	  .out = "683788499a7c05f6",
	},
	/* pyca/cryptography: PKCS#5 padding, CBC, last block */
	{ .name = "DES-CBC-MAC-PKCS5",
	  .alg = TEE_ALG_DES_CBC_MAC_PKCS5, .key_type = TEE_TYPE_DES,
	  .key = "0123456789abcdef",
	  .in = "4e6f77206973207468652074696d6520666f72",
	  .out = "1505dbbb57f1eb7d",
	},
	/* pyca/cryptography: CBC, last block */
	{ .name = "DES3-CBC-MAC-NOPAD",
	  .alg = TEE_ALG_DES3_CBC_MAC_NOPAD, .key_type = TEE_TYPE_DES3,
	  .key = "0123456789abcdef23456789abcdef01456789abcdef0123",
	  .in = "4e6f77206973207468652074696d6520666f7220616c6c20",
	  .out = "5351c9f385748c81",
	},
	/* pyca/cryptography: PKCS#5 padding, CBC, last block */
	{ .name = "DES3-CBC-MAC-PKCS5",
	  .alg = TEE_ALG_DES3_CBC_MAC_PKCS5, .key_type = TEE_TYPE_DES3,
	  .key = "0123456789abcdef23456789abcdef01456789abcdef0123",
	  .in = "4e6f77206973207468652074696d6520666f7220616c6c20",
	  .out = "e16867863673d1a3",
	},
	/* RFC 4493 example 1 */
	{ .name = "AES-128-CMAC empty",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .out = "bb1d6929e95937287fa37d129b756746",
	},
	/* RFC 4493 example 2 */
	{ .name = "AES-128-CMAC 16 bytes",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc1bee22e409f96e93d7e117393172a",
	  .out = "070a16b46b4d4144f79bdd9dd04a287c",
	},
	/* RFC 4493 example 3 */
	{ .name = "AES-128-CMAC 40 bytes",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411",
	  .out = "dfa66747de9ae63030ca32611497c827",
	},
	/* RFC 4493 example 4 */
	{ .name = "AES-128-CMAC 64 bytes",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "2b7e151628aed2a6abf7158809cf4f3c",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac"
		"45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17"
		"ad2b417be66c3710",
	  .out = "51f0bebf7e3b9d92fc49741779363cfe",
	},
	/* NIST SP 800-38B D.2 */
	{ .name = "AES-192-CMAC empty",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
	  .out = "d17ddf46adaacde531cac483de7a9367",
	},
	/* NIST SP 800-38B D.3 */
	{ .name = "AES-256-CMAC 16 bytes",
	  .alg = TEE_ALG_AES_CMAC, .key_type = TEE_TYPE_AES,
	  .key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a3"
		"0914dff4",
	  .in = "6bc1bee22e409f96e93d7e117393172a",
	  .out = "28a7023f452e8f82bd4bf28d8c37c35c",
	},
	/* NIST SP 800-38B D.4 */
	{ .name = "DES3-CMAC empty",
	  .alg = TEE_ALG_DES3_CMAC, .key_type = TEE_TYPE_DES3,
	  .key = "8aa83bf8cbda10620bc1bf19fbb6cd58bc313d4a371ca8b5",
	  .out = "b7a688e122ffaf95",
	},
	/* pyca/cryptography */
	{ .name = "DES3-CMAC 20 bytes",
	  .alg = TEE_ALG_DES3_CMAC, .key_type = TEE_TYPE_DES3,
	  .key = "8aa83bf8cbda10620bc1bf19fbb6cd58bc313d4a371ca8b5",
	  .in = "6bc1bee22e409f96e93d7e117393172aae2d8a57",
	  .out = "743ddbe0ce2dc2ed",
	},
	/* GCM spec test case 2 (SP 800-38D) */
	{ .name = "AES-128-GCM zero",
	  .alg = TEE_ALG_AES_GCM, .key_type = TEE_TYPE_AES,
	  .key = "00000000000000000000000000000000",
	  .iv = "000000000000000000000000",
	  .in = "00000000000000000000000000000000",
	  .out = "0388dace60b6a392f328c2b971b2fe78",
	  .tag = "ab6e47d42cec13bdf53a67b21257bddf",
	},
	/* GCM spec test case 4 */
	{ .name = "AES-128-GCM",
	  .alg = TEE_ALG_AES_GCM, .key_type = TEE_TYPE_AES,
	  .key = "feffe9928665731c6d6a8f9467308308",
	  .iv = "cafebabefacedbaddecaf888",
	  .aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  .in = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d"
		"8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
		"ba637b39",
	  .out = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e23"
		"29aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac97"
		"3d58e091",
	  .tag = "5bc94fbc3221a5db94fae95ae7121a47",
	},
	/* GCM spec test case 5 (64-bit IV) */
	{ .name = "AES-128-GCM short IV",
	  .alg = TEE_ALG_AES_GCM, .key_type = TEE_TYPE_AES,
	  .key = "feffe9928665731c6d6a8f9467308308",
	  .iv = "cafebabefacedbad",
	  .aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  .in = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d"
		"8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
		"ba637b39",
	  .out = "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f9"
		"7b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07"
		"c23f4598",
	  .tag = "3612d2e79e3b0785561be14aaca2fccb",
	},
	/* GCM spec test case 10 */
	{ .name = "AES-192-GCM",
	  .alg = TEE_ALG_AES_GCM, .key_type = TEE_TYPE_AES,
	  .key = "feffe9928665731c6d6a8f9467308308feffe9928665731c",
	  .iv = "cafebabefacedbaddecaf888",
	  .aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  .in = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d"
		"8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
		"ba637b39",
	  .out = "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b4"
		"0ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9"
		"ccda2710",
	  .tag = "2519498e80f1478f37ba55bd6d27618c",
	},
	/* GCM spec test case 16 */
	{ .name = "AES-256-GCM",
	  .alg = TEE_ALG_AES_GCM, .key_type = TEE_TYPE_AES,
	  .key = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f94"
		"67308308",
	  .iv = "cafebabefacedbaddecaf888",
	  .aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  .in = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d"
		"8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
		"ba637b39",
	  .out = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd"
		"2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0a"
		"bcc9f662",
	  .tag = "76fc6ece0f4e1768cddf8853bb2d551b",
	},
	/* NIST SP 800-38C C.1 */
	{ .name = "AES-CCM 32-bit tag",
	  .alg = TEE_ALG_AES_CCM, .key_type = TEE_TYPE_AES,
	  .key = "404142434445464748494a4b4c4d4e4f",
	  .iv = "10111213141516",
	  .aad = "0001020304050607",
	  .in = "20212223",
	  .out = "7162015b",
	  .tag = "4dac255d",
	},
	/* NIST SP 800-38C C.2 */
	{ .name = "AES-CCM 48-bit tag",
	  .alg = TEE_ALG_AES_CCM, .key_type = TEE_TYPE_AES,
	  .key = "404142434445464748494a4b4c4d4e4f",
	  .iv = "1011121314151617",
	  .aad = "000102030405060708090a0b0c0d0e0f",
	  .in = "202122232425262728292a2b2c2d2e2f",
	  .out = "d2a1f0e051ea5f62081a7792073d593d",
	  .tag = "1fc64fbfaccd",
	},
	/* NIST SP 800-38C C.3 */
	{ .name = "AES-CCM 64-bit tag",
	  .alg = TEE_ALG_AES_CCM, .key_type = TEE_TYPE_AES,
	  .key = "404142434445464748494a4b4c4d4e4f",
	  .iv = "101112131415161718191a1b",
	  .aad = "000102030405060708090a0b0c0d0e0f10111213",
	  .in = "202122232425262728292a2b2c2d2e2f3031323334353637",
	  .out = "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5",
	  .tag = "484392fbc1b09951",
	},
	/* NIST SP 800-38C C.4 (64 KiB of AAD) */
	{ .name = "AES-CCM 112-bit tag",
	  .alg = TEE_ALG_AES_CCM, .key_type = TEE_TYPE_AES,
	  .key = "404142434445464748494a4b4c4d4e4f",
	  .iv = "101112131415161718191a1b1c",
	  .aad = "@AAD64K",
	  .in = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b"
		"3c3d3e3f",
	  .out = "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529"
		"463ccf72",
	  .tag = "b4ac6bec93e8598e7f0dadbcea5b",
	},
};

const size_t crypto_n_kats = sizeof(crypto_kats) / sizeof(crypto_kats[0]);
