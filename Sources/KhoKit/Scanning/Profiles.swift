import Foundation
import KhoTIFF

/// Why the catalogue's stored quality profile cannot be used.
public enum ProfileError: KhoError, Equatable {
    /// The `qc_profile` setting does not read back as a profile (edited by hand, damaged, or written by a newer kho).
    case storedUnreadable(name: String, reason: Text)

    public var text: Text {
        switch self {
        case .storedUnreadable(let name, let reason):
            Text(
                vi:
                    "không đọc được chuẩn chất lượng mặc định «\(name)» lưu trong danh mục (thiết lập qc_profile): \(reason.vi); kho không kiểm tra bản quét theo một chuẩn khác thay thế. Hãy đặt lại bằng `kho scan profile TÊN_CHUẨN --by TÊN` (ví dụ vn-2025, hoặc đường dẫn tệp chuẩn), hoặc chỉ rõ --profile khi nạp",
                en:
                    "the catalogue's default quality profile “\(name)” (setting qc_profile) cannot be read: \(reason.en); kho will not check masters against other rules instead. Set it again with `kho scan profile NAME --by PERSON` (e.g. vn-2025, or a profile file), or name one with --profile when ingesting"
            )
        }
    }
}

extension KhoStore {
    /// The profile named by `nameOrPath` (a built-in name or a custom profile file), or the catalogue's default when nil.
    public func resolveProfile(_ nameOrPath: String?) throws -> QualityProfile {
        guard let nameOrPath else { return try storedProfile() }
        do {
            return try QualityProfile.resolve(nameOrPath)
        } catch {
            if QualityProfile.builtIn(named: nameOrPath) == nil && !FileManager.default.fileExists(atPath: nameOrPath) {
                throw ScanError.unknownProfile(nameOrPath)
            }
            throw ScanError.badProfile(
                path: nameOrPath, reason: Text(vi: error.message(in: .vi), en: error.message(in: .en)))
        }
    }

    /// The catalogue's default quality profile: the one stored with `kho scan profile`, else the built-in default.
    ///
    /// A stored profile that cannot be read, or reads as rules no master could meet, is an error naming it
    /// (``ProfileError/storedUnreadable(name:reason:)``), never silently the built-in one: an ingest would otherwise
    /// check masters against rules nobody chose.
    public func storedProfile() throws -> QualityProfile {
        try reading { tx in
            guard let json = try tx.scan.storedProfileJSON() else { return .default }
            let profile: QualityProfile
            do {
                profile = try JSONDecoder().decode(QualityProfile.self, from: Data(json.utf8))
            } catch {
                throw ProfileError.storedUnreadable(name: Self.storedProfileName(json), reason: Self.reason(error))
            }
            if let problem = Self.implausible(profile) {
                throw ProfileError.storedUnreadable(name: profile.name, reason: problem)
            }
            return profile
        }
    }

    /// The `name` of a stored profile that does not decode, or the start of the text when it has none.
    static func storedProfileName(_ json: String) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let name = object["name"] as? String
        {
            return name
        }
        let start = json.prefix(40)
        return start.count < json.count ? "\(start)…" : String(start)
    }

    /// What is wrong with a profile that decoded but no master could meet, or nil.
    static func implausible(_ profile: QualityProfile) -> Text? {
        if !profile.minimumDPI.isFinite || profile.minimumDPI <= 0 {
            return Text(
                vi: "độ phân giải tối thiểu \(profile.minimumDPI) không hợp lệ",
                en: "minimum resolution \(profile.minimumDPI) is not valid")
        }
        if profile.colourModes.isEmpty {
            return Text(vi: "không cho phép chế độ màu nào", en: "it allows no colour mode")
        }
        if profile.compressions.isEmpty {
            return Text(vi: "không cho phép kiểu nén nào", en: "it allows no compression")
        }
        if let pages = profile.maximumPages, pages < 1 {
            return Text(vi: "số trang tối đa \(pages) không hợp lệ", en: "maximum pages \(pages) is not valid")
        }
        return nil
    }

    /// Why a stored profile does not decode, in both languages.
    static func reason(_ error: Error) -> Text {
        func field(_ path: [CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            let name = field(context.codingPath + [key])
            return Text(vi: "thiếu trường \(name)", en: "field \(name) is missing")
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return Text(
                vi: "trường \(field(context.codingPath)) sai kiểu",
                en: "field \(field(context.codingPath)) has the wrong type")
        case .dataCorrupted(let context)?:
            if context.codingPath.isEmpty { return Text(vi: "không phải JSON", en: "it is not JSON") }
            return Text(
                vi: "giá trị lạ ở trường \(field(context.codingPath)) (ghi bởi kho mới hơn?)",
                en: "unknown value in field \(field(context.codingPath)) (written by a newer kho?)")
        default:
            return Text(vi: "không giải mã được", en: "it does not decode")
        }
    }
}
