import Foundation
import KhoTestTags
import Testing

@testable import kho

/// Issue 23 end to end: every numeric option is bounded before any arithmetic, search takes any pasted text, and
/// every title the catalogue accepts can be delivered as a PDF/A.
@Suite(.tags(.endToEnd)) struct ScaleEndToEndTests {
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "F1", "--name", "Phông một", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "F1", "--by", "Thu"],
            ["file", "add", "B1/01", "--title", "Hồ sơ giao đất", "--by", "Thu"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    /// An option that takes a value, in a command reached by `path`, with the positional values it needs.
    struct OptionUse: CustomStringConvertible {
        var path: [String]
        var positionals: [String]
        var option: String
        var description: String { (["kho"] + path + ["--\(option)"]).joined(separator: " ") }
    }

    /// Every option taking a value, in every command of the tree (from argument-parser's own description of it).
    static func optionsTakingValues() throws -> [OptionUse] {
        let dump = try #require(
            try JSONSerialization.jsonObject(with: Data(kho.Kho._dumpHelp().utf8)) as? [String: Any])
        var uses: [OptionUse] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? ""]) }
            guard subcommands.isEmpty || command["arguments"] != nil else { return }
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            // Required positionals get a value that names a file of the catalogue (any command refuses a wrong one
            // with a message after parsing, which is all this needs).
            let positionals = arguments.filter {
                ($0["kind"] as? String) == "positional" && !($0["isOptional"] as? Bool ?? true)
            }
            .map { _ in "B1/01" }
            for argument in arguments where (argument["kind"] as? String) == "option" {
                let names = argument["names"] as? [[String: Any]] ?? []
                guard let long = names.first(where: { ($0["kind"] as? String) == "long" })?["name"] as? String,
                    !["help", "db", "lang"].contains(long)
                else { continue }
                uses.append(OptionUse(path: path, positionals: positionals, option: long))
            }
        }
        walk(try #require(dump["command"] as? [String: Any]), [])
        return uses
    }

    @Test func everyNumericOptionRefusesHugeAndNegativeValuesWithTheRangeNeverACrash() throws {
        // Given a catalogue and every option of every command
        let kho = try catalogue()
        let uses = try Self.optionsTakingValues()
        #expect(uses.count > 30, "the walk found \(uses.count) options")
        var bounded: Set<String> = []
        for use in uses {
            // When the number is given to it (and, where it is a number, a negative one too)
            for value in ["999999999999999", "-99999999999999999999"] {
                let args = use.path + use.positionals + ["--\(use.option)=\(value)", "--by", "Thu"]
                let r = try kho.run(args, timeout: 60)
                // Then it never traps (SIGILL ends a process with status 4 or 132) and never fails silently
                #expect(!r.timedOut && [0, 1, 2, 64].contains(r.code), "\(use) \(value): \(r.code) \(r.err)")
                #expect(!r.err.contains("Fatal error"), "\(use) \(value): \(r.err)")
                if r.code != 0 { #expect(!r.err.isEmpty, "\(use) \(value): exit \(r.code) without a message") }
                if r.err.contains("cần một số nguyên từ") { bounded.insert(use.description) }
                if value.hasPrefix("9") && !r.err.contains("cần một số nguyên từ") { break }
            }
        }
        // And the numeric options are read through their bound, which names the range
        for expected in [
            "kho scan verify --older-than", "kho scan verify --sample", "kho pdf verify --older-than",
            "kho pdf build --jobs", "kho log --last", "kho next --limit", "kho search --limit",
            "kho throughput --window",
            "kho estimate make --window", "kho estimate make --resamples", "kho estimate make --day-rate",
            "kho scan record --pages",
        ] {
            #expect(bounded.contains(expected), "\(expected) does not name its range")
        }
        let r = try kho("scan", "verify", "--older-than", "999999999999999", "--by", "Thu")
        #expect(r.code == 64 && r.err.contains("cần một số nguyên từ 0 đến 36.500 ngày"), "\(r.err)")
        let undo = try kho("undo", "99999999999999999999", "--by", "Thu")
        #expect(undo.code == 64 && undo.err.contains("cần một số nguyên"), "\(undo.err)")
    }

    @Test func aPastedParagraphIsSearchedWithoutAnSQLiteError() throws {
        // Given a catalogue with a file about giving land
        let kho = try catalogue()
        // When a 300-word paragraph is pasted as the query
        let words = (0..<300).map { ["giao", "đất", "hồ", "sơ", "năm", "1993", "ủy", "ban"][$0 % 8] + "\($0 / 8)" }
        let paragraph = "giao đất " + words.joined(separator: " ")
        for args in [["search", paragraph], ["search", paragraph, "--json"]] {
            let r = try kho.run(args, env: ["KHO_LANG": "en"])
            // Then kho answers (nothing found: every word must match), with a note on the words left out
            #expect(r.code == 0, "\(r.err)")
            #expect(!r.err.contains("SQLite") && !r.out.contains("SELECT") && !r.err.contains("kho_rank"), "\(r.err)")
            if args.last == "--json" {
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
                #expect((answer["dropped"] as? [String])?.count == 302 - 32)
            } else {
                #expect(r.out.contains("Only the first 32 words were searched; 270 more were left out"), "\(r.out)")
            }
        }
        // And the first words still find the file
        let short = try kho.run(["search", "giao đất"] + Array(repeating: "đất", count: 200), env: ["KHO_LANG": "en"])
        #expect(short.code == 0 && short.out.contains("B1/01"), "\(short.out)")
        // And a pasted run of 20,000 characters is named by its start, not printed back whole
        let long = try kho.run(["search", String(repeating: "x", count: 20_000)])
        #expect(long.code == 0, "\(long.err)")
        #expect(
            long.out.hasPrefix("Không tìm thấy «" + String(repeating: "x", count: 80) + "…»."),
            "\(long.out.prefix(200))")
        #expect(long.out.count < 200)
    }

    @Test func anSQLiteErrorIsASentenceWithoutSQL() throws {
        // Given a catalogue whose search index was damaged outside kho
        let kho = try catalogue()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", kho.db, "DROP TABLE search_exact; CREATE TABLE search_exact (x)"]
        try sqlite.run()
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { return }  // no sqlite3 shell here
        // When a search with diacritics reads it
        let r = try kho("search", "giao đất", env: ["KHO_LANG": "en"])
        // Then the error is one sentence naming SQLite's code, and no SQL
        #expect(r.code == 1, "\(r.out) \(r.err)")
        #expect(r.err.contains("kho could not finish this on catalogue") && r.err.contains("SQLite error"), "\(r.err)")
        #expect(!r.err.contains("SELECT") && !r.err.contains("MATCH"), "\(r.err)")
    }

    @Test func anyTitleTheCatalogueAcceptsIsDelivered() throws {
        // Given two files whose masters passed QC: one titled "-Hồ-sơ", one with a title of 150 KB (through CSV)
        let kho = Kho()
        let long = String(repeating: "Hồ sơ giao đất thôn 1 năm 1993. ", count: 150_000 / 33 + 1)
        let files = kho.write(
            "box,file,title,start_year,sheets\nH1,01,-Hồ-sơ,1993,1\nH1,02,\"\(long)\",1993,1\n", to: "files.csv")
        for step in [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "UBND-SK1", "--extent", "0,1", "--by", "Thu"],
            ["import", "files", files, "--by", "Thu"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step.prefix(2)): \(r.err.prefix(500))")
        }
        for (n, ref) in ["H1/01", "H1/02"].enumerated() {
            let folder = kho.dir.appendingPathComponent("scans/\(ref)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(PdfFixture.plainPage(seed: n)).write(to: folder.appendingPathComponent("0001.tif"))
        }
        #expect(try kho("scan", "ingest", "scans", "--by", "Hoa").code == 0)
        // When their copies are built
        let r = try kho("pdf", "build", "--by", "Hoa", "--jobs", "1", "--json")
        // Then both are delivered, each with its title (the long one cut, on one line) in its metadata
        #expect(r.code == 0, "\(r.err.prefix(2000))")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let built = try #require(summary["built"] as? [[String: Any]])
        #expect(built.count == 2, "\(r.out.prefix(2000))")
        let paths = built.compactMap { $0["path"] as? String }.sorted()
        let info = Process()
        info.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        info.arguments = ["pdfinfo", "-meta", paths.first ?? ""]
        let out = Pipe()
        info.standardOutput = out
        try info.run()
        let xmp = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        info.waitUntilExit()
        #expect(xmp.contains("-Hồ-sơ"), "\(xmp.prefix(2000))")
    }
}
