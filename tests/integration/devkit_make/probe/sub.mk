global-incdirs-y += include/
srcs-y += probe_ta.c
cflags-probe_ta.c-y += -DPROBE_PER_FILE=1
subdirs-y += lib
