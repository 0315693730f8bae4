# The TA dev kit's make include, for TA projects laid out as for OP-TEE:
# a Makefile that sets BINARY=<uuid> and includes this file, and a sub.mk
# listing the sources (see subdir.mk).  The TA is built as vtee builds
# every TA, a native shared object linked against libvtee_ta, then signed.
#
#   make -C ta TA_DEV_KIT_DIR=<dev kit> [O=<out dir>] [TA_SIGN_KEY=<key.pem>]
#        [CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y] [CFG_TEE_TA_LOG_LEVEL=0..4]
#        [DEBUG=1] [V=1] [CC=...] [CFLAGS=...] [CPPFLAGS=...] [LDFLAGS=...]
#
# Goals: all (<O>/<BINARY>.so and <O>/<BINARY>.ta), clean.  LIBNAME=<path>
# instead of BINARY builds the objects into the static library
# <path>.a, for other TAs to link with libnames/libdirs/libdeps.
# CROSS_COMPILE and OP-TEE's architecture variables are accepted and
# ignored: a vtee TA runs on the build machine.

# This file is <dev kit>/mk/ta_dev_kit.mk; everything else is found from there.
ta-dev-kit-dir := $(patsubst %/,%,$(abspath $(dir $(lastword $(MAKEFILE_LIST)))..))
# Declared first so that it is the default goal of the TA's Makefile.
.PHONY: all clean
all:

ifneq ($(filter 3.% 4.0% 4.1%,$(MAKE_VERSION)),)
$(error The vtee TA dev kit needs GNU make 4.2 or later)
endif

include $(ta-dev-kit-dir)/mk/config.mk

ifneq (1,$(words $(BINARY) $(LIBNAME)))
$(error Set exactly one of BINARY (a TA) and LIBNAME (a static library))
endif

out-dir := $(if $(O),$(patsubst %/,%,$(O)),.)
# The prefix of every output path: none in the TA dir, where make would
# take ./x.o and x.o for two names.
out := $(if $(O),$(out-dir)/)

# Short lines unless V=1; nothing at all under make -s.
ifeq ($(V),1)
q :=
show = @:
else
q := @
show = @printf '  %-7s %s\n' '$1' '$2'
endif
ifneq ($(findstring s,$(filter-out -% %=%,$(firstword $(MAKEFLAGS)))),)
show = @:
endif

# The compiler the dev kit was built with, unless the caller names one.
ifeq ($(origin CC),default)
CC := $(VTEE_DEVKIT_CC)
endif

CFG_TEE_TA_LOG_LEVEL ?= 2
TA_SIGN_KEY ?= $(VTEE_TA_DEV_KEY)

# The language and warnings of every vtee TA (vtee_add_ta() uses the
# same): a warning is an error, as in the rest of the project.
ta-cflags := -std=gnu11 -fPIC -fvisibility=hidden -Wall -Wextra -Werror -g
ta-cflags += $(if $(filter 1,$(DEBUG)),-O0,-O2)
ta-cppflags := -DTRACE_LEVEL=$(CFG_TEE_TA_LOG_LEVEL)
# GP 1.1 types and entry-point names (see tee_api_compat.h).
ifeq ($(CFG_TA_OPTEE_CORE_API_COMPAT_1_1),y)
ta-cppflags += -D__OPTEE_CORE_API_COMPAT_1_1=1
endif
# Like OP-TEE, the sources see every CFG_ variable: y as 1, any other
# value but n as itself.
ta-cppflags += $(foreach v,$(sort $(filter CFG_%,$(.VARIABLES))),$(if \
	$(filter y,$($(v))),-D$(v)=1,$(if $(filter-out n,$($(v))),-D$(v)='$($(v))')))

include $(ta-dev-kit-dir)/mk/stamp.mk
include $(ta-dev-kit-dir)/mk/subdir.mk
include $(ta-dev-kit-dir)/mk/compile.mk
include $(ta-dev-kit-dir)/mk/link.mk

# A change to the TA's Makefile, a sub.mk or the dev kit rebuilds the TA.
$(ta-objs) $(ta-outputs): $(filter-out %.d,$(MAKEFILE_LIST))

clean:
	$(call show,CLEAN,$(out-dir))
	$(q)rm -f $(ta-objs) $(ta-objs:.o=.d) $(ta-outputs) $(ta-stamps)
	$(q)for d in $(patsubst %/,%,$(sort $(dir $(ta-objs) $(ta-outputs)))); do \
		while [ "$$d" != "$(out-dir)" ] && rmdir "$$d" 2>/dev/null; do \
			d=$${d%/*}; \
		done; \
	done
	$(q)$(if $(O),rmdir "$(out-dir)" 2>/dev/null || true,:)
