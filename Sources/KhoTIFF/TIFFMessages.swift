import Foundation

// Every user-facing string of KhoTIFF, in Vietnamese (the default) and English, kept in this one file.

/// Picks the Vietnamese or English text.
private func say(_ language: Lang, vi: String, en: String) -> String {
    language == .vi ? vi : en
}

/// Writes a dpi figure without needless decimals: 150, 299.7.
func formatDPI(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    guard tenths.isFinite, abs(tenths) < 1e15 else { return "\(value)" }
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths)) % 10
    return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
}

/// Writes a count with the language's grouping: 48.000 (vi), 48,000 (en).
private func number<Integer: BinaryInteger>(_ value: Integer, _ language: Lang) -> String {
    Format.integer(Int64(clamping: value), lang: language)
}

/// Writes bytes as spaced upper-case hex: "89 50 4E 47".
private func hexBytes(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789ABCDEF")
    return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: " ")
}

extension FileKind {
    /// The kind's name as shown to people.
    public func name(in language: Lang = .vi) -> String {
        switch self {
        case .png: return "PNG"
        case .jpeg: return "JPEG"
        case .pdf: return "PDF"
        case .gif: return "GIF"
        case .bmp: return "BMP"
        case .zip: return "ZIP"
        case .webp: return "WebP"
        case .jpeg2000: return "JPEG 2000"
        case .zeros: return say(language, vi: "toàn byte 0", en: "all zero bytes")
        case .text: return say(language, vi: "văn bản", en: "text")
        case .unknown: return say(language, vi: "định dạng không rõ", en: "unknown format")
        }
    }
}

extension TIFFCompression {
    /// The compression as a table shows it: its name (`lzw`, `jpeg`), and for none the word ("không" / "none").
    public func shown(in language: Lang = .vi) -> String {
        self == .none ? say(language, vi: "không", en: "none") : rawValue
    }

    /// The compression as a sentence names it: its name, which a profile file uses, and for none what it means too
    /// ("none (không nén)").
    public func named(in language: Lang = .vi) -> String {
        self == .none ? say(language, vi: "none (không nén)", en: "none (uncompressed)") : rawValue
    }
}

extension TIFFColourMode {
    /// The colour mode described in words: "xám 8 bit" / "8-bit gray".
    public func description(in language: Lang = .vi) -> String {
        switch self {
        case .bilevel: return say(language, vi: "đen trắng 1 bit", en: "1-bit black and white")
        case .gray8: return say(language, vi: "xám 8 bit", en: "8-bit gray")
        case .gray16: return say(language, vi: "xám 16 bit", en: "16-bit gray")
        case .rgb24: return say(language, vi: "màu 24 bit", en: "24-bit colour")
        case .rgb48: return say(language, vi: "màu 48 bit", en: "48-bit colour")
        case .rgba32: return say(language, vi: "màu 24 bit kèm kênh alpha", en: "24-bit colour with alpha")
        case .rgba64: return say(language, vi: "màu 48 bit kèm kênh alpha", en: "48-bit colour with alpha")
        case .palette: return say(language, vi: "màu theo bảng màu", en: "palette colour")
        case .cmyk32: return say(language, vi: "CMYK 32 bit", en: "32-bit CMYK")
        case .grayInt8, .grayInt16, .grayInt32, .grayFloat16, .grayFloat32, .grayFloat64,
            .rgbInt8, .rgbInt16, .rgbInt32, .rgbFloat16, .rgbFloat32, .rgbFloat64:
            let gray = rawValue.hasPrefix("gray")
            let bits = rawValue.drop { !$0.isNumber }
            let model = gray ? say(language, vi: "xám", en: "gray") : say(language, vi: "màu RGB", en: "RGB colour")
            let kind =
                sampleFormat == .float
                ? say(language, vi: "số thực dấu phẩy động \(bits) bit", en: "\(bits)-bit floating-point")
                : say(language, vi: "số nguyên có dấu \(bits) bit", en: "\(bits)-bit signed integer")
            return say(language, vi: "\(model), mẫu là \(kind)", en: "\(model), \(kind) samples")
        case .other: return say(language, vi: "không nhận ra", en: "not recognised")
        }
    }
}

extension TIFFDataBlock {
    /// "strip 3" / "dải ảnh 3", or with `count` other than 1 the plural: "strips" / "dải ảnh".
    fileprivate func name(_ language: Lang, plural: Bool = false) -> String {
        switch self {
        case .strip: return say(language, vi: "dải ảnh", en: plural ? "strips" : "strip")
        case .tile: return say(language, vi: "ô ảnh", en: plural ? "tiles" : "tile")
        }
    }
}

extension TIFFFinding {
    /// What is wrong, in words a person can act on, in Vietnamese (default) or English.
    public func message(in language: Lang = .vi) -> String {
        switch self {
        case .notFound:
            return say(language, vi: "không tìm thấy tệp", en: "file not found")
        case .permissionDenied:
            return say(language, vi: "không có quyền đọc tệp", en: "permission denied: the file may not be read")
        case .isDirectory:
            return say(language, vi: "đây là thư mục, không phải tệp", en: "this is a directory, not a file")
        case .notRegularFile:
            return say(
                language, vi: "không phải tệp thông thường (thiết bị, ống dẫn hoặc socket)",
                en: "not a regular file (a device, pipe or socket)")
        case .cannotOpen(let code, let reason):
            return say(
                language, vi: "không mở được tệp: \(reason) (errno \(code))",
                en: "cannot open the file: \(reason) (errno \(code))")
        case .readFailed(let code, let reason):
            return say(
                language, vi: "lỗi khi đọc tệp: \(reason) (errno \(code))",
                en: "error while reading the file: \(reason) (errno \(code))")
        case .empty:
            return say(language, vi: "tệp rỗng (0 byte)", en: "empty file (0 bytes)")
        case .sparse(let size, let allocated):
            return FixityError(operation: .stat, errno: 0, kind: .sparse(size: size, allocated: allocated)).reason(
                language)
        case .tooLarge(let size, let limit):
            return FixityError(operation: .stat, errno: 0, kind: .tooLarge(size: size, limit: limit)).reason(language)
        case .tooShort(let size):
            return say(
                language, vi: "tệp quá ngắn để là TIFF (\(size) byte; phần đầu TIFF cần ít nhất 8)",
                en: "file too short to be a TIFF (\(size) bytes; a TIFF header needs at least 8)")
        case .notTIFF(let signature, let kind):
            let bytes = hexBytes(Array(signature.prefix(4)))
            return say(
                language, vi: "không phải tệp TIFF (tệp bắt đầu bằng \(bytes): \(kind.name(in: .vi)))",
                en: "not a TIFF file (starts with \(bytes): \(kind.name(in: .en)))")
        case .wrongByteOrder(let declared):
            let order = declared == .littleEndian ? "II (little-endian)" : "MM (big-endian)"
            return say(
                language,
                vi: "sai thứ tự byte: phần đầu ghi \(order) nhưng số phiên bản TIFF lại viết theo thứ tự ngược lại",
                en:
                    "wrong byte order: the header says \(order) but the TIFF version number is written the other way round"
            )
        case .firstDirectoryOutsideFile(let offset, let size):
            return say(
                language,
                vi: "phần đầu trỏ tới thư mục ảnh (IFD) đầu tiên ở byte \(offset), nằm ngoài tệp dài \(size) byte"
                    + (offset >= size ? " (tệp có thể bị cắt cụt)" : ""),
                en:
                    "the header points to the first image directory (IFD) at byte \(offset), outside the \(size)-byte file"
                    + (offset >= size ? " (the file may be truncated)" : ""))
        case .unreadableDirectory(let page, let detail):
            let suffix = detail.isEmpty ? "" : ": \(detail)"
            return say(
                language, vi: "không đọc được thư mục ảnh (IFD) của trang \(page)\(suffix)",
                en: "cannot read the image directory (IFD) of page \(page)\(suffix)")
        case .directoryLoop(let page, let backTo):
            let target =
                backTo.map { say(language, vi: "trỏ ngược về trang \($0)", en: "points back to page \($0)") }
                ?? say(language, vi: "quay vòng lại", en: "loops back")
            let kept =
                page == 1
                ? say(language, vi: "đã đọc được 1 trang trước vòng lặp", en: "the 1 page before the loop was read")
                : say(
                    language, vi: "đã đọc được \(page) trang trước vòng lặp",
                    en: "the \(page) pages before the loop were read")
            return say(
                language,
                vi:
                    "chuỗi trang bị hỏng: sau trang \(page), chuỗi thư mục ảnh (IFD) \(target); \(kept), cần kiểm tra xem có thiếu trang nào không",
                en:
                    "broken page chain: after page \(page), the chain of image directories (IFDs) \(target); \(kept), check that no page is missing"
            )
        case .tooManyPages(let limit):
            return say(
                language, vi: "quá nhiều trang: đã dừng đọc sau \(limit) trang",
                en: "too many pages: stopped reading after \(limit) pages")
        case .truncated(let page, let end, let size):
            return say(
                language,
                vi: "tệp bị cắt cụt: dữ liệu ảnh trang \(page) kéo dài tới byte \(end) nhưng tệp chỉ có \(size) byte",
                en: "truncated file: image data of page \(page) runs to byte \(end) but the file has only \(size) bytes"
            )
        case .missingImageData(let page):
            return say(
                language, vi: "trang \(page) không có dữ liệu ảnh (thiếu vị trí các dải/ô ảnh)",
                en: "page \(page) has no image data (no strip or tile offsets)")
        case .missingResolution(let page):
            return say(
                language, vi: "trang \(page) không ghi độ phân giải (thiếu XResolution/YResolution)",
                en: "page \(page) does not record its resolution (no XResolution/YResolution)")
        case .resolutionWithoutUnit(let page):
            return say(
                language,
                vi:
                    "trang \(page) ghi độ phân giải không kèm đơn vị (ResolutionUnit = none), nên không biết bao nhiêu dpi",
                en: "page \(page) gives its resolution without a unit (ResolutionUnit = none), so its dpi is unknown")
        case .zeroResolution(let page, let x, let y):
            return say(
                language,
                vi:
                    "trang \(page) ghi độ phân giải bằng 0 (XResolution \(formatDPI(x)), YResolution \(formatDPI(y))), nên không biết bao nhiêu dpi",
                en:
                    "page \(page) gives its resolution as 0 (XResolution \(formatDPI(x)), YResolution \(formatDPI(y))), so its dpi is unknown"
            )
        case .badSamplesPerPixel(let page, let samples, let photometric):
            let count = number(samples, language)
            let said = say(
                language, vi: "trang \(page) ghi mỗi điểm ảnh có \(count) mẫu (SamplesPerPixel)",
                en: "page \(page) says each pixel has \(count) sample\(samples == 1 ? "" : "s") (SamplesPerPixel)")
            let channels = photometric.colourChannels
            if samples == 0 {
                return said + say(language, vi: ": không có ảnh nào để đọc", en: ": there is no image to read")
            }
            if let channels, Int(samples) < channels {
                return said
                    + say(
                        language, vi: ", nhưng kiểu màu \(photometric.rawValue) cần \(channels)",
                        en: ", but photometric interpretation \(photometric.rawValue) needs \(channels)")
            }
            let uses =
                channels.map {
                    say(
                        language, vi: "; kiểu màu \(photometric.rawValue) dùng \($0)",
                        en: "; photometric interpretation \(photometric.rawValue) uses \($0)")
                } ?? ""
            let most = TIFFPage.maximumSamplesPerPixel
            return said + uses
                + say(
                    language, vi: "; không ảnh quét nào có quá \(most) mẫu", en: "; no scan has more than \(most)")
        case .zeroByteCount(let page, let block, let index, let others):
            let more =
                others == 0
                ? ""
                : say(
                    language, vi: " (\(number(others, .vi)) \(block.name(.vi)) khác cũng vậy)",
                    en: " (nor do \(number(others, .en)) other \(block.name(.en, plural: others != 1)))")
            return say(
                language, vi: "trang \(page): \(block.name(.vi)) \(index) có 0 byte, không chứa dữ liệu ảnh\(more)",
                en: "page \(page): \(block.name(.en)) \(index) has 0 bytes, so it holds no image data\(more)")
        case .zeroOffset(let page, let block, let index, let others):
            let more =
                others == 0
                ? ""
                : say(
                    language, vi: " (\(number(others, .vi)) \(block.name(.vi)) khác cũng vậy)",
                    en: " (so do \(number(others, .en)) other \(block.name(.en, plural: others != 1)))")
            return say(
                language,
                vi:
                    "trang \(page): \(block.name(.vi)) \(index) bắt đầu ở byte 0, tức phần đầu tệp chứ không phải dữ liệu ảnh\(more)",
                en:
                    "page \(page): \(block.name(.en)) \(index) starts at byte 0, which is the file's header, not image data\(more)"
            )
        case .shortData(let page, let block, let index, let bytes, let expected, let rows, let rowBytes, let others):
            let more =
                others == 0
                ? ""
                : say(
                    language, vi: " (\(number(others, .vi)) \(block.name(.vi)) khác cũng thiếu)",
                    en:
                        " (\(number(others, .en)) other \(block.name(.en, plural: others != 1)) \(others == 1 ? "is" : "are") short too)"
                )
            return say(
                language,
                vi:
                    "trang \(page): \(block.name(.vi)) \(index) (không nén) có \(number(bytes, .vi)) byte, cần \(number(expected, .vi)) byte cho \(number(rows, .vi)) dòng, mỗi dòng \(number(rowBytes, .vi)) byte\(more)",
                en:
                    "page \(page): uncompressed \(block.name(.en)) \(index) has \(number(bytes, .en)) bytes, \(number(expected, .en)) expected for \(number(rows, .en)) row\(rows == 1 ? "" : "s") of \(number(rowBytes, .en)) bytes\(more)"
            )
        }
    }
}

extension QCProblem {
    /// Why the page or file fails the profile, in Vietnamese (default) or English; the page number is not included.
    public func message(in language: Lang = .vi) -> String {
        switch self {
        case .unreadable(let finding), .needsReview(let finding):
            return finding.message(in: language)
        case .noPages:
            return say(language, vi: "tệp không có trang nào", en: "the file has no pages")
        case .tooManyPages(let count, let maximum, let profile):
            return say(
                language, vi: "\(count) trang; chuẩn \(profile) cho phép tối đa \(maximum)",
                en: "\(count) pages; profile \(profile) allows at most \(maximum)")
        case .resolutionTooLow(_, let dpi, let minimum, let profile):
            return say(
                language, vi: "\(formatDPI(dpi)) dpi; chuẩn \(profile) yêu cầu ≥ \(formatDPI(minimum)) dpi",
                en: "\(formatDPI(dpi)) dpi; profile \(profile) needs ≥ \(formatDPI(minimum))")
        case .resolutionUnknown(_, let minimum, let profile):
            return say(
                language,
                vi:
                    "không rõ độ phân giải (thiếu hoặc không có đơn vị); chuẩn \(profile) yêu cầu ≥ \(formatDPI(minimum)) dpi",
                en:
                    "resolution unknown (missing or without a unit); profile \(profile) needs ≥ \(formatDPI(minimum)) dpi"
            )
        case .resolutionZero(_, let minimum, let profile):
            return say(
                language, vi: "độ phân giải ghi bằng 0; chuẩn \(profile) yêu cầu ≥ \(formatDPI(minimum)) dpi",
                en: "resolution is 0; profile \(profile) needs ≥ \(formatDPI(minimum)) dpi")
        case .colourModeNotAllowed(_, let mode, let allowed, let profile):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            // A float or signed master next to modes that all mean unsigned samples: say why rgb24 is not "24 bits".
            let why =
                mode.sampleFormat != .unsigned && allowed.allSatisfy { $0.sampleFormat == .unsigned }
                ? say(
                    language, vi: ", là các chế độ mẫu số nguyên không dấu", en: ", whose samples are unsigned integers"
                )
                : ""
            return say(
                language,
                vi:
                    "chế độ màu \(mode.rawValue) (\(mode.description(in: .vi))); chuẩn \(profile) chỉ chấp nhận \(list)\(why)",
                en:
                    "colour mode \(mode.rawValue) (\(mode.description(in: .en))); profile \(profile) accepts only \(list)\(why)"
            )
        case .compressionNotAllowed(_, let compression, let allowed, let profile):
            let list = allowed.map { $0.named(in: language) }.joined(separator: ", ")
            let named = compression.named(in: language)
            return say(
                language, vi: "kiểu nén \(named); chuẩn \(profile) chỉ chấp nhận \(list)",
                en: "compression \(named); profile \(profile) accepts only \(list)")
        case .iccProfileMissing(_, let profile):
            return say(
                language, vi: "thiếu hồ sơ màu ICC; chuẩn \(profile) yêu cầu phải có",
                en: "no ICC colour profile; profile \(profile) requires one")
        }
    }
}

extension ProfileParseError: LocalizedError {
    /// What is wrong with the profile file and where, in Vietnamese (default) or English.
    public func message(in language: Lang = .vi) -> String {
        let keys = QualityProfile.profileKeys.sorted().joined(separator: ", ")
        switch self {
        case .unreadableFile(let path, let reason):
            return say(
                language, vi: "không đọc được tệp chuẩn \(path): \(reason)",
                en: "cannot read profile file \(path): \(reason)")
        case .unknownProfile(let name):
            let names = QualityProfile.builtIn.map(\.name).joined(separator: ", ")
            return say(
                language,
                vi: "không có chuẩn «\(name)»: không phải chuẩn có sẵn (\(names)) và không có tệp nào ở đường dẫn đó",
                en: "no profile \"\(name)\": not a built-in profile (\(names)) and no file at that path")
        case .missingEquals(let line, let text):
            return say(
                language, vi: "dòng \(line): thiếu dấu '=' (cần dạng khóa = giá trị): «\(text)»",
                en: "line \(line): no '=' (expected key = value): \"\(text)\"")
        case .unknownKey(let line, let key):
            return say(
                language, vi: "dòng \(line): khóa không hợp lệ «\(key)»; các khóa hợp lệ: \(keys)",
                en: "line \(line): unknown key \"\(key)\"; valid keys: \(keys)")
        case .emptyValue(let line, let key):
            return say(
                language, vi: "dòng \(line): khóa «\(key)» không có giá trị",
                en: "line \(line): key \"\(key)\" has no value")
        case .duplicateKey(let line, let key, let firstLine):
            return say(
                language, vi: "dòng \(line): khóa «\(key)» đã có ở dòng \(firstLine)",
                en: "line \(line): key \"\(key)\" was already given on line \(firstLine)")
        case .notANumber(let line, let key, let value):
            return say(
                language, vi: "dòng \(line): «\(value)» không phải số dương hợp lệ cho «\(key)»",
                en: "line \(line): \"\(value)\" is not a valid positive number for \"\(key)\"")
        case .unknownColourMode(let line, let value):
            let modes = TIFFColourMode.allCases.map(\.rawValue).joined(separator: ", ")
            return say(
                language, vi: "dòng \(line): chế độ màu không hợp lệ «\(value)»; dùng một trong: \(modes)",
                en: "line \(line): unknown colour mode \"\(value)\"; use one of: \(modes)")
        case .unknownCompression(let line, let value):
            let names = TIFFCompression.allCases.map(\.rawValue).joined(separator: ", ")
            return say(
                language, vi: "dòng \(line): kiểu nén không hợp lệ «\(value)»; dùng một trong: \(names)",
                en: "line \(line): unknown compression \"\(value)\"; use one of: \(names)")
        case .notYesOrNo(let line, let key, let value):
            return say(
                language, vi: "dòng \(line): «\(value)» không phải yes/no cho «\(key)»",
                en: "line \(line): \"\(value)\" is not yes or no for \"\(key)\"")
        case .badName(let line, let value):
            return say(
                language, vi: "dòng \(line): tên chuẩn «\(value)» chỉ được dùng chữ không dấu, số, '-', '_' và '.'",
                en: "line \(line): profile name \"\(value)\" may use only ASCII letters, digits, '-', '_' and '.'")
        case .missingKey(let key):
            return say(
                language, vi: "thiếu khóa bắt buộc «\(key)»",
                en: "required key \"\(key)\" is missing")
        }
    }

    /// The Vietnamese message, for `Error: …` printing.
    public var errorDescription: String? { message(in: .vi) }
}
