/*
 * What tar-push's WebAssembly build of libdeflate needs besides libdeflate, so that the module
 * links without libc and has no imports: the memory functions (bulk-memory instructions) and an
 * allocator. Each worker thread has its own instance and allocates only at start (its slots)
 * and once per compression level, never frees, so a bump allocator is enough.
 */
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	__builtin_memcpy(dest, src, n);
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	__builtin_memmove(dest, src, n);
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	__builtin_memset(s, c, n);
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (size_t i = 0; i < n; i++)
		if (p[i] != q[i])
			return p[i] - q[i];
	return 0;
}

extern unsigned char __heap_base;
static uintptr_t heap_next = (uintptr_t)&__heap_base;

void *malloc(size_t size)
{
	const uintptr_t page = 65536;
	uintptr_t start = (heap_next + 63) & ~(uintptr_t)63;
	uintptr_t end = start + size;
	uintptr_t have = __builtin_wasm_memory_size(0) * page;

	if (end < start)
		return NULL;
	if (end > have &&
	    __builtin_wasm_memory_grow(0, (end - have + page - 1) / page) == (size_t)-1)
		return NULL;
	heap_next = end;
	return (void *)start;
}

void free(void *ptr)
{
	(void)ptr;
}
