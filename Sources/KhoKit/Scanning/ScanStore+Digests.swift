import GRDB

/// The masters' SHA-256 digests as the duplicate check finds them (`master_digest`, written with each new master
/// by the ingest, changed and removed with it by triggers on `master`):
/// merged ones in a big index, recent ones in a small one. Merging the recent ones is one pass over the big index,
/// done by the ingest that leaves more than `mergeAt` of them.
enum MasterDigests {
    /// Recent digests an ingest may leave before it merges them: a few days' work.
    static let mergeAt = 16_384

}

extension ScanStore {
    /// How many digests are recent (not merged yet); one read of the small index.
    func recentDigests() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master_digest WHERE merged = 0") ?? 0
    }

    /// Moves the recent digests into the big index in one transaction: each page of it is written once, however many
    /// digests land on it.
    func mergeDigests() throws {
        try db.execute(sql: "UPDATE master_digest SET merged = 1 WHERE merged = 0")
    }
}
