import Foundation
import KhoKit

/// Printing helpers: JSON for scripts, aligned tables for people.
///
/// What people read never carries control or bidi characters raw (a stored name with an ESC sequence would
/// recolour or clear the terminal, a bidi override would reorder a line): lines and table cells show them as
/// escapes (`\u{1B}`); JSON escapes them by its own rules.
enum Printer {
    static func json<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try KhoJSON.encode(value, lang: .current))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints a warning or notice on standard error, escaped like ``line(_:)``.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((Visible.escaped(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Prints a line (or several: newlines and tabs stay), with control and bidi characters escaped.
    static func line(_ text: String = "") {
        print(Visible.escaped(text, keepingLineBreaks: true))
    }

    /// Prints rows under headers, columns padded to the widest cell; `right` columns are right-aligned.
    static func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = []) {
        // A cell is one line: newlines and tabs in it are escaped too, so columns stay aligned.
        let headers = headers.map { Visible.escaped($0) }
        let rows = rows.map { $0.map { Visible.escaped($0) } }
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return right.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        print(render(headers))
        print(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in rows { print(render(row)) }
    }

    static func metres(_ m: Double) -> String { Format.decimal(m, maxFractionDigits: 3) }

    /// Prints `prefix` + `text` with `words` in bold yellow on a terminal (`highlight`), the text escaped as ``line(_:)``.
    static func marked(_ prefix: String, _ text: String, words: [String], highlight: Bool) {
        var shown = Visible.escaped(text)
        if highlight {
            for word in words.sorted(by: { $0.count > $1.count }) where !word.isEmpty {
                shown = shown.replacingOccurrences(
                    of: Visible.escaped(word), with: "\u{1B}[1;33m" + Visible.escaped(word) + "\u{1B}[0m")
            }
        }
        print(Visible.escaped(prefix) + shown)
    }

    /// What a deletion did: the event's id with `--json`, else "Đã xóa hộp H1; hoàn tác bằng `kho undo N`" (`what` is
    /// the kind of thing, e.g. hộp/box, `name` its code).
    static func deleted(_ what: Text, _ name: String, event: Int64?, json: Bool) throws {
        if json { return try Printer.json(event) }
        done(
            Text(
                vi: "Đã xóa \(what.vi) \(name); hoàn tác bằng `kho undo \(event ?? 0)`",
                en: "Deleted \(what.en) \(name); undo with `kho undo \(event ?? 0)`"), event: event)
    }

    /// A message to people that a write was done, naming the event.
    static func done(_ text: Text, event: Int64?) {
        line(text() + (event.map { Text(vi: " (sự kiện \($0))", en: " (event \($0))")() } ?? ""))
    }
}
