/* fuzz.h - shared by the libFuzzer harnesses in tests/fuzz/ */
#ifndef LEDE_FUZZ_H
#define LEDE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Messages are expected (bad input is the point): dropped. */
static inline void
fuzz_quiet(const char *msg, void *ctx)
{
	(void)msg;
	(void)ctx;
}

#endif
