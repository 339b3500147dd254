/// What a file that is not a TIFF appears to be, judged from its first bytes.
public enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
    case png
    case jpeg
    case pdf
    case gif
    case bmp
    case zip
    case webp
    case jpeg2000
    /// The bytes examined are all zero (often a file preallocated but never written).
    case zeros
    /// The bytes examined are printable text (UTF-8 or ASCII).
    case text
    /// Nothing recognised.
    case unknown

    /// Recognises the kind of file from its first bytes (up to 16 are looked at).
    public init(signature bytes: [UInt8]) {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0x89, 0x50, 0x4E, 0x47]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("%PDF".utf8)) {
            self = .pdf
        } else if starts(Array("GIF8".utf8)) {
            self = .gif
        } else if starts(Array("BM".utf8)) && bytes.count >= 10 && bytes[6..<10].allSatisfy({ $0 == 0 }) {
            self = .bmp
        } else if starts([0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            self = .jpeg2000
        } else if !bytes.isEmpty && bytes.allSatisfy({ $0 == 0 }) {
            self = .zeros
        } else if !bytes.isEmpty && FileKind.looksLikeText(bytes) {
            self = .text
        } else {
            self = .unknown
        }
    }

    /// Whether bytes are printable ASCII, common whitespace or well-formed UTF-8 (a cut-off last character is allowed).
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let continuation: Int
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x20..<0x7F: continuation = 0
            case 0xC2...0xDF: continuation = 1
            case 0xE0...0xEF: continuation = 2
            case 0xF0...0xF4: continuation = 3
            default: return false
            }
            var next = index + 1
            while next <= index + continuation && next < bytes.count {
                guard bytes[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index = next
        }
        return true
    }
}
