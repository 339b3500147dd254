import Foundation
import GRDB
import KhoTestTags
import Testing

@testable import KhoKit

/// Malformed CSV imports, from a fixed seed: an import is all rows or none, whatever the bytes.
///
/// `KHO_FUZZ_CSV_CASES` sets the number of cases (default 300; `tools/fuzz-csv` runs many more) and
/// `KHO_FUZZ_CSV_SEED` the seed.
@Suite(.tags(.slow)) struct CSVFuzzTests {
    struct Rng {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return bound <= 1 ? 0 : Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    static let env = ProcessInfo.processInfo.environment
    static let cases = Int(env["KHO_FUZZ_CSV_CASES"] ?? "") ?? 300
    static let seed = UInt64(env["KHO_FUZZ_CSV_SEED"] ?? "") ?? 2026

    /// A sound CSV of `rows` boxes or files whose codes are unique to case `n`.
    static func sound(_ kind: ImportKind, case n: Int, rows: Int, rng: inout Rng) -> [UInt8] {
        var text: String
        switch kind {
        case .boxes:
            text =
                rng.chance(50)
                ? "box,fonds,extent_m,location,start_year,end_year,condition,notes\n"
                : "Hộp;Phông;Số mét;Vị trí;Ghi chú\n"
            let semicolon = text.contains(";")
            for i in 0..<rows {
                text +=
                    semicolon
                    ? "C\(n)X\(i);UBND-SK1;0,\(1 + rng.next(9));A-\(i);\"ghi chú; số \(i)\"\n"
                    : "C\(n)X\(i),UBND-SK1,0.\(1 + rng.next(9)),A-\(i),199\(rng.next(10)),2000,mould,\"ẩm, mốc \(i)\"\n"
            }
        default:
            text = "box,file,title,start_year,end_year,retention,sheets,notes\n"
            for i in 0..<rows {
                text += "FB1,C\(n)X\(i),\"Hồ sơ cấp đất, thôn \(i)\",1990,1991,permanent,\(rng.next(200)),\n"
            }
        }
        return Array(text.utf8)
    }

    /// One of several kinds of damage, chosen by the generator.
    static func mutate(_ bytes: [UInt8], rng: inout Rng) -> (name: String, bytes: [UInt8]) {
        var b = bytes
        switch rng.next(13) {
        case 0:
            return ("random bytes", (0..<rng.next(3000)).map { _ in UInt8(rng.next(256)) })
        case 1:
            b.insert(UInt8(ascii: "\""), at: rng.next(b.count + 1))
            return ("unbalanced quote", b)
        case 2:
            let lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            var out: [[UInt8]] = lines.map(Array.init)
            let row = 1 + rng.next(max(1, out.count - 2))
            if row < out.count {
                if rng.chance(50) {
                    out[row] += Array(",extra".utf8)
                } else if let comma = out[row].lastIndex(where: { $0 == 44 || $0 == 59 }) {
                    out[row].remove(at: comma)
                }
            }
            return ("wrong column count", Array(out.joined(separator: [UInt8(ascii: "\n")])))
        case 3:
            let at = b.lastIndex(of: UInt8(ascii: "\n")).map { max(0, $0 - 1) } ?? 0
            b.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: 100_000 + rng.next(200_000)), at: at)
            return ("huge field", b)
        case 4:
            for _ in 0..<(1 + rng.next(5)) { b.insert(0, at: rng.next(b.count + 1)) }
            return ("NUL bytes", b)
        case 5:
            // Windows-1258 / Latin-1 bytes mixed into UTF-8 text
            let legacy: [UInt8] = [0xE0, 0xE1, 0xE2, 0xE3, 0xD2, 0xEC, 0xF5, 0xDE, 0xFE]
            for _ in 0..<(1 + rng.next(4)) { b.insert(legacy[rng.next(legacy.count)], at: rng.next(b.count + 1)) }
            return ("mixed encodings", b)
        case 6:
            for _ in 0..<(1 + rng.next(10)) where !b.isEmpty { b[rng.next(b.count)] ^= UInt8(1 << rng.next(8)) }
            return ("bit flips", b)
        case 7:
            return ("truncated", Array(b.prefix(rng.next(b.count + 1))))
        case 8:
            let lines = b.split(separator: UInt8(ascii: "\n")).map(Array.init)
            guard lines.count > 1 else { return ("unchanged", b) }
            return (
                "duplicated row",
                Array((lines + [lines[1 + rng.next(lines.count - 1)]]).joined(separator: [UInt8(ascii: "\n")]))
            )
        case 9:
            let marks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0x0D], [0x0D, 0x0A], [0xFF, 0xFE]]
            b.insert(contentsOf: marks[rng.next(marks.count)], at: rng.next(b.count + 1))
            return ("stray BOM or CR", b)
        case 10:
            return ("header only", Array(b.prefix(while: { $0 != UInt8(ascii: "\n") })) + [10])
        case 11:
            // The issue's silent row loss: a quote opened in the last column of one row and never closed.
            var lines = b.filter { $0 != UInt8(ascii: "\"") }.split(
                separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
            ).map(Array.init)
            let data = lines.indices.dropFirst().filter { !lines[$0].isEmpty }
            guard let row = data.isEmpty ? nil : data[rng.next(data.count)] else { return ("unchanged", b) }
            let last = (lines[row].lastIndex(where: { $0 == 44 || $0 == 59 }) ?? -1) + 1
            lines[row].insert(UInt8(ascii: "\""), at: last)
            return (unclosedQuote, Array(lines.joined(separator: [UInt8(ascii: "\n")])))
        default:
            return ("unchanged", b)
        }
    }

    static let unclosedQuote = "unclosed quote in the last column"

    /// The line of the only quote in `bytes`.
    static func quoteLine(_ bytes: [UInt8]) -> Int {
        1 + bytes.prefix(while: { $0 != UInt8(ascii: "\"") }).filter { $0 == UInt8(ascii: "\n") }.count
    }

    func counts(_ store: KhoStore) throws -> [Int] {
        try store.read { db in
            try ["box", "file", "event"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }

    @Test func aMalformedImportNeverImportsPartOfItsRows() throws {
        // Given a catalogue with a fonds and a box for files
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "FB1", fonds: "UBND-SK1"), by: Fixture.who())
        var rng = Rng(state: Self.seed)
        var outcomes: [String: (ok: Int, refused: Int)] = [:]
        for n in 0..<Self.cases {
            // When a damaged CSV is imported
            let kind: ImportKind = rng.chance(60) ? .boxes : .files
            let rows = 1 + rng.next(30)
            let (name, bytes) = Self.mutate(Self.sound(kind, case: n, rows: rows, rng: &rng), rng: &rng)
            let path = Fixture.write(bytes: bytes, to: "case\(n % 8).csv", in: dir)
            let before = try counts(store)
            do {
                let report = try store.importCSV(kind, path: path, by: Fixture.who(), lang: .vi)
                if name == Self.unclosedQuote {
                    Issue.record("case \(n) (\(name)): \(report.imported) rows imported from \(rows)")
                }
                // A quote that changes nothing else never loses a row silently.
                if name == "unbalanced quote" {
                    #expect(report.rows == rows, "case \(n) (\(name)): \(report.rows) rows read from \(rows)")
                }
                // Then either every row is imported, with one event ...
                let after = try counts(store)
                let added = kind == .boxes ? after[0] - before[0] : after[1] - before[1]
                #expect(report.imported == report.rows, "case \(n) (\(name))")
                #expect(added == report.imported, "case \(n) (\(name))")
                #expect(after[2] == before[2] + 1, "case \(n) (\(name))")
                outcomes[name, default: (0, 0)].ok += 1
            } catch let error as KhoError {
                // ... or none, with a message that says why
                #expect(try counts(store) == before, "case \(n) (\(name)): \(error)")
                #expect(!error.text.vi.isEmpty && !error.text.en.isEmpty)
                if name == Self.unclosedQuote {
                    if case .unterminatedQuote(_, let line, _)? = error as? ImportError {
                        #expect(line == Self.quoteLine(bytes), "case \(n)")
                    } else {
                        Issue.record("case \(n) (\(name)): \(error)")
                    }
                }
                outcomes[name, default: (0, 0)].refused += 1
            } catch {
                Issue.record("case \(n) (\(name)): an error that is not a KhoError: \(error)")
            }
        }
        #expect(try store.check().problems == [])
        if Self.cases > 300 {
            for (name, o) in outcomes.sorted(by: { $0.key < $1.key }) {
                print("fuzz-csv: \(name): \(o.ok) imported whole, \(o.refused) refused")
            }
        }
    }
}
