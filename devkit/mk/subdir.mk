# Reads the TA's sub.mk files the way OP-TEE's build does: ./sub.mk, then
# the sub.mk of each directory it names in subdirs-y, recursively.  Paths
# in a sub.mk are relative to its own directory.  Each sub.mk may set:
#   srcs-y                      C sources
#   global-incdirs-y            include dirs for every source of the TA
#   incdirs-y                   include dirs for this sub.mk's sources
#   cflags-y, cppflags-y        flags for this sub.mk's sources
#   cflags-remove-y, cppflags-remove-y  flags those sources must not get
#   cflags-<src>-y, cppflags-<src>-y, incdirs-<src>-y,
#   cflags-remove-<src>-y, cppflags-remove-<src>-y  the same for one
#                               source, <src> as written in srcs-y
#   subdirs-y                   directories to read next
# libnames, libdirs and libdeps add up across all of them (link.mk).
#
# Output: ta-objs, and for each object <o> its source src-<o>, its
# prerequisites, and file-inc-<o>, file-flags-<o>, remove-<o> for
# compile.mk.

ta-objs :=
ta-global-incdirs :=

# $(call in-dir,dir,path): path relative to the TA dir.
in-dir = $(if $(filter /%,$2),$2,$(if $(filter .,$1),$2,$1/$2))
# $(call obj-of,source): its object, under the out dir.  Sources outside
# the TA dir (../x.c, /x.c) get objects inside it all the same.
obj-of = $(out)$(subst ../,__/,$(patsubst /%,abs/%,$(patsubst \
	./%,%,$(basename $1)))).o

# $(call add-obj,dir,src as written,src path,object)
define add-obj
$(if $(filter %.c,$2),,$(error $1/sub.mk: $2: only C sources are supported))
ta-objs += $4
src-$4 := $3
$4: $3
file-inc-$4 := $$(addprefix -I,$$(foreach d,$$(incdirs-y) $$(incdirs-$2-y),$$(call in-dir,$1,$$d)))
file-flags-$4 := $$(cppflags-y) $$(cppflags-$2-y) $$(cflags-y) $$(cflags-$2-y)
remove-$4 := $$(cflags-remove-y) $$(cflags-remove-$2-y) \
	$$(cppflags-remove-y) $$(cppflags-remove-$2-y)
# Per-source settings must not leak into another sub.mk's file of the
# same name.
incdirs-$2-y :=
cflags-$2-y :=
cppflags-$2-y :=
cflags-remove-$2-y :=
cppflags-remove-$2-y :=
endef

# $(call read-sub-mk,dir)
define read-sub-mk
srcs-y :=
global-incdirs-y :=
incdirs-y :=
cflags-y :=
cppflags-y :=
cflags-remove-y :=
cppflags-remove-y :=
subdirs-y :=
include $(call in-dir,$1,sub.mk)
ta-global-incdirs += $$(foreach d,$$(global-incdirs-y),$$(call in-dir,$1,$$(d:%/=%)))
$$(foreach s,$$(srcs-y),$$(eval $$(call add-obj,$1,$$s,$$(call \
	in-dir,$1,$$s),$$(call obj-of,$$(call in-dir,$1,$$s)))))
$$(foreach d,$$(subdirs-y),$$(eval $$(call read-sub-mk,$$(call \
	in-dir,$1,$$(d:%/=%)))))
endef

$(eval $(call read-sub-mk,.))
