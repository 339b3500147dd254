@_exported import KhoLocale

/// The language a message is written in (kho's one `Lang`); Vietnamese is the default everywhere.
public typealias KhoLanguage = Lang
