/* Stand-in for <stdbool.h> when pycparser reads the header (scripts/api/gen_api.py). */
typedef _Bool bool;
#define true 1
#define false 0
