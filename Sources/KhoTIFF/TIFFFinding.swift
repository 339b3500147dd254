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
    /// The directory chain loops back on itself after page `page`.
    case directoryLoop(page: Int)
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

    /// The page (1-based) the finding is about, or nil when it is about the whole file.
    public var page: Int? {
        switch self {
        case .unreadableDirectory(let page, _), .directoryLoop(let page), .truncated(let page, _, _),
            .missingImageData(let page), .missingResolution(let page), .resolutionWithoutUnit(let page):
            return page
        default:
            return nil
        }
    }

    /// Whether the finding means the file cannot be trusted as a master at all (rather than one page lacking a tag).
    public var isFatal: Bool {
        switch self {
        case .missingResolution, .resolutionWithoutUnit: return false
        default: return true
        }
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
        }
    }
}
