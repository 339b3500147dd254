#ifndef KHO_CLIBTIFF_SHIM_H
#define KHO_CLIBTIFF_SHIM_H

/*
 * libtiff behind a small, non-variadic C surface that Swift can call.
 *
 * - kho_tiff_get_* wrap the variadic TIFFGetField, one wrapper per C type.
 * - kho_tiff_set_* wrap the variadic TIFFSetField (used by tests to write
 *   fixtures).
 * - kho_tiff_log collects libtiff's error and warning messages for one file;
 *   kho_tiff_source_open installs per-file handlers that write into it, so no
 *   libtiff message ever reaches stderr.
 * - kho_tiff_source lets libtiff read a file from bytes already in memory,
 *   falling back to pread(2), never memory-mapping it.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tiffio.h>
#include <unistd.h>

/* ---------------------------------------------------------------- logging */

/**
 * Size of each of the two message buffers of a kho_tiff_log: room for a few
 * dozen of libtiff's messages, which kho stores with the master (warnings).
 */
#define KHO_TIFF_LOG_CAPACITY 4096

/** Messages libtiff reported for one file: errors and warnings, one per line. */
typedef struct kho_tiff_log {
    char errors[KHO_TIFF_LOG_CAPACITY];
    char warnings[KHO_TIFF_LOG_CAPACITY];
    uint32_t error_length;
    uint32_t warning_length;
    uint32_t error_count;
    uint32_t warning_count;
} kho_tiff_log;

/** Empties a log. */
static inline void kho_tiff_log_reset(kho_tiff_log *log) {
    log->errors[0] = 0;
    log->warnings[0] = 0;
    log->error_length = 0;
    log->warning_length = 0;
    log->error_count = 0;
    log->warning_count = 0;
}

/** Appends "module: message\n" to buf, truncating silently when full. */
static inline void kho_tiff_log_append(char *buf, uint32_t *length,
                                       const char *module, const char *fmt,
                                       va_list ap) {
    size_t used = *length;
    if (used + 2 >= KHO_TIFF_LOG_CAPACITY) {
        return;
    }
    size_t room = KHO_TIFF_LOG_CAPACITY - used;
    int n = 0;
    if (module != NULL && module[0] != 0) {
        n = snprintf(buf + used, room, "%s: ", module);
        if (n < 0) {
            n = 0;
        }
        if ((size_t)n >= room) {
            n = (int)room - 1;
        }
        used += (size_t)n;
        room -= (size_t)n;
    }
    if (room > 1) {
        n = vsnprintf(buf + used, room, fmt, ap);
        if (n < 0) {
            n = 0;
        }
        if ((size_t)n >= room) {
            n = (int)room - 1;
        }
        used += (size_t)n;
        room -= (size_t)n;
    }
    if (room > 1) {
        buf[used] = '\n';
        used += 1;
        buf[used] = 0;
    }
    *length = (uint32_t)used;
}

/** Per-file error handler: records the message in the file's log. */
static int kho_tiff_error_handler(TIFF *tif, void *user_data,
                                  const char *module, const char *fmt,
                                  va_list ap) {
    (void)tif;
    kho_tiff_log *log = (kho_tiff_log *)user_data;
    if (log == NULL) {
        return 1;
    }
    log->error_count += 1;
    kho_tiff_log_append(log->errors, &log->error_length, module, fmt, ap);
    return 1;
}

/** Per-file warning handler: records the message in the file's log. */
static int kho_tiff_warning_handler(TIFF *tif, void *user_data,
                                    const char *module, const char *fmt,
                                    va_list ap) {
    (void)tif;
    kho_tiff_log *log = (kho_tiff_log *)user_data;
    if (log == NULL) {
        return 1;
    }
    log->warning_count += 1;
    kho_tiff_log_append(log->warnings, &log->warning_length, module, fmt, ap);
    return 1;
}

/** Clears libtiff's global handlers so nothing is ever printed to stderr. */
static inline void kho_tiff_silence_global_handlers(void) {
    TIFFSetErrorHandler(NULL);
    TIFFSetWarningHandler(NULL);
    TIFFSetErrorHandlerExt(NULL);
    TIFFSetWarningHandlerExt(NULL);
}

/* ---------------------------------------------------------------- sources */

/**
 * A file libtiff reads through kho's own procedures: bytes already read from
 * the start of the file are served from memory, the rest with pread(2).
 *
 * Reading a small master thus costs one read(2) for hashing and parsing
 * together, instead of a seek and a read for each of libtiff's small reads.
 * No memory map is ever made, so a file truncated while it is read gives a
 * short read (an error), never SIGBUS.
 */
typedef struct kho_tiff_source {
    int fd;
    const unsigned char *head;
    uint64_t head_length;
    uint64_t size;
    uint64_t position;
} kho_tiff_source;

static tmsize_t kho_tiff_source_read(thandle_t handle, void *buffer, tmsize_t size) {
    kho_tiff_source *source = (kho_tiff_source *)handle;
    if (size <= 0) {
        return 0;
    }
    uint64_t want = (uint64_t)size;
    uint64_t position = source->position;
    if (position <= source->head_length && want <= source->head_length - position) {
        memcpy(buffer, source->head + position, (size_t)want);
        source->position = position + want;
        return size;
    }
    uint64_t done = 0;
    while (done < want) {
        ssize_t got = pread(source->fd, (unsigned char *)buffer + done, (size_t)(want - done),
                            (off_t)(position + done));
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        if (got == 0) {
            break;
        }
        done += (uint64_t)got;
    }
    source->position = position + done;
    return (tmsize_t)done;
}

static tmsize_t kho_tiff_source_write(thandle_t handle, void *buffer, tmsize_t size) {
    (void)handle;
    (void)buffer;
    (void)size;
    return -1;
}

static toff_t kho_tiff_source_seek(thandle_t handle, toff_t offset, int whence) {
    kho_tiff_source *source = (kho_tiff_source *)handle;
    switch (whence) {
    case SEEK_SET:
        source->position = offset;
        break;
    case SEEK_CUR:
        source->position += offset;
        break;
    case SEEK_END:
        source->position = source->size + offset;
        break;
    default:
        return (toff_t)-1;
    }
    return source->position;
}

static int kho_tiff_source_close(thandle_t handle) {
    (void)handle;
    return 0;
}

static toff_t kho_tiff_source_size(thandle_t handle) {
    return ((kho_tiff_source *)handle)->size;
}

static int kho_tiff_source_map(thandle_t handle, void **base, toff_t *size) {
    (void)handle;
    (void)base;
    (void)size;
    return 0;
}

static void kho_tiff_source_unmap(thandle_t handle, void *base, toff_t size) {
    (void)handle;
    (void)base;
    (void)size;
}

/**
 * Opens a source with libtiff for reading, with messages going to log.
 *
 * mode should be "rm" (read, no memory map). The caller keeps ownership of the
 * source and its descriptor, which must outlive the TIFF handle; TIFFClose does
 * not close the descriptor. Returns NULL (and fills log) when libtiff refuses
 * the file.
 */
static inline TIFF *kho_tiff_source_open(kho_tiff_source *source, const char *name,
                                         const char *mode, kho_tiff_log *log,
                                         int64_t max_single_alloc) {
    TIFFOpenOptions *opts = TIFFOpenOptionsAlloc();
    if (opts == NULL) {
        return NULL;
    }
    TIFFOpenOptionsSetMaxSingleMemAlloc(opts, (tmsize_t)max_single_alloc);
    TIFFOpenOptionsSetErrorHandlerExtR(opts, kho_tiff_error_handler, log);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, kho_tiff_warning_handler, log);
    TIFF *tif = TIFFClientOpenExt(name, mode, (thandle_t)source, kho_tiff_source_read,
                                  kho_tiff_source_write, kho_tiff_source_seek,
                                  kho_tiff_source_close, kho_tiff_source_size,
                                  kho_tiff_source_map, kho_tiff_source_unmap, opts);
    TIFFOpenOptionsFree(opts);
    return tif;
}

/** Opens a path with libtiff (used by tests to write fixtures). */
static inline TIFF *kho_tiff_open(const char *path, const char *mode,
                                  kho_tiff_log *log) {
    TIFFOpenOptions *opts = TIFFOpenOptionsAlloc();
    if (opts == NULL) {
        return NULL;
    }
    TIFFOpenOptionsSetErrorHandlerExtR(opts, kho_tiff_error_handler, log);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, kho_tiff_warning_handler, log);
    TIFF *tif = TIFFOpenExt(path, mode, opts);
    TIFFOpenOptionsFree(opts);
    return tif;
}

/* ------------------------------------------------------------ TIFFGetField */

/** Reads a uint16 tag; returns 1 when present. */
static inline int kho_tiff_get_u16(TIFF *tif, uint32_t tag, uint16_t *value) {
    return TIFFGetField(tif, tag, value);
}

/** Reads a uint32 tag; returns 1 when present. */
static inline int kho_tiff_get_u32(TIFF *tif, uint32_t tag, uint32_t *value) {
    return TIFFGetField(tif, tag, value);
}

/** Reads a uint64 tag; returns 1 when present. */
static inline int kho_tiff_get_u64(TIFF *tif, uint32_t tag, uint64_t *value) {
    return TIFFGetField(tif, tag, value);
}

/** Reads a float tag (XResolution, YResolution); returns 1 when present. */
static inline int kho_tiff_get_float(TIFF *tif, uint32_t tag, float *value) {
    return TIFFGetField(tif, tag, value);
}

/** Reads an ASCII tag; the string belongs to libtiff. Returns 1 when present. */
static inline int kho_tiff_get_string(TIFF *tif, uint32_t tag,
                                      const char **value) {
    char *s = NULL;
    int ok = TIFFGetField(tif, tag, &s);
    *value = s;
    return ok;
}

/** Reads the ICC profile (count and bytes owned by libtiff). */
static inline int kho_tiff_get_icc(TIFF *tif, uint32_t *count,
                                   const void **data) {
    void *p = NULL;
    uint32_t n = 0;
    int ok = TIFFGetField(tif, TIFFTAG_ICCPROFILE, &n, &p);
    *count = n;
    *data = p;
    return ok;
}

/** Reads a uint64 offsets or byte-counts array (strips or tiles). */
static inline int kho_tiff_get_u64_array(TIFF *tif, uint32_t tag,
                                         const uint64_t **values) {
    uint64_t *p = NULL;
    int ok = TIFFGetField(tif, tag, &p);
    *values = p;
    return ok;
}

/* ------------------------------------------------------------ TIFFSetField */

/** Sets a uint16 tag. */
static inline int kho_tiff_set_u16(TIFF *tif, uint32_t tag, uint16_t value) {
    return TIFFSetField(tif, tag, (int)value);
}

/** Sets a uint32 tag. */
static inline int kho_tiff_set_u32(TIFF *tif, uint32_t tag, uint32_t value) {
    return TIFFSetField(tif, tag, value);
}

/** Sets a rational tag (XResolution, YResolution) from a double. */
static inline int kho_tiff_set_double(TIFF *tif, uint32_t tag, double value) {
    return TIFFSetField(tif, tag, value);
}

/** Sets an ASCII tag. */
static inline int kho_tiff_set_string(TIFF *tif, uint32_t tag,
                                      const char *value) {
    return TIFFSetField(tif, tag, value);
}

/** Sets the ICC profile. */
static inline int kho_tiff_set_icc(TIFF *tif, uint32_t count,
                                   const void *data) {
    return TIFFSetField(tif, TIFFTAG_ICCPROFILE, count, data);
}

/** Sets the page number tag (page, total). */
static inline int kho_tiff_set_page_number(TIFF *tif, uint16_t page,
                                           uint16_t total) {
    return TIFFSetField(tif, TIFFTAG_PAGENUMBER, (int)page, (int)total);
}

#endif
