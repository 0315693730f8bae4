// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 twins (__GP11_*) of the object functions, for TAs built in
 * v1.1 mode (tee_api_compat.h): 32-bit lengths, __GP11_TEE_ObjectInfo
 * and __GP11_TEE_Attribute.  Each converts and calls the v1.3 function,
 * as gp11.c does for the rest of the runtime.
 */
#include <tee_internal_api.h>

#include "object_attrs.h"

/* v1.1 data sizes are 32 bits; a v1.1 TA's objects never grow past. */
static void info_to_gp11(const TEE_ObjectInfo *in, __GP11_TEE_ObjectInfo *out)
{
	out->objectType = in->objectType;
	out->objectSize = in->objectSize;
	out->maxObjectSize = in->maxObjectSize;
	out->objectUsage = in->objectUsage;
	out->dataSize = (uint32_t)in->dataSize;
	out->dataPosition = (uint32_t)in->dataPosition;
	out->handleFlags = in->handleFlags;
}

void __GP11_TEE_GetObjectInfo(TEE_ObjectHandle object,
			      __GP11_TEE_ObjectInfo *objectInfo)
{
	TEE_ObjectInfo info;

	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	TEE_GetObjectInfo(object, &info);
	info_to_gp11(&info, objectInfo);
}

TEE_Result __GP11_TEE_GetObjectInfo1(TEE_ObjectHandle object,
				     __GP11_TEE_ObjectInfo *objectInfo)
{
	TEE_ObjectInfo info;
	TEE_Result res;

	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = TEE_GetObjectInfo1(object, &info);
	info_to_gp11(&info, objectInfo);
	return res;
}

TEE_Result __GP11_TEE_GetObjectBufferAttribute(TEE_ObjectHandle object,
					       uint32_t attributeID,
					       void *buffer, uint32_t *size)
{
	size_t len;
	TEE_Result res;

	if (!size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *size;
	res = TEE_GetObjectBufferAttribute(object, attributeID, buffer, &len);
	/* attributes hold at most 4096 bits */
	*size = (uint32_t)len;
	return res;
}

/* GP v1.1 still listed TEE_TYPE_DATA (size 0) among transient types, and
 * OP-TEE allocates it in v1.1 mode. */
TEE_Result __GP11_TEE_AllocateTransientObject(TEE_ObjectType objectType,
					      uint32_t maxKeySize,
					      TEE_ObjectHandle *object)
{
	struct ta_object *o;
	TEE_Result res;

	if (objectType != TEE_TYPE_DATA)
		return TEE_AllocateTransientObject(objectType, maxKeySize,
						   object);
	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = ta_object_alloc(objectType, maxKeySize, &o);
	*object = res == TEE_SUCCESS ? (TEE_ObjectHandle)(uintptr_t)o->handle :
				       TEE_HANDLE_NULL;
	return res;
}

static TEE_Attribute from_gp11(const __GP11_TEE_Attribute *in)
{
	TEE_Attribute out = { .attributeID = in->attributeID };

	if (in->attributeID & TEE_ATTR_FLAG_VALUE) {
		out.content.value.a = in->content.value.a;
		out.content.value.b = in->content.value.b;
	} else {
		out.content.ref.buffer = in->content.ref.buffer;
		out.content.ref.length = in->content.ref.length;
	}
	return out;
}

TEE_Result __GP11_TEE_PopulateTransientObject(TEE_ObjectHandle object,
					      const __GP11_TEE_Attribute *attrs,
					      uint32_t attrCount)
{
	TEE_Attribute converted[TA_OBJ_ATTRS_MAX];

	/* No type has more attributes: one would be foreign or repeated,
	 * which is a panic anyway. */
	if (attrCount > TA_OBJ_ATTRS_MAX || (attrCount && !attrs))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < attrCount; i++)
		converted[i] = from_gp11(&attrs[i]);
	return TEE_PopulateTransientObject(object, converted, attrCount);
}

void __GP11_TEE_InitRefAttribute(__GP11_TEE_Attribute *attr,
				 uint32_t attributeID, const void *buffer,
				 uint32_t length)
{
	TEE_Attribute checked;

	if (!attr)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	TEE_InitRefAttribute(&checked, attributeID, buffer, length);
	attr->attributeID = attributeID;
	attr->content.ref.buffer = checked.content.ref.buffer;
	attr->content.ref.length = length;
}

void __GP11_TEE_InitValueAttribute(__GP11_TEE_Attribute *attr,
				   uint32_t attributeID, uint32_t a,
				   uint32_t b)
{
	TEE_Attribute checked;

	if (!attr)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	TEE_InitValueAttribute(&checked, attributeID, a, b);
	attr->attributeID = attributeID;
	attr->content.value.a = a;
	attr->content.value.b = b;
}

TEE_Result __GP11_TEE_GenerateKey(TEE_ObjectHandle object, uint32_t keySize,
				  const __GP11_TEE_Attribute *params,
				  uint32_t paramCount)
{
	TEE_Attribute converted[TA_OBJ_ATTRS_MAX];

	/* as Populate: more than any type has is a panic anyway */
	if (paramCount > TA_OBJ_ATTRS_MAX || (paramCount && !params))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < paramCount; i++)
		converted[i] = from_gp11(&params[i]);
	return TEE_GenerateKey(object, keySize, converted, paramCount);
}
