import GRDB

extension Database {
    /// Runs `sql` as damage done by hand would: v11's triggers that keep the log append-only are set aside for it and
    /// put back unchanged, so the catalogue's schema is still exactly kho's.
    public func tamperWithLog(_ sql: String, arguments: StatementArguments = StatementArguments()) throws {
        let triggers = try Row.fetchAll(
            self, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'event_never_%'")
        for trigger in triggers { try execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
        try execute(sql: sql, arguments: arguments)
        for trigger in triggers { try execute(sql: trigger["sql"] as String) }
    }
}
