import Foundation

/// What can stop a change of the archival codes (*mã hồ sơ*): a rule that cannot be used, renumbering, shared codes.
public enum ArchiveCodeError: KhoError, Equatable {
    /// A code rule that cannot be used, and why.
    case badRule(pattern: String, reason: Text)
    /// A new rule would change the code of a file already delivered under its old code.
    case renumbering(fonds: String, ref: String, old: String, new: String, more: Int)
    /// A new rule would give two files the same code.
    case duplicateCodes(fonds: String, code: String, refs: [String])

    public var text: Text {
        switch self {
        case .badRule(let pattern, let reason):
            return Text(
                vi: "quy tắc mã hồ sơ «\(pattern)» không dùng được: \(reason.vi)",
                en: "the archival code rule “\(pattern)” cannot be used: \(reason.en)")
        case .renumbering(let fonds, let ref, let old, let new, let more):
            let othersVi = more > 0 ? " (và \(more) hồ sơ khác)" : ""
            let othersEn = more > 0 ? " (and \(more) other files)" : ""
            return Text(
                vi:
                    "không đổi quy tắc mã hồ sơ của phông \(fonds): hồ sơ \(ref) đã bàn giao với mã \(old), quy tắc mới sẽ đổi thành \(new)\(othersVi); đã bàn giao thì không đánh số lại",
                en:
                    "the archival code rule of fonds \(fonds) is not changed: file \(ref) was delivered as \(old) and the new rule would make it \(new)\(othersEn); files are not renumbered once delivered"
            )
        case .duplicateCodes(let fonds, let code, let refs):
            let shown = refs.prefix(4).joined(separator: ", ") + (refs.count > 4 ? ", …" : "")
            return Text(
                vi:
                    "quy tắc mới cho phông \(fonds) sẽ cho \(refs.count) hồ sơ cùng mã \(code) (\(shown)); thêm {number} hoặc {box} vào quy tắc",
                en:
                    "the new rule for fonds \(fonds) would give \(refs.count) files the same code \(code) (\(shown)); add {number} or {box} to the rule"
            )
        }
    }
}

/// Words of the archival codes, in both languages.
enum ArchiveCodeText {
    static let ruleStrayBrace = Text(vi: "có dấu } không có { mở", en: "a } without its {")
    static let ruleUnclosed = Text(vi: "thiếu dấu } đóng", en: "a { is not closed")
    static func ruleWidth(_ inside: String) -> Text {
        Text(
            vi: "«{\(inside)}»: độ rộng sau dấu : phải là số từ 1 đến 12",
            en: "“{\(inside)}”: the width after : must be a number from 1 to 12")
    }
    static func ruleUnknownField(_ name: String) -> Text {
        let known = ArchiveRule.Field.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
        return Text(vi: "không có trường «\(name)»; dùng \(known)", en: "there is no field “\(name)”; use \(known)")
    }
    static let ruleNeedsNumber = Text(
        vi: "cần có {number} hoặc {file}, nếu không mọi hồ sơ của phông cùng một mã",
        en: "it needs {number} or {file}, else every file of the fonds gets the same code")
    static func ruleSlash(_ c: String) -> Text {
        Text(vi: "mã hồ sơ là tên tệp nên không chứa «\(c)»", en: "the code names a file, so it cannot hold “\(c)”")
    }

    static func fieldLabel(_ field: ArchiveRule.Field) -> Text {
        switch field {
        case .fonds: Text(vi: "mã phông", en: "fonds code")
        case .inventory: Text(vi: "số mục lục của phông", en: "the fonds' inventory number")
        case .year: Text(vi: "năm của hồ sơ", en: "the file's year")
        case .number: Text(vi: "số hồ sơ", en: "file number")
        case .box: Text(vi: "mã hộp", en: "box code")
        case .file: Text(vi: "mã hồ sơ trong hộp", en: "file code")
        }
    }

    /// Why a file has no code, and what to do.
    static func problem(_ p: ArchiveCodeProblem, ref: String, fonds: String) -> Text {
        switch p {
        case .missing(let fields):
            let vi = fields.map { fieldLabel($0).vi }.joined(separator: " hoặc ")
            let en = fields.map { fieldLabel($0).en }.joined(separator: " or ")
            return Text(
                vi:
                    "hồ sơ \(ref) chưa có mã hồ sơ: thiếu \(vi); ghi năm bằng kho file edit \(ref) --start-year NĂM hoặc số mục lục bằng kho pdf rule \(fonds) --inventory 01",
                en:
                    "file \(ref) has no archival code: \(en) is missing; set the year with kho file edit \(ref) --start-year YEAR or the inventory number with kho pdf rule \(fonds) --inventory 01"
            )
        case .unusable(let code):
            return Text(
                vi:
                    "mã «\(code)» của hồ sơ \(ref) không làm tên tệp được; đổi quy tắc bằng kho pdf rule \(fonds) --pattern …",
                en:
                    "the code “\(code)” of file \(ref) cannot name a file; change the rule with kho pdf rule \(fonds) --pattern …"
            )
        case .duplicate(let code, let other):
            return Text(
                vi: "hồ sơ \(ref) và \(other) cùng mã \(code); đổi quy tắc bằng kho pdf rule \(fonds) --pattern …",
                en:
                    "files \(ref) and \(other) have the same code \(code); change the rule with kho pdf rule \(fonds) --pattern …"
            )
        }
    }
}
