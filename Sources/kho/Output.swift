import Foundation
import KhoKit

/// Printing helpers: JSON for scripts, aligned tables for people.
enum Out {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func line(_ text: String = "") {
        print(text)
    }

    /// Prints rows under headers, columns padded to the widest cell; `right` columns are right-aligned.
    static func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = []) {
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

    static func years(_ start: Int?, _ end: Int?) -> String {
        switch (start, end) {
        case let (s?, e?): s == e ? "\(s)" : "\(s)–\(e)"
        case let (s?, nil): "\(s)–"
        case let (nil, e?): "–\(e)"
        default: ""
        }
    }

    /// A message to people that a write was done, naming the event.
    static func done(_ text: Text, event: Int64?) {
        print(text() + (event.map { Text(vi: " (sự kiện \($0))", en: " (event \($0))")() } ?? ""))
    }
}
