incdirs-y += private
cppflags-y += -DPROBE_LIB=1 -DPROBE_DROPPED=1
cppflags-remove-scale.c-y += -DPROBE_DROPPED=1
srcs-y += scale.c
