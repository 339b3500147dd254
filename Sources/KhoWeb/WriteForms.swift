import Foundation
import KhoKit

/// The forms of the daily writes, shown on the pages where they apply and only to roles that may use them.
enum WriteForms {
    /// On a box's page: arrangement, move, hand-out/in, a weeding proposal, labels.
    static func boxActions(_ box: BoxView, _ b: PageBuilder) -> String {
        guard let session = b.session else { return "" }
        let base = "/boxes/\(pathSegment(box.code))"
        var html = ""
        if Permission.catalogue.allows(session.role) {
            html += "<h2>\(h(b.t("Chỉnh lý, vị trí, loại hủy", "Arrangement, location, weeding")))</h2>"
            // Only what the box's state allows (the library's rules): start, finish, then weeding.
            if box.arrangement.canStart {
                html += b.form("\(base)/sort-start", [], submit: b.t("Bắt đầu chỉnh lý", "Start arrangement"))
            }
            if box.arrangement.canFinish {
                html += b.form(
                    "\(base)/sort-finish", [],
                    inner: b.input("kept", b.t("Số mét giữ lại", "Metres kept"), placeholder: "0,45"),
                    submit: b.t("Hoàn thành chỉnh lý", "Finish arrangement"))
            }
            html += b.form(
                "\(base)/move", [], inner: b.input("location", b.t("Vị trí mới", "New location"), required: true),
                submit: b.t("Chuyển vị trí", "Move"))
            if box.acceptsWeeding { html += weedForm(base, b) }
            html +=
                "<p>\(b.link("/labels?boxes=\(pathSegment(box.code))", b.t("In nhãn hộp", "Print the box label")))</p>"
        }
        html += custodyForms(box.code, out: box.custody != nil, b)
        return html
    }

    /// A proposal to destroy a group of records of the box at `base`.
    static func weedForm(_ base: String, _ b: PageBuilder) -> String {
        b.form(
            "\(base)/weed", [],
            inner: b.input("title", b.t("Tên nhóm tài liệu", "Group of records"), required: true)
                + b.input("years", b.t("Thời gian", "Years"))
                + b.input("quantity", b.t("Số lượng", "Quantity"), required: true, placeholder: "0,10 m")
                + b.input("reason", b.t("Lý do hủy", "Reason"), required: true),
            submit: b.t("Đề nghị hủy", "Propose for destruction"))
    }

    /// On a file's page: record scanned pages, confirm a page count, accept changed or missing masters (operator),
    /// describe a document (archivist), hand-out/in. `changedMasters`: some master changed or went missing.
    static func fileActions(_ file: FileView, changedMasters: Bool, _ b: PageBuilder) -> String {
        guard let session = b.session else { return "" }
        let base = "/files/\(pathSegment(file.box))/\(pathSegment(file.file))"
        var html = ""
        if Permission.catalogue.allows(session.role) {
            html += b.form(
                "\(base)/documents", [],
                inner: b.input("number", b.t("Số, ký hiệu", "Number"), placeholder: "12/QĐ-UBND")
                    + b.input("date", b.t("Ngày", "Date"), placeholder: "15/03/2001")
                    + b.input("issuer", b.t("Tác giả", "Issuer"))
                    + b.input("summary", b.t("Trích yếu", "Summary"), required: true)
                    + b.input("pages", b.t("Trang", "Pages"), placeholder: "3-5"),
                submit: b.t("Thêm văn bản", "Add a document"))
        }
        if Permission.scanning.allows(session.role) {
            let forms = scanForms(file, changedMasters: changedMasters, base: base, b)
            if !forms.isEmpty { html += "<h2>\(h(b.t("Số hóa", "Scanning")))</h2>" + forms }
        }
        html += custodyForms("\(file.box)/\(file.file)", out: file.custody != nil, b)
        return html
    }

    /// The scanning forms the file's state allows: a hand record while nothing is scanned, the confirmation of a page
    /// count that does not match its sheets, the acceptance of changed or missing masters.
    static func scanForms(_ file: FileView, changedMasters: Bool, base: String, _ b: PageBuilder) -> String {
        var html = ""
        if file.acceptsScanRecord {
            html += b.form(
                "\(base)/scan-record", [],
                inner: b.input("pages", b.t("Số trang đã quét", "Pages scanned"), type: "number", required: true),
                submit: b.t("Ghi nhận đã số hóa", "Record scanning"))
        }
        if file.scanState == .mismatch {
            html += b.form(
                "\(base)/confirm", [],
                inner: b.input(
                    "note", b.t("Vì sao số trang này đúng", "Why this page count is right"), required: true,
                    placeholder: b.t("2 bản đồ gấp 4 trang", "2 fold-out maps of 4 pages")),
                submit: b.t("Xác nhận số trang", "Confirm the page count"))
        }
        if changedMasters || file.scanState == .review {
            html += b.form(
                "\(base)/accept", [],
                inner: b.input(
                    "page",
                    b.t("Chỉ bản quét (bỏ trống: mọi bản đã đổi)", "Only this master (empty: every changed one)"),
                    placeholder: "0007.tif")
                    + b.select(
                        "reason", b.t("Lý do", "Reason"),
                        [
                            ("rescan", b.t("quét lại", "rescanned")),
                            ("repair", b.t("sửa chữa, khôi phục", "repaired")),
                            ("lost", b.t("chấp nhận bản gốc đã mất", "accept that it is lost")),
                        ]),
                submit: b.t("Chấp nhận bản quét", "Accept the masters"))
        }
        return html
    }

    /// Hand-out and return: the archivist for any purpose, the operator for scanning.
    static func custodyForms(_ target: String, out: Bool, _ b: PageBuilder) -> String {
        guard let session = b.session,
            Permission.catalogue.allows(session.role) || Permission.scanning.allows(session.role)
        else { return "" }
        let purposes: [(String, String)] =
            Permission.catalogue.allows(session.role)
            ? CustodyPurpose.allCases.map { ($0.rawValue, $0.label(b.lang)) }
            : [(CustodyPurpose.scan.rawValue, CustodyPurpose.scan.label(b.lang))]
        var html = "<h2>\(h(b.t("Mượn, trả", "Hand-out and return")))</h2>"
        if out {
            html += b.form("/custody/in", [("target", target)], submit: b.t("Đã trả về kho", "Returned to the store"))
        } else {
            html += b.form(
                "/custody/out", [("target", target)],
                inner: b.input("to", b.t("Người nhận", "Given to"), required: true)
                    + b.select("purpose", b.t("Để", "For"), purposes)
                    + b.input("due", b.t("Hạn trả", "Due"), type: "date"),
                submit: b.t("Giao ra", "Hand out"))
        }
        return html
    }
}
