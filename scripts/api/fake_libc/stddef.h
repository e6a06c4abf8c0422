/* Stand-in for <stddef.h> when pycparser reads the header (scripts/api/gen_api.py): only the
 * types the header uses, so the real system headers' compiler extensions never reach it. */
typedef unsigned long size_t;
#define NULL ((void *)0)
