import ArgumentParser
import Foundation
import KhoKit

/// Options every command takes: which catalogue, JSON output, language.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            Text(
                vi: "Tệp danh mục SQLite (mặc định: KHO_DB hoặc catalog/kho.sqlite).",
                en: "The SQLite catalogue (default: KHO_DB or catalog/kho.sqlite).")(),
            valueName: Placeholder.catalogue()))
    var db: String?

    @Flag(
        name: .long, help: ArgumentHelp(Text(vi: "In kết quả dạng JSON cho script.", en: "Print JSON for scripts.")()))
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            Text(vi: "Ngôn ngữ: vi (mặc định) hoặc en.", en: "Language: vi (default) or en.")(), valueName: "vi|en"))
    var lang: Lang?

    func validate() throws {
        if let lang { Lang.choose(lang) }
    }

    var path: String { db ?? KhoStore.defaultPath() }

    /// Opens the catalogue for reading; it must exist.
    func openForReading() throws -> KhoStore {
        try KhoStore.open(path: path, forWriting: false, create: false)
    }

    /// Opens the catalogue for writing; only `create: true` (registering the first fonds, restoring) makes a new one,
    /// so a mistyped `--db`/`KHO_DB` is an error naming the path, never an empty catalogue.
    func openForWriting(create: Bool = false) throws -> KhoStore {
        try KhoStore.open(path: path, forWriting: true, create: create)
    }
}

/// Who did the work, and when: every write takes these.
struct WhoOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            Text(
                vi: "Người làm việc này (mặc định: biến KHO_OPERATOR).", en: "Who did the work (default: KHO_OPERATOR)."
            )(), valueName: Placeholder.name()))
    var by: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            Text(
                vi: "Ghi bù việc đã làm lúc này (giờ địa phương), không ở tương lai.",
                en: "Back-fill work done at this local time; not in the future.")(), valueName: "YYYY-MM-DD[THH:MM]"))
    var at: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            Text(
                vi: "Việc làm trước khi có kho (số dư đầu kỳ): tính vào tiến độ, không tính vào năng suất.",
                en: "Work done before kho (opening balance): counts in status, never in throughput.")()))
    var opening = false

    func attribution() throws -> Attribution {
        try Attribution.resolve(by: by, at: at, opening: opening)
    }
}

/// `--lang` takes `vi` or `en`, in any case.
extension Lang: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Every numeric option is read through its bound, before any arithmetic (one rule, issue 23):
/// `@Option(…, transform: NumberBound.days.option)`. A value out of range, or too large for any integer, stops the
/// command with argument-parser's "The value … is invalid for --option: needs a whole number from … to …".
extension NumberBound {
    var option: @Sendable (String) throws -> Int {
        let bound = self
        return { text in
            do {
                return try bound.parse(text)
            } catch {
                throw OutOfRange(bound: bound)
            }
        }
    }

    /// The same, for an option kept as `Int64`.
    var option64: @Sendable (String) throws -> Int64 {
        let read = option
        return { Int64(try read($0)) }
    }
}

/// The message of an option's value out of its range (argument-parser quotes the value and the option before it).
struct OutOfRange: LocalizedError {
    var bound: NumberBound
    var errorDescription: String? {
        Text(vi: "cần một số nguyên \(bound.range.vi)", en: "needs a whole number \(bound.range.en)")()
    }
}
