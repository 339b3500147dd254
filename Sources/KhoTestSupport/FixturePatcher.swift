/// Overwrites values in the directories of a TIFF already written, for fixtures libtiff's writer refuses to make.
struct FixturePatcher {
    /// The file's bytes, patched in place.
    private(set) var bytes: [UInt8]
    /// Where each page's directory starts, in chain order.
    private(set) var directories: [Int] = []
    private let bigEndian: Bool
    private let bigTIFF: Bool

    /// Reads the header and follows the directory chain of `bytes`.
    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 8, bytes[0] == bytes[1], bytes[0] == 0x49 || bytes[0] == 0x4D else {
            throw FixtureError(description: "not a TIFF")
        }
        bigEndian = bytes[0] == 0x4D
        bigTIFF = Self.read(bytes, at: 2, width: 2, bigEndian: bigEndian) == 43
        var next = Int(Self.read(bytes, at: bigTIFF ? 8 : 4, width: bigTIFF ? 8 : 4, bigEndian: bigEndian))
        while next != 0 && !directories.contains(next) && next < bytes.count {
            directories.append(next)
            next = Int(read(at: nextPointer(of: directories.count - 1), width: fieldWidth))
        }
    }

    private var fieldWidth: Int { bigTIFF ? 8 : 4 }
    private var entryWidth: Int { bigTIFF ? 20 : 12 }
    private var countWidth: Int { bigTIFF ? 8 : 2 }

    /// Sets value `index` of integer or rational tag `tag` of page `page` (0-based); a rational becomes `value`/1.
    mutating func set(page: Int, tag: UInt16, index: Int, to value: UInt64) throws {
        let directory = directories[page]
        let count = Int(read(at: directory, width: countWidth))
        for entry in 0..<count {
            let start = directory + countWidth + entry * entryWidth
            guard read(at: start, width: 2) == UInt64(tag) else { continue }
            let type = read(at: start + 2, width: 2)
            let values = Int(read(at: start + 4, width: fieldWidth))
            let field = start + 4 + fieldWidth
            let width: Int
            switch type {
            case 3: width = 2
            case 4, 13: width = 4
            case 5: width = 8
            case 16, 17: width = 8
            default: throw FixtureError(description: "tag \(tag) has type \(type), not an integer")
            }
            guard index < values else {
                throw FixtureError(description: "tag \(tag) has \(values) values, not \(index + 1)")
            }
            let base = values * width <= fieldWidth ? field : Int(read(at: field, width: fieldWidth))
            if type == 5 {
                write(value, at: base + index * 8, width: 4)
                write(1, at: base + index * 8 + 4, width: 4)
            } else {
                write(value, at: base + index * width, width: width)
            }
            return
        }
        throw FixtureError(description: "page \(page + 1) has no tag \(tag)")
    }

    /// Makes SHORT tag `tag` of page `page` (0-based) hold the single value `value`, written in the entry itself.
    mutating func setSingle(page: Int, tag: UInt16, to value: UInt16) throws {
        let directory = directories[page]
        let count = Int(read(at: directory, width: countWidth))
        for entry in 0..<count {
            let start = directory + countWidth + entry * entryWidth
            guard read(at: start, width: 2) == UInt64(tag) else { continue }
            guard read(at: start + 2, width: 2) == 3 else { throw FixtureError(description: "tag \(tag) is not SHORT") }
            write(1, at: start + 4, width: fieldWidth)
            write(0, at: start + 4 + fieldWidth, width: fieldWidth)
            write(UInt64(value), at: start + 4 + fieldWidth, width: 2)
            return
        }
        throw FixtureError(description: "page \(page + 1) has no tag \(tag)")
    }

    /// Points the next-directory pointer of page `page` (0-based) at `offset`.
    mutating func setNextDirectory(ofPage page: Int, to offset: Int) throws {
        write(UInt64(offset), at: nextPointer(of: page), width: fieldWidth)
    }

    /// Where the next-directory pointer of page `page` is.
    private func nextPointer(of page: Int) -> Int {
        let directory = directories[page]
        return directory + countWidth + Int(read(at: directory, width: countWidth)) * entryWidth
    }

    private func read(at offset: Int, width: Int) -> UInt64 {
        Self.read(bytes, at: offset, width: width, bigEndian: bigEndian)
    }

    private static func read(_ bytes: [UInt8], at offset: Int, width: Int, bigEndian: Bool) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<width {
            let byte = UInt64(bytes[offset + index])
            value = bigEndian ? value << 8 | byte : value | byte << (8 * UInt64(index))
        }
        return value
    }

    private mutating func write(_ value: UInt64, at offset: Int, width: Int) {
        for index in 0..<width {
            let shift = bigEndian ? 8 * (width - 1 - index) : 8 * index
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(shift))
        }
    }
}
