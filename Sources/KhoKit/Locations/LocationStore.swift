import Foundation
import GRDB

/// The marks of shelf locations (table `location_risk`) and where boxes stand, as one transaction reads and writes them.
struct LocationStore {
    let db: Database

    /// Every mark, longest location first, to say which risks reach a box's location.
    func riskMap() throws -> RiskMap {
        let rows = try Row.fetchAll(db, sql: "SELECT location, risks FROM location_risk")
        return RiskMap(
            marks: rows.map { (location: $0["location"], risks: LocationRisk.parseStored($0["risks"])) }
                .sorted { ($0.location.count, $0.location) > ($1.location.count, $1.location) })
    }
}

extension Stores {
    /// The locations' marks in this transaction.
    var locations: LocationStore { LocationStore(db: db) }
}

extension RiskMap {
    /// The marks of the catalogue: a forwarder for code not moved to its store yet (Reports); the others call
    /// `tx.locations.riskMap()`.
    static func load(_ db: Database) throws -> RiskMap { try LocationStore(db: db).riskMap() }
}
