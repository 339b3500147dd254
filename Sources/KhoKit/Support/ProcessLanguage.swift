import KhoLocale

extension Text {
    /// The text in the process's language (``Lang/current``, the CLI's `--lang`). Only for the two files of the
    /// library not yet given a language, `Scanning/Ingest.swift` and `Scanning/IngestRecord.swift`; everything else is
    /// given the language it writes in. Remove this extension and build KhoKit to list its uses.
    func callAsFunction() -> String { self(Lang.current) }
}
