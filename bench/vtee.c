// SPDX-License-Identifier: BSD-2-Clause
/*
 * The vtee measurements: calls through libteec (tee_client_api.h, linked
 * as `teec`) to the vteed of $VTEE_RUNTIME_DIR, using the test TAs (and
 * the storage and crypto benchmark TAs of ta/).  Each kind lives in a
 * file of its own (vtee_invoke.c, vtee_session.c, vtee_throughput.c,
 * vtee_storage.c, vtee_crypto.c); its result appears under "vtee" with
 * the name given here.
 */
#include "bench.h"

const struct bench_case bench_vtee[] = {
	{ "null_invoke", bench_null_invoke },
	{ "null_invoke_shim", bench_null_invoke_shim },
	{ "invoke_shm_4k", bench_shm_4k },
	{ "invoke_shm_1m", bench_shm_1m },
	{ "invoke_temp_4k", bench_temp_4k },
	{ "invoke_temp_64k", bench_temp_64k },
	{ "invoke_temp_1m", bench_temp_1m },
	{ "open_close_warm", bench_open_warm },
	{ "open_cold", bench_open_cold },
	{ "throughput_1_thread", bench_throughput_1 },
	{ "throughput_2_threads", bench_throughput_2 },
	{ "throughput_8_threads", bench_throughput_8 },
	{ "storage_create_1k", bench_storage_create_1k },
	{ "storage_create_init_1k", bench_storage_create_init_1k },
	{ "storage_read_1k", bench_storage_read_1k },
	{ "storage_read_1m", bench_storage_read_1m },
	{ "storage_small_writes", bench_storage_small_writes },
	{ "crypto_aes128_gcm_4k", bench_crypto_aes128_gcm_4k },
	{ "crypto_aes128_gcm_1m", bench_crypto_aes128_gcm_1m },
	{ "crypto_aes256_gcm_4k", bench_crypto_aes256_gcm_4k },
	{ "crypto_aes256_gcm_1m", bench_crypto_aes256_gcm_1m },
	{ "crypto_aes128_cbc_4k", bench_crypto_aes128_cbc_4k },
	{ "crypto_aes128_cbc_1m", bench_crypto_aes128_cbc_1m },
	{ "crypto_aes256_cbc_4k", bench_crypto_aes256_cbc_4k },
	{ "crypto_aes256_cbc_1m", bench_crypto_aes256_cbc_1m },
	{ "crypto_sha256_4k", bench_crypto_sha256_4k },
	{ "crypto_sha256_1m", bench_crypto_sha256_1m },
	{ "crypto_hmac_sha256_4k", bench_crypto_hmac_sha256_4k },
	{ "crypto_hmac_sha256_1m", bench_crypto_hmac_sha256_1m },
	{ "crypto_rsa2048_sign", bench_crypto_rsa2048_sign },
	{ "crypto_rsa2048_verify", bench_crypto_rsa2048_verify },
	{ "crypto_ecdsa_p256_sign", bench_crypto_ecdsa_p256_sign },
	{ "crypto_ecdsa_p256_verify", bench_crypto_ecdsa_p256_verify },
	{ "crypto_x25519_derive", bench_crypto_x25519_derive },
	{ NULL, NULL }
};
