import Foundation
import HTTPTypes
import KhoKit

/// A CSV upload, imported with the CLI's own reader (`importCSV` on a temporary copy): all rows or none.
enum Upload {
    static func importCSV(
        _ upload: (name: String, data: Data), kind: ImportKind, dryRun: Bool, who: Attribution, _ services: WebServices,
        _ b: PageBuilder
    ) async throws -> (html: String, status: HTTPResponse.Status) {
        // The upload's own name (letters, digits, dots and dashes only) names the import's source in the log.
        let safe = String(
            upload.name.unicodeScalars.filter {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            }.map(Character.init).prefix(80))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kho-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(safe.isEmpty || safe.hasPrefix(".") ? "upload.csv" : safe).path
        try upload.data.write(to: URL(fileURLWithPath: path))
        let title = dryRun ? b.t("Chạy thử nhập CSV", "CSV import dry run") : b.t("Nhập CSV", "CSV import")
        do {
            let report = try await services.db { store in
                try store.importCSV(kind, path: path, dryRun: dryRun, by: who, lang: b.lang)
            }
            var body =
                "<p class=\"notice\">\(h(dryRun ? b.t("Mọi dòng đều hợp lệ: \(b.integer(report.rows)) dòng. Chưa nhập gì (chạy thử).", "Every row is valid: \(b.integer(report.rows)) rows. Nothing was imported (dry run).") : b.t("Đã nhập \(b.integer(report.imported)) / \(b.integer(report.rows)) dòng.", "Imported \(b.integer(report.imported)) of \(b.integer(report.rows)) rows.")))"
            if let m = report.metres { body += " \(h(b.t("Thêm", "Adds"))) \(h(b.metres(m)))." }
            body += "</p><p>\(b.link("/work", b.t("Về trang nhập liệu", "Back to catalogue work")))</p>"
            return (b.page(title, body), .ok)
        } catch ImportError.badRows(_, let problems, let rows) {
            let body =
                "<p class=\"error\">\(h(b.t("\(problems.count) dòng lỗi trong \(rows) dòng: chưa nhập dòng nào. Sửa bảng tính rồi gửi lại.", "\(problems.count) bad rows of \(rows): nothing was imported. Fix the sheet and send it again.")))</p>"
                + b.table(
                    [b.t("Dòng", "Line"), b.t("Mã", "Code"), b.t("Lỗi", "Problem")],
                    problems.map { [h(String($0.line)), h($0.code ?? ""), h($0.message)] }, numeric: [0])
                + "<p>\(b.link("/work", b.t("Về trang nhập liệu", "Back to catalogue work")))</p>"
            return (b.page(title, body), .unprocessableContent)
        } catch let error as KhoError {
            // The message names the upload as the person sent it, never the server's temporary folder.
            let shown = upload.name.isEmpty ? "CSV" : upload.name
            throw PageError(
                status: .badRequest,
                message: Text(
                    vi: error.text.vi.replacingOccurrences(of: path, with: shown),
                    en: error.text.en.replacingOccurrences(of: path, with: shown)))
        }
    }
}
