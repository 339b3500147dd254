import Foundation

/// A closed list of values a person types, each with a Vietnamese and an English name.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {
    /// The name shown to people.
    var label: Text { get }
    /// Extra spellings accepted on input (Vietnamese words, with or without diacritics).
    var aliases: [String] { get }
}

extension Vocabulary {
    /// Parses a value from its key, its Vietnamese or English name, or an alias; case and diacritics are ignored.
    public static func parse(_ input: String) -> Self? {
        if let exact = Self(rawValue: input) { return exact }
        let key = Self.fold(input)
        return allCases.first { value in
            ([value.rawValue, value.label.vi, value.label.en] + value.aliases).contains { Self.fold($0) == key }
        }
    }

    /// The accepted keys, for error messages: `good, worn, brittle`.
    public static var keys: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The accepted values in a language, for error messages: in Vietnamese each value's name with the other
    /// Vietnamese words read as it (`nấm mốc (mốc, ẩm mốc)`), in English the keys.
    public static func words(_ lang: Lang) -> String {
        guard lang == .vi else { return keys }
        return allCases.map { value in
            let others = value.aliases.filter { $0.unicodeScalars.contains { !$0.isASCII } && $0 != value.label.vi }
            return others.isEmpty ? "«\(value.label.vi)»" : "«\(value.label.vi)» (\(others.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    static func fold(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    }
}

/// The physical condition of a box or file (*tình trạng vật lý*).
public enum Condition: String, Vocabulary {
    case good, worn, brittle, mould, water, insects

    public var label: Text {
        switch self {
        case .good: Text(vi: "tốt", en: "good")
        case .worn: Text(vi: "cũ nát", en: "worn")
        case .brittle: Text(vi: "giòn, mủn", en: "brittle")
        case .mould: Text(vi: "nấm mốc", en: "mould")
        case .water: Text(vi: "ngấm nước", en: "water damage")
        case .insects: Text(vi: "côn trùng", en: "insect damage")
        }
    }

    public var aliases: [String] {
        switch self {
        case .good: ["bình thường", "còn tốt", "nguyên vẹn"]
        case .worn: ["cũ", "rách", "rách nát", "bị rách", "hư hỏng"]
        case .brittle: ["giòn", "mủn", "giòn gãy", "mủn nát"]
        case .mould: ["mold", "mốc", "ẩm mốc", "bị mốc", "mốc meo"]
        case .water: ["ướt", "ẩm", "ẩm ướt", "bị ướt"]
        case .insects: ["insect", "mối mọt", "mối", "mọt", "bị mối", "bị mọt"]
        }
    }

    /// Whether the condition puts the records at risk (mould, water, insects, brittle).
    public var isPoor: Bool { self != .good && self != .worn }
}

/// Who may see a file (*chế độ sử dụng*); secret files are never scanned.
public enum Access: String, Vocabulary {
    case open, restricted, secret

    public var label: Text {
        switch self {
        case .open: Text(vi: "sử dụng rộng rãi", en: "open")
        case .restricted: Text(vi: "hạn chế", en: "restricted")
        case .secret: Text(vi: "mật", en: "secret")
        }
    }

    public var aliases: [String] {
        switch self {
        case .open: ["mở", "công khai", "rộng rãi", "không hạn chế"]
        case .restricted: ["hạn chế sử dụng", "sử dụng hạn chế"]
        case .secret: ["bí mật", "tối mật", "tuyệt mật"]
        }
    }
}

/// A box's arrangement (*chỉnh lý*) state.
public enum ArrangementState: String, Vocabulary {
    case unarranged
    case inProgress = "in_progress"
    case arranged

    public var label: Text {
        switch self {
        case .unarranged: Text(vi: "chưa chỉnh lý", en: "unarranged")
        case .inProgress: Text(vi: "đang chỉnh lý", en: "in progress")
        case .arranged: Text(vi: "đã chỉnh lý", en: "arranged")
        }
    }

    public var aliases: [String] { [] }

    /// `kho sort start` takes a box not yet arranged.
    public var canStart: Bool { self == .unarranged }
    /// `kho sort finish` takes a box not yet finished (one not started is started and finished at once).
    public var canFinish: Bool { self != .arranged }
    /// Records are proposed for destruction once their box's arrangement has started (and only in a box that was not
    /// itself made by arranging another).
    public var canWeed: Bool { self != .unarranged }
}

/// A file's rung on the digitization ladder.
public enum ScanState: String, Vocabulary {
    /// Not scanned yet.
    case none
    /// Marked scanned by hand, unverified.
    case recorded
    /// Masters ingested and passed QC.
    case passed
    /// Masters ingested but some page failed QC or could not be read.
    case rescan
    /// Pages outside sheets…2 × sheets, not confirmed by a person (`kho scan confirm`): not digitized.
    case mismatch
    /// A checked master's content changed after it was checked (`kho scan accept` makes it the reference).
    case review
    /// A master changed after the file's delivery copy was built.
    case rebuild
    /// The legal copy (PDF/A) made and handed over.
    case delivered

    public var label: Text {
        switch self {
        case .none: Text(vi: "chưa số hóa", en: "not scanned")
        case .recorded: Text(vi: "đã ghi nhận (chưa kiểm tra)", en: "recorded (unverified)")
        case .passed: Text(vi: "bản gốc đạt chuẩn", en: "masters passed QC")
        case .rescan: Text(vi: "cần quét lại", en: "needs rescan")
        case .mismatch: Text(vi: "số trang không khớp số tờ", en: "count mismatch")
        case .review: Text(vi: "cần xem lại (tệp đã đổi)", en: "needs review (master changed)")
        case .rebuild: Text(vi: "cần làm lại bản PDF", en: "needs rebuild")
        case .delivered: Text(vi: "đã bàn giao", en: "delivered")
        }
    }

    public var aliases: [String] {
        self == .mismatch
            ? ["count-mismatch", "count_mismatch"] : self == .review ? ["needs-review", "needs_review"] : []
    }

    /// Whether the file counts as digitized (recorded, passed or delivered).
    public var isDigitized: Bool { self == .recorded || self == .passed || self == .delivered }
}

/// How long a file must be kept (*thời hạn bảo quản*): permanently or a number of years.
public enum Retention: Sendable, Hashable, Codable {
    case permanent
    case years(Int)

    /// Parses `permanent`, `vĩnh viễn`, `10`, or `10 năm`.
    public static func parse(_ input: String) -> Retention? {
        if input == "permanent" { return .permanent }
        if let years = Int(input), years > 0, years <= 500 { return .years(years) }
        let folded = Condition.fold(input)
        if ["permanent", "vinh_vien", "vv", "vinh_vien_(vv)"].contains(folded) { return .permanent }
        let digits = folded.replacingOccurrences(of: "_nam", with: "").replacingOccurrences(of: "_years", with: "")
        if let years = Int(digits), years > 0, years <= 500 { return .years(years) }
        return nil
    }

    /// The stored form: `permanent` or the number of years.
    public var stored: String {
        switch self {
        case .permanent: "permanent"
        case .years(let n): String(n)
        }
    }

    init?(stored: String?) {
        guard let stored else { return nil }
        if stored == "permanent" {
            self = .permanent
        } else if let n = Int(stored) {
            self = .years(n)
        } else {
            return nil
        }
    }

    /// The retention as people write it: `vĩnh viễn` / `10 năm`, or `permanent` / `10 years`.
    public func label(_ lang: Lang) -> String {
        switch self {
        case .permanent: lang == .vi ? "vĩnh viễn" : "permanent"
        case .years(let n): lang == .vi ? "\(n) năm" : "\(n) years"
        }
    }

    /// A stored retention (``stored``) as people write it (``label(_:)``): what a page or a list shows for a file or
    /// a document, never the stored `permanent` on a Vietnamese page. Empty when none is recorded; a stored text that
    /// is no retention (an old catalogue) is shown as it is.
    public static func label(stored: String?, _ lang: Lang) -> String {
        guard let stored else { return "" }
        return (Retention(stored: stored) ?? parse(stored))?.label(lang) ?? stored
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Retention.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = value
    }
}
