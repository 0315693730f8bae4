// SPDX-License-Identifier: BSD-2-Clause
/*
 * Figures published or measured for peers, to read vtee's numbers against
 * (docs: /work/shared/reference/peers.md, "Performance" and "Benchmarks
 * to beat or report").  Open-TEE's were measured on a 2-vCPU VM, like the
 * machines vtee is developed on.
 */
#include "bench.h"

#define OPEN_TEE "Open-TEE, 2-vCPU VM, 10000 iterations (peers.md 1.6)"

const struct bench_target bench_targets[] = {
	{ "open_tee_invoke_value_p50", 134, "us", OPEN_TEE },
	{ "open_tee_invoke_value_p99", 377, "us", OPEN_TEE },
	{ "open_tee_invoke_value_mean", 147, "us", OPEN_TEE },
	{ "open_tee_invoke_memref_4k_p50", 288, "us", OPEN_TEE },
	{ "open_tee_invoke_memref_64k_p50", 356, "us", OPEN_TEE },
	{ "open_tee_invoke_whole_shm_4k_p50", 133, "us", OPEN_TEE },
	{ "open_tee_open_session_warm", 252, "us", OPEN_TEE },
	{ "open_tee_open_session_cold", 700, "us", OPEN_TEE },
	{ "open_tee_initialize_context", 590, "us", OPEN_TEE },
	{ "open_tee_throughput_1_process", 8700, "invokes/s", OPEN_TEE },
	{ "open_tee_throughput_2_processes", 9800, "invokes/s", OPEN_TEE },
	{ "open_tee_throughput_4_processes", 17200, "invokes/s", OPEN_TEE },
	{ "open_tee_vm_socket_round_trip_64b", 46, "us",
	  "Open-TEE's VM, bare 64 B AF_UNIX ping-pong, 46-60 us (peers.md "
	  "1.6)" },
	{ "optee_empty_invoke_hw", 100, "us",
	  "OP-TEE on real hardware, about 0.1 ms (peers.md, benchmarks to "
	  "beat)" },
	{ NULL, 0, NULL, NULL }
};
