import Foundation

/// A box as a person typed it (command-line options or a CSV row), before it is checked.
public struct BoxDraft: Sendable, Hashable {
    public var code: String
    public var fonds: String
    public var extent: String?
    public var location: String?
    public var startYear: String?
    public var endYear: String?
    public var condition: String?
    public var notes: String?
    public var from: String?

    public init(code: String, fonds: String, extent: String? = nil, location: String? = nil, startYear: String? = nil,
                endYear: String? = nil, condition: String? = nil, notes: String? = nil, from: String? = nil) {
        self.code = code
        self.fonds = fonds
        self.extent = extent
        self.location = location
        self.startYear = startYear
        self.endYear = endYear
        self.condition = condition
        self.notes = notes
        self.from = from
    }

    /// Checks every value and returns the box to insert; `fondsId` and `boxId` look codes up.
    func validated(fondsId: (String) throws -> Int64?, boxId: (String) throws -> Int64?) throws -> Box {
        let code = Clean.code(self.code)
        guard !code.isEmpty else { throw CatalogueError.emptyCode(.box) }
        let fondsCode = Clean.code(fonds)
        guard let fid = try fondsId(fondsCode) else { throw CatalogueError.unknownFonds(fondsCode) }
        let extent = try Clean.extent(self.extent)
        let (start, end) = try Clean.years(startYear, endYear)
        let condition = try Clean.condition(self.condition)
        var fromId: Int64?
        if let from = Clean.optional(from) {
            let fromCode = Clean.code(from)
            if fromCode == code { throw CatalogueError.boxFromItself(code) }
            guard let id = try boxId(fromCode) else { throw CatalogueError.unknownBox(fromCode) }
            fromId = id
        }
        return Box(
            id: nil, code: code, fondsId: fid, extentMM: extent.value, location: Clean.text(location),
            startYear: start, endYear: end, condition: condition, notes: Clean.text(notes), fromBoxId: fromId,
            // A box made by arranging another box is itself the product of arrangement.
            arrangement: fromId == nil ? .unarranged : .arranged, keptMM: fromId == nil ? nil : extent.value)
    }
}

/// A file as a person typed it, before it is checked.
public struct FileDraft: Sendable, Hashable {
    public var ref: FileRef
    public var title: String
    public var startYear: String?
    public var endYear: String?
    public var retention: String?
    public var access: String?
    public var sheets: String?
    public var condition: String?
    public var notes: String?

    public init(ref: FileRef, title: String, startYear: String? = nil, endYear: String? = nil, retention: String? = nil,
                access: String? = nil, sheets: String? = nil, condition: String? = nil, notes: String? = nil) {
        self.ref = ref
        self.title = title
        self.startYear = startYear
        self.endYear = endYear
        self.retention = retention
        self.access = access
        self.sheets = sheets
        self.condition = condition
        self.notes = notes
    }

    /// Checks every value and returns the file to insert; `boxId` looks a box code up.
    func validated(boxId: (String) throws -> Int64?) throws -> FileRecord {
        let boxCode = Clean.code(ref.box)
        let fileCode = Clean.code(ref.file)
        guard !fileCode.isEmpty else { throw CatalogueError.emptyCode(.file) }
        guard let bid = try boxId(boxCode) else { throw CatalogueError.unknownBox(boxCode) }
        let title = Clean.text(self.title)
        guard !title.isEmpty else { throw CatalogueError.emptyText(.fileTitle) }
        let (start, end) = try Clean.years(startYear, endYear)
        return FileRecord(
            id: nil, boxId: bid, code: fileCode, title: title, startYear: start, endYear: end,
            retention: try Clean.retention(retention)?.stored, access: try Clean.access(access),
            sheets: try Clean.sheets(sheets), condition: try Clean.condition(condition), notes: Clean.text(notes),
            scanState: .none, pages: 0)
    }
}

/// Turns typed values into checked ones, or throws a `CatalogueError` naming the value.
enum Clean {
    /// Text as stored: trimmed, in Unicode NFC (so diacritics typed either way compare equal).
    static func text(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        let scalars = s.unicodeScalars
        let needsTrim = scalars.first.map(isSpace) == true || scalars.last.map(isSpace) == true
        return nfc(needsTrim ? s.trimmingCharacters(in: .whitespacesAndNewlines) : s)
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// The text in Unicode NFC. Foundation's normalizer runs only when the text holds a combining mark or a script
    /// that composes (Vietnamese typed precomposed, the usual case, passes straight through).
    static func nfc(_ s: String) -> String {
        var s = s
        let needs = s.withUTF8 { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // U+0300–U+036F combining marks are CC 80–CD AF; U+1100 and above start E1 84.. or later lead bytes.
                if b == 0xCC || b == 0xCD { return true }
                if b >= 0xE1 {
                    // Latin Extended Additional (U+1E00–U+1EFF, E1 B8–E1 BB) and general punctuation (E2 80) are already composed.
                    if b == 0xE1, i + 1 < bytes.count, (0xB8...0xBB).contains(bytes[i + 1]) { i += 3; continue }
                    if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x82 { i += 3; continue }
                    return true
                }
                i += 1
            }
            return false
        }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    static func code(_ s: String) -> String { text(s) }

    static func optional(_ s: String?) -> String? {
        let t = text(s)
        return t.isEmpty ? nil : t
    }

    /// A box's extent: metres greater than 0 that do not round to 0 mm; one standard box when not given.
    static func extent(_ s: String?) throws -> Millimetres {
        guard let s = optional(s) else { return .standardBox }
        guard let mm = Millimetres.parse(metres: s) else { throw CatalogueError.badExtent(s) }
        if mm.value == 0, !s.hasPrefix("-"), Millimetres.roundsToZero(metres: s) { throw CatalogueError.extentRoundsToZero(s) }
        guard mm.value > 0 else { throw CatalogueError.badExtent(s) }
        return mm
    }

    /// Metres kept by arrangement: 0 or more, and not a value other than 0 that rounds to 0 mm (`0.0001`).
    static func kept(_ s: String) throws -> Millimetres {
        let t = text(s)
        let vanishes = Millimetres.roundsToZero(metres: t)
        guard let mm = Millimetres.parse(metres: t), mm.value >= 0, !(vanishes && t.hasPrefix("-")) else { throw WorkError.badKept(s) }
        if vanishes { throw WorkError.keptRoundsToZero(s) }
        return mm
    }

    static func year(_ s: String?) throws -> Int? {
        guard let s = optional(s) else { return nil }
        guard s.count == 4, let y = Int(s), (1000...2999).contains(y) else { throw CatalogueError.badYear(s) }
        return y
    }

    static func years(_ a: String?, _ b: String?) throws -> (Int?, Int?) {
        let start = try year(a)
        let end = try year(b)
        if let start, let end, start > end { throw CatalogueError.yearsBackwards(start: start, end: end) }
        return (start, end)
    }

    static func condition(_ s: String?) throws -> Condition {
        guard let s = optional(s) else { return .good }
        guard let c = Condition.parse(s) else { throw CatalogueError.badCondition(s) }
        return c
    }

    static func access(_ s: String?) throws -> Access {
        guard let s = optional(s) else { return .open }
        guard let a = Access.parse(s) else { throw CatalogueError.badAccess(s) }
        return a
    }

    static func retention(_ s: String?) throws -> Retention? {
        guard let s = optional(s) else { return nil }
        guard let r = Retention.parse(s) else { throw CatalogueError.badRetention(s) }
        return r
    }

    static func sheets(_ s: String?) throws -> Int? {
        guard let s = optional(s) else { return nil }
        guard let n = Int(s), n >= 0 else { throw CatalogueError.badSheets(s) }
        return n
    }
}
