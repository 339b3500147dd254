@_exported import KhoLocale

/// A user-facing text in both languages (the same type as the rest of kho uses).
public typealias Bilingual = KhoLocale.Text
