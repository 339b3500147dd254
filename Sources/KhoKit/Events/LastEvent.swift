import Foundation
import GRDB

extension KhoStore {
    /// The id of the newest event (0 when there is none): every write appends one, so a figure computed from the
    /// catalogue stays right for as long as this id and the day are the same.
    public func lastEventId() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
    }
}
