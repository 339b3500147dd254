import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// The fonds' lengths add up to the whole archive's as people read them (to the millimetre), as `kho check` demands.
@Suite struct StatusRoundingTests {
    @Test func theFondsLengthsAddUpToTheTotalShown() throws {
        // Given four fonds, each with 3.055,4 mm digitized (a share of a box's millimetres): 12.221,6 mm in all
        let store = try KhoStore.inMemory()
        for code in ["A", "B", "C", "D"] { try store.addFonds(code: code, name: "Phông \(code)", by: Fixture.who()) }
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM fonds ORDER BY code") }
        var count = StatusCount()
        for id in ids {
            var tally = StatusTally()
            tally.totalMillimetres = 3_055.4
            tally.digitizedMillimetres = 3_055.4
            count.perFonds[id] = tally
        }
        // When the status is made
        let status = try store.reading { tx in count.status(fonds: try tx.status.fonds(), asOf: "2026-12-07 08:00") }
        // Then the whole is 12,222 m and the fonds show lengths that add up to it (not 4 × 3,055 = 12,220 m)
        #expect(status.progress.digitizedMetres == 12.222)
        #expect(status.progress.totalMetres == 12.222)
        #expect(abs(status.fonds.map(\.progress.totalMetres).reduce(0, +) - 12.222) < 0.0005)
        #expect(status.fonds.allSatisfy { [3.055, 3.056].contains($0.progress.totalMetres) })
        // And their metres digitized, shown to the centimetre, add up to the whole's as shown (12,22 m)
        let parts = status.fonds.map(\.progress.digitizedMetres)
        #expect(abs(parts.reduce(0, +) - 12.22) < 0.0005)
        #expect(parts.allSatisfy { $0 == 3.05 || $0 == 3.06 })
        #expect(Format.digitizedMetres(status.progress.digitizedMetres, lang: .vi) == "12,22")
    }
}
