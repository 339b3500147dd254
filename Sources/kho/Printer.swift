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

    /// Prints an error, a warning or a notice on standard error, escaped like ``line(_:)`` (a path or a value quoted in
    /// it never reaches the terminal raw). At a terminal (``errorWidth``) a long one is broken between words like
    /// ``line(_:)``; written to a file or a pipe, it stays whole.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((lines(text, width: errorWidth).joined(separator: "\n") + "\n").utf8))
    }

    /// Prints help text on standard output, escaped like ``line(_:)`` but never rewrapped: argument-parser has laid it
    /// out for the terminal already.
    static func help(_ text: String) {
        FileHandle.standardOutput.write(Data((Visible.escaped(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Prints a line (or several: newlines and tabs stay), with control and bidi characters escaped. At a terminal
    /// (``width``), a line wider than it is broken between words, each further line indented under the first one's
    /// text (past its leading spaces and a `- `, `! ` or `!! ` mark); written to a file or a pipe, lines stay whole.
    static func line(_ text: String = "") {
        for part in lines(text, width: width) { print(part) }
    }

    /// `text` as ``line(_:)`` and ``error(_:)`` show it: escaped, and at a `width` each of its lines a ``paragraph``.
    private static func lines(_ text: String, width: Int?) -> [String] {
        let shown = Visible.escaped(text, keepingLineBreaks: true)
        guard let width else { return [shown] }
        return shown.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            paragraph(String($0), width: width)
        }
    }

    /// One line of text in lines of at most `width` characters, broken between words, the further lines indented
    /// under the text of the first (``line(_:)``); a line that fits, or has no room left past its indent, is as it is.
    /// A word longer than the line (a path) is never broken: it stands whole on a line of its own.
    static func paragraph(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let indent = line.prefix { $0 == " " }.count
        let text = line.dropFirst(indent)
        let mark = ["!! ", "! ", "- ", "* ", "• "].first { text.hasPrefix($0) }?.count ?? 0
        let hanging = indent + mark
        guard width - hanging >= 20 else { return [line] }
        let first = String(line.prefix(hanging))
        let rest = wrap(String(line.dropFirst(hanging)), width: width - hanging, keepingWords: true)
        let pad = String(repeating: " ", count: hanging)
        return rest.enumerated().map { ($0.offset == 0 ? first : pad) + $0.element }
    }

    /// Prints rows under headers, columns padded to the widest cell; `right` columns are right-aligned. A table wider
    /// than ``width`` has its widest text columns narrowed, their cells wrapped between words onto more lines
    /// (nothing is cut).
    static func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = []) {
        // A cell is one line: newlines and tabs in it are escaped too, so columns stay aligned.
        let headers = headers.map { Visible.escaped($0) }
        let rows = rows.map { $0.map { Visible.escaped($0) } }
        var natural = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < natural.count { natural[i] = max(natural[i], cell.count) }
        }
        let widths = fitted(natural, headers: headers, rows: rows, right: right, to: width)
        func render(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { i, cell in wrap(cell, width: widths[i]) }
            return (0..<(wrapped.map(\.count).max() ?? 1)).map { line in
                wrapped.enumerated().map { i, lines in
                    let cell = line < lines.count ? lines[line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                    return right.contains(i) ? pad + cell : (i == wrapped.count - 1 ? cell : cell + pad)
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
        render(headers).forEach { print($0) }
        print(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in rows { render(row).forEach { print($0) } }
    }

    /// The width tables are fitted to: `COLUMNS` when set, else the terminal's when output goes to one; nil (no limit)
    /// when written to a file or a pipe, so that what is saved keeps each row on one line.
    static let width: Int? = terminalWidth(STDOUT_FILENO)
    /// The width standard error is read at: `COLUMNS`, else its own terminal's; nil for a file or a pipe.
    static let errorWidth: Int? = terminalWidth(STDERR_FILENO)

    /// `COLUMNS` when set, else the width of the terminal `descriptor` writes to; nil for a file or a pipe.
    private static func terminalWidth(_ descriptor: Int32) -> Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    /// Column widths that fit `limit`: the widest text column loses one character at a time, so that long columns
    /// give way first and the others only once they are as narrow, never below the longest word of its header or
    /// its cells (a code, a year, a number with its unit is never broken; only a word longer than ``longWord``, a
    /// path, is); numbers (right-aligned) only when the text columns cannot give more, the same way. Cells and headers
    /// wrap between words. A table that cannot fit even so keeps its natural widths: narrowed columns would not spare
    /// the terminal's wrapping.
    static func fitted(_ natural: [Int], headers: [String], rows: [[String]], right: Set<Int>, to limit: Int?) -> [Int]
    {
        let separators = 2 * max(0, natural.count - 1)
        guard let limit, natural.reduce(0, +) + separators > limit else { return natural }
        let least = natural.indices.map { i in
            let longest = rows.reduce(0) { i < $1.count ? max($0, longestWord($1[i])) : $0 }
            return min(natural[i], max(longestWord(headers[i]), min(longest, longWord)))
        }
        guard least.reduce(0, +) + separators <= limit else { return natural }
        var widths = natural
        for columns in [natural.indices.filter { !right.contains($0) }, Array(natural.indices)] {
            while widths.reduce(0, +) + separators > limit {
                let narrowable = columns.filter { widths[$0] > least[$0] }
                guard let widest = narrowable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        return widths
    }

    /// The length of the longest word of `text` (the narrowest a column holding it can be, words whole).
    static func longestWord(_ text: String) -> Int {
        words(text).map(\.count).max() ?? 0
    }

    /// The words of `text` as lines are broken between them: a unit or a dash stays with the word before it
    /// ("364.800.000 đ", "45,6 m", "23/12/2027 –"), never alone at the start of a line.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        for piece in text.split(separator: " ") {
            if let last = words.last, trailing.contains(String(piece)) {
                words[words.count - 1] = last + " " + piece
            } else {
                words.append(String(piece))
            }
        }
        return words
    }

    /// What is never put at the start of a line: units and dashes that belong to the word before.
    private static let trailing: Set<String> = ["đ", "VND", "m", "TB", "GB", "MB", "kB", "B", "%", "–", "—", "×", "="]

    /// Words longer than this (paths, version strings) may be broken to narrow their column.
    static let longWord = 16

    /// `text` in lines of at most `width` characters, broken between words (a longer word is broken inside, unless
    /// `keepingWords`: then it stands whole on its own line, as a path in a sentence must to be copied).
    static func wrap(_ text: String, width: Int, keepingWords: Bool = false) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for piece in words(text) {
            var word = piece
            while !keepingWords && word.count > width {
                if !line.isEmpty { lines.append(line) }
                line = ""
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static func metres(_ m: Double) -> String { Format.metres(m, lang: Lang.current) }
    static func digitizedMetres(_ m: Double) -> String { Format.digitizedMetres(m, lang: Lang.current) }

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

extension String {
    /// The text without the spaces at its end (a table row's last padded cells), as a plain scan: a regex here cost
    /// more than the rest of printing a table.
    fileprivate func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
