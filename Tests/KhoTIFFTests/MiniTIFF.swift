import Foundation

/// Builds small classic little-endian gray TIFFs byte by byte, directory first, so tests control every offset.
struct MiniTIFF {
    /// The file's bytes.
    var bytes: [UInt8] = []
    /// Where each page's directory (IFD) starts.
    var directoryOffsets: [Int] = []
    /// Where each page's image data starts.
    var dataOffsets: [Int] = []

    /// Builds `pages` 8-bit gray pages of `width` × `height` at `dpi`; the last page's next-IFD pointer goes to `loopBackTo` if given.
    init(pages: Int = 1, width: UInt32 = 8, height: UInt32 = 8, dpi: UInt32 = 300, loopBackTo: Int? = nil) {
        put16(0x4949)
        put16(42)
        put32(8)
        var nextPointers: [Int] = []
        for _ in 0..<pages {
            let entries: [(tag: UInt16, type: UInt16, value: UInt32)] = [
                (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, 0), (277, 3, 1), (278, 4, height), (279, 4, width * height),
                (282, 5, 0), (283, 5, 0), (296, 3, 2),
            ]
            let ifd = bytes.count
            directoryOffsets.append(ifd)
            let rationals = ifd + 2 + entries.count * 12 + 4
            let data = rationals + 16
            dataOffsets.append(data)
            put16(UInt16(entries.count))
            for entry in entries {
                put16(entry.tag)
                put16(entry.type)
                put32(1)
                switch entry.tag {
                case 273: put32(UInt32(data))
                case 282: put32(UInt32(rationals))
                case 283: put32(UInt32(rationals + 8))
                case 258, 259, 262, 277, 296:
                    put16(UInt16(entry.value))
                    put16(0)
                default: put32(entry.value)
                }
            }
            nextPointers.append(bytes.count)
            put32(0)
            put32(dpi)
            put32(1)
            put32(dpi)
            put32(1)
            bytes.append(contentsOf: (0..<Int(width * height)).map { UInt8(truncatingIfNeeded: $0) })
        }
        for (index, pointer) in nextPointers.enumerated().dropLast() {
            set32(at: pointer, UInt32(directoryOffsets[index + 1]))
        }
        if let loopBackTo, let last = nextPointers.last {
            set32(at: last, UInt32(directoryOffsets[loopBackTo]))
        }
    }

    mutating func put16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }
    mutating func put32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
    mutating func set16(at offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }
    mutating func set32(at offset: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8((value >> UInt32(8 * index)) & 0xFF) }
    }
}
