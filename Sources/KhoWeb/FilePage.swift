import Foundation
import KhoKit

/// A file's page: metadata, documents, masters with their QC findings and fixity, the PDF/A copy, custody, history.
enum FilePage {
    static func render(
        file: FileView, masters: [MasterView], documents: [DocumentView], copies: [PdfCopyView], events: [EventView],
        _ b: PageBuilder
    ) -> String {
        var body = b.facts([
            (b.t("Tiêu đề", "Title"), h(file.title)),
            (b.t("Hộp", "Box"), b.link("/boxes/\(pathSegment(file.box))", file.box)),
            (b.t("Vị trí", "Location"), h(file.location)),
            (
                b.t("Năm", "Years"),
                h(Format.years(file.startYear, file.endYear))
            ),
            (b.t("Thời hạn bảo quản", "Retention"), h(Retention.label(stored: file.retention, b.lang))),
            (b.t("Chế độ sử dụng", "Access"), h(file.access.label(b.lang))),
            (b.t("Số tờ", "Sheets"), h(file.sheets.map { b.integer($0) } ?? "")),
            (b.t("Tình trạng", "Condition"), h(file.condition.label(b.lang))),
            (b.t("Số hóa", "Scanning"), h(file.scanState.label(b.lang))),
            (b.t("Trang", "Pages"), h(b.integer(file.pages))),
            (b.t("Mã hồ sơ", "Archival code"), h(file.archiveId ?? "")),
            (b.t("Từ khóa", "Keywords"), h(file.keywords)), (b.t("Ghi chú", "Notes"), h(file.notes)),
            (
                b.t("Đang ở", "Whereabouts"),
                h(file.custody.map { $0.whereabouts(b.lang) } ?? b.t("trong kho", "in the store"))
            ),
        ])
        body += "<h2>\(h(b.t("Bản PDF/A", "PDF/A copy")))</h2>"
        if let copy = copies.first {
            body +=
                "<p>\(b.link("/files/\(pathSegment(file.box))/\(pathSegment(file.file))/pdf", b.t("Tải bản PDF/A", "Download the PDF/A copy"))) — \(h(copy.archiveId)), \(h(b.integer(copy.pages))) \(h(b.t("trang", "pages"))), \(h(Format.bytes(copy.bytes, lang: b.lang))), \(h(copy.pdfa)), SHA-256 <code>\(h(copy.sha256))</code>, \(h(b.t("lập lúc", "built"))) \(h(b.dateTime(copy.builtAt)))\(copy.verifiedAt.map { ", " + h(b.t("kiểm tra lúc", "verified")) + " " + h(b.dateTime($0)) } ?? "")</p>"
        } else {
            body += "<p class=\"muted\">\(h(b.t("Chưa có bản PDF/A.", "No PDF/A copy yet.")))</p>"
        }
        body += "<h2>\(h(b.t("Văn bản", "Documents")))</h2>"
        body += b.table(
            [
                b.t("Số TT", "No."), b.t("Số, ký hiệu", "Number"), b.t("Ngày", "Date"), b.t("Tác giả", "Issuer"),
                b.t("Trích yếu", "Summary"), b.t("Trang", "Pages"),
            ],
            documents.map { d in
                [
                    h(String(d.seq)), h(d.numberSymbol), h(d.date), h(d.issuer), h(d.summary),
                    h([d.pageFrom, d.pageTo].compactMap { $0.map(String.init) }.joined(separator: "–")),
                ]
            }, numeric: [0])
        let changed = masters.contains { $0.missing || $0.seenSHA256 != nil }
        body += WriteForms.fileActions(file, changedMasters: changed, b)
        body += "<h2>\(h(b.t("Bản quét (TIFF) và kiểm tra", "Masters (TIFF) and checks")))</h2>"
        body += b.table(
            [
                b.t("Tệp", "Master"), b.t("Trang", "Pages"), b.t("Cỡ", "Size"), "SHA-256",
                b.t("Kiểm tra lại", "Verified"),
                b.t("Lỗi chất lượng", "QC findings"),
            ],
            masters.map { m in
                [
                    h(m.name), h(String(m.pages)), h(Format.bytes(m.size, lang: b.lang)),
                    "<code>\(h(String((m.sha256 ?? "").prefix(16))))…</code>", h(m.verifiedAt.map(b.dateTime) ?? ""),
                    h(
                        ((m.missing ? [b.t("không còn trên đĩa", "missing from disk")] : [])
                            + m.problems.map(\.message)).joined(separator: "; ")),
                ]
            }, numeric: [1, 2])
        body += "<h2>\(h(b.t("Lịch sử", "History")))</h2>" + DashboardRoutes.eventTable(events, b)
        return body
    }
}
