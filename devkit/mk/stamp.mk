# Flag stamps.  Make rebuilds by file times, so a change of flags alone
# (CC, CFLAGS, CFG_ variables on the command line, a new signing key)
# would leave stale objects.  $(call ta-stamp,name,text) names a file in
# the out dir that holds text and is rewritten, and so becomes newer than
# everything built from it, only when text changes.  Goals that build
# nothing (clean) leave the stamps alone.

ta-stamps :=
ta-building := $(if $(MAKECMDGOALS),$(filter-out clean,$(MAKECMDGOALS)),all)

# $1 and $2 are equal: neither is left after removing the other.
ta-str-eq = $(if $(subst x$1,,x$2)$(subst x$2,,x$1),,y)

define ta-stamp
$(eval ta-stamps += $(out).ta-$1)$(if $(ta-building),$(if $(call \
ta-str-eq,$(strip $2),$(strip $(file <$(out).ta-$1))),,$(shell \
mkdir -p '$(out-dir)')$(file >$(out).ta-$1,$(strip $2))))$(out).ta-$1
endef
