/// One fonds' progress, for the bars and the table of the `fonds` section.
public struct FondsRow: Sendable, Codable, Hashable {
    /// The fonds code, e.g. `UBND-SK1`.
    public var code: String
    /// The fonds name.
    public var name: String
    /// Σ extent as received, in metres.
    public var totalMetres: Double
    /// Metres arranged.
    public var arrangedMetres: Double
    /// Metres digitized.
    public var digitizedMetres: Double

    /// Makes a fonds row.
    public init(code: String, name: String, totalMetres: Double, arrangedMetres: Double, digitizedMetres: Double) {
        self.code = code
        self.name = name
        self.totalMetres = totalMetres
        self.arrangedMetres = arrangedMetres
        self.digitizedMetres = digitizedMetres
    }
}

/// One scan QC problem: which box and file, which page if known, and what is wrong.
public struct QCRow: Sendable, Codable, Hashable {
    /// The box code.
    public var box: String
    /// The file code.
    public var file: String
    /// The page number, when the problem is about one page.
    public var page: Int?
    /// What is wrong, in words a person understands ("150 dpi; profile vn-2025 needs ≥ 200").
    public var message: String

    /// Makes a QC row.
    public init(box: String, file: String, page: Int? = nil, message: String) {
        self.box = box
        self.file = file
        self.page = page
        self.message = message
    }
}

/// A box in poor physical condition (mould, water, insects, brittle).
public struct PoorBoxRow: Sendable, Codable, Hashable {
    /// The box code.
    public var box: String
    /// The fonds code or name.
    public var fonds: String
    /// Where the box stands, e.g. shelf `A-3-2`.
    public var location: String
    /// The condition in both languages.
    public var condition: Text
    /// A short retention summary, e.g. "12 vĩnh viễn, 3 10 năm".
    public var retention: String

    /// Makes a poor-box row.
    public init(box: String, fonds: String, location: String, condition: Text, retention: String) {
        self.box = box
        self.fonds = fonds
        self.location = location
        self.condition = condition
        self.retention = retention
    }
}
