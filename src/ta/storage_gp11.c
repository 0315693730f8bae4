// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 twins (__GP11_*) of the storage functions: 32-bit lengths
 * and the v1.1 object info.
 */
#include <tee_internal_api.h>

TEE_Result __GP11_TEE_OpenPersistentObject(uint32_t storageID,
					   const void *objectID,
					   uint32_t objectIDLen, uint32_t flags,
					   TEE_ObjectHandle *object)
{
	return TEE_OpenPersistentObject(storageID, objectID, objectIDLen,
					flags, object);
}

TEE_Result __GP11_TEE_CreatePersistentObject(uint32_t storageID,
					     const void *objectID,
					     uint32_t objectIDLen,
					     uint32_t flags,
					     TEE_ObjectHandle attributes,
					     const void *initialData,
					     uint32_t initialDataLen,
					     TEE_ObjectHandle *object)
{
	return TEE_CreatePersistentObject(storageID, objectID, objectIDLen,
					  flags, attributes, initialData,
					  initialDataLen, object);
}

TEE_Result __GP11_TEE_RenamePersistentObject(TEE_ObjectHandle object,
					     const void *newObjectID,
					     uint32_t newObjectIDLen)
{
	return TEE_RenamePersistentObject(object, newObjectID, newObjectIDLen);
}

TEE_Result
__GP11_TEE_GetNextPersistentObject(TEE_ObjectEnumHandle objectEnumerator,
				   __GP11_TEE_ObjectInfo *objectInfo,
				   void *objectID, uint32_t *objectIDLen)
{
	TEE_ObjectInfo info;
	size_t len = 0;
	TEE_Result res = TEE_GetNextPersistentObject(objectEnumerator,
						     &info, objectID, &len);

	if (res)
		return res;
	if (objectInfo)
		*objectInfo = (__GP11_TEE_ObjectInfo){
			.objectType = info.objectType,
			.objectSize = info.objectSize,
			.maxObjectSize = info.maxObjectSize,
			.objectUsage = info.objectUsage,
			.dataSize = (uint32_t)info.dataSize,
			.dataPosition = (uint32_t)info.dataPosition,
			.handleFlags = info.handleFlags,
		};
	if (!objectIDLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*objectIDLen = (uint32_t)len;
	return TEE_SUCCESS;
}

TEE_Result __GP11_TEE_ReadObjectData(TEE_ObjectHandle object, void *buffer,
				     uint32_t size, uint32_t *count)
{
	size_t n = 0;
	TEE_Result res = TEE_ReadObjectData(object, buffer, size, &n);

	if (!count)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*count = (uint32_t)n;
	return res;
}

TEE_Result __GP11_TEE_WriteObjectData(TEE_ObjectHandle object,
				      const void *buffer, uint32_t size)
{
	return TEE_WriteObjectData(object, buffer, size);
}

TEE_Result __GP11_TEE_TruncateObjectData(TEE_ObjectHandle object,
					 uint32_t size)
{
	return TEE_TruncateObjectData(object, size);
}

TEE_Result __GP11_TEE_SeekObjectData(TEE_ObjectHandle object, int32_t offset,
				     TEE_Whence whence)
{
	return TEE_SeekObjectData(object, offset, whence);
}
