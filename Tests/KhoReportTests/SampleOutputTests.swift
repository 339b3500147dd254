import Foundation
import Testing

@testable import KhoReport

/// The sample reports a person looks at (`tools/render-report`) are checked on every run: the same bytes each time,
/// HTML whose elements all close, no NaN or infinity drawn, and a CSV whose every row has the header's columns.
/// With `KHO_REPORT_SAMPLE_DIR` set they are also written there.
@Suite struct SampleOutputTests {
    static let empty = ReportModel(
        title: "Báo cáo tiến độ", archiveName: "Kho lưu trữ xã Sơn Kim 1", asOf: "2026-11-27 10:00",
        headline: Headline())

    /// Every sample, by file name, rendered afresh each time it is asked for.
    static func samples() -> [(name: String, text: String)] {
        [
            ("report-vi.html", renderReport(Fixtures.model(sample: true), lang: .vi)),
            ("report-en.html", renderReport(Fixtures.model(sample: true), lang: .en)),
            ("report-empty-vi.html", renderReport(empty, lang: .vi)),
            ("hostile-vi.html", renderReport(ReportSafetyTests.hostileModel(), lang: .vi)),
            ("inventory-vi.html", renderInventoryHTML(InventoryTests.fonds, lang: .vi, generatedAt: "2026-11-27")),
            ("inventory-vi.csv", renderInventoryCSV(InventoryTests.fonds, lang: .vi)),
        ]
    }

    @Test func samplesAreTheSameBytesEveryTime() {
        // Given the samples rendered twice, When compared, Then nothing (a clock, a dictionary's order) changed them
        for (first, second) in zip(Self.samples(), Self.samples()) {
            #expect(first.text == second.text, "\(first.name) differs between two renderings of the same model")
        }
    }

    @Test func everyHTMLSampleIsACompleteDocumentWhoseElementsClose() {
        for sample in Self.samples() where sample.name.hasSuffix(".html") {
            #expect(sample.text.hasPrefix("<!DOCTYPE html>"), "\(sample.name)")
            #expect(sample.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"), "\(sample.name)")
            #expect(
                HTMLBalance.problem(in: sample.text) == nil,
                "\(sample.name): \(HTMLBalance.problem(in: sample.text) ?? "")")
            for bad in ["NaN", "nan\"", "=\"inf", "-inf\"", "Infinity"] {
                #expect(!sample.text.contains(bad), "\(sample.name) draws \(bad)")
            }
        }
    }

    @Test func theHostileSampleRunsNoScript() throws {
        let hostile = try #require(Self.samples().first { $0.name == "hostile-vi.html" })
        #expect(!hostile.text.contains("<script"))
        #expect(hostile.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theInventoryCSVHasTheHeadersColumnsOnEveryRow() throws {
        let csv = try #require(Self.samples().first { $0.name == "inventory-vi.csv" }).text
        let records = CSVRecords.parse(csv)
        let rows = InventoryTests.fonds.map(\.rows.count).reduce(0, +)
        #expect(records.count >= rows + 1, "\(records.count) records for \(rows) rows")
        let width = try #require(records.first).count
        #expect(width > 5)
        for (index, record) in records.enumerated() {
            #expect(
                record.count == width, "record \(index + 1) has \(record.count) fields, the header \(width): \(record)")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["KHO_REPORT_SAMPLE_DIR"] != nil))
    func writeSampleReports() throws {
        let dir = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["KHO_REPORT_SAMPLE_DIR"]))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in Self.samples() {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            #expect(try Data(contentsOf: url) == Data(text.utf8), "\(name)")
        }
    }
}

/// Checks that an HTML page's elements nest and close: every start tag but the void ones has its end tag, in order.
enum HTMLBalance {
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The first element that does not close, or closes out of order; nil when all do.
    static func problem(in html: String) -> String? {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return "unclosed comment" }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { return "unclosed tag at \(rest.prefix(40))" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
            if tag.hasPrefix("/") {
                guard let last = stack.popLast() else { return "</\(name)> closes nothing" }
                if last != name { return "</\(name)> closes <\(last)>" }
            } else if !tag.hasSuffix("/") && !void.contains(name) {
                stack.append(name)
                if name == "style" || name == "script" {
                    // Their content is not markup: skip to the end tag.
                    guard let end = rest.range(of: "</\(name)>") else { return "<\(name)> never closes" }
                    rest = rest[end.lowerBound...]
                }
            }
        }
        return stack.isEmpty ? nil : "never closed: \(stack.map { "<\($0)>" }.joined(separator: " "))"
    }
}

/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into records of fields.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                if !(record.isEmpty && field.isEmpty) {
                    record.append(field)
                    records.append(record)
                }
                record = []
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        return records
    }
}
