/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP v1.1 source compatibility.  When a TA is built in v1.1 mode
 * (__OPTEE_CORE_API_COMPAT_1_1 == 1, see <tee_api_defines.h>), the v1.3
 * names of every type and function whose signature changed since v1.1
 * are redirected to their __GP11_ twins.  The TA then also defines its
 * open-session and invoke entry points under the __GP11_ names; the dev
 * kit's user_ta_header.c supplies the standard-named ones around them.
 *
 * Included at the end of <tee_internal_api.h>, after every declaration
 * has been made under its real name.
 */
#ifndef VTEE_DEVKIT_TEE_API_COMPAT_H
#define VTEE_DEVKIT_TEE_API_COMPAT_H

/*
 * Run a v1.1 entry point (fp) for a v1.3 caller: convert params to
 * __GP11_TEE_Param, call fp, convert back.  TEE_ERROR_BAD_PARAMETERS if a
 * memref is too large for v1.1.  Used by user_ta_header.c; part of the
 * runtime so that every TA shares one conversion.
 */
TEE_Result __ta_open_sess(uint32_t pt, TEE_Param params[TEE_NUM_PARAMS],
			  void **sess_ctx,
			  TEE_Result (*fp)(uint32_t,
					   __GP11_TEE_Param[TEE_NUM_PARAMS],
					   void **));
TEE_Result __ta_invoke_cmd(void *sess_ctx, uint32_t cmd_id, uint32_t pt,
			   TEE_Param params[TEE_NUM_PARAMS],
			   TEE_Result (*fp)(void *, uint32_t, uint32_t,
					    __GP11_TEE_Param[TEE_NUM_PARAMS]));

#if __OPTEE_CORE_API_COMPAT_1_1
/* Types */
#define TEE_Attribute		__GP11_TEE_Attribute
#define TEE_ObjectInfo		__GP11_TEE_ObjectInfo
#define TEE_Param		__GP11_TEE_Param

/* TA entry points */
#define TA_InvokeCommandEntryPoint	__GP11_TA_InvokeCommandEntryPoint
#define TA_OpenSessionEntryPoint	__GP11_TA_OpenSessionEntryPoint

/* Functions */
#define TEE_AEDecryptFinal		__GP11_TEE_AEDecryptFinal
#define TEE_AEEncryptFinal		__GP11_TEE_AEEncryptFinal
#define TEE_AEInit			__GP11_TEE_AEInit
#define TEE_AEUpdate			__GP11_TEE_AEUpdate
#define TEE_AEUpdateAAD			__GP11_TEE_AEUpdateAAD
#define TEE_AllocateTransientObject	__GP11_TEE_AllocateTransientObject
#define TEE_AsymmetricDecrypt		__GP11_TEE_AsymmetricDecrypt
#define TEE_AsymmetricEncrypt		__GP11_TEE_AsymmetricEncrypt
#define TEE_AsymmetricSignDigest	__GP11_TEE_AsymmetricSignDigest
#define TEE_AsymmetricVerifyDigest	__GP11_TEE_AsymmetricVerifyDigest
#define TEE_BigIntConvertFromOctetString __GP11_TEE_BigIntConvertFromOctetString
#define TEE_BigIntConvertToOctetString	__GP11_TEE_BigIntConvertToOctetString
#define TEE_BigIntFMMContextSizeInU32	__GP11_TEE_BigIntFMMContextSizeInU32
#define TEE_BigIntFMMSizeInU32		__GP11_TEE_BigIntFMMSizeInU32
/* not in OP-TEE's list, though its twin is declared there too */
#define TEE_BigIntInit			__GP11_TEE_BigIntInit
#define TEE_BigIntInitFMM		__GP11_TEE_BigIntInitFMM
#define TEE_BigIntInitFMMContext	__GP11_TEE_BigIntInitFMMContext
#define TEE_BigIntShiftRight		__GP11_TEE_BigIntShiftRight
#define TEE_CheckMemoryAccessRights	__GP11_TEE_CheckMemoryAccessRights
#define TEE_CipherDoFinal		__GP11_TEE_CipherDoFinal
#define TEE_CipherInit			__GP11_TEE_CipherInit
#define TEE_CipherUpdate		__GP11_TEE_CipherUpdate
#define TEE_CreatePersistentObject	__GP11_TEE_CreatePersistentObject
#define TEE_DeriveKey			__GP11_TEE_DeriveKey
#define TEE_DigestDoFinal		__GP11_TEE_DigestDoFinal
#define TEE_DigestUpdate		__GP11_TEE_DigestUpdate
#define TEE_FreeOperation		__GP11_TEE_FreeOperation
#define TEE_GenerateKey			__GP11_TEE_GenerateKey
#define TEE_GenerateRandom		__GP11_TEE_GenerateRandom
#define TEE_GetNextPersistentObject	__GP11_TEE_GetNextPersistentObject
#define TEE_GetObjectBufferAttribute	__GP11_TEE_GetObjectBufferAttribute
#define TEE_GetObjectInfo		__GP11_TEE_GetObjectInfo
#define TEE_GetObjectInfo1		__GP11_TEE_GetObjectInfo1
#define TEE_GetOperationInfoMultiple	__GP11_TEE_GetOperationInfoMultiple
#define TEE_GetPropertyAsBinaryBlock	__GP11_TEE_GetPropertyAsBinaryBlock
#define TEE_GetPropertyAsString		__GP11_TEE_GetPropertyAsString
#define TEE_GetPropertyName		__GP11_TEE_GetPropertyName
#define TEE_InitRefAttribute		__GP11_TEE_InitRefAttribute
#define TEE_InitValueAttribute		__GP11_TEE_InitValueAttribute
#define TEE_InvokeTACommand		__GP11_TEE_InvokeTACommand
#define TEE_MACCompareFinal		__GP11_TEE_MACCompareFinal
#define TEE_MACComputeFinal		__GP11_TEE_MACComputeFinal
#define TEE_MACInit			__GP11_TEE_MACInit
#define TEE_MACUpdate			__GP11_TEE_MACUpdate
#define TEE_Malloc			__GP11_TEE_Malloc
#define TEE_MemCompare			__GP11_TEE_MemCompare
#define TEE_MemFill			__GP11_TEE_MemFill
#define TEE_MemMove			__GP11_TEE_MemMove
#define TEE_OpenPersistentObject	__GP11_TEE_OpenPersistentObject
#define TEE_OpenTASession		__GP11_TEE_OpenTASession
#define TEE_PopulateTransientObject	__GP11_TEE_PopulateTransientObject
#define TEE_ReadObjectData		__GP11_TEE_ReadObjectData
#define TEE_Realloc			__GP11_TEE_Realloc
#define TEE_RenamePersistentObject	__GP11_TEE_RenamePersistentObject
#define TEE_SeekObjectData		__GP11_TEE_SeekObjectData
#define TEE_SetOperationKey		__GP11_TEE_SetOperationKey
#define TEE_SetOperationKey2		__GP11_TEE_SetOperationKey2
#define TEE_TruncateObjectData		__GP11_TEE_TruncateObjectData
#define TEE_WriteObjectData		__GP11_TEE_WriteObjectData
#endif /* __OPTEE_CORE_API_COMPAT_1_1 */

#endif /* VTEE_DEVKIT_TEE_API_COMPAT_H */
