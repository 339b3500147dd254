import GRDB

/// The one definition of a live event: an event that no other event undoes or supersedes.
///
/// The log is append-only: `kho undo` appends an event whose `undoes` names the original, and an ingest of
/// masters appends a `scan.ingest` whose `supersedes` names the hand record (`scan.record`) it replaces. The
/// originals stay in the log but count for nothing: not for a box's or file's state, progress, throughput or
/// reports. Every query that reads state or work from the log keeps to live events, through this condition.
public enum LiveEvent {
    /// The alias of the undoing or superseding event inside the condition, for `counting` conditions.
    public static let laterAlias = "later"

    /// An SQL condition that holds when the `event` row named `alias` is live (not undone, not superseded).
    ///
    /// Use it in a `WHERE` clause: `"SELECT … FROM event e WHERE e.kind = 'sort.finish' AND \(LiveEvent.sql(alias: "e"))"`;
    /// with GRDB's query interface on `Event`, `filter(sql: LiveEvent.sql(alias: "event"))`. `counting`, when given, is
    /// an SQL condition over alias ``laterAlias`` (`later`) that limits which undoing or superseding events count,
    /// e.g. `"later.happened_day <= ?"` to read the log as it stood on a day (a `?` in it takes its argument at the
    /// place where the condition stands in the statement). `alias` must not be `later`.
    public static func sql(alias: String, counting condition: String? = nil) -> String {
        "NOT EXISTS (\(later(than: alias))\(condition.map { " AND (\($0))" } ?? ""))"
    }

    /// ``sql(alias:counting:)`` with a `counting` condition that binds its own values (GRDB's `SQL` interpolation).
    static func literal(alias: String, counting condition: SQL) -> SQL {
        "NOT EXISTS (\(sql: later(than: alias)) AND (\(condition)))"
    }

    /// The events that undo or supersede the `event` row named `alias`.
    private static func later(than alias: String) -> String {
        precondition(alias != laterAlias, "LiveEvent.sql: the outer alias must differ from \(laterAlias)")
        return
            "SELECT 1 FROM event \(laterAlias) WHERE (\(laterAlias).undoes = \(alias).id OR \(laterAlias).supersedes = \(alias).id)"
    }
}
