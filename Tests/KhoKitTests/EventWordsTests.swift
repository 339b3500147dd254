import Foundation
import Testing

@testable import KhoKit

/// `kho log` and the web's log say each change in words: every key an event's detail is written with has a name in
/// both languages, and values from a vocabulary are shown by their label, never as stored.
@Suite struct EventWordsTests {
    /// The keys KhoKit writes into event details: those of `before: [...]` / `after: [...]` dictionary literals and of
    /// `detail["key"] = ...` / `after["key"] = ...` assignments (keys of record columns come from the same literals or
    /// from the records' coding keys, which ``EventDescriber/field(_:)`` names).
    static func detailKeys() throws -> [String: Set<String>] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KhoKit")
        let files =
            FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        let literal = try Regex(#"\b(?:after|before):\s*\["#)
        let key = try Regex(#""([a-z_0-9]+)"\s*:"#)
        let assigned = try Regex(#"\b(?:detail|after|before)\["([a-z_0-9]+)"\]\s*="#)
        var found: [String: Set<String>] = [:]
        for file in files {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for start in source.matches(of: literal) {
                // The dictionary literal, to its closing bracket.
                var depth = 1
                var end = start.range.upperBound
                while depth > 0, end < source.endIndex {
                    if source[end] == "[" { depth += 1 } else if source[end] == "]" { depth -= 1 }
                    end = source.index(after: end)
                }
                let dictionary = source[start.range.upperBound..<end]
                for match in dictionary.matches(of: key) {
                    // `flag ? "yes" : "no"` is a value, not a key.
                    let before = dictionary[..<match.range.lowerBound].trimmingCharacters(in: .whitespaces)
                    if before.hasSuffix("?") { continue }
                    if let name = match.output[1].substring { found[String(name), default: []].insert(file) }
                }
            }
            for match in source.matches(of: assigned) {
                if let name = match.output[1].substring { found[String(name), default: []].insert(file) }
            }
        }
        return found
    }

    @Test func everyKeyAnEventDetailIsWrittenWithHasWords() throws {
        let keys = try Self.detailKeys()
        // The reader finds what it should (else the test would pass on nothing)
        #expect(["user", "role", "holder", "scan_state", "risks"].allSatisfy { keys[$0] != nil })
        let unnamed = keys.filter { EventDescriber.field($0.key).vi == $0.key }
        #expect(
            unnamed.isEmpty,
            "no words for \(unnamed.map { "\($0.key) (\($0.value.sorted().joined(separator: ", ")))" }.sorted())")
    }

    @Test func anAccountsEventsSayTheirFieldsAndTheRoleInWords() throws {
        let store = try Fixture.store()
        _ = try store.addUser(
            name: "thu", fullName: "Nguyễn Thị Thu", role: .archivist, password: "mat-khau-dung-1", by: Fixture.who(),
            cost: 4)
        try store.setUserDisabled(name: "thu", true, by: Fixture.who())
        let changes = try store.events(lang: .vi).suffix(2).map { $0.changes.joined(separator: "; ") }
        #expect(changes.first?.contains("vai trò: văn thư lưu trữ") == true)
        #expect(changes.first?.contains("họ tên: «Nguyễn Thị Thu»") == true)
        #expect(changes.last?.contains("tài khoản bị tắt: có") == true)
        #expect(!changes.joined().contains("archivist") && !changes.joined().contains("full_name"))
    }

    @Test func aLockOutSaysUntilWhenAsPeopleWriteATime() throws {
        // Given an account locked by five wrong passwords
        let store = try Fixture.store()
        _ = try store.addUser(
            name: "thu", fullName: "Nguyễn Thị Thu", role: .archivist, password: "mat-khau-dung-1", by: Fixture.who(),
            cost: 4)
        for _ in 0..<PasswordPolicy.maxFailures {
            _ = try store.authenticate(name: "thu", password: "sai", client: "127.0.0.1", now: Fixture.now)
        }
        // When the log says it, Then the time reads dd/mm/yyyy hh:mm in Vietnamese, as stored in English
        let vi = try #require(try store.events(lang: .vi).last).changes.joined(separator: "; ")
        let en = try #require(try store.events(lang: .en).last).changes.joined(separator: "; ")
        #expect(vi.firstMatch(of: #/khóa đến: \d{2}/\d{2}/\d{4} \d{2}:\d{2}/#) != nil, "\(vi)")
        #expect(en.firstMatch(of: #/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/#) != nil, "\(en)")
    }
}
