import Foundation
import KhoEstimation
import KhoTestSupport
import Testing

@testable import KhoKit

/// Bytes per page is measured from the masters that passed QC, once there are enough of them.
@Suite struct StorageMeasureTests {
    let scans = try! TemporaryDirectory()

    func catalogue(files: Int) throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "1"), by: Fixture.who())
        for i in 1...files {
            try store.registerFile(
                FileDraft(ref: FileRef(box: "H1", file: String(format: "%02d", i)), title: "hồ sơ \(i)"),
                by: Fixture.who())
        }
        return store
    }

    /// Writes `count` one-page masters of growing width into H1/01…, and one 150-dpi master that fails QC.
    func masters(_ count: Int) throws -> [Double] {
        var perPage: [Double] = []
        for i in 0..<count {
            let file = String(format: "%02d", i % 10 + 1)
            let path = scans.file("H1/\(file)/\(String(format: "%04d", i)).tif")
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // Two-page masters: bytes per page is size ÷ 2.
            let page = FixturePage(width: UInt32(100 + i), height: 100)
            try FixtureWriter.write([page, page], to: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            perPage.append(Double(size) / 2)
        }
        let bad = scans.file("H1/01/9999.tif")
        try FixtureWriter.write([FixturePage(width: 900, height: 900, xResolution: 150, yResolution: 150)], to: bad)
        return perPage
    }

    func estimate(_ store: KhoStore) throws -> EstimateResult {
        var request = EstimateRequest(rates: .defaults, ratesFound: false)
        request.resamples = 200
        return KhoEstimation.estimate(try store.estimateInputs(request, now: Fixture.now))
    }

    @Test func bytesPerPageIsMeasuredFromPassedMastersWithinOnePercent() throws {
        // Given 25 masters of known size that pass QC, and one large master that fails it
        let store = try catalogue(files: 10)
        let truth = try masters(25)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
        // When estimated
        let r = try estimate(store)
        // Then bytes per page is measured from the 25 passed masters, within 1 % of their true mean
        let mean = truth.reduce(0, +) / Double(truth.count)
        #expect(r.storage.bytesPerPageSource == .measured)
        #expect(r.storage.mastersMeasured == 25)
        #expect(abs(r.storage.bytesPerPage - mean) / mean < 0.01, "\(r.storage.bytesPerPage) vs \(mean)")
        #expect(!r.assumptions.contains { $0.key == "bytes_per_page" })
        // And one figure per copy, and the total over the copies, built once
        #expect(r.storage.totalBytes == r.storage.totalBytesPerCopy * Int64(r.storage.copies))
        #expect(
            r.storage.remainingBytesPerCopy == Int64((r.scanning.remainingPages * r.storage.bytesPerPage).rounded()))
        #expect(r.storage.storedBytesNowPerCopy > 0)
    }

    @Test func fewerThanTwentyMastersKeepTheStatedAssumption() throws {
        // Given 19 passed masters
        let store = try catalogue(files: 10)
        _ = try masters(19)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
        // When estimated
        let r = try estimate(store)
        // Then the assumption is used and says how many masters there are
        #expect(r.storage.bytesPerPageSource == .assumed)
        #expect(r.storage.mastersMeasured == 19)
        #expect(r.storage.bytesPerPage == EstimationDefaults.bytesPerPage)
        #expect(r.assumptions.contains { $0.key == "bytes_per_page" && $0.message.en.contains("19 masters") })
    }

    /// The median bytes per page is the middle one (odd count) or the middle two (even count) of every master's,
    /// whatever order they are read in (by id, since v19).
    @Test(arguments: [
        ([Double](), [Double]()), ([5], [5]), ([9, 1, 5], [5]), ([4, 1, 3, 2], [2, 3]), ([7, 7, 7, 1], [7, 7]),
        ([2.5, 1e7, 0.5, 3, 3, 1e-3], [2.5, 3]),
    ])
    func theMiddleOfTheValuesInAnyOrder(_ values: [Double], _ middle: [Double]) {
        var values = values
        #expect(EstimateStore.middle(of: &values) == middle)
    }
}
