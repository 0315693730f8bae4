# Links the TA and signs it, or archives a static library of TA code.
# libnames, libdirs and libdeps (OP-TEE's names, settable in the Makefile
# or any sub.mk) add static libraries; LDADD adds anything else.
# CFG_TA_VERSION is the version in the signed image, as in OP-TEE.

ifneq ($(BINARY),)
ta-so := $(out)$(BINARY).so
ta-ta := $(out)$(BINARY).ta
ta-outputs := $(ta-so) $(ta-ta)
all: $(ta-ta)

ta-ldlibs := $(LDADD) $(addprefix -L,$(libdirs)) $(addprefix -l,$(libnames)) \
	-L$(VTEE_TA_LIB_DIR) -lvtee_ta
ta-version := $(or $(CFG_TA_VERSION),0)
ta-ld-stamp := $(call ta-stamp,ld,$(CC) $(LDFLAGS) $(ta-ldlibs))
ta-sign-stamp := $(call ta-stamp,sign,$(VTEE_TOOL) $(TA_SIGN_KEY) \
	$(BINARY) $(ta-version))

# --no-undefined: a GP function the runtime lacks is a link error here,
# not a failure when the TA is loaded.
$(ta-so): $(ta-objs) $(libdeps) $(VTEE_TA_LIB_DIR)/libvtee_ta.so $(ta-ld-stamp)
	$(call show,LD,$@)
	$(q)$(CC) -shared $(LDFLAGS) -o $@ $(ta-objs) $(ta-ldlibs) \
		-Wl,--no-undefined

$(ta-ta): $(ta-so) $(TA_SIGN_KEY) $(ta-sign-stamp)
	$(call show,SIGN,$@)
	$(q)$(VTEE_TOOL) sign --key $(TA_SIGN_KEY) --uuid $(BINARY) \
		--ta-version $(ta-version) --in $< --out $@

# Without this rule a missing key would read "No rule to make target".
$(TA_SIGN_KEY):
	$(error TA signing key $@ not found: set TA_SIGN_KEY, or build vtee \
		to generate the development key)
endif

ifneq ($(LIBNAME),)
ta-outputs := $(LIBNAME).a
all: $(LIBNAME).a

$(LIBNAME).a: $(ta-objs)
	$(call show,AR,$@)
	$(q)mkdir -p $(@D) && rm -f $@ && $(AR) rcs $@ $(ta-objs)
endif
