/*
 * tiff-corpus-gen: writes a corpus of small TIFF masters of mixed kinds, plus a
 * few broken files and optional large A4 300-dpi RGB masters, laid out as
 * OUT/<box code>/<file code>/<page>.tif. Built and run by tools/tiff-corpus.
 *
 * usage: tiff-corpus-gen OUT_DIR COUNT LARGE
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <tiffio.h>
#include <unistd.h>

enum kind {
    K_RGB_NONE, K_GRAY_LZW, K_RGB_DEFLATE, K_RGB_JPEG, K_BILEVEL_G4, K_GRAY_LOWDPI,
    K_RGB_TILED, K_RGB_BIGTIFF, K_GRAY_MULTIPAGE, K_RGB_CM, K_GRAY16_PACKBITS,
    K_GRAY_IFD_FIRST, K_BROKEN_TRUNCATED, K_BROKEN_CUT_PIXELS, K_BROKEN_PNG, K_BROKEN_RANDOM, K_COUNT
};

static const char *kind_names[K_COUNT] = {
    "rgb24 none 300dpi", "gray8 lzw 300dpi", "rgb24 deflate 300dpi", "rgb24 jpeg 300dpi",
    "bilevel g4 300dpi", "gray8 none 150dpi (fails QC)", "rgb24 deflate tiled", "rgb24 none bigtiff",
    "gray8 deflate 3 pages", "rgb24 lzw 118.11 px/cm", "gray16 packbits 400dpi",
    "gray8 none 300dpi, IFD first", "broken: truncated (IFD lost)", "broken: truncated pixels",
    "broken: png renamed .tif", "broken: random bytes",
};

static uint64_t rng_state = 0x853c49e6748fea9bULL;

static uint32_t rng(void) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33);
}

static void quiet(const char *module, const char *fmt, va_list ap) {
    (void)module; (void)fmt; (void)ap;
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "tiff-corpus-gen: %s: %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void make_dirs(const char *path) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(buf, 0755) != 0 && errno != EEXIST) die("mkdir", buf);
            *p = '/';
        }
    }
    if (mkdir(buf, 0755) != 0 && errno != EEXIST) die("mkdir", buf);
}

/* Writes one page of the given shape into tif (already open). */
static int write_page(TIFF *tif, uint32_t w, uint32_t h, uint16_t bps, uint16_t spp,
                      uint16_t photometric, uint16_t compression, double res, uint16_t unit,
                      int tiled, uint16_t page, uint16_t pages) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, w);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, h);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, bps);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, spp);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, photometric);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, compression);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, res);
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, res);
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, unit);
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "kho tools/tiff-corpus");
    TIFFSetField(tif, TIFFTAG_MAKE, "Corpus");
    TIFFSetField(tif, TIFFTAG_MODEL, "Generator 1");
    TIFFSetField(tif, TIFFTAG_DATETIME, "2026:11:27 08:00:00");
    TIFFSetField(tif, TIFFTAG_ARTIST, "Tổ số hóa");
    if (pages > 1) {
        TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
        TIFFSetField(tif, TIFFTAG_PAGENUMBER, page, pages);
    }
    tmsize_t row = ((tmsize_t)w * bps * spp + 7) / 8;
    if (tiled) {
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, 16);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, 16);
        tmsize_t size = TIFFTileSize(tif);
        unsigned char *buf = malloc((size_t)size);
        if (!buf) return 0;
        for (tmsize_t i = 0; i < size; i++) buf[i] = (unsigned char)(i * 7 + (rng() & 15));
        uint32_t n = TIFFNumberOfTiles(tif);
        for (uint32_t t = 0; t < n; t++) {
            if (TIFFWriteEncodedTile(tif, t, buf, size) < 0) { free(buf); return 0; }
        }
        free(buf);
    } else {
        uint32_t rows_per_strip = compression == COMPRESSION_JPEG ? 16 : (h > 64 ? 64 : h);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, rows_per_strip);
        unsigned char *buf = malloc((size_t)row);
        if (!buf) return 0;
        for (uint32_t y = 0; y < h; y++) {
            for (tmsize_t i = 0; i < row; i++) buf[i] = (unsigned char)((i + y) * 3 + (rng() & 7));
            if (TIFFWriteScanline(tif, buf, y, 0) < 0) { free(buf); return 0; }
        }
        free(buf);
    }
    return TIFFWriteDirectory(tif);
}

static void put16(unsigned char *p, uint16_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static void put32(unsigned char *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i)); }

/*
 * Writes a little-endian 8-bit gray TIFF with its directory before the pixels,
 * as many scanners do, keeping only keep_pixels bytes of the w*h pixels.
 */
static int write_ifd_first(const char *path, uint32_t w, uint32_t h, uint32_t keep_pixels) {
    enum { ENTRIES = 12 };
    const uint32_t ifd = 8, rationals = ifd + 2 + ENTRIES * 12 + 4, data = rationals + 16;
    const uint16_t tags[ENTRIES] = {256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 296};
    const uint16_t types[ENTRIES] = {4, 4, 3, 3, 3, 4, 3, 4, 4, 5, 5, 3};
    const uint32_t values[ENTRIES] = {w, h, 8, 1, 1, data, 1, h, w * h, rationals, rationals + 8, 2};
    unsigned char head[8 + 2 + ENTRIES * 12 + 4 + 16];
    memset(head, 0, sizeof head);
    head[0] = 'I'; head[1] = 'I';
    put16(head + 2, 42);
    put32(head + 4, ifd);
    put16(head + ifd, ENTRIES);
    for (int i = 0; i < ENTRIES; i++) {
        unsigned char *e = head + ifd + 2 + i * 12;
        put16(e, tags[i]);
        put16(e + 2, types[i]);
        put32(e + 4, 1);
        if (types[i] == 3) put16(e + 8, (uint16_t)values[i]); else put32(e + 8, values[i]);
    }
    put32(head + rationals, 300); put32(head + rationals + 4, 1);
    put32(head + rationals + 8, 300); put32(head + rationals + 12, 1);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(head, 1, sizeof head, f);
    for (uint32_t i = 0; i < keep_pixels && i < w * h; i++) fputc((int)((i * 5 + (rng() & 7)) & 0xFF), f);
    return fclose(f) == 0;
}

static int write_kind(const char *path, enum kind k) {
    uint32_t w = 64 + (rng() % 4) * 16, h = 80 + (rng() % 4) * 16;
    if (k == K_BROKEN_PNG || k == K_BROKEN_RANDOM) {
        FILE *f = fopen(path, "wb");
        if (!f) die("fopen", path);
        if (k == K_BROKEN_PNG) {
            static const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
            fwrite(png, 1, sizeof png, f);
        }
        for (int i = 0; i < 2000; i++) fputc((int)(rng() & 0xFF), f);
        fclose(f);
        return 1;
    }
    if (k == K_GRAY_IFD_FIRST) return write_ifd_first(path, w, h, w * h);
    if (k == K_BROKEN_CUT_PIXELS) return write_ifd_first(path, w, h, w * h / 3);
    const char *mode = k == K_RGB_BIGTIFF ? "w8" : "w";
    TIFF *tif = TIFFOpen(path, mode);
    if (!tif) return 0;
    int ok = 1;
    switch (k) {
    case K_RGB_NONE: case K_BROKEN_TRUNCATED: case K_RGB_BIGTIFF:
        ok = write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_NONE, 300, RESUNIT_INCH, 0, 0, 1); break;
    case K_GRAY_LZW:
        ok = write_page(tif, w, h, 8, 1, PHOTOMETRIC_MINISBLACK, COMPRESSION_LZW, 300, RESUNIT_INCH, 0, 0, 1); break;
    case K_RGB_DEFLATE:
        ok = write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_ADOBE_DEFLATE, 300, RESUNIT_INCH, 0, 0, 1); break;
    case K_RGB_JPEG:
        ok = write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_JPEG, 300, RESUNIT_INCH, 0, 0, 1); break;
    case K_BILEVEL_G4:
        ok = write_page(tif, w * 4, h * 4, 1, 1, PHOTOMETRIC_MINISWHITE, COMPRESSION_CCITTFAX4, 300, RESUNIT_INCH, 0, 0, 1); break;
    case K_GRAY_LOWDPI:
        ok = write_page(tif, w, h, 8, 1, PHOTOMETRIC_MINISBLACK, COMPRESSION_NONE, 150, RESUNIT_INCH, 0, 0, 1); break;
    case K_RGB_TILED:
        ok = write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_ADOBE_DEFLATE, 300, RESUNIT_INCH, 1, 0, 1); break;
    case K_GRAY_MULTIPAGE:
        for (uint16_t p = 0; p < 3 && ok; p++)
            ok = write_page(tif, w, h, 8, 1, PHOTOMETRIC_MINISBLACK, COMPRESSION_ADOBE_DEFLATE, 300, RESUNIT_INCH, 0, p, 3);
        break;
    case K_RGB_CM:
        ok = write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_LZW, 118.11, RESUNIT_CENTIMETER, 0, 0, 1); break;
    case K_GRAY16_PACKBITS:
        ok = write_page(tif, w, h, 16, 1, PHOTOMETRIC_MINISBLACK, COMPRESSION_PACKBITS, 400, RESUNIT_INCH, 0, 0, 1); break;
    default:
        break;
    }
    TIFFClose(tif);
    if (ok && k == K_BROKEN_TRUNCATED) {
        /* Keep the header and the first part of the pixels: the directory, which libtiff writes last, is lost. */
        struct stat st;
        if (stat(path, &st) == 0 && truncate(path, st.st_size / 2) != 0) die("truncate", path);
    }
    return ok;
}

/* Picks a kind: mostly sound masters, about 1 in 100 broken. */
static enum kind pick_kind(long i) {
    static const enum kind sound[] = {
        K_RGB_NONE, K_RGB_NONE, K_RGB_NONE, K_RGB_NONE, K_GRAY_LZW, K_GRAY_LZW, K_RGB_DEFLATE, K_RGB_DEFLATE,
        K_RGB_JPEG, K_BILEVEL_G4, K_GRAY_LOWDPI, K_RGB_TILED, K_RGB_BIGTIFF, K_GRAY_MULTIPAGE, K_RGB_CM,
        K_GRAY16_PACKBITS, K_GRAY_IFD_FIRST,
    };
    if (i % 100 == 37) return K_BROKEN_TRUNCATED + (enum kind)((i / 100) % 4);
    return sound[rng() % (sizeof sound / sizeof sound[0])];
}

static int write_large(const char *path) {
    TIFF *tif = TIFFOpen(path, "w");
    if (!tif) return 0;
    const uint32_t w = 2480, h = 3508;
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, w);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, h);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, 300.0);
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, 300.0);
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 8);
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "kho tools/tiff-corpus");
    unsigned char *row = malloc((size_t)w * 3);
    if (!row) { TIFFClose(tif); return 0; }
    int ok = 1;
    for (uint32_t y = 0; y < h && ok; y++) {
        for (uint32_t x = 0; x < w * 3; x++) row[x] = (unsigned char)(230 - ((x / 3 + y) & 31) + (rng() & 3));
        ok = TIFFWriteScanline(tif, row, y, 0) >= 0;
    }
    free(row);
    TIFFClose(tif);
    return ok;
}

/* One multi-page master of small RGB 300-dpi pages (or 150-dpi gray ones that fail QC). */
static int write_multipage(const char *path, long pages, int low) {
    TIFF *tif = TIFFOpen(path, "w");
    if (!tif) return 0;
    int ok = 1;
    for (long p = 0; p < pages && ok; p++) {
        uint32_t w = 64 + (rng() % 4) * 16, h = 80 + (rng() % 4) * 16;
        ok = low ? write_page(tif, w, h, 8, 1, PHOTOMETRIC_MINISBLACK, COMPRESSION_NONE, 150, RESUNIT_INCH, 0, (uint16_t)p, (uint16_t)pages)
                 : write_page(tif, w, h, 8, 3, PHOTOMETRIC_RGB, COMPRESSION_NONE, 300, RESUNIT_INCH, 0, (uint16_t)p, (uint16_t)pages);
    }
    TIFFClose(tif);
    return ok;
}

/* Demo mode: tiff-corpus-gen --demo OUT BOX/FILE:PAGES[:lowdpi] ...
 * writes PAGES small RGB 300-dpi pages (or 150-dpi gray ones that fail QC) per file folder, in masters of at most
 * 20 pages each, as a scanner's batch mode does. */
static int demo(int argc, char **argv) {
    const char *out = argv[2];
    char dir[4096], path[4200], spec[512];
    int failures = 0;
    for (int a = 3; a < argc; a++) {
        snprintf(spec, sizeof spec, "%s", argv[a]);
        char *colon = strchr(spec, ':');
        if (!colon) { fprintf(stderr, "bad spec %s\n", spec); return 2; }
        *colon = 0;
        long pages = atol(colon + 1);
        int low = strstr(colon + 1, "lowdpi") != NULL;
        snprintf(dir, sizeof dir, "%s/%s", out, spec);
        make_dirs(dir);
        long masters = 0;
        for (long first = 1; first <= pages; first += 20, masters++) {
            long n = pages - first + 1 < 20 ? pages - first + 1 : 20;
            snprintf(path, sizeof path, "%s/%04ld.tif", dir, first);
            if (!write_multipage(path, n, low)) failures++;
        }
        printf("  %s: %ld pages in %ld masters%s\n", spec, pages, masters, low ? " (150 dpi gray: fails QC)" : "");
    }
    return failures ? 1 : 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "--demo") == 0) {
        TIFFSetErrorHandler(quiet);
        TIFFSetWarningHandler(quiet);
        return demo(argc, argv);
    }
    if (argc != 4) {
        fprintf(stderr, "usage: %s OUT_DIR COUNT LARGE\n", argv[0]);
        return 2;
    }
    const char *out = argv[1];
    long count = atol(argv[2]), large = atol(argv[3]);
    TIFFSetErrorHandler(quiet);
    TIFFSetWarningHandler(quiet);
    long per_kind[K_COUNT] = {0};
    long pages_per_file = 25, files_per_box = 10, failures = 0;
    char dir[4096], path[4200];
    for (long i = 0; i < count; i++) {
        long file_index = i / pages_per_file, page = i % pages_per_file + 1;
        long box = file_index / files_per_box + 1, file = file_index % files_per_box + 1;
        snprintf(dir, sizeof dir, "%s/H%04ld/%02ld", out, box, file);
        if (page == 1) make_dirs(dir);
        snprintf(path, sizeof path, "%s/%04ld.tif", dir, page);
        enum kind k = pick_kind(i);
        if (write_kind(path, k)) per_kind[k]++;
        else failures++;
    }
    long large_written = 0;
    if (large > 0) {
        snprintf(dir, sizeof dir, "%s/H9001/01", out);
        make_dirs(dir);
        for (long i = 0; i < large; i++) {
            snprintf(path, sizeof path, "%s/%04ld.tif", dir, i + 1);
            if (write_large(path)) large_written++;
            else failures++;
        }
    }
    long boxes = count > 0 ? ((count - 1) / pages_per_file) / files_per_box + 1 : 0;
    printf("small masters: %ld in %ld boxes (H0001..H%04ld), %ld files of up to %ld masters\n",
           count, boxes, boxes, (count + pages_per_file - 1) / pages_per_file, pages_per_file);
    for (int k = 0; k < K_COUNT; k++) printf("  %-32s %ld\n", kind_names[k], per_kind[k]);
    printf("large A4 300-dpi RGB masters (2480x3508, uncompressed): %ld in %s/H9001/01\n", large_written, out);
    if (failures) printf("failed to write: %ld\n", failures);
    return failures ? 1 : 0;
}
