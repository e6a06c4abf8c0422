// Package memtrim lets the memory tests hand the C allocator's free pages back to the system
// (glibc's malloc_trim) before reading the resident set, so that what they measure is memory
// in use, not free memory the allocator keeps in its per-thread arenas.
package memtrim

// #include <malloc.h>
import "C"

// Trim returns free heap memory of every arena to the system.
func Trim() { C.malloc_trim(0) }
