/// Masters that libtiff reads and corrects, or refuses, in ways kho's verdicts must share (issue 21, item 8): written
/// byte by byte (classic, little-endian), since libtiff's own writer would not make them.
public enum LibTIFFCases {
    /// One directory entry: a SHORT (3), LONG (4) or RATIONAL (5) tag with its values (a rational's numerator and
    /// denominator as two values).
    public struct Tag: Sendable {
        public var tag: UInt16
        public var type: UInt16
        public var values: [UInt32]

        public init(_ tag: UInt16, _ type: UInt16, _ values: [UInt32]) {
            self.tag = tag
            self.type = type
            self.values = values
        }
    }

    /// A file of one page per entry of `pages`, each page's directory followed by its out-of-line values and its
    /// `data`; the StripOffsets/TileOffsets (273/324) given are offsets into the page's data. `next` overrides
    /// the last directory's next-IFD pointer (0 when nil).
    public static func file(pages: [(tags: [Tag], data: [UInt8])], next: UInt32? = nil) -> [UInt8] {
        var out: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]
        var nextPointers: [Int] = []
        var directories: [Int] = []
        for page in pages {
            let tags = page.tags.sorted { $0.tag < $1.tag }
            let directory = out.count
            directories.append(directory)
            let extraStart = directory + 2 + tags.count * 12 + 4
            var extra: [UInt8] = []
            func width(_ type: UInt16) -> Int { type == 3 ? 2 : 4 }
            let extraSize = tags.reduce(0) { sum, t in
                let size = t.values.count * width(t.type)
                return sum + (size > 4 ? size : 0)
            }
            let dataAt = extraStart + extraSize
            put16(&out, UInt16(tags.count))
            for t in tags {
                var values = t.values
                if t.tag == 273 || t.tag == 324 { values = t.values.map { UInt32(dataAt) + $0 } }
                put16(&out, t.tag)
                put16(&out, t.type)
                put32(&out, UInt32(t.type == 5 ? values.count / 2 : values.count))
                var bytes: [UInt8] = []
                for v in values { if t.type == 3 { put16(&bytes, UInt16(v)) } else { put32(&bytes, v) } }
                if bytes.count <= 4 {
                    out += bytes + [UInt8](repeating: 0, count: 4 - bytes.count)
                } else {
                    put32(&out, UInt32(extraStart + extra.count))
                    extra += bytes
                }
            }
            nextPointers.append(out.count)
            put32(&out, 0)
            out += extra + page.data
        }
        for (index, pointer) in nextPointers.enumerated().dropLast() {
            set32(&out, at: pointer, UInt32(directories[index + 1]))
        }
        if let next, let last = nextPointers.last { set32(&out, at: last, next) }
        return out
    }

    /// The tags of an uncompressed `width` × `height` page at 300 dpi (inch), strips or tiles, with `samples` 8-bit
    /// samples (gray or RGB), one strip (or one tile) holding `count` bytes at the page's data.
    public static func tags(
        width: UInt32, height: UInt32, samples: UInt32 = 1, tiled: Bool = false, count: UInt32,
        resolution: (x: Bool, y: Bool) = (true, true), extra: [Tag] = []
    ) -> [Tag] {
        var tags = [
            Tag(256, 4, [width]), Tag(257, 4, [height]), Tag(258, 3, Array(repeating: 8, count: Int(samples))),
            Tag(259, 3, [1]), Tag(262, 3, [samples >= 3 ? 2 : 1]), Tag(277, 3, [samples]), Tag(296, 3, [2]),
        ]
        if resolution.x { tags.append(Tag(282, 5, [300, 1])) }
        if resolution.y { tags.append(Tag(283, 5, [300, 1])) }
        if tiled {
            tags += [Tag(322, 3, [width]), Tag(323, 3, [height]), Tag(324, 4, [0]), Tag(325, 4, [count])]
        } else {
            tags += [Tag(273, 4, [0]), Tag(278, 4, [height]), Tag(279, 4, [count])]
        }
        return tags + extra
    }

    /// Like Pillow's `tiff_wrong_bits_per_sample.tiff`: one uncompressed 52 × 53 RGBA strip that is exactly the rest
    /// of the file, whose StripByteCounts says 35,711,440 bytes. libtiff warns ("Bogus StripByteCounts") and reads the
    /// strip with the size of its rows; `tiffcp` decodes it.
    public static func bogusStripByteCount() -> [UInt8] {
        let (width, height): (UInt32, UInt32) = (52, 53)
        let data = (0..<Int(width * height * 4)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        return file(pages: [
            (tags(width: width, height: height, samples: 4, count: 35_711_440, extra: [Tag(338, 3, [2])]), data)
        ])
    }

    /// A tiled 8-bit gray page with the obsolete SGI DataType tag (32996) set to 0, which libtiff reads as SampleFormat
    /// "void" and decodes as unsigned integers.
    public static func sgiDataTypeTiled() -> [UInt8] {
        file(pages: [
            (
                tags(width: 16, height: 16, tiled: true, count: 256, extra: [Tag(32996, 3, [0])]),
                [UInt8](repeating: 128, count: 256)
            )
        ])
    }

    /// An 8-bit gray page with YResolution (300) and no XResolution: libtiff reads XResolution as 0.
    public static func yResolutionOnly() -> [UInt8] {
        file(pages: [
            (tags(width: 16, height: 16, count: 256, resolution: (false, true)), [UInt8](repeating: 200, count: 256))
        ])
    }

    /// A sound first page whose next-directory pointer leads to a directory count of 60,000: libtiff logs "Sanity check
    /// on directory count failed…", then the error it stops at, "Failed to read directory at offset …".
    public static func unreadableSecondDirectory() -> [UInt8] {
        var bytes = file(pages: [(tags(width: 16, height: 16, count: 256), [UInt8](repeating: 200, count: 256))])
        let bad = UInt32(bytes.count)
        bytes += [0x60, 0xEA] + [UInt8](repeating: 0, count: 20)
        // The only directory's next pointer: right after its entries.
        let entries = Int(bytes[8]) | Int(bytes[9]) << 8
        set32(&bytes, at: 8 + 2 + entries * 12, bad)
        return bytes
    }

    private static func put16(_ out: inout [UInt8], _ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func put32(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
    }
    private static func set32(_ out: inout [UInt8], at offset: Int, _ v: UInt32) {
        for i in 0..<4 { out[offset + i] = UInt8((v >> UInt32(8 * i)) & 0xFF) }
    }
}
