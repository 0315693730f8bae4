// SPDX-License-Identifier: BSD-2-Clause
/*
 * The probe TA (probe_ta.h).  Compiles in v1.3 and v1.1 mode alike: only
 * the type of length out-parameters differs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <unistd.h>
#include <user_ta_header.h>

#include <probe_ta.h>

#if __OPTEE_CORE_API_COMPAT_1_1
typedef uint32_t len_t;
#else
typedef size_t len_t;
#endif

/* Constructors run inside dlopen(), before the runtime's sandbox: only
 * the loading stage's filters stand between them and the system. */
#ifdef PROBE_VARIANT_CTOR
__attribute__((constructor)) static void write_while_loading(void)
{
	open(PROBE_CTOR_PATH, O_WRONLY | O_CREAT, 0600);
}
#else
static int ctor_read_errno = -1;

__attribute__((constructor)) static void read_while_loading(void)
{
	int fd = open(PROBE_CTOR_READ_PATH, O_RDONLY | O_CLOEXEC);

	ctor_read_errno = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
}
#endif

static const TEE_UUID probe_uuid = PROBE_TA_UUID;

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t pt __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx __unused)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

static bool str_is(TEE_PropSetHandle set, const char *name, const char *want)
{
	char buf[64];
	len_t len = sizeof(buf);

	return TEE_GetPropertyAsString(set, name, buf, &len) == TEE_SUCCESS &&
	       len == strlen(want) + 1 && !strcmp(buf, want);
}

static bool u32_is(TEE_PropSetHandle set, const char *name, uint32_t want)
{
	uint32_t v;

	return TEE_GetPropertyAsU32(set, name, &v) == TEE_SUCCESS && v == want;
}

static bool bool_is(TEE_PropSetHandle set, const char *name, bool want)
{
	bool v;

	return TEE_GetPropertyAsBool(set, name, &v) == TEE_SUCCESS && v == want;
}

static uint32_t typed_props_check(TEE_PropSetHandle ta)
{
	uint8_t blob[8];
	TEE_Identity id;
	TEE_UUID uuid;
	uint64_t u64;
	uint32_t u32;
	len_t len = 2;

	if (!bool_is(ta, "probe.bool", true) || !str_is(ta, "probe.bool", "true"))
		return 1;
	if (TEE_GetPropertyAsU32(ta, "probe.bool", &u32) != TEE_ERROR_BAD_FORMAT)
		return 2;
	if (!u32_is(ta, "probe.u32", 16) || !str_is(ta, "probe.u32", "16"))
		return 3;
	if (TEE_GetPropertyAsU64(ta, "probe.u64", &u64) || u64 != 0x100000000ULL)
		return 4;
	if (TEE_GetPropertyAsU32(ta, "probe.u64", &u32) != TEE_ERROR_BAD_FORMAT)
		return 5;
	if (!u32_is(ta, "probe.hex", 31))
		return 6;
	if (TEE_GetPropertyAsBinaryBlock(ta, "probe.blob", blob, &len) !=
	    TEE_ERROR_SHORT_BUFFER || len != 5)
		return 7;
	len = sizeof(blob);
	if (TEE_GetPropertyAsBinaryBlock(ta, "probe.blob", blob, &len) ||
	    len != 5 || memcmp(blob, "hello", 5))
		return 8;
	if (TEE_GetPropertyAsUUID(ta, "probe.uuid", &uuid) ||
	    memcmp(&uuid, &probe_uuid, sizeof(uuid)) ||
	    !str_is(ta, "probe.uuid", "1c6e4c8a-3f0b-4d6e-9a51-7b2f0e6d4c31"))
		return 9;
	if (TEE_GetPropertyAsIdentity(ta, "probe.identity", &id) ||
	    id.login != TEE_LOGIN_APPLICATION ||
	    memcmp(&id.uuid, &probe_uuid, sizeof(uuid)))
		return 10;
	return 0;
}

static uint32_t ta_props_check(void)
{
	const TEE_PropSetHandle ta = TEE_PROPSET_CURRENT_TA;
	uint32_t failed = typed_props_check(ta);
	TEE_UUID uuid;
	char buf[8];
	len_t len = 3;

	if (failed)
		return failed;
	if (TEE_GetPropertyAsUUID(ta, "gpd.ta.appID", &uuid) ||
	    memcmp(&uuid, &ta_head.uuid, sizeof(uuid)))
		return 11;
	if (!str_is(ta, "gpd.ta.version", "Undefined version") ||
	    !str_is(ta, "gpd.ta.description", "launcher probe"))
		return 12;
	if (!bool_is(ta, "gpd.ta.multiSession", true) ||
	    !bool_is(ta, "gpd.ta.singleInstance", false))
		return 13;
	if (!u32_is(ta, "gpd.ta.dataSize", 16 * 1024) ||
	    !u32_is(ta, "gpd.ta.endian", 0))
		return 14;
	if (TEE_GetPropertyAsU32(ta, "no.such.property", &failed) !=
	    TEE_ERROR_ITEM_NOT_FOUND)
		return 15;
	if (TEE_GetPropertyAsString(ta, "probe.hex", buf, &len) !=
	    TEE_ERROR_SHORT_BUFFER || len != 5)
		return 16;
	return 0;
}

static uint32_t client_props_check(void)
{
	const TEE_PropSetHandle client = TEE_PROPSET_CURRENT_CLIENT;
	TEE_Identity id;
	TEE_UUID want;

	if (tee_uuid_from_str(&want, PROBE_CLIENT_UUID_STR))
		return 21;
	if (TEE_GetPropertyAsIdentity(client, "gpd.client.identity", &id) ||
	    id.login != PROBE_CLIENT_LOGIN ||
	    memcmp(&id.uuid, &want, sizeof(want)))
		return 22;
	if (!u32_is(client, "gpd.client.endian", 0))
		return 23;
	return 0;
}

static uint32_t tee_props_check(void)
{
	const TEE_PropSetHandle tee = TEE_PROPSET_TEE_IMPLEMENTATION;
	TEE_UUID uuid;

#define X(name, type, value) \
	if (!str_is(tee, name, value)) \
		return 31;
	PROBE_TEE_PROPS
#undef X
	if (!u32_is(tee, "gpd.tee.arith.maxBigIntSize", 2048) ||
	    !bool_is(tee, "gpd.tee.cryptography.ecc", true) ||
	    TEE_GetPropertyAsUUID(tee, "gpd.tee.deviceID", &uuid))
		return 32;
	return 0;
}

/* Names in set seen by enumerator e; 0 if a name cannot be read */
static size_t count(TEE_PropSetHandle e, TEE_PropSetHandle set)
{
	char name[64];
	size_t n = 0;
	len_t len;

	TEE_StartPropertyEnumerator(e, set);
	do {
		len = sizeof(name);
		if (TEE_GetPropertyName(e, name, &len))
			return 0;
		n++;
	} while (TEE_GetNextProperty(e) == TEE_SUCCESS);
	return n;
}

static uint32_t enumerator_check(TEE_PropSetHandle e)
{
	char name[64];
	len_t len = sizeof(name);

	if ((uintptr_t)e > UINT32_MAX)
		return 41;
	if (TEE_GetNextProperty(e) != TEE_ERROR_ITEM_NOT_FOUND)
		return 42;
	if (count(e, TEE_PROPSET_CURRENT_TA) != ta_num_props + 1 ||
	    TEE_GetPropertyName(e, name, &len) != TEE_ERROR_ITEM_NOT_FOUND)
		return 43;
	if (count(e, TEE_PROPSET_TEE_IMPLEMENTATION) != 4 ||
	    count(e, TEE_PROPSET_CURRENT_CLIENT) != 2)
		return 44;
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_TEE_IMPLEMENTATION);
	len = 1;
	if (TEE_GetPropertyName(e, name, &len) != TEE_ERROR_SHORT_BUFFER ||
	    len != sizeof("gpd.tee.description"))
		return 45;
	if (!str_is(e, NULL, "vtee test OS"))
		return 46;
	TEE_ResetPropertyEnumerator(e);
	if (TEE_GetPropertyName(e, name, &len) != TEE_ERROR_ITEM_NOT_FOUND)
		return 47;
	return 0;
}

static uint32_t properties_check(void)
{
	TEE_PropSetHandle e;
	uint32_t failed = ta_props_check();

	if (!failed)
		failed = client_props_check();
	if (!failed)
		failed = tee_props_check();
	if (failed)
		return failed;
	if (TEE_AllocatePropertyEnumerator(&e))
		return 40;
	failed = enumerator_check(e);
	TEE_FreePropertyEnumerator(e);
	return failed;
}

static const char rodata[64] = "read only";

static uint32_t access_checks(void *client, size_t size)
{
	const uint32_t r = TEE_MEMORY_ACCESS_READ, w = TEE_MEMORY_ACCESS_WRITE;
	const uint32_t any = TEE_MEMORY_ACCESS_ANY_OWNER;
	uint8_t stack[32] = { 0 };
	void *empty = TEE_Malloc(0, TEE_MALLOC_FILL_ZERO);

	if (TEE_CheckMemoryAccessRights(r | any, client, size))
		return 1;
	if (!TEE_CheckMemoryAccessRights(w | any, client, size))
		return 2;	/* a read-only mapping */
	if (!TEE_CheckMemoryAccessRights(r, client, size))
		return 3;	/* not the TA's own memory */
	if (TEE_CheckMemoryAccessRights(r | w, stack, sizeof(stack)))
		return 4;
	if (TEE_CheckMemoryAccessRights(r, (void *)rodata, sizeof(rodata)) ||
	    !TEE_CheckMemoryAccessRights(w, (void *)rodata, sizeof(rodata)))
		return 5;
	if (!TEE_CheckMemoryAccessRights(r, empty, 1) ||
	    TEE_CheckMemoryAccessRights(r, empty, 0))
		return 6;
	if (!TEE_CheckMemoryAccessRights(r, (void *)(uintptr_t)-16, 32))
		return 7;
	return 0;
}

static TEE_Result reverse(TEE_Param *p)
{
	uint8_t *b = p->memref.buffer;

	for (size_t i = 0, j = p->memref.size; i + 1 < j; i++, j--) {
		uint8_t t = b[i];

		b[i] = b[j - 1];
		b[j - 1] = t;
	}
	if (p->memref.size)
		p->memref.size--;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt __unused, TEE_Param p[4])
{
	switch (cmd) {
	case PROBE_CMD_OPEN_FILE:
		return open("/proc/self/status", O_RDONLY) < 0 ?
			TEE_ERROR_ACCESS_DENIED : TEE_SUCCESS;
	case PROBE_CMD_EXEC_MAP:
		return mmap(NULL, 4096, PROT_READ | PROT_EXEC,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ?
			TEE_ERROR_ACCESS_DENIED : TEE_SUCCESS;
	case PROBE_CMD_PRINTF:
		printf("probe: a stray printf\n");
		fflush(stdout);
		return TEE_SUCCESS;
	case PROBE_CMD_PROPERTIES:
		p[0].value.a = properties_check();
		return TEE_SUCCESS;
	case PROBE_CMD_LOG:
		IMSG("probe says %d", 42);
		return TEE_SUCCESS;
	case PROBE_CMD_MEMREF:
		return reverse(&p[0]);
	case PROBE_CMD_ACCESS:
		p[1].value.a = access_checks(p[0].memref.buffer,
					     p[0].memref.size);
		return TEE_SUCCESS;
#ifndef PROBE_VARIANT_CTOR
	case PROBE_CMD_CTOR_READ:
		p[0].value.a = (uint32_t)ctor_read_errno;
		return TEE_SUCCESS;
#endif
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
