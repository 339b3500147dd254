/// The ratios an estimate uses: measured where given, otherwise the stated defaults (each listed as an assumption).
struct ResolvedRatios {
    var keptPerExtent: Double
    var pagesPerSheet: Double
    var pagesPerKeptMetre: Double
    var bytesPerPage: Double
    var bytesPerPageMeasured: Bool
    var mastersMeasured: Int
    var filesPerKeptMetre: Double
    var documentsPerFile: Double
    var documentsPerFileMeasured = false
    var assumptions: [Assumption] = []

    init(_ m: MeasuredRatios) {
        var assumptions: [Assumption] = []
        func pick(_ v: Double?, _ valid: (Double) -> Bool, _ fallback: Double, _ note: (Double) -> Assumption) -> Double
        {
            if let v, v.isFinite, valid(v) { return v }
            assumptions.append(note(fallback))
            return fallback
        }
        let positive: (Double) -> Bool = { $0 > 0 }
        keptPerExtent = pick(
            m.keptPerExtent, { $0 >= 0 && $0 <= 1 }, EstimationDefaults.keptPerExtent, Texts.keptPerExtent)
        pagesPerSheet = pick(m.pagesPerSheet, positive, EstimationDefaults.pagesPerSheet, Texts.pagesPerSheet)
        let sheetMeasured = !assumptions.contains { $0.key == "pages_per_sheet" }
        let ppkmFallback = EstimationDefaults.sheetsPerMetre * pagesPerSheet
        pagesPerKeptMetre = pick(m.pagesPerKeptMetre, positive, ppkmFallback) {
            Texts.pagesPerKeptMetre($0, pagesPerSheetMeasured: sheetMeasured)
        }
        let enoughMasters = (m.mastersMeasured ?? Int.max) >= EstimationDefaults.minimumMastersForBytesPerPage
        bytesPerPage = pick(enoughMasters ? m.bytesPerPage : nil, positive, EstimationDefaults.bytesPerPage) {
            Texts.bytesPerPage($0, mastersMeasured: m.mastersMeasured ?? 0)
        }
        bytesPerPageMeasured = !assumptions.contains { $0.key == "bytes_per_page" }
        mastersMeasured = bytesPerPageMeasured ? (m.mastersMeasured ?? 0) : (m.mastersMeasured ?? 0)
        filesPerKeptMetre = pick(
            m.filesPerKeptMetre, { $0 >= 0 }, EstimationDefaults.filesPerKeptMetre, Texts.filesPerKeptMetre)
        let enoughFiles = (m.documentsMeasuredFiles ?? Int.max) >= EstimationDefaults.minimumDescribedFiles
        documentsPerFile = pick(
            enoughFiles ? m.documentsPerFile : nil, { $0 >= 0 }, EstimationDefaults.documentsPerFile
        ) {
            Texts.documentsPerFile($0, filesDescribed: m.documentsMeasuredFiles ?? 0)
        }
        documentsPerFileMeasured = !assumptions.contains { $0.key == "documents_per_file" }
        self.assumptions = assumptions
    }
}

/// A finite, non-negative quantity (anything else counts as 0).
func clean(_ x: Double) -> Double { x.isFinite && x > 0 ? x : 0 }
