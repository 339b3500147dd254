/// One thing wrong with a master, found while reading it; `message(in:)` says it in Vietnamese or English.
public enum TIFFFinding: Sendable, Hashable, Codable {
    /// There is no file at the path.
    case notFound
    /// The file exists but may not be read (EACCES or EPERM).
    case permissionDenied
    /// The path names a directory.
    case isDirectory
    /// The path names a device, pipe or socket rather than a regular file.
    case notRegularFile
    /// open(2) failed for another reason.
    case cannotOpen(errno: Int32, reason: String)
    /// read(2) failed part way.
    case readFailed(errno: Int32, reason: String)
    /// The file has zero bytes.
    case empty
    /// Most of the file is holes: not a scan, not read (``Fixity/screen(_:_:expectedSize:limit:)``).
    case sparse(size: UInt64, allocated: UInt64)
    /// The file is larger than any master kho reads (``Fixity/sizeLimit``): not read.
    case tooLarge(size: UInt64, limit: UInt64)
    /// The file starts like a TIFF but is shorter than a TIFF header.
    case tooShort(size: UInt64)
    /// The file does not start with a TIFF header; `kind` names what it looks like.
    case notTIFF(signature: [UInt8], kind: FileKind)
    /// The header declares one byte order but the version number is written in the other.
    case wrongByteOrder(declared: TIFFByteOrder)
    /// The header points to a first directory outside the file (inside the header, or at or past its end).
    case firstDirectoryOutsideFile(offset: UInt64, fileSize: UInt64)
    /// libtiff could not read the directory of page `page` (1-based); `detail` is libtiff's message.
    case unreadableDirectory(page: Int, detail: String)
    /// A broken page chain: the next-directory pointer after page `page` leads back to page `backTo` (nil when
    /// libtiff saw a loop the reader cannot place). The `page` pages before it were read and are kept.
    case directoryLoop(page: Int, backTo: Int?)
    /// The file has more directories than the reader's limit; reading stopped there.
    case tooManyPages(limit: Int)
    /// Image data of page `page` runs to byte `dataEnd`, past the end of the file.
    case truncated(page: Int, dataEnd: UInt64, fileSize: UInt64)
    /// Page `page` has no strip or tile offsets: it holds no image data.
    case missingImageData(page: Int)
    /// Page `page` has no XResolution or YResolution tag.
    case missingResolution(page: Int)
    /// Page `page` gives its resolution without a unit (ResolutionUnit = none), so its dpi is unknown.
    case resolutionWithoutUnit(page: Int)
    /// Page `page` gives a resolution of 0 (XResolution and YResolution as stored, in their unit), so its dpi is unknown.
    case zeroResolution(page: Int, x: Double, y: Double)
    /// Page `page` declares a number of samples per pixel no image can have: 0, fewer than its photometric
    /// interpretation needs, or more than `TIFFPage.maximumSamplesPerPixel`.
    case badSamplesPerPixel(page: Int, samples: UInt16, photometric: TIFFPhotometric)
    /// Strip or tile `index` (1-based) of page `page` has a byte count of 0, so it holds no image data;
    /// `others` more strips or tiles of the page have none either.
    case zeroByteCount(page: Int, block: TIFFDataBlock, index: Int, others: Int)
    /// Strip or tile `index` (1-based) of page `page` has bytes but an offset of 0, which points at the file's
    /// header, not at image data; `others` more of the page do too.
    case zeroOffset(page: Int, block: TIFFDataBlock, index: Int, others: Int)
    /// Uncompressed strip or tile `index` (1-based) of page `page` holds `bytes` bytes where its `rows` rows of
    /// `rowBytes` bytes need `expected`; `others` more of the page are short too.
    case shortData(
        page: Int, block: TIFFDataBlock, index: Int, bytes: UInt64, expected: UInt64, rows: UInt32, rowBytes: UInt64,
        others: Int)

    /// The page (1-based) the finding is about, or nil when it is about the whole file.
    public var page: Int? {
        switch self {
        case .unreadableDirectory(let page, _), .directoryLoop(let page, _), .truncated(let page, _, _),
            .missingImageData(let page), .missingResolution(let page), .resolutionWithoutUnit(let page),
            .zeroResolution(let page, _, _), .badSamplesPerPixel(let page, _, _), .zeroByteCount(let page, _, _, _),
            .zeroOffset(let page, _, _, _), .shortData(let page, _, _, _, _, _, _, _):
            return page
        default:
            return nil
        }
    }

    /// Whether the finding means the file cannot be trusted as a master at all (rather than one page lacking a tag).
    ///
    /// A broken page chain is not fatal: the pages before the loop are intact and are counted, but the master
    /// still fails quality control (`needsReview`) so that a person checks no page is missing.
    public var isFatal: Bool {
        switch self {
        case .missingResolution, .resolutionWithoutUnit, .zeroResolution, .directoryLoop: return false
        default: return true
        }
    }

    /// Whether the file is readable despite the finding but must still fail quality control until a person has looked.
    public var needsReview: Bool {
        if case .directoryLoop = self { return true }
        return false
    }

    /// A short stable identifier for storing and filtering (`not-tiff`, `truncated`, …).
    public var code: String {
        switch self {
        case .notFound: return "not-found"
        case .permissionDenied: return "permission-denied"
        case .isDirectory: return "is-directory"
        case .notRegularFile: return "not-regular-file"
        case .cannotOpen: return "cannot-open"
        case .readFailed: return "read-failed"
        case .empty: return "empty"
        case .sparse: return "sparse"
        case .tooLarge: return "too-large"
        case .tooShort: return "too-short"
        case .notTIFF: return "not-tiff"
        case .wrongByteOrder: return "wrong-byte-order"
        case .firstDirectoryOutsideFile: return "directory-outside-file"
        case .unreadableDirectory: return "unreadable-directory"
        case .directoryLoop: return "directory-loop"
        case .tooManyPages: return "too-many-pages"
        case .truncated: return "truncated"
        case .missingImageData: return "missing-image-data"
        case .missingResolution: return "missing-resolution"
        case .resolutionWithoutUnit: return "resolution-without-unit"
        case .zeroResolution: return "zero-resolution"
        case .badSamplesPerPixel: return "bad-samples-per-pixel"
        case .zeroByteCount: return "zero-byte-count"
        case .zeroOffset: return "zero-data-offset"
        case .shortData: return "short-data"
        }
    }
}

/// Whether a page's image data is stored in strips (bands of whole rows) or tiles (rectangles).
public enum TIFFDataBlock: String, Sendable, Hashable, Codable {
    case strip
    case tile
}
