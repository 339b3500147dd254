#ifndef KHO_CKHOSYSTEM_SHIM_H
#define KHO_CKHOSYSTEM_SHIM_H

/*
 * System calls that Swift's Glibc module does not import, or imports only as variadic functions, behind small
 * non-variadic static inline wrappers (the same pattern as CLibTIFF).
 *
 * - kho_statfs_type: statfs(2)'s f_type (<sys/vfs.h> is not part of Swift's Glibc module), with the C compiler
 *   laying out struct statfs, never a guessed layout.
 * - kho_free_bytes: the bytes this process may still write on a filesystem (statvfs(3)), to tell a full disk
 *   from other I/O errors.
 * - kho_clone_file: a copy-on-write clone of one file into another (ioctl(2) FICLONE, variadic).
 * - kho_ofd_trylock / kho_ofd_unlock: open-file-description locks on one byte of a file (fcntl(2) is variadic;
 *   F_OFD_SETLK is a Linux extension). Unlike classic POSIX record locks, an OFD lock belongs to the open file
 *   (not the process): closing another descriptor of the same file does not release it, two threads that open the
 *   file separately exclude each other, and the kernel releases it when the holder dies.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/ioctl.h>
#include <sys/vfs.h>
/* FICLONE from <linux/fs.h>: _IOW(0x94, 9, int). */
#define KHO_FICLONE _IOW(0x94, 9, int)
/* Linux's values, the same on every architecture; defined here because <fcntl.h> shows them only with _GNU_SOURCE. */
#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#endif
#ifndef F_OFD_SETLK
#define F_OFD_SETLK 37
#endif
#define KHO_SETLK F_OFD_SETLK
#else
#include <sys/mount.h>
#include <sys/param.h>
/* Elsewhere: classic record locks (released when the process closes any descriptor of the file). */
#define KHO_SETLK F_SETLK
#endif

/** statfs(2)'s filesystem type of path in *type; returns 0, or -1 with errno set. */
static inline int kho_statfs_type(const char *path, uint64_t *type) {
    struct statfs info;
    memset(&info, 0, sizeof info);
    if (statfs(path, &info) != 0) {
        return -1;
    }
    *type = (uint64_t)(unsigned long)info.f_type;
    return 0;
}

/**
 * Bytes this process may still write on the filesystem holding path, in *bytes (root may use the blocks reserved
 * for it, others may not); returns 0, or -1 with errno set.
 */
static inline int kho_free_bytes(const char *path, uint64_t *bytes) {
    struct statvfs info;
    memset(&info, 0, sizeof info);
    if (statvfs(path, &info) != 0) {
        return -1;
    }
    uint64_t blocks = geteuid() == 0 ? (uint64_t)info.f_bfree : (uint64_t)info.f_bavail;
    *bytes = blocks * (uint64_t)info.f_frsize;
    return 0;
}

/** Sets a lock of `type` (F_WRLCK or F_UNLCK) on byte `offset` of fd without waiting; 0, or -1 with errno set. */
static inline int kho_ofd_lock_byte(int fd, int64_t offset, short type) {
    struct flock lock;
    memset(&lock, 0, sizeof lock);
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = (off_t)offset;
    lock.l_len = 1;
    int result;
    do {
        result = fcntl(fd, KHO_SETLK, &lock);
    } while (result != 0 && errno == EINTR);
    return result;
}

/**
 * Takes an exclusive lock on byte `offset` of fd without waiting. Returns 0 when taken, 1 when another open file
 * holds it, -1 on any other error (errno set).
 */
static inline int kho_ofd_trylock(int fd, int64_t offset) {
    if (kho_ofd_lock_byte(fd, offset, F_WRLCK) == 0) {
        return 0;
    }
    return (errno == EAGAIN || errno == EACCES) ? 1 : -1;
}

/**
 * Whether another open file holds a lock on byte `offset` of fd, without taking one: 1 when it does, 0 when not,
 * -1 on error (errno set). fd may be read-only.
 */
static inline int kho_ofd_is_locked(int fd, int64_t offset) {
    struct flock lock;
    memset(&lock, 0, sizeof lock);
    lock.l_type = F_RDLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = (off_t)offset;
    lock.l_len = 1;
#ifdef __linux__
    int result = fcntl(fd, F_OFD_GETLK, &lock);
#else
    int result = fcntl(fd, F_GETLK, &lock);
#endif
    if (result != 0) {
        return -1;
    }
    return lock.l_type == F_UNLCK ? 0 : 1;
}

/** Releases the lock on byte `offset` of fd. */
static inline int kho_ofd_unlock(int fd, int64_t offset) {
    return kho_ofd_lock_byte(fd, offset, F_UNLCK);
}

/**
 * Makes out a copy-on-write clone of in (FICLONE: btrfs, XFS, bcachefs); returns 0, or -1 with errno set (EOPNOTSUPP,
 * EXDEV, EINVAL where the filesystem cannot clone: the caller then copies the bytes).
 */
static inline int kho_clone_file(int in, int out) {
#ifdef __linux__
    return ioctl(out, KHO_FICLONE, in);
#else
    (void)in;
    (void)out;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

#endif
