#ifndef STELE_CZLIB_SHIM_H
#define STELE_CZLIB_SHIM_H

#include <zlib.h>

/// `deflateInit2` is a macro; `window_bits` 31 writes a gzip stream.
static inline int stele_deflate_init2(z_streamp stream, int level, int window_bits) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}

/// `inflateInit2` is a macro; `window_bits` 47 reads gzip or zlib streams.
static inline int stele_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
