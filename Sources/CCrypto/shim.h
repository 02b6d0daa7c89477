#ifndef STELE_CCRYPTO_SHIM_H
#define STELE_CCRYPTO_SHIM_H

#include <openssl/evp.h>

/// SHA-256 of `length` bytes into `digest` (32 bytes). Returns 1 on success.
static inline int stele_sha256(const void *data, size_t length, unsigned char *digest) {
    unsigned int size = 0;
    return EVP_Digest(data, length, digest, &size, EVP_sha256(), NULL);
}

#endif
