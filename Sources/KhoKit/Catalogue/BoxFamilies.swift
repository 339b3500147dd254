/// Boxes made by arranging another box (`--from`), traced back to the box or bundle as received.
///
/// Status, the estimate and the report all count a box as received together with the boxes made from it.
struct BoxFamilies {
    private var parentOf: [Int64: Int64] = [:]
    private var rootOf: [Int64: Int64] = [:]

    /// Records that box `child` was made from box `parent`.
    mutating func add(child: Int64, parent: Int64) { parentOf[child] = parent }

    /// The box as received that `id` comes from (itself when it was received as it is); a loop stops the walk.
    mutating func root(of id: Int64) -> Int64 {
        if let known = rootOf[id] { return known }
        var current = id
        var seen: Set<Int64> = [id]
        while let parent = parentOf[current], seen.insert(parent).inserted {
            current = parent
        }
        rootOf[id] = current
        return current
    }
}

/// A box as received with the boxes made from it: the unit whose work is measured — its digitized share (`kho
/// status`, the metres at risk) and its work left and ratios (the estimate). Counts only the files that may be
/// scanned (not secret); what a reader does not read (retention, pages) stays 0.
struct Family {
    var fonds: Int64
    var extentMM: Int64
    var arranged: Bool
    var keptMM: Int64?
    /// The files, those whose sheets are not counted, and the counted sheets.
    var files = 0
    var unknownSheets = 0
    var sheets = 0
    /// The permanent files.
    var permanentFiles = 0
    /// Files and sheets on the recorded, passed and delivered rungs (``rungs``).
    var digitizedFiles = [0, 0, 0]
    var digitizedSheets = [0, 0, 0]
    /// Pages of the digitized files, and of those among them whose sheets are counted.
    var digitizedPages = 0
    var digitizedPagesWithSheets = 0
    /// Files still to scan, those whose sheets are counted, and their sheets.
    var filesToScan = 0
    var filesToScanWithSheets = 0
    var sheetsToScan = 0

    /// The rungs on which a file counts as digitized (``ScanState/isDigitized``), in this order.
    static let rungs: [ScanState] = [.recorded, .passed, .delivered]

    init(fonds: Int64, extentMM: Int64, arranged: Bool, keptMM: Int64?) {
        self.fonds = fonds
        self.extentMM = extentMM
        self.arranged = arranged
        self.keptMM = keptMM
    }

    /// Adds `files` files on `state`, `withSheets` of them with counted sheets (`sheets` in all), holding `pages`
    /// pages (`pagesWithSheets` of them in the files with counted sheets). Files not digitized count as still to
    /// scan when `toScan` (the estimate's `--permanent-only` leaves the others out).
    mutating func add(
        files: Int, withSheets: Int, sheets: Int, pages: Int = 0, pagesWithSheets: Int = 0, state: ScanState,
        permanent: Bool = false, toScan: Bool = true
    ) {
        self.files += files
        unknownSheets += files - withSheets
        self.sheets += sheets
        if permanent { permanentFiles += files }
        if let rung = Self.rungs.firstIndex(of: state) {
            digitizedFiles[rung] += files
            digitizedSheets[rung] += sheets
            digitizedPages += pages
            digitizedPagesWithSheets += pagesWithSheets
        } else if toScan {
            filesToScan += files
            filesToScanWithSheets += withSheets
            sheetsToScan += sheets
        }
    }

    /// The files digitized, on any rung.
    var allDigitizedFiles: Int { digitizedFiles.reduce(0, +) }

    /// The counted sheets of the digitized files, on any rung.
    var allDigitizedSheets: Int { digitizedSheets.reduce(0, +) }

    /// The share of the family digitized on each rung: by sheets where every file's sheets are known, else by files.
    var digitizedShares: [Double] {
        guard files > 0 else { return [0, 0, 0] }
        if unknownSheets == 0 && sheets > 0 {
            return digitizedSheets.map { Double($0) / Double(sheets) }
        }
        return digitizedFiles.map { Double($0) / Double(files) }
    }
}
