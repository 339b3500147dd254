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

    /// The mark on exactly `location` (its risks and note); nil when it has none.
    func mark(at location: String) throws -> (risks: [LocationRisk], note: String?)? {
        try Row.fetchOne(
            db, sql: "SELECT risks, note, event_id FROM location_risk WHERE location = ?", arguments: [location]
        ).map { (risks: LocationRisk.parseStored($0["risks"]), note: $0["note"]) }
    }

    /// Writes a location's mark (deletes it when `risks` is empty).
    func setMark(location: String, risks: [LocationRisk], note: String, event: Int64?) throws {
        if risks.isEmpty {
            try db.execute(sql: "DELETE FROM location_risk WHERE location = ?", arguments: [location])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO location_risk (location, risks, note, event_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (location) DO UPDATE SET risks = excluded.risks, note = excluded.note, event_id = excluded.event_id
                    """, arguments: [location, LocationRisk.stored(risks), note, event])
        }
    }

    /// How many boxes stand at a location the mark on `location` covers.
    func boxesCovered(by location: String) throws -> Int {
        // The locations starting with `location`: a range of the box_location index (U+10FFFF sorts after any
        // character that can follow the prefix).
        let candidates = try String.fetchAll(
            db, sql: "SELECT location FROM box WHERE location >= ? AND location < ? || char(1114111)",
            arguments: [location, location])
        return candidates.filter { LocationCover.covers(location, $0) }.count
    }

    /// A location's mark as stored, with who made it and when (seconds since 1970).
    struct StoredMark {
        var location: String
        var risks: [LocationRisk]
        var note: String
        var event: Int64
        var actor: String?
        var happenedAt: Int64?
    }

    /// The marked locations, in location order.
    func marks() throws -> [StoredMark] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.location, r.risks, r.note, r.event_id, e.actor, e.happened_at
                FROM location_risk r LEFT JOIN event e ON e.id = r.event_id ORDER BY r.location
                """
        ).map { row in
            StoredMark(
                location: row["location"], risks: LocationRisk.parseStored(row["risks"]), note: row["note"],
                event: row["event_id"], actor: row["actor"], happenedAt: row["happened_at"])
        }
    }

    /// How many boxes stand exactly at each location (boxes with no location left out).
    func boxesByLocation() throws -> [String: Int] {
        var boxes: [String: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT location, COUNT(*) AS boxes FROM box WHERE location != '' GROUP BY location")
        {
            boxes[row["location"]] = row["boxes"]
        }
        return boxes
    }

    /// The note of each marked location.
    func notesByLocation() throws -> [String: String] {
        var notes: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT location, note FROM location_risk") {
            notes[row["location"]] = row["note"]
        }
        return notes
    }

    /// The first live `location.mark` of `location` after event `id`; nil when there is none.
    func liveMark(of location: String, after id: Int64?) throws -> Int64? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id FROM event e WHERE e.kind = 'location.mark' AND e.id > ? AND json_extract(e.detail, '$.after.location') = ?
                  AND \(LiveEvent.sql(alias: "e")) ORDER BY e.id LIMIT 1
                """, arguments: [id, location]
        ).map { row -> Int64 in row["id"] }
    }
}

extension Stores {
    /// The locations' marks in this transaction.
    var locations: LocationStore { LocationStore(db: db) }
}
