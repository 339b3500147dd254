import Foundation
import Hummingbird
import HummingbirdTesting
import KhoKit
import Synchronization
import Testing

@testable import KhoWeb

/// File pages and searches are computed once per state of the catalogue (issue 24: p99 under load), and never shown
/// from an older state: every write appends an event, and a new newest event drops what was kept.
@Suite struct ReadCacheTests {
    @Test func anAnswerIsComputedOncePerStateAndKey() async throws {
        let cache = ReadCache()
        let runs = Mutex(0)
        @Sendable func compute() async throws -> String {
            runs.withLock { $0 += 1 }
            return "answer \(runs.withLock { $0 })"
        }
        #expect(try await cache.value("a", generation: 1, compute: compute) == "answer 1")
        #expect(try await cache.value("a", generation: 1, compute: compute) == "answer 1")
        #expect(try await cache.value("b", generation: 1, compute: compute) == "answer 2")
        // A new state of the catalogue: computed again
        #expect(try await cache.value("a", generation: 2, compute: compute) == "answer 3")
        #expect(runs.withLock { $0 } == 3)
    }

    @Test func anOlderAnswerIsGivenOnlyWhenNotOlderThanTheFloorWhileTheNewOneIsComputed() async throws {
        let cache = ReadCache()
        #expect(try await cache.value("q", generation: 5) { "state 5" } == "state 5")
        // A new state: with no floor the request waits for the new answer
        #expect(try await cache.value("q", generation: 6) { "state 6" } == "state 6")
        // A newer state, a floor at or below the kept answer's state: the kept answer while the new one is computed
        let gate = Mutex(false)
        let stale = try await cache.value("q", generation: 9, floor: 6) {
            while !gate.withLock({ $0 }) { try await Task.sleep(nanoseconds: 1_000_000) }
            return "state 9"
        }
        #expect(stale == "state 6")
        // A person who wrote at state 9 never gets the older answer
        gate.withLock { $0 = true }
        #expect(try await cache.value("q", generation: 9, floor: 9) { "again 9" } == "state 9")
    }

    @Test func aWriteOnTheWebIsSeenByItsAuthorsNextSearch() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let archivist = try await client.login("thu")
            #expect(!(try await client.get("/search?q=quyet+dinh+giao+dat", archivist).text.contains("/files/H01/01")))
            // When the archivist describes a document of the file on the web and searches for it at once
            let added = try await client.post(
                "/files/H01/01/documents", archivist, ["summary": "Quyết định giao đất", "date": "1995-03-02"])
            #expect(added.status == .seeOther)
            #expect(try await client.get("/search?q=quyet+dinh+giao+dat", archivist).text.contains("/files/H01/01"))
        }
    }

    @Test func aWriteIsSeenOnTheNextFilePageAndSearch() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            let before = try await client.get("/files/H01/01", viewer)
            #expect(before.text.contains("Hồ sơ cấp đất thôn Tân Hương"))
            #expect(try await client.get("/search?q=tan+huong", viewer).text.contains("/files/H01/01"))
            // When the title is changed (by the CLI, beside the server)
            var changes = FileChanges()
            changes.title = "Hồ sơ giao đất thôn Phú Lâm"
            let who = Attribution(actor: "Thu", recorder: "test", happenedAt: Date(), recordedAt: Date())
            _ = try fixture.store.editFile(FileRef(box: "H01", file: "01"), changes, by: who)
            // Then the next file page shows the new title, never the one kept
            let after = try await client.get("/files/H01/01", viewer)
            #expect(after.text.contains("<dd>Hồ sơ giao đất thôn Phú Lâm</dd>"))
            // (the old title is said only by the history's line of the edit, old → new)
            #expect(!after.text.contains("<dd>Hồ sơ cấp đất thôn Tân Hương</dd>"))
            #expect(after.text.components(separatedBy: "Tân Hương").count == 2)
            #expect(try await client.get("/search?q=phu+lam", viewer).text.contains("/files/H01/01"))
            // and a search kept from before someone else's write is given at most while the new one is computed
            var stillOld = true
            for _ in 0..<200 where stillOld {
                stillOld = try await client.get("/search?q=tan+huong", viewer).text.contains("/files/H01/01")
                if stillOld { try await Task.sleep(nanoseconds: 10_000_000) }
            }
            #expect(!stillOld)
        }
    }
}
