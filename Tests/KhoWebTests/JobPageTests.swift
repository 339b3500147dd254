import Foundation
import KhoKit
import Testing

@testable import KhoWeb

/// A long job started in the browser says what the command line says after it: the summary and every warning.
@Suite struct JobPageTests {
    @Test func anIngestInTheBrowserNamesTheFoldersItCouldNotPlace() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Given a scans folder with masters under a box the catalogue does not have (a typo: H10 for H01)
        let stray = fixture.folder.appendingPathComponent("H10/01")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("II*\0".utf8).write(to: stray.appendingPathComponent("0001.tif"))
        try await fixture.test { client in
            let operatorLogin = try await client.login("quet")
            // When the operator ingests from the browser and the job ends
            #expect(try await client.post("/jobs/ingest", operatorLogin).status == .seeOther)
            var page = ""
            for _ in 0..<250 where !page.contains("Đã nạp") {
                try await Task.sleep(for: .milliseconds(20))
                page = try await client.get("/jobs", operatorLogin).text
            }
            // Then the page says what the command line says: the counts, and the folder that names no box
            #expect(page.contains("Đã nạp 0 tệp"))
            #expect(page.contains("Lưu ý về thư mục:"), "\(page)")
            #expect(page.contains("H10"))
        }
    }

    @Test func aJobsNotesAreListedUnderTheirHeadings() {
        let b = PageBuilder(lang: .vi, session: nil)
        let html = ScanRoutes.notesList(
            [
                Text(verbatim: "Lỗi (1 hồ sơ chưa có bản PDF):"), Text(verbatim: "  H1/01: ocrmypdf: <lỗi>"),
                Text(verbatim: "Công cụ: OCRmyPDF"),
            ], b)
        #expect(
            html
                == "<ul class=\"notes\"><li>Lỗi (1 hồ sơ chưa có bản PDF):<ul><li>H1/01: ocrmypdf: &lt;lỗi&gt;</li></ul></li><li>Công cụ: OCRmyPDF</li></ul>"
        )
    }
}
