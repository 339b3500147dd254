import Foundation

extension KhoStore {
    /// Checks the catalogue: SQLite's own integrity and foreign keys, then that what is stored agrees with the log.
    ///
    /// A box's arrangement state must be what its latest live (not undone) `sort.start`/`sort.finish` implies, and
    /// its kept metres what that finish recorded; a file's scan state and pages what the ladder's one rule gives
    /// (its masters, its live hand record, its confirmations: ``FileLadder``); kept ≤ extent (on boxes and on finishes), kept set exactly when arranged;
    /// no live finish earlier than the start it closes; every `supersedes` link to a scan event of the same file;
    /// every file that passed QC or was delivered with masters on record; per-fonds status adds up to the total;
    /// every event id (`uid`) a unique ULID; every master not marked missing still on disk; custody and location marks
    /// as their live events left them (``checkArchivist(_:now:into:)``; overdue custody is a notice). Live means
    /// ``LiveEvent`` (not undone, not superseded). Nothing is changed.
    public func check(now: Date = Date()) throws -> CheckReport {
        let started = Date()
        var report = CheckReport()
        let integrity = SQLiteIntegrity(path: path)
        do {
            try reading { tx in
                try Self.checkSchema(tx, into: &report)
                try Self.checkEvents(tx, into: &report)
                try Self.checkEventDetails(tx, into: &report)
                try Self.checkBoxes(tx, into: &report)
                try checkArrangementDates(tx, into: &report)
                try Self.checkFiles(tx, into: &report)
                try Self.checkSupersedes(tx, into: &report)
                try Self.checkMastersOnRecord(tx, into: &report)
                try Self.checkCodesAndPaths(tx, into: &report)
                try Self.checkMasters(tx, into: &report)
                for finding in try tx.documents.pageRangeFindings() {
                    report.problems.append(
                        CheckProblem(
                            code: "document_pages", subject: "document \(finding.document)", text: finding.text))
                }
                try checkArchivist(tx, now: now, into: &report)
                try Self.checkWeedList(tx, into: &report)
                // SQLite's own findings come first, as the most serious.
                var sqlite = CheckReport()
                try Self.checkSQLite(tx, integrity: try integrity.lines(tx), into: &sqlite)
                report.problems.insert(contentsOf: sqlite.problems, at: 0)
            }
            try checkStatusSums(now: now, into: &report)
        } catch {
            // A damaged catalogue can stop the other checks (a page they read cannot be read): SQLite's own findings
            // are then the report, with what to do, instead of the error alone.
            guard let lines = integrity.finished(), lines != ["ok"] else { throw error }
            var damaged = CheckReport()
            damaged.problems = Self.integrityProblems(lines)
            damaged.problems.append(CheckFinding.Catalogue.damagedStoppedChecks.problem)
            damaged.seconds = Date().timeIntervalSince(started)
            return damaged
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The status adds up: the fonds' lengths to the whole archive's, kept and weeded to arranged.
    private func checkStatusSums(now: Date, into report: inout CheckReport) throws {
        let status = try status(now: now)
        let p = status.progress
        func sum(_ key: KeyPath<StatusFigures, Double>) -> Double {
            status.fonds.reduce(0) { $0 + $1.progress[keyPath: key] }
        }
        for (name, key) in [
            ("total_m", \StatusFigures.totalMetres), ("arranged_m", \.arrangedMetres), ("kept_m", \.keptMetres),
            ("digitized_m", \.digitizedMetres),
        ] {
            // Each fonds' length is rounded to the digits it is shown with: their sum is the whole's as shown.
            let scale = pow(10, Double(StatusFigures.shownDigits(key)))
            let parts = sum(key)
            if abs(parts - (p[keyPath: key] * scale).rounded() / scale) > 0.0005 {
                report.problems.append(
                    CheckFinding.Catalogue.statusSum(name: name, fonds: parts, whole: p[keyPath: key]).problem)
            }
        }
        if abs(p.keptMetres + p.weededMetres - p.arrangedMetres) > 0.0005 {
            report.problems.append(
                CheckFinding.Catalogue.keptPlusWeeded(
                    kept: p.keptMetres, weeded: p.weededMetres, arranged: p.arrangedMetres
                ).problem)
        }
    }

    /// SQLite's integrity findings as problems, each with what to do (none when it said `ok`).
    static func integrityProblems(_ integrity: [String]) -> [CheckProblem] {
        guard integrity != ["ok"] else { return [] }
        return integrity.prefix(100).map { CheckFinding.Catalogue.integrity(line: $0).problem }
    }

    static func checkSQLite(_ tx: Stores, integrity: [String], into report: inout CheckReport) throws {
        report.problems += integrityProblems(integrity)
        for row in try tx.integrity.foreignKeyProblems() {
            report.problems.append(
                CheckFinding.Catalogue.foreignKey(table: row.table, rowid: row.rowid, parent: row.parent).problem)
        }
    }

    /// The catalogue's schema is exactly what kho's migrations make for the migrations it holds: no extra trigger,
    /// view, table, index or column, none missing or changed (``CatalogueSchema``).
    static func checkSchema(_ tx: Stores, into report: inout CheckReport) throws {
        for difference in try tx.integrity.schemaDifferences().prefix(100) {
            report.problems.append(
                CheckFinding.Catalogue.schema(
                    type: difference.type, name: difference.name, difference: difference.text
                ).problem)
        }
    }
}
