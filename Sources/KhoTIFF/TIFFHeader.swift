/// The first bytes of a file, judged as a TIFF header before libtiff sees the file.
enum TIFFHeader {
    /// A header that passed: format, byte order and where the first directory is.
    struct Valid {
        var format: TIFFFormat
        var byteOrder: TIFFByteOrder
        var firstDirectoryOffset: UInt64
    }

    /// Judges up to 16 leading bytes of a file of `fileSize` bytes: a valid header or the finding that says why not.
    static func judge(_ bytes: [UInt8], fileSize: UInt64) -> Result<Valid, TIFFHeaderProblem> {
        let signature = Array(bytes.prefix(8))
        guard bytes.count >= 2 else {
            return .failure(TIFFHeaderProblem(.notTIFF(signature: signature, kind: FileKind(signature: bytes))))
        }
        let order: TIFFByteOrder
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): order = .littleEndian
        case (0x4D, 0x4D): order = .bigEndian
        default:
            return .failure(TIFFHeaderProblem(.notTIFF(signature: signature, kind: FileKind(signature: bytes))))
        }
        guard bytes.count >= 4 else { return .failure(TIFFHeaderProblem(.tooShort(size: fileSize))) }
        let version = integer(bytes, at: 2, size: 2, order: order)
        let swapped = integer(bytes, at: 2, size: 2, order: order == .littleEndian ? .bigEndian : .littleEndian)
        let format: TIFFFormat
        switch version {
        case 42: format = .classic
        case 43: format = .bigTIFF
        default:
            if swapped == 42 || swapped == 43 {
                return .failure(TIFFHeaderProblem(.wrongByteOrder(declared: order)))
            }
            return .failure(TIFFHeaderProblem(.notTIFF(signature: signature, kind: FileKind(signature: bytes))))
        }
        let headerSize = format == .classic ? 8 : 16
        guard bytes.count >= headerSize, fileSize >= UInt64(headerSize) else {
            return .failure(TIFFHeaderProblem(.tooShort(size: fileSize)))
        }
        let offset =
            format == .classic
            ? integer(bytes, at: 4, size: 4, order: order)
            : integer(bytes, at: 8, size: 8, order: order)
        let smallestDirectory: UInt64 = format == .classic ? 2 : 8
        if offset < UInt64(headerSize) || offset >= fileSize || fileSize - offset < smallestDirectory {
            return .failure(TIFFHeaderProblem(.firstDirectoryOutsideFile(offset: offset, fileSize: fileSize)))
        }
        return .success(Valid(format: format, byteOrder: order, firstDirectoryOffset: offset))
    }

    /// Reads an unsigned integer of `size` bytes at `index` in the given byte order.
    private static func integer(_ bytes: [UInt8], at index: Int, size: Int, order: TIFFByteOrder) -> UInt64 {
        var value: UInt64 = 0
        for position in 0..<size {
            let byte = UInt64(bytes[index + position])
            switch order {
            case .littleEndian: value |= byte << (8 * UInt64(position))
            case .bigEndian: value = value << 8 | byte
            }
        }
        return value
    }
}

/// A finding made from the header alone, wrapped so it can be a `Result` failure.
struct TIFFHeaderProblem: Error {
    var finding: TIFFFinding
    init(_ finding: TIFFFinding) { self.finding = finding }
}
