import ArgumentParser
import Foundation
import KhoKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: Text(
            vi: "Tìm trong tiêu đề hồ sơ, văn bản (trích yếu, tác giả, số ký hiệu, ghi chú) và chữ OCR của bản PDF/A.",
            en: "Search file titles, documents (summary, issuer, number, notes) and the OCR text of PDF/A copies.")(),
        discussion: Text(
            vi:
                "Không phân biệt dấu và hoa thường: «dat» tìm thấy «đất», «Đất», «ĐẤT»; gõ có dấu thì chỗ khớp đúng dấu lên trước. Kết quả xếp theo hồ sơ, kèm hộp và vị trí để lấy bản giấy.\nVí dụ: kho search \"giao đất\"; kho search 12/QĐ-UBND --json",
            en:
                "Diacritics and case are ignored: “dat” finds “đất”, “Đất”, “ĐẤT”; typed with diacritics, exact matches come first. Results are grouped by file, with the box and location to fetch the paper.\nExample: kho search \"giao đất\"; kho search 12/QĐ-UBND --json"
        )())
    // Every word that is not one of kho's options is searched, a word starting with "-" too (`kho search -giao`:
    // argument-parser took it for options and said the words were missing).
    @Argument(
        parsing: .allUnrecognized,
        help: Placeholder.text.on(ArgumentHelp(Text(vi: "Chữ cần tìm.", en: "The words to find.")())))
    var text: [String] = []
    @Option(
        help: Placeholder.count.on(
            ArgumentHelp(Text(vi: "Số hồ sơ tối đa (mặc định 20).", en: "Most files shown (default 20).")())),
        transform: NumberBound.searchLimit.option)
    var limit = 20
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard text.isEmpty else { return }
        throw ValidationError(
            Text(
                vi: "thiếu chữ cần tìm: kho search CHỮ… (ví dụ kho search \"giao đất\")",
                en: "no words to find: kho search WORDS… (for example kho search \"giao đất\")")())
    }

    func run() throws {
        let answer = try global.openForReading().search(text.joined(separator: " "), limit: limit)
        if global.json { return try Printer.json(answer) }
        if !answer.dropped.isEmpty {
            let n = Format.integer(Int64(answer.dropped.count))
            let max = SearchQuery.maxWords
            Printer.line(
                Text(
                    vi:
                        "Chỉ tìm \(max) từ đầu; bỏ qua \(n) từ sau: «\(answer.dropped.prefix(5).joined(separator: " "))…».",
                    en:
                        "Only the first \(max) words were searched; \(n) more were left out: “\(answer.dropped.prefix(5).joined(separator: " "))…”."
                )())
        }
        guard !answer.files.isEmpty else {
            // A pasted page is named by its start, not printed back whole.
            let query = answer.query.count > 80 ? answer.query.prefix(80) + "…" : answer.query
            return Printer.line(Text(vi: "Không tìm thấy «\(query)».", en: "Nothing found for “\(query)”.")())
        }
        let highlight = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for file in answer.files {
            let place = file.location.isEmpty ? Text(vi: "chưa ghi vị trí", en: "no location")() : file.location
            Printer.line("\(file.ref)  \(file.title)")
            Printer.line(
                "    "
                    + Text(
                        vi: "hộp \(file.box), \(place), phông \(file.fonds)",
                        en: "box \(file.box), \(place), fonds \(file.fonds)")())
            for hit in file.hits {
                let label =
                    switch hit.kind {
                    case "document": hit.document ?? ""
                    case "ocr": Text(vi: "chữ OCR", en: "OCR text")()
                    default: Text(vi: "hồ sơ", en: "file")()
                    }
                Printer.marked("    · \(label): ", hit.text, words: hit.matches, highlight: highlight)
            }
        }
        if answer.broad {
            Printer.line(
                Text(
                    vi:
                        "Hơn \(SearchQuery.rankedWindowText(.vi)) chỗ khớp: chỉ xếp hạng \(SearchQuery.rankedWindowText(.vi)) chỗ mới nhất; thêm từ để thu hẹp.",
                    en:
                        "More than \(SearchQuery.rankedWindowText(.en)) matches: only the newest \(SearchQuery.rankedWindowText(.en)) were ranked; add words to narrow it."
                )())
        }
        let matches =
            answer.broad
            ? Text(vi: "hơn ", en: "over ")() + SearchQuery.rankedWindowText(.current)
            : Format.integer(Int64(answer.matches))
        Printer.line(
            Text(
                vi:
                    "\(answer.files.count) hồ sơ (\(matches) chỗ khớp), \(Format.decimal(answer.milliseconds, maxFractionDigits: 1)) ms",
                en:
                    "\(answer.files.count) files (\(matches) matches), \(Format.decimal(answer.milliseconds, maxFractionDigits: 1)) ms"
            )())
    }
}
