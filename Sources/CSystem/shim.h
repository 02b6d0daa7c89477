#ifndef STELE_CSYSTEM_SHIM_H
#define STELE_CSYSTEM_SHIM_H

#include <fcntl.h>
#include <unistd.h>

// glibc declares this only under _GNU_SOURCE, which Swift's Glibc module is not built with.
int pipe2(int pipefd[2], int flags);

/// A pipe whose two ends carry `flags` (O_CLOEXEC) from the start: no window in which a
/// concurrently spawned child can inherit them.
static inline int stele_pipe2(int *fds, int flags) { return pipe2(fds, flags); }

#endif
