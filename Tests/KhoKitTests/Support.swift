import Foundation
import Testing

@testable import KhoKit

/// Fixtures shared by the library tests: an in-memory catalogue, people, and a fixed clock.
enum Fixture {
    static let time = LocalTime(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    /// 2026-11-27 10:00 in Hà Tĩnh.
    static let now = time.parse("2026-11-27T10:00")!

    static func who(_ name: String = "Nguyễn Thị Thu", at: String? = nil, opening: Bool = false) -> Attribution {
        try! Attribution.resolve(by: name, at: at, opening: opening, now: now, env: ["USER": "test"], time: time)
    }

    /// Who registers boxes in tests that back-fill work: on 1 January 2026, before any work they record (work is
    /// never dated before its box was registered).
    static var registrar: Attribution { who(at: "2026-01-01T08:00") }

    /// A catalogue with one fonds, UBND-SK1.
    static func store() throws -> KhoStore {
        let store = try KhoStore.inMemory(time: time)
        try store.addFonds(code: "UBND-SK1", name: "UBND xã Sơn Kim 1", by: who())
        return store
    }

    /// A new empty folder under the temporary directory; the caller removes it (`defer`); a suite keeps a
    /// `TemporaryDirectory` (removed when the test ends) instead.
    static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kho-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    static func write(bytes: [UInt8], to name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    static func eventCount(_ store: KhoStore) throws -> Int { try store.events(lang: .vi).count }
}

/// Asserts that `body` throws exactly `expected`.
func expectError<E: Error & Equatable, T>(
    _ expected: E, _ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try body()
        Issue.record("expected \(expected), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as E {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}
