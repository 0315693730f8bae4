# vtee_add_ta(NAME <target> UUID <uuid> SOURCES <file>...
#             [INCLUDE_DIRS <dir>...] [DEFINES <definition>...] [NO_SIGN])
#
# Builds a Trusted Application the way OP-TEE's ta_dev_kit.mk does, but as
# a native shared object: SOURCES plus the dev kit's user_ta_header.c,
# compiled position-independent with hidden visibility (only the entry
# points and the TA header are exported), linked against libvtee_ta with
# --no-undefined.  user_ta_header.c includes the TA's
# user_ta_header_defines.h, so INCLUDE_DIRS must name its directory
# (relative directories are taken from the calling CMakeLists.txt).
#
# Target <target> is the unsigned <uuid>.so (in the caller's binary dir);
# target <target>_signed, built by default, signs it with the development
# key into ${VTEE_TA_OUT_DIR}/<uuid>.ta, where a build-tree vteed looks.
# NO_SIGN skips that, for TAs only the launcher's own tests load.
function(vtee_add_ta)
  cmake_parse_arguments(PARSE_ARGV 0 TA "NO_SIGN" "NAME;UUID"
                        "SOURCES;INCLUDE_DIRS;DEFINES")
  if(NOT TA_NAME OR NOT TA_UUID OR NOT TA_SOURCES)
    message(FATAL_ERROR "vtee_add_ta: NAME, UUID and SOURCES are required")
  endif()
  string(REPEAT "[0-9a-f]" 4 h4)
  string(REPEAT "[0-9a-f]" 8 h8)
  string(REPEAT "[0-9a-f]" 12 h12)
  if(NOT TA_UUID MATCHES "^${h8}-${h4}-${h4}-${h4}-${h12}$")
    message(FATAL_ERROR "vtee_add_ta: ${TA_UUID} is not a lower-case UUID")
  endif()
  set(devkit ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/..)

  add_library(${TA_NAME} SHARED ${TA_SOURCES} ${devkit}/src/user_ta_header.c)
  set_target_properties(${TA_NAME} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${TA_UUID}
    C_VISIBILITY_PRESET hidden
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  target_include_directories(${TA_NAME} PRIVATE ${TA_INCLUDE_DIRS})
  target_compile_definitions(${TA_NAME} PRIVATE ${TA_DEFINES})
  target_link_libraries(${TA_NAME} PRIVATE vtee_ta)
  target_link_options(${TA_NAME} PRIVATE -Wl,--no-undefined)
  if(TA_NO_SIGN)
    return()
  endif()

  set(signed ${VTEE_TA_OUT_DIR}/${TA_UUID}.ta)
  add_custom_command(OUTPUT ${signed}
    COMMAND $<TARGET_FILE:vtee> sign --key ${VTEE_DEV_KEY} --uuid ${TA_UUID}
            --in $<TARGET_FILE:${TA_NAME}> --out ${signed}
    DEPENDS ${TA_NAME} vtee vtee_dev_key
    COMMENT "Signing TA ${TA_NAME} (${TA_UUID})"
    VERBATIM)
  add_custom_target(${TA_NAME}_signed ALL DEPENDS ${signed})
endfunction()
