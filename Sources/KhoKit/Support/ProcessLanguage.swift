import KhoLocale

extension Text {
    /// The text in the process's language (``Lang/current``, the CLI's `--lang`). Only for the ingest's files, not yet
    /// given a language (`Scanning/Ingest.swift`, `IngestPlan.swift`, `IngestRecord.swift`); everything else is given
    /// the language it writes in. Remove this extension and build KhoKit to list its uses.
    func callAsFunction() -> String { self(Lang.current) }
}
