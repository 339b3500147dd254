/// One fonds' file inventory (*mục lục hồ sơ*), rows in box order as the caller sorted them.
public struct InventoryFonds: Sendable, Codable, Hashable {
    /// The fonds code.
    public var code: String
    /// The fonds name.
    public var name: String
    /// The files, in box order.
    public var rows: [InventoryRow]
    /// Files with a current legal copy (PDF/A), and their metres as `kho status` counts them.
    public var deliveredFiles: Int
    public var deliveredMetres: Double

    /// Makes an inventory of one fonds.
    public init(code: String, name: String, rows: [InventoryRow], deliveredFiles: Int = 0, deliveredMetres: Double = 0)
    {
        self.code = code
        self.name = name
        self.rows = rows
        self.deliveredFiles = deliveredFiles
        self.deliveredMetres = deliveredMetres
    }
}

/// One file (*hồ sơ*) of the inventory, with the fields of Decree 30/2020/NĐ-CP, Annex V, plus the box.
public struct InventoryRow: Sendable, Codable, Hashable {
    /// The box number (*hộp số*).
    public var box: String
    /// The file number or code (*số, ký hiệu hồ sơ*).
    public var file: String
    /// The file title (*tiêu đề hồ sơ*).
    public var title: String
    /// The first year of the documents, if known.
    public var startYear: Int?
    /// The last year of the documents, if known.
    public var endYear: Int?
    /// Retention: `permanent`, or a number of years such as `10`.
    public var retention: String
    /// Number of sheets (*số tờ*), if counted.
    public var sheets: Int?
    /// Number of pages (*số trang*), if counted.
    public var pages: Int?
    /// Notes (*ghi chú*).
    public var notes: String
    /// The archival code (*mã hồ sơ*) its copies are named by; empty when it has none yet.
    public var archiveId: String
    /// True when the file has a current legal copy (PDF/A).
    public var delivered: Bool

    /// Makes an inventory row.
    public init(
        box: String, file: String, title: String, startYear: Int? = nil, endYear: Int? = nil,
        retention: String, sheets: Int? = nil, pages: Int? = nil, notes: String = "", archiveId: String = "",
        delivered: Bool = false
    ) {
        self.box = box
        self.file = file
        self.title = title
        self.startYear = startYear
        self.endYear = endYear
        self.retention = retention
        self.sheets = sheets
        self.pages = pages
        self.notes = notes
        self.archiveId = archiveId
        self.delivered = delivered
    }
}
