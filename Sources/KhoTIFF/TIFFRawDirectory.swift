#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a master being read: its first bytes already in memory, the rest read with pread(2) on demand.
struct TIFFBytes {
    /// The first bytes of the file, as read before libtiff saw it.
    var head: UnsafeRawBufferPointer
    /// The open file.
    var fd: Int32
    /// The file's size in bytes.
    var size: UInt64

    /// `count` bytes from `offset`, or nil when they run past the end of the file or cannot be read.
    func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        if offset + UInt64(count) <= UInt64(head.count) {
            return Array(head[Int(offset)..<(Int(offset) + count)])
        }
        var bytes = [UInt8](repeating: 0, count: count)
        let complete = bytes.withUnsafeMutableBytes { buffer in
            if case .success(let got) = Fixity.readFully(fd, into: buffer, at: off_t(offset)) { return got == count }
            return false
        }
        return complete ? bytes : nil
    }
}

/// One image directory (IFD) read straight from the file's bytes, as it is written.
///
/// libtiff repairs some values while it reads a directory (a single strip's zero or short byte count, byte counts
/// of uncompressed strips that differ, …) and shows only its estimate. The reader takes the strip and tile arrays
/// from here instead, so a finding quotes what the file really says, and finds where the next-directory pointer leads.
struct TIFFRawDirectory {
    /// One entry: its field type, value count and the 4 (classic) or 8 (BigTIFF) bytes holding the value or its offset.
    struct Entry {
        var type: UInt16
        var count: UInt64
        var field: ArraySlice<UInt8>
    }

    /// The most entries read from one directory (libtiff refuses more long before).
    static let maximumEntries: UInt64 = 1 << 20

    private let bytes: TIFFBytes
    private let order: TIFFByteOrder
    private let fieldSize: Int
    private let entrySize: Int
    /// The entries as written, followed by the next-directory pointer.
    private let table: [UInt8]
    private let count: Int
    /// Where the next directory starts, 0 when this is the last.
    let next: UInt64

    /// Reads the directory at `offset`, or returns nil when it does not lie within the file.
    init?(at offset: UInt64, in bytes: TIFFBytes, format: TIFFFormat, order: TIFFByteOrder) {
        let countSize = format == .classic ? 2 : 8
        let entrySize = format == .classic ? 12 : 20
        let fieldSize = format == .classic ? 4 : 8
        guard let countBytes = bytes.read(at: offset, count: countSize) else { return nil }
        let count = Self.integer(countBytes[...], order: order)
        guard count <= Self.maximumEntries,
            let table = bytes.read(at: offset + UInt64(countSize), count: Int(count) * entrySize + fieldSize)
        else { return nil }
        self.bytes = bytes
        self.order = order
        self.fieldSize = fieldSize
        self.entrySize = entrySize
        self.table = table
        self.count = Int(count)
        next = Self.integer(table[(Int(count) * entrySize)...], order: order)
    }

    /// The first entry for `tag`, or nil when the directory has none.
    func entry(_ tag: UInt16) -> Entry? {
        for index in 0..<count {
            let start = index * entrySize
            guard Self.integer(table[start..<(start + 2)], order: order) == UInt64(tag) else { continue }
            return Entry(
                type: UInt16(Self.integer(table[(start + 2)..<(start + 4)], order: order)),
                count: Self.integer(table[(start + 4)..<(start + 4 + fieldSize)], order: order),
                field: table[(start + 4 + fieldSize)..<(start + 4 + 2 * fieldSize)])
        }
        return nil
    }

    /// The first `limit` values of an unsigned integer array (SHORT, LONG or LONG8), or nil when the tag is absent,
    /// of another type, or its values lie outside the file.
    func integers(_ tag: UInt16, limit: Int) -> [UInt64]? {
        guard let entry = entry(tag) else { return nil }
        let width: Int
        switch entry.type {
        case 3: width = 2
        case 4: width = 4
        case 16: width = 8
        default: return nil
        }
        let count = Int(min(entry.count, UInt64(max(0, limit))))
        let data: ArraySlice<UInt8>
        if entry.count <= UInt64(entry.field.count / width) {
            data = entry.field
        } else {
            guard let read = bytes.read(at: Self.integer(entry.field, order: order), count: count * width) else {
                return nil
            }
            data = read[...]
        }
        let start = data.startIndex
        return (0..<count).map { Self.integer(data[(start + $0 * width)..<(start + ($0 + 1) * width)], order: order) }
    }

    /// An unsigned integer written over `bytes` in the given byte order (up to 8 bytes).
    private static func integer(_ bytes: ArraySlice<UInt8>, order: TIFFByteOrder) -> UInt64 {
        var value: UInt64 = 0
        switch order {
        case .littleEndian:
            for (shift, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        case .bigEndian:
            for byte in bytes.prefix(8) { value = value << 8 | UInt64(byte) }
        }
        return value
    }
}
