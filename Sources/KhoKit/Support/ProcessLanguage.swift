import KhoLocale

extension Text {
    /// The text in the process's language (``Lang/current``, the CLI's `--lang`). Only for the places of the library
    /// not yet given a language (`Scanning/Ingest.swift`, `Scanning/IngestRecord.swift`, and the PDF/A build and
    /// verify in `Delivery/`); everything else is given the language it writes in. Remove this extension and build
    /// KhoKit to list them.
    func callAsFunction() -> String { self(Lang.current) }
}
