/// Where a page's strips or tiles lie and what they hold, judged from header tags only, never by decoding them.
struct TIFFImageData {
    /// How many rows each uncompressed strip or tile must hold, and how many bytes a row takes.
    struct Geometry: Sendable, Hashable {
        /// Whether blocks are tiles (every tile holds `rowsPerBlock` rows, padded) rather than strips.
        var tiled: Bool
        /// Image height in rows (strips only: the last strip of a plane holds what is left).
        var height: UInt32
        /// RowsPerStrip, or TileLength.
        var rowsPerBlock: UInt32
        /// Bytes of one row of a strip or tile: width × samples in the row × bits per sample, rounded up to whole bytes.
        var rowBytes: UInt64

        /// Creates the geometry of a page, or nil when its rows cannot be measured (no rows, a row too large to count).
        /// A block whose rows take more bytes than can be counted is not measured either.
        ///
        /// `width` is the image width for strips and TileWidth for tiles; `samplesInRow` is SamplesPerPixel when
        /// samples are interleaved and 1 when each sample has planes of its own. A RowsPerStrip of 0 or larger than
        /// the image means one strip, as libtiff reads it.
        init?(
            tiled: Bool, width: UInt32, height: UInt32, rowsPerBlock: UInt32, samplesInRow: UInt16,
            bitsPerSample: UInt16
        ) {
            guard height > 0, rowsPerBlock > 0 || !tiled else { return nil }
            let (pixels, overflow) = UInt64(width).multipliedReportingOverflow(by: UInt64(samplesInRow))
            let (bits, overflow2) = pixels.multipliedReportingOverflow(by: UInt64(bitsPerSample))
            guard !overflow, !overflow2 else { return nil }
            self.tiled = tiled
            self.height = height
            self.rowsPerBlock =
                tiled ? rowsPerBlock : (rowsPerBlock == 0 || rowsPerBlock > height ? height : rowsPerBlock)
            self.rowBytes = bits / 8 + (bits % 8 == 0 ? 0 : 1)
        }

        /// Strips in one plane (one sample's plane when planes are separate).
        var blocksPerPlane: Int { Int((UInt64(height) + UInt64(rowsPerBlock) - 1) / UInt64(rowsPerBlock)) }

        /// The rows block `index` (0-based) holds: all of them but for the last strip of each plane.
        func rows(ofBlock index: Int) -> UInt32 {
            if tiled { return rowsPerBlock }
            let first = UInt64(index % blocksPerPlane) * UInt64(rowsPerBlock)
            return UInt32(min(UInt64(rowsPerBlock), UInt64(height) - min(first, UInt64(height))))
        }
    }

    /// Strips or tiles.
    var block: TIFFDataBlock
    /// Where each block starts in the file.
    var offsets: [UInt64]
    /// How many bytes each block has.
    var byteCounts: [UInt64]
    /// The rows and row size uncompressed blocks must hold, or nil when they are not checked (compressed data,
    /// YCbCr, whose subsampling packs rows differently, an unusable SamplesPerPixel).
    var geometry: Geometry?

    /// Total bytes of image data.
    var bytes: UInt64 { byteCounts.reduce(0, &+) }

    /// One past the last byte of image data.
    var end: UInt64 {
        zip(offsets, byteCounts).reduce(0) { end, block in
            let (blockEnd, overflow) = block.0.addingReportingOverflow(block.1)
            return max(end, overflow ? UInt64.max : blockEnd)
        }
    }

    /// What is wrong with the blocks of page `page`: the first block with no bytes, the first at offset 0, the first
    /// uncompressed one shorter than its rows, each with how many more are like it.
    func findings(page: Int) -> [TIFFFinding] {
        var zeroCount: (first: Int, total: Int)?
        var zeroOffset: (first: Int, total: Int)?
        var short: (first: Int, bytes: UInt64, expected: UInt64, rows: UInt32, total: Int)?
        for index in 0..<min(offsets.count, byteCounts.count) {
            let count = byteCounts[index]
            guard count > 0 else {
                zeroCount = (zeroCount?.first ?? index, (zeroCount?.total ?? 0) + 1)
                continue
            }
            if offsets[index] == 0 {
                zeroOffset = (zeroOffset?.first ?? index, (zeroOffset?.total ?? 0) + 1)
            }
            if let geometry {
                let rows = geometry.rows(ofBlock: index)
                let (expected, overflow) = UInt64(rows).multipliedReportingOverflow(by: geometry.rowBytes)
                if !overflow && count < expected {
                    if let found = short {
                        short?.total = found.total + 1
                    } else {
                        short = (index, count, expected, rows, 1)
                    }
                }
            }
        }
        var findings: [TIFFFinding] = []
        if let zeroCount {
            findings.append(
                .zeroByteCount(page: page, block: block, index: zeroCount.first + 1, others: zeroCount.total - 1))
        }
        if let zeroOffset {
            findings.append(
                .zeroOffset(page: page, block: block, index: zeroOffset.first + 1, others: zeroOffset.total - 1))
        }
        if let short, let geometry {
            findings.append(
                .shortData(
                    page: page, block: block, index: short.first + 1, bytes: short.bytes, expected: short.expected,
                    rows: short.rows, rowBytes: geometry.rowBytes, others: short.total - 1))
        }
        return findings
    }
}
