# Compiles ta-objs (subdir.mk) and, for a TA, the dev kit's
# user_ta_header.c, which turns the TA's user_ta_header_defines.h into
# its header and properties.  Header dependencies come from the
# compiler (-MMD); flag changes from the cc stamp (stamp.mk).

ifneq ($(BINARY),)
ta-header-obj := $(out)user_ta_header.o
ta-objs += $(ta-header-obj)
src-$(ta-header-obj) := $(VTEE_TA_HEADER_SRC)
$(ta-header-obj): $(VTEE_TA_HEADER_SRC)
endif

# Include order as in OP-TEE: the TA's global dirs, the source's own,
# then the TA dir (user_ta_header_defines.h) and the dev kit headers.
ta-inc = $(addprefix -I,$(ta-global-incdirs)) $(file-inc-$1) -I. \
	-I$(VTEE_TA_INCLUDE_DIR)
ta-obj-flags = $(filter-out $(remove-$1),$(call ta-inc,$1) $(ta-cppflags) \
	$(ta-cflags) $(file-flags-$1) $(CPPFLAGS) $(CFLAGS))

ta-cc-stamp := $(call ta-stamp,cc,$(CC) $(ta-cppflags) $(ta-cflags) \
	$(ta-global-incdirs) $(VTEE_TA_INCLUDE_DIR) $(CPPFLAGS) $(CFLAGS))

$(ta-objs): $(ta-cc-stamp)
	$(call show,CC,$@)
	$(q)mkdir -p $(@D)
	$(q)$(CC) $(call ta-obj-flags,$@) -MMD -MP -c $(src-$@) -o $@

-include $(ta-objs:.o=.d)
