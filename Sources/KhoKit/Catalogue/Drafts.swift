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

    public init(
        code: String, fonds: String, extent: String? = nil, location: String? = nil, startYear: String? = nil,
        endYear: String? = nil, condition: String? = nil, notes: String? = nil, from: String? = nil
    ) {
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
        let code = try Clean.newCode(self.code, .box)
        let fondsCode = Clean.code(fonds)
        guard let fid = try fondsId(fondsCode) else { throw CatalogueError.unknownFonds(fondsCode) }
        let extent = try Clean.extent(self.extent)
        let (start, end) = try Clean.years(startYear, endYear)
        let condition = try Clean.condition(self.condition)
        let location = try Clean.line(location, .location)
        let notes = try Clean.notes(notes)
        var fromId: Int64?
        if let from = Clean.optional(from) {
            let fromCode = Clean.code(from)
            if fromCode == code { throw CatalogueError.boxFromItself(code) }
            guard let id = try boxId(fromCode) else { throw CatalogueError.unknownBox(fromCode) }
            fromId = id
        }
        return Box(
            id: nil, code: code, fondsId: fid, extentMM: extent.value, location: location,
            startYear: start, endYear: end, condition: condition, notes: notes, fromBoxId: fromId,
            // A box made by arranging another box is itself the product of arrangement.
            arrangement: fromId == nil ? .unarranged : .arranged, keptMM: fromId == nil ? nil : extent.value)
    }
}

extension BoxDraft {
    /// A box made from `parent` by arrangement takes the parent's condition and location unless they were given:
    /// the records in it are the same paper, on the same shelf until someone says otherwise.
    func inherit(_ box: inout Box, from parent: Box) {
        if Clean.optional(condition) == nil { box.condition = parent.condition }
        if Clean.optional(location) == nil { box.location = parent.location }
    }

    /// What kho filled in for `box` because it was not given, in words: the standard extent, and the condition and
    /// location taken from `parent` (the box it was made from). Empty when everything was given.
    public func defaultsTaken(by box: Box, parent: String?) -> [Text] {
        var said: [Text] = []
        if Clean.optional(extent) == nil {
            let m = box.extent
            said.append(
                Text(
                    vi: "độ dài \(m.formatted(.vi)) m (mặc định: một hộp tiêu chuẩn)",
                    en: "extent \(m.formatted(.en)) m (default: one standard box)"))
        }
        if let parent, Clean.optional(condition) == nil {
            said.append(
                Text(
                    vi: "tình trạng «\(box.condition.label.vi)» theo \(parent)",
                    en: "condition “\(box.condition.label.en)” from \(parent)"))
        }
        if let parent, Clean.optional(location) == nil, !box.location.isEmpty {
            said.append(
                Text(vi: "vị trí \(box.location) theo \(parent)", en: "location \(box.location) from \(parent)"))
        }
        return said
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

    public init(
        ref: FileRef, title: String, startYear: String? = nil, endYear: String? = nil, retention: String? = nil,
        access: String? = nil, sheets: String? = nil, condition: String? = nil, notes: String? = nil
    ) {
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
        let fileCode = try Clean.newCode(ref.file, .file)
        guard let bid = try boxId(boxCode) else { throw CatalogueError.unknownBox(boxCode) }
        let title = try Clean.paragraph(self.title, .fileTitle)
        guard !title.isEmpty else { throw CatalogueError.emptyText(.fileTitle) }
        let (start, end) = try Clean.years(startYear, endYear)
        return FileRecord(
            id: nil, boxId: bid, code: fileCode, title: title, startYear: start, endYear: end,
            retention: try Clean.retention(retention)?.stored, access: try Clean.access(access),
            sheets: try Clean.sheets(sheets), condition: try Clean.condition(condition), notes: try Clean.notes(notes),
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

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || (0x09...0x0D).contains(c.value) }
        return c.properties.isWhitespace
    }

    /// The text in Unicode NFC, by Foundation's normalizer: every script (Vietnamese, Greek, Arabic, Devanagari…) is
    /// composed the same way, so one code cannot be stored in two spellings. Text that is NFC by construction (see
    /// ``isSurelyNFC(_:)``) is returned as it is, without the normalizer's cost.
    static func nfc(_ s: String) -> String { isSurelyNFC(s) ? s : s.precomposedStringWithCanonicalMapping }

    /// Whether every character of `s` is one that NFC leaves as it is whatever surrounds it: below U+0300 (ASCII and
    /// the precomposed Latin letters, Ă Đ Ơ Ư among them), the precomposed Vietnamese letters of Latin Extended
    /// Additional (U+1E00–1EFF: ệ, ừ, ở…), and general punctuation (U+2010–2027, U+2030–205E: – … ’ “ ”). None of these
    /// is a combining mark, none decomposes to another character, and none combines with a character before it, so a
    /// text made only of them is in NFC. Anything else (combining marks, as text typed in decomposed form holds,
    /// other scripts) goes through the normalizer.
    static func isSurelyNFC(_ s: String) -> Bool {
        // Read on the UTF-8 bytes: ASCII, two-byte sequences led by C2…CB (U+0080–02FF), and three-byte sequences
        // E1 B8…BB (U+1E00–1EFF), E2 80 90…A7 (U+2010–2027), E2 80 B0…BF and E2 81 80…9E (U+2030–205E).
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                } else if b >= 0xC2 && b <= 0xCB {
                    i += 2
                } else if b == 0xE1, i + 1 < n, (0xB8...0xBB).contains(bytes[i + 1]) {
                    i += 3
                } else if b == 0xE2, i + 2 < n {
                    let b1 = bytes[i + 1]
                    let b2 = bytes[i + 2]
                    guard (b1 == 0x80 && ((0x90...0xA7).contains(b2) || b2 >= 0xB0)) || (b1 == 0x81 && b2 <= 0x9E)
                    else { return false }
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// A code as typed, trimmed and in NFC, to look a stored code up (``newCode(_:_:)`` checks a new one).
    static func code(_ s: String) -> String { text(s) }

    /// A code for a new fonds, box or file: trimmed, NFC, and following ``CodeRule``; else `badCode`/`emptyCode`.
    static func newCode(_ s: String, _ thing: CatalogueError.Thing) throws -> String {
        let code = text(s)
        switch CodeRule.problem(code) {
        case nil: return code
        case .empty: throw CatalogueError.emptyCode(thing)
        case let problem?: throw CatalogueError.badCode(thing, code: code, problem: problem)
        }
    }

    /// One line of text (a fonds name, a shelf location): trimmed, NFC, without control or bidi characters.
    static func line(_ s: String?, _ field: CatalogueError.Field) throws -> String {
        let t = text(s)
        if let bad = Visible.firstForbidden(in: t, lineBreaks: false) {
            throw CatalogueError.forbiddenCharacter(field, text: t, character: Visible.describe(bad))
        }
        return t
    }

    /// Free text that may span lines (a file title or notes, as a spreadsheet cell with Alt+Enter holds them):
    /// like ``line(_:_:)``, but line breaks (CR LF and CR stored as LF) and tabs may stay.
    static func paragraph(_ s: String?, _ field: CatalogueError.Field) throws -> String {
        var s = s
        if let raw = s, raw.utf8.contains(0x0D) {
            s = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let t = text(s)
        if let bad = Visible.firstForbidden(in: t, lineBreaks: true) {
            throw CatalogueError.forbiddenCharacter(field, text: t, character: Visible.describe(bad))
        }
        return t
    }

    /// Notes: a ``paragraph(_:_:)``.
    static func notes(_ s: String?) throws -> String { try paragraph(s, .notes) }

    static func optional(_ s: String?) -> String? {
        let t = text(s)
        return t.isEmpty ? nil : t
    }

    /// A box's extent: metres greater than 0 that do not round to 0 mm and at most ``Millimetres/largestBox``
    /// (10 m); one standard box when not given.
    static func extent(_ s: String?) throws -> Millimetres {
        guard let s = optional(s) else { return .standardBox }
        guard let mm = Millimetres.parse(metres: s) else {
            if Millimetres.isBeyondRange(metres: s) { throw CatalogueError.extentTooLarge(s) }
            throw CatalogueError.badExtent(s)
        }
        if mm.value == 0, !s.hasPrefix("-"), Millimetres.roundsToZero(metres: s) {
            throw CatalogueError.extentRoundsToZero(s)
        }
        guard mm.value > 0 else { throw CatalogueError.badExtent(s) }
        guard mm <= .largestBox else { throw CatalogueError.extentTooLarge(s) }
        return mm
    }

    /// Metres kept by arrangement: 0 or more, at most ``Millimetres/largestBox``, and not a value other than 0
    /// that rounds to 0 mm (`0.0001`).
    static func kept(_ s: String) throws -> Millimetres {
        let t = text(s)
        if Millimetres.isBeyondRange(metres: t), !t.hasPrefix("-") { throw CatalogueError.keptBeyondLargestBox(t) }
        let vanishes = Millimetres.roundsToZero(metres: t)
        guard let mm = Millimetres.parse(metres: t), mm.value >= 0, !(vanishes && t.hasPrefix("-")) else {
            throw WorkError.badKept(s)
        }
        if vanishes { throw WorkError.keptRoundsToZero(s) }
        guard mm <= .largestBox else { throw CatalogueError.keptBeyondLargestBox(t) }
        return mm
    }

    static func year(_ s: String?) throws -> Int? {
        guard let s = optional(s) else { return nil }
        if s.utf8.count == 4, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(s) {
            guard (1000...2999).contains(y) else { throw CatalogueError.badYear(s) }
            return y
        }
        guard s.count == 4, let y = Int(s), (1000...2999).contains(y) else { throw CatalogueError.badYear(s) }
        return y
    }

    static func years(_ a: String?, _ b: String?) throws -> (Int?, Int?) {
        let start = try year(a)
        let end = try year(b)
        if let start, let end, start > end { throw CatalogueError.yearsBackwards(start: start, end: end) }
        return (start, end)
    }

    /// Years written as one text, as a clerk writes *thời gian tài liệu*: `1995`, `1995-1996`, `1995 - 1996`,
    /// `1995–1996` (an en dash, as the inventory writes it); nil for both when empty.
    static func yearRange(_ s: String?) throws -> (Int?, Int?) {
        if let s, let quick = quickYears(s) { return try years(quick.0, quick.1) }
        guard let t = optional(s) else { return (nil, nil) }
        let parts = t.split(whereSeparator: { "-–—/".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw CatalogueError.badYearRange(t)
        }
        do {
            return try years(parts[0], parts.count == 2 ? parts[1] : parts[0])
        } catch CatalogueError.badYear {
            throw CatalogueError.badYearRange(t)
        }
    }

    /// `1995`, `1995-1996`, `1995 - 1996` or `1995–1996` read on the bytes (a 100,000-row sheet has one per row); nil
    /// for anything else, which ``yearRange(_:)`` reads the slow way.
    private static func quickYears(_ s: String) -> (String, String)? {
        let b = Array(s.utf8)
        func digits(_ at: Int) -> Bool { at + 4 <= b.count && b[at..<(at + 4)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func text(_ at: Int) -> String { String(decoding: b[at..<(at + 4)], as: UTF8.self) }
        guard digits(0) else { return nil }
        if b.count == 4 { return (text(0), text(0)) }
        var i = 4
        while i < b.count && b[i] == 0x20 { i += 1 }
        if i < b.count && (b[i] == 0x2D || b[i] == 0x2F) {
            i += 1
        } else if i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94) {
            i += 3  // – or —
        } else {
            return nil
        }
        while i < b.count && b[i] == 0x20 { i += 1 }
        guard digits(i), i + 4 == b.count else { return nil }
        return (text(0), text(i))
    }

    /// A whole number as people write it: `1200`, or grouped by thousands `1.200` / `1,200`; nil otherwise.
    static func wholeNumber(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty,
            t.unicodeScalars.allSatisfy({ ($0.isASCII && $0.properties.numericType != nil) || $0 == "." || $0 == "," })
        else { return nil }
        if t.allSatisfy(\.isNumber) { return t.count <= 9 ? Int(t) : nil }
        for separator: Character in [".", ","] where t.contains(separator) {
            let groups = t.split(separator: separator, omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                groups.allSatisfy({ $0.allSatisfy(\.isNumber) })
            else { return nil }
            return Int(groups.joined())
        }
        return nil
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

    /// The most sheets or pages one file may have: far more than any real file (a thick one has a few hundred).
    static let largestFile = Bounds.filePages

    /// Sheets of a file: a whole number from 0 to ``largestFile``.
    ///
    /// Written as a clerk writes it too: `42 tờ`, `1.234` (grouped by thousands).
    static func sheets(_ s: String?) throws -> Int? {
        if let s, let n = quickSheets(s) {
            guard n <= largestFile else { throw CatalogueError.sheetsTooLarge(s) }
            return n
        }
        guard let s = optional(s) else { return nil }
        var digits = s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        for unit in [" tờ", "tờ", " sheets", " sheet"] where digits.hasSuffix(unit) {
            digits = digits.dropLast(unit.count)
            break
        }
        digits = Substring(digits.trimmingCharacters(in: .whitespaces))
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            throw CatalogueError.badSheets(s)
        }
        if digits.allSatisfy({ $0.isNumber }) {
            guard let n = Int(digits), n <= largestFile else { throw CatalogueError.sheetsTooLarge(s) }
            return n
        }
        guard let n = wholeNumber(String(digits)) else { throw CatalogueError.badSheets(s) }
        guard n <= largestFile else { throw CatalogueError.sheetsTooLarge(s) }
        return n
    }

    /// `42` or `42 tờ` read on the bytes; nil for anything else, which ``sheets(_:)`` reads the slow way.
    private static func quickSheets(_ s: String) -> Int? {
        let b = Array(s.utf8)
        var i = 0
        var n = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39, i < 9 {
            n = n * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i > 0 else { return nil }
        if i == b.count { return n }
        // " tờ" (t, ơ with grave: E1 BB 9D) or "tờ"
        let unit: [UInt8] = [0x74, 0xE1, 0xBB, 0x9D]
        let rest = b[i...].drop { $0 == 0x20 }
        return Array(rest) == unit ? n : nil
    }

    /// The sheets part of the inventory's "Số tờ/Số trang" ("42 tờ / 60 trang", "42 tờ", "60 trang", "42"): the text
    /// for ``sheets(_:)``, or nil when only pages are written.
    static func inventorySheets(_ s: String) throws -> String? {
        for part in s.split(separator: "/").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let folded = Condition.fold(part)
            if folded.hasSuffix("trang") || folded.hasSuffix("pages") || folded.hasSuffix("page") { continue }
            return part
        }
        return nil
    }

    /// Pages of a hand scan record: a whole number from 1 to ``largestFile``.
    static func pages(_ s: String?) throws -> Int {
        let t = text(s)
        let digits = t.dropFirst(t.hasPrefix("+") ? 1 : 0)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw WorkError.badPages(t) }
        guard let n = Int(digits), n <= largestFile else { throw CatalogueError.pagesTooLarge(t) }
        guard n > 0 else { throw WorkError.badPages(t) }
        return n
    }
}
