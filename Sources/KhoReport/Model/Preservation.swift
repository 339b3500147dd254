import KhoLocale

/// One registered copy as the report shows it: place, what it holds against what it should, its last sync and audit.
public struct ReportCopy: Sendable, Codable, Hashable {
    public var name: String
    public var place: String
    public var offsite: Bool
    public var primary: Bool
    public var available: Bool
    public var files: Int
    public var expectedFiles: Int
    public var bytes: Int64
    public var expectedBytes: Int64
    /// `YYYY-MM-DD`, nil when never.
    public var lastSync: String?
    public var lastAudit: String?
    public var problems: Int

    public init(
        name: String, place: String, offsite: Bool, primary: Bool, available: Bool, files: Int, expectedFiles: Int,
        bytes: Int64, expectedBytes: Int64, lastSync: String?, lastAudit: String?, problems: Int
    ) {
        self.name = name
        self.place = place
        self.offsite = offsite
        self.primary = primary
        self.available = available
        self.files = files
        self.expectedFiles = expectedFiles
        self.bytes = bytes
        self.expectedBytes = expectedBytes
        self.lastSync = lastSync
        self.lastAudit = lastAudit
        self.problems = problems
    }
}

/// One NDSA functional area: the level reached and what the next level needs, in plain words.
public struct ReportLevel: Sendable, Codable, Hashable {
    public var key: String
    public var area: Text
    public var level: Int
    public var next: [Text]

    public init(key: String, area: Text, level: Int, next: [Text]) {
        self.key = key
        self.area = area
        self.level = level
        self.next = next
    }
}

/// The copies and the NDSA Levels of Digital Preservation reached.
public struct ReportPreservation: Sendable, Codable, Hashable {
    public var copies: [ReportCopy]
    public var levels: [ReportLevel]

    public init(copies: [ReportCopy] = [], levels: [ReportLevel] = []) {
        self.copies = copies
        self.levels = levels
    }
}
