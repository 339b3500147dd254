import CLibTIFF
import KhoConcurrency

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the header tags of TIFF masters with libtiff, never decoding pixels and never printing.
public enum TIFFReader {
    /// Clears libtiff's process-wide error and warning handlers (done once, before the first read).
    private static let globalHandlersSilenced: Void = kho_tiff_silence_global_handlers()

    /// Makes sure libtiff prints nothing to stderr; call once at start-up (reading also calls it).
    public static func silenceLibTIFF() {
        _ = globalHandlersSilenced
    }

    /// How much of the start of a file is read in one go when it is not hashed: all of a small master.
    static let headBytes = 64 << 10

    /// Reads every page's header tags of the file at `path`; problems become findings in the result, never errors.
    ///
    /// The file is opened once. Its first bytes (all of a small master) are read with one read(2)
    /// and libtiff parses them from memory, reading any further bytes it needs with pread(2); with
    /// `options.computeSHA256` the same bytes are hashed and the rest of the file streamed through
    /// the hash, so a small master is read from disk once for both.
    public static func read(path: String, options: TIFFReadOptions = TIFFReadOptions()) -> TIFFFileResult {
        silenceLibTIFF()
        var result = TIFFFileResult(path: path)
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard fd >= 0 else {
            result.findings.append(openFinding(errno: errno))
            return result
        }
        defer { close(fd) }
        guard checkRegularFile(fd, into: &result) else { return result }
        // One byte more than the file's size, so a short read proves the end was reached.
        let limit = options.computeSHA256 ? Fixity.chunkSize : headBytes
        let capacity = Int(min(result.fileSize + 1, UInt64(limit)))
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: max(capacity, 16), alignment: 16)
        defer { head.deallocate() }
        guard
            let prefix = readHead(
                fd, into: UnsafeMutableRawBufferPointer(rebasing: head[0..<capacity]), hash: options.computeSHA256,
                into: &result),
            let firstDirectory = judgeHeader(prefix, into: &result)
        else { return result }
        // libtiff keeps the source's address until TIFFClose, so it lives on the heap, not in a Swift inout.
        let source = UnsafeMutablePointer<kho_tiff_source>.allocate(capacity: 1)
        defer { source.deallocate() }
        source.initialize(
            to: kho_tiff_source(
                fd: fd, head: prefix.baseAddress?.assumingMemoryBound(to: UInt8.self),
                head_length: UInt64(prefix.count),
                size: result.fileSize, position: 0))
        let bytes = TIFFBytes(head: prefix, fd: fd, size: result.fileSize)
        readDirectories(
            source: source, bytes: bytes, firstDirectory: firstDirectory, path: path, options: options, into: &result)
        return result
    }

    /// Checks that the open file is a regular file and records its size; false (with the finding) when it is not.
    private static func checkRegularFile(_ fd: Int32, into result: inout TIFFFileResult) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            result.findings.append(.cannotOpen(errno: code, reason: describe(errno: code)))
            return false
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            result.fileSize = UInt64(max(0, info.st_size))
            // A sparse or oversized file is a finding, not work (the same screen as every fixity reading).
            if let problem = Fixity.screen(fd, info) {
                switch problem.kind {
                case .sparse(let size, let allocated): result.findings.append(.sparse(size: size, allocated: allocated))
                case .tooLarge(let size, let limit): result.findings.append(.tooLarge(size: size, limit: limit))
                default: result.findings.append(.notRegularFile)
                }
                return false
            }
            return true
        case S_IFDIR:
            result.findings.append(.isDirectory)
            return false
        default:
            result.findings.append(.notRegularFile)
            return false
        }
    }

    /// Reads the file's first bytes into `head` and, with `hash`, hashes the whole file starting with them.
    ///
    /// Returns the bytes read, or nil (with the finding) when reading or hashing failed or the file is empty.
    private static func readHead(
        _ fd: Int32, into head: UnsafeMutableRawBufferPointer, hash: Bool, into result: inout TIFFFileResult
    ) -> UnsafeRawBufferPointer? {
        let headLength: Int
        switch Fixity.readFully(fd, into: head, at: 0) {
        case .success(let count):
            headLength = count
        case .failure(let error):
            result.findings.append(.readFailed(errno: error.errno, reason: describe(errno: error.errno)))
            return nil
        }
        let prefix = UnsafeRawBufferPointer(rebasing: head[0..<headLength])
        if hash {
            switch Fixity.sha256(fileDescriptor: fd, startingWith: prefix, complete: headLength < head.count) {
            case .success(let digest):
                result.sha256 = digest
            case .failure(let error):
                result.findings.append(.readFailed(errno: error.errno, reason: describe(errno: error.errno)))
                return nil
            }
        }
        guard headLength > 0 else {
            result.findings.append(.empty)
            return nil
        }
        return prefix
    }

    /// Judges the TIFF header and records its format and byte order; returns the first directory's offset, or nil
    /// (with the finding) when the header is not a usable TIFF header.
    private static func judgeHeader(_ prefix: UnsafeRawBufferPointer, into result: inout TIFFFileResult) -> UInt64? {
        switch TIFFHeader.judge(Array(prefix.prefix(16)), fileSize: result.fileSize) {
        case .failure(let problem):
            result.findings.append(problem.finding)
            return nil
        case .success(let header):
            result.format = header.format
            result.byteOrder = header.byteOrder
            return header.firstDirectoryOffset
        }
    }

    /// Reads many files, spread over all cores off Swift's cooperative pool; results are in the order of `paths`.
    public static func read(paths: [String], options: TIFFReadOptions = TIFFReadOptions()) -> [TIFFFileResult] {
        ParallelMap.map(paths) { read(path: $0, options: options) }
    }

    /// Hands the file to libtiff and walks its directory chain, appending pages and findings.
    ///
    /// libtiff opens the file with strip chopping off ("c"), so the strips it counts are the file's own.
    /// A directory libtiff refuses is read from the file once more: when its SamplesPerPixel is unusable, that is
    /// the finding, in plainer words than libtiff's.
    private static func readDirectories(
        source: UnsafeMutablePointer<kho_tiff_source>, bytes: TIFFBytes, firstDirectory: UInt64, path: String,
        options: TIFFReadOptions, into result: inout TIFFFileResult
    ) {
        let log = UnsafeMutablePointer<kho_tiff_log>.allocate(capacity: 1)
        defer { log.deallocate() }
        kho_tiff_log_reset(log)
        let format = result.format ?? .classic
        let order = result.byteOrder ?? .littleEndian
        func rawDirectory(at offset: UInt64) -> TIFFRawDirectory? {
            TIFFRawDirectory(at: offset, in: bytes, format: format, order: order)
        }
        let maxAllocation = Int64(options.maxSingleAllocation)
        guard let tif = path.withCString({ kho_tiff_source_open(source, $0, "rmc", log, maxAllocation) }) else {
            let detail = fatalError(in: log, from: 0).replacing(path + ": ", with: "")
            result.findings.append(
                samplesFinding(rawDirectory(at: firstDirectory), page: 1)
                    ?? .unreadableDirectory(page: 1, detail: detail))
            result.libtiffWarnings = warnings(in: log, path: path)
            return
        }
        defer { TIFFClose(tif) }
        var walk = DirectoryWalk()
        while true {
            // What libtiff warned about while reading this directory (the first one: while opening the file).
            walk.warnings = text(of: &log.pointee.warnings, from: walk.warningMark, to: log.pointee.warning_length)
            let raw = readCurrentPage(tif, walk: &walk, rawDirectory: rawDirectory, into: &result)
            walk.warningMark = log.pointee.warning_length
            if TIFFLastDirectory(tif) != 0 {
                break
            }
            if walk.number >= options.maxPages {
                result.findings.append(.tooManyPages(limit: options.maxPages))
                break
            }
            guard
                readNextDirectory(
                    tif, log: log, after: raw, walk: walk, rawDirectory: rawDirectory, path: path, into: &result)
            else { break }
            walk.number += 1
        }
        result.libtiffWarnings = warnings(in: log, path: path)
    }

    /// Where a walk of the directory chain stands: the page it is on, the page each directory was first read as,
    /// and whether truncation has been reported (once per file).
    private struct DirectoryWalk {
        var number = 1
        var pagesByDirectory: [UInt64: Int] = [:]
        var truncationReported = false
        /// Where in libtiff's warning buffer the current directory's warnings start, and those warnings.
        var warningMark: UInt32 = 0
        var warnings = ""
    }

    /// Reads the current directory as page `walk.number`, with its image data and findings; returns its raw directory.
    private static func readCurrentPage(
        _ tif: OpaquePointer, walk: inout DirectoryWalk, rawDirectory: (UInt64) -> TIFFRawDirectory?,
        into result: inout TIFFFileResult
    ) -> TIFFRawDirectory? {
        let number = walk.number
        var page = readPage(tif, number: number)
        let directoryOffset = TIFFCurrentDirOffset(tif)
        walk.pagesByDirectory[directoryOffset] = walk.pagesByDirectory[directoryOffset] ?? number
        let raw = rawDirectory(directoryOffset)
        // A directory whose entries or next-directory pointer run past the end of the file is cut: libtiff reads what
        // is there and takes a cut pointer for the end of the chain, so a master cut there would read as sound and
        // shorter. The raw reading, which needs the whole directory, says so.
        if raw == nil { result.findings.append(.unreadableDirectory(page: number, detail: "")) }
        // libtiff keeps XResolution and YResolution under one "set" flag: one of them alone reads as the other being 0.
        // Whether each is there is what the file says.
        if let raw {
            if raw.entry(UInt16(TIFFTAG_XRESOLUTION)) == nil { page.xResolution = nil }
            if raw.entry(UInt16(TIFFTAG_YRESOLUTION)) == nil { page.yResolution = nil }
        }
        result.findings.append(contentsOf: resolutionFindings(page))
        let samples = samplesFinding(page)
        if let samples { result.findings.append(samples) }
        let corrected = StripCorrection.made(in: walk.warnings)
        if let data = imageData(
            tif, page: page, raw: raw, samplesSound: samples == nil, libtiffCounts: corrected, fileSize: result.fileSize
        ) {
            page.dataBytes = data.bytes
            page.dataEnd = data.end
            result.findings.append(contentsOf: data.findings(page: number))
            if data.end > result.fileSize && !walk.truncationReported {
                walk.truncationReported = true
                result.findings.append(.truncated(page: number, dataEnd: data.end, fileSize: result.fileSize))
            }
        } else {
            result.findings.append(.missingImageData(page: number))
        }
        result.pages.append(page)
        return raw
    }

    /// Moves libtiff to the next directory; false (with the finding: unreadable, or a loop) when it would not.
    private static func readNextDirectory(
        _ tif: OpaquePointer, log: UnsafeMutablePointer<kho_tiff_log>, after raw: TIFFRawDirectory?,
        walk: DirectoryWalk, rawDirectory: (UInt64) -> TIFFRawDirectory?, path: String,
        into result: inout TIFFFileResult
    ) -> Bool {
        let errorsBefore = log.pointee.error_count
        let errorLengthBefore = log.pointee.error_length
        let warningLengthBefore = log.pointee.warning_length
        guard TIFFReadDirectory(tif) == 0 else { return true }
        // There was a next directory and libtiff would not read it. libtiff 4.5 reports an
        // unreadable directory as an error, and a loop as a warning (or, once the warning
        // buffer is full, silently): no error means a loop.
        let number = walk.number
        let warned = text(of: &log.pointee.warnings, from: warningLengthBefore, to: log.pointee.warning_length)
        let detail = fatalError(in: log, from: errorLengthBefore).replacing(path + ": ", with: "")
        if log.pointee.error_count > errorsBefore && !detail.contains("looping") && !warned.contains("looping") {
            let next = raw.flatMap { rawDirectory($0.next) }
            result.findings.append(
                samplesFinding(next, page: number + 1) ?? .unreadableDirectory(page: number + 1, detail: detail))
        } else {
            let backTo = raw.flatMap { walk.pagesByDirectory[$0.next] }
            result.findings.append(.directoryLoop(page: number, backTo: backTo))
        }
        return false
    }

    /// Reads the tags of libtiff's current directory.
    private static func readPage(_ tif: OpaquePointer, number: Int) -> TIFFPage {
        var width: UInt32 = 0
        var height: UInt32 = 0
        _ = kho_tiff_get_u32(tif, UInt32(TIFFTAG_IMAGEWIDTH), &width)
        _ = kho_tiff_get_u32(tif, UInt32(TIFFTAG_IMAGELENGTH), &height)
        var bits: UInt16 = 1
        var samples: UInt16 = 1
        var compression: UInt16 = 1
        var photometric: UInt16 = 0
        var unit: UInt16 = UInt16(RESUNIT_INCH)
        _ = kho_tiff_get_u16(tif, UInt32(TIFFTAG_BITSPERSAMPLE), &bits)
        _ = kho_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLESPERPIXEL), &samples)
        _ = kho_tiff_get_u16(tif, UInt32(TIFFTAG_COMPRESSION), &compression)
        let hasPhotometric = kho_tiff_get_u16(tif, UInt32(TIFFTAG_PHOTOMETRIC), &photometric) != 0
        _ = kho_tiff_get_u16(tif, UInt32(TIFFTAG_RESOLUTIONUNIT), &unit)
        var xResolution: Float = 0
        var yResolution: Float = 0
        let hasX = kho_tiff_get_float(tif, UInt32(TIFFTAG_XRESOLUTION), &xResolution) != 0
        let hasY = kho_tiff_get_float(tif, UInt32(TIFFTAG_YRESOLUTION), &yResolution) != 0
        var sampleFormat: UInt16 = 0
        let hasSampleFormat = kho_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLEFORMAT), &sampleFormat) != 0
        var iccCount: UInt32 = 0
        var iccData: UnsafeRawPointer?
        if kho_tiff_get_icc(tif, &iccCount, &iccData) == 0 {
            iccCount = 0
        }
        return TIFFPage(
            number: number, width: width, height: height, bitsPerSample: bits, samplesPerPixel: samples,
            photometricCode: hasPhotometric ? photometric : nil, compressionCode: compression,
            xResolution: hasX ? Double(xResolution) : nil, yResolution: hasY ? Double(yResolution) : nil,
            resolutionUnit: TIFFResolutionUnit(code: unit), isTiled: TIFFIsTiled(tif) != 0,
            iccProfileBytes: iccCount,
            dateTime: string(tif, TIFFTAG_DATETIME), make: string(tif, TIFFTAG_MAKE),
            model: string(tif, TIFFTAG_MODEL), software: string(tif, TIFFTAG_SOFTWARE),
            artist: string(tif, TIFFTAG_ARTIST), sampleFormatCode: hasSampleFormat ? sampleFormat : nil)
    }

    /// Reads an ASCII tag of the current directory, or nil when absent.
    private static func string(_ tif: OpaquePointer, _ tag: Int32) -> String? {
        var value: UnsafePointer<CChar>?
        guard kho_tiff_get_string(tif, UInt32(tag), &value) != 0, let value else { return nil }
        return String(cString: value)
    }

    /// Says what is wrong with a page's resolution tags, if anything.
    private static func resolutionFindings(_ page: TIFFPage) -> [TIFFFinding] {
        guard let x = page.xResolution, let y = page.yResolution else {
            return [.missingResolution(page: page.number)]
        }
        if page.hasZeroResolution {
            return [.zeroResolution(page: page.number, x: x, y: y)]
        }
        if page.resolutionUnit == .none {
            return [.resolutionWithoutUnit(page: page.number)]
        }
        return []
    }

    /// Says what is wrong with a page's SamplesPerPixel, if anything: 0, fewer than RGB or YCbCr needs, or absurdly many.
    static func samplesFinding(_ page: TIFFPage) -> TIFFFinding? {
        samplesFinding(page: page.number, samples: page.samplesPerPixel, photometric: page.photometric)
    }

    /// The SamplesPerPixel finding for a directory as the file writes it, or nil when its SamplesPerPixel is not absurd
    /// (0 or above `TIFFPage.maximumSamplesPerPixel`: then it is surely why libtiff refused the directory).
    private static func samplesFinding(_ raw: TIFFRawDirectory?, page: Int) -> TIFFFinding? {
        guard let raw, let samples = raw.integers(UInt16(TIFFTAG_SAMPLESPERPIXEL), limit: 1)?.first,
            samples == 0 || samples > UInt64(TIFFPage.maximumSamplesPerPixel)
        else { return nil }
        let photometric =
            raw.integers(UInt16(TIFFTAG_PHOTOMETRIC), limit: 1)?.first
            .map { TIFFPhotometric(code: UInt16(truncatingIfNeeded: $0)) } ?? .other
        return samplesFinding(page: page, samples: UInt16(truncatingIfNeeded: samples), photometric: photometric)
    }

    private static func samplesFinding(page: Int, samples: UInt16, photometric: TIFFPhotometric) -> TIFFFinding? {
        let needed = photometric == .rgb || photometric == .ycbcr ? 3 : 1
        guard samples == 0 || samples > TIFFPage.maximumSamplesPerPixel || Int(samples) < needed else { return nil }
        return .badSamplesPerPixel(page: page, samples: samples, photometric: photometric)
    }

    /// The strips or tiles of the current directory, or nil when it has no image data.
    ///
    /// Offsets and byte counts come from the file as written (`raw`) when they can be read there, else from libtiff;
    /// a count that runs past the end of the file is libtiff's when libtiff corrected it (`libtiffCounts`) and its
    /// count fits (it reads the data with that one, so a finding must be about it). The rows uncompressed blocks must hold are measured only when
    /// SamplesPerPixel is usable and the data is not YCbCr (whose subsampling packs rows in blocks).
    private static func imageData(
        _ tif: OpaquePointer, page: TIFFPage, raw: TIFFRawDirectory?, samplesSound: Bool, libtiffCounts: Bool,
        fileSize: UInt64
    ) -> TIFFImageData? {
        let tiled = TIFFIsTiled(tif) != 0
        let count = Int(tiled ? TIFFNumberOfTiles(tif) : TIFFNumberOfStrips(tif))
        var offsets: UnsafePointer<UInt64>?
        var byteCounts: UnsafePointer<UInt64>?
        let offsetTag = UInt32(tiled ? TIFFTAG_TILEOFFSETS : TIFFTAG_STRIPOFFSETS)
        let countTag = UInt32(tiled ? TIFFTAG_TILEBYTECOUNTS : TIFFTAG_STRIPBYTECOUNTS)
        guard count > 0,
            kho_tiff_get_u64_array(tif, offsetTag, &offsets) != 0,
            kho_tiff_get_u64_array(tif, countTag, &byteCounts) != 0,
            let offsets, let byteCounts
        else {
            return nil
        }
        // The file's own values where it has them; past the end of a short array, 0, as libtiff pads it.
        func values(_ tag: UInt32, _ parsed: UnsafePointer<UInt64>) -> [UInt64] {
            guard let written = raw?.integers(UInt16(tag), limit: count) else {
                return Array(UnsafeBufferPointer(start: parsed, count: count))
            }
            return (0..<count).map { $0 < written.count ? written[$0] : 0 }
        }
        let blockOffsets = values(offsetTag, offsets)
        var blockCounts = values(countTag, byteCounts)
        if libtiffCounts {
            // libtiff replaced the counts: a count the file cannot hold (it runs past the end) is read with libtiff's,
            // when that one fits; a count the file can hold, even short or 0, is the file's (libtiff would read its
            // neighbour's bytes as its own: the finding stays).
            for index in blockCounts.indices {
                let (written, overflow) = blockOffsets[index].addingReportingOverflow(blockCounts[index])
                let (corrected, overflow2) = blockOffsets[index].addingReportingOverflow(byteCounts[index])
                if (overflow || written > fileSize) && !overflow2 && corrected <= fileSize {
                    blockCounts[index] = byteCounts[index]
                }
            }
        }
        var data = TIFFImageData(block: tiled ? .tile : .strip, offsets: blockOffsets, byteCounts: blockCounts)
        if page.compression == .none && page.photometric != .ycbcr && samplesSound {
            var planar = UInt16(PLANARCONFIG_CONTIG)
            _ = kho_tiff_get_u16(tif, UInt32(TIFFTAG_PLANARCONFIG), &planar)
            let samplesInRow = planar == UInt16(PLANARCONFIG_SEPARATE) ? 1 : page.samplesPerPixel
            var width = page.width
            var rows = page.height
            if tiled {
                _ = kho_tiff_get_u32(tif, UInt32(TIFFTAG_TILEWIDTH), &width)
                _ = kho_tiff_get_u32(tif, UInt32(TIFFTAG_TILELENGTH), &rows)
            } else {
                _ = kho_tiff_get_u32(tif, UInt32(TIFFTAG_ROWSPERSTRIP), &rows)
            }
            data.geometry = TIFFImageData.Geometry(
                tiled: tiled, width: width, height: page.height, rowsPerBlock: rows, samplesInRow: samplesInRow,
                bitsPerSample: page.bitsPerSample)
        }
        return data
    }

    /// Maps an open(2) errno to a finding.
    static func openFinding(errno code: Int32) -> TIFFFinding {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        default: return .cannotOpen(errno: code, reason: describe(errno: code))
        }
    }

    /// The C library's description of an errno value.
    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// The error that made libtiff give up, from byte `start` of the error buffer on: the last it logged (libtiff
    /// stops at the error it cannot get past), followed by the ones before it in parentheses, or "" when none.
    /// E.g. "TIFFReadDirectory: Failed to read directory at offset 300 (TIFFFetchDirectory: Sanity check on
    /// directory count failed, this is probably not a valid IFD offset)"
    private static func fatalError(in log: UnsafeMutablePointer<kho_tiff_log>, from start: UInt32) -> String {
        let errors = text(of: &log.pointee.errors, from: start, to: log.pointee.error_length)
            .split(separator: "\n").map(String.init)
        guard let fatal = errors.last else { return "" }
        let before = errors.dropLast()
        return before.isEmpty ? fatal : "\(fatal) (\(before.joined(separator: " ")))"
    }

    /// The text of a log buffer between two byte positions.
    private static func text<Buffer>(of buffer: inout Buffer, from start: UInt32, to end: UInt32) -> String {
        guard end > start else { return "" }
        return withUnsafeBytes(of: &buffer) { String(decoding: $0[Int(start)..<Int(end)], as: UTF8.self) }
    }

    /// The warnings libtiff logged, each once, in the order first given, without the file's path.
    private static func warnings(in log: UnsafeMutablePointer<kho_tiff_log>, path: String) -> [String] {
        guard log.pointee.warning_length > 0 else { return [] }
        let text = withUnsafeBytes(of: &log.pointee.warnings) {
            String(decoding: $0.prefix(Int(log.pointee.warning_length)), as: UTF8.self)
        }
        var seen: Set<String> = []
        return text.split(separator: "\n").map { String($0).replacing(path + ": ", with: "") }.filter {
            seen.insert($0).inserted
        }
    }
}

/// libtiff's own correction of a page's StripByteCounts.
///
/// When a single uncompressed strip's byte count is 0, runs past the end of the file or is shorter than its rows,
/// or when the counts of uncompressed strips look plainly wrong, libtiff warns ("Bogus "StripByteCounts" field,
/// ignoring and calculating from imagelength") and reads the strips with sizes it computes from the image's rows.
/// Where the file's count cannot be right (past the end of the file) and libtiff's fits, the finding is about
/// libtiff's (Pillow's `tiff_wrong_bits_per_sample.tiff`: `tiffcp` decodes it); the warning stays with the file's
/// libtiff warnings (a note, not a failure).
enum StripCorrection {
    /// Whether libtiff's warnings for one directory say it replaced the file's StripByteCounts.
    static func made(in warnings: String) -> Bool {
        warnings.contains("StripByteCounts") && warnings.contains("calculating from imagelength")
    }
}
