global-incdirs-y += include
srcs-y += reverse_ta.c

# The TA moves between 32-bit GP v1.1 sizes and pointers; let the
# compiler refuse any silent narrowing in it.
cflags-reverse_ta.c-y += -Wconversion
