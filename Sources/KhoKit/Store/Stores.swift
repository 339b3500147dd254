import GRDB

/// One transaction's view of the catalogue, from which each feature takes its store (`tx.custody`, `tx.events`,
/// `tx.catalogue`, …).
///
/// A feature's store is a small struct in the feature's folder, in a file named `…Store.swift`; it holds that
/// feature's SQL and nothing else does. Code above the stores takes and returns values; it never sees GRDB's
/// `Database`. `StoreBoundaryTests` counts what is still outside the stores and fails when it grows.
struct Stores {
    /// The transaction's connection: only the stores' own initialisers read it.
    let db: Database
    /// The archive's local time zone (events are grouped into days by it).
    let time: LocalTime
}

extension KhoStore {
    /// Runs `body` in one write transaction with the stores over it; any error rolls everything back.
    func writing<T>(_ body: (Stores) throws -> T) throws -> T {
        try write { db in try body(Stores(db: db, time: time)) }
    }

    /// Runs `body` with the stores over a consistent read-only view of the catalogue.
    func reading<T>(_ body: (Stores) throws -> T) throws -> T {
        try read { db in try body(Stores(db: db, time: time)) }
    }
}
