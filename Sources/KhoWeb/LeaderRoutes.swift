import Foundation
import Hummingbird
import KhoEstimation
import KhoKit

/// The leader's pages: what-if estimates (the leadership report in the browser, the same HTML as `kho report`),
/// saving an estimate, the report, and the council's decision on a destruction list.
enum LeaderRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/estimate", .leadership) { _, _, session in
            let saved = try await services.db { store in try store.savedEstimates() }
            let b = PageBuilder(lang: session.lang, session: session)
            var body = """
                <p>\(h(b.t("Bỏ trống để dùng số người đang làm và 5 ngày/tuần. Kết quả là báo cáo cho lãnh đạo, in được khổ A4.", "Leave empty for the people active now and 5 days a week. The result is the leadership report, printable on A4.")))</p>
                <form method="get" action="/estimate/report" class="stack">\(whatIfInputs(b))<button type="submit">\(h(b.t("Lập dự toán", "Estimate")))</button></form>
                <h2>\(h(b.t("Lưu dự toán (gửi tỉnh)", "Save an estimate (to send to the province)")))</h2>
                \(b.form("/estimate/save", [], inner: b.input("name", b.t("Tên", "Name"), required: true, placeholder: "Gửi tỉnh 12/2026") + whatIfInputs(b), submit: b.t("Lưu", "Save")))
                <h2>\(h(b.t("Dự toán đã lưu", "Saved estimates")))</h2>
                """
            body += b.table(
                [b.t("Tên", "Name"), b.t("Lập lúc", "Made"), b.t("Người lập", "By")],
                saved.map { s in
                    [
                        b.link(
                            "/estimate/report?saved=\(s.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                            s.name), h(b.dateTime(s.createdAt)), h(s.actor),
                    ]
                })
            body += "<h2>\(h(b.t("Danh mục tài liệu hết giá trị", "Destruction list")))</h2>"
            body += b.form(
                "/weed/approve", [],
                inner: b.input("fonds", b.t("Phông", "Fonds"), required: true)
                    + b.input(
                        "decision", b.t("Quyết định của Hội đồng", "Council's decision"), required: true,
                        placeholder: "QĐ số 12/QĐ-HĐXĐGTTL")
                    + b.input("date", b.t("Ngày", "Date"), type: "date", required: true),
                submit: b.t("Ghi quyết định duyệt", "Record the approval"))
            return Responses.html(b.page(b.t("Dự toán", "Estimate"), body))
        }
        guarded.get("/estimate/report", .leadership) { request, _, session in
            let q = request.query
            let source: ReportEstimate
            if let saved = q["saved"].flatMap(CataloguePages.nonEmpty) {
                source = .saved(saved)
            } else {
                source = .new(try estimateRequest(services, fields: { q[$0] }))
            }
            return try await report(source, services, session)
        }
        guarded.get("/report", .leadership) { _, _, session in
            try await report(.new(try estimateRequest(services, fields: { _ in nil })), services, session)
        }
        guarded.post("/estimate/save", .leadership) { _, context, _ in
            let f = context.form
            let name = f.value("name") ?? ""
            let req = try estimateRequest(services, fields: { f.value($0) })
            let who = services.attribution(context)
            try await services.db { store in
                let (inputs, result) = try store.makeEstimate(req)
                try store.saveEstimate(name: name, inputs: inputs, result: result, by: who)
            }
            return Responses.redirect("/estimate")
        }
        guarded.post("/weed/approve", .leadership) { _, context, _ in
            let f = context.form
            let who = services.attribution(context)
            _ = try await services.db { store in
                try store.approveWeeds(
                    fonds: f.value("fonds"), decision: f.value("decision") ?? "", day: f.value("date") ?? "", by: who)
            }
            return Responses.redirect("/estimate")
        }
    }

    /// The leadership report for `source`, as `kho report` writes it (its stylesheet inline, no script).
    static func report(
        _ source: ReportEstimate, _ services: WebServices, _ session: WebSession
    ) async throws
        -> Response
    {
        let lang = session.lang
        let html = try await services.db { store in try store.leadershipReport(source, lang: lang).html }
        return Responses.html(html, policy: SecurityHeadersMiddleware.inlineStylePolicy)
    }

    /// An estimate request from the what-if fields (`staff_arrangement`, `staff_scanning`, `days_per_week`,
    /// `until`, `scope`, `fonds`), with the rates file beside the catalogue as `kho estimate` reads it.
    static func estimateRequest(_ services: WebServices, fields: (String) -> String?) throws -> EstimateRequest {
        var request = try EstimateRequest(ratesFile: services.ratesPath)
        var staff: [String] = []
        if let n = fields("staff_arrangement").flatMap(CataloguePages.nonEmpty) { staff.append("arrangement=\(n)") }
        if let n = fields("staff_scanning").flatMap(CataloguePages.nonEmpty) { staff.append("scanning=\(n)") }
        if !staff.isEmpty { request.staff = try StaffPlan(parsing: staff.joined(separator: ",")) }
        if let d = fields("days_per_week").flatMap(CataloguePages.nonEmpty) {
            guard let days = Double(d.replacingOccurrences(of: ",", with: ".")), (0.5...7).contains(days) else {
                throw PageError(
                    status: .badRequest,
                    message: Text(
                        vi: "Số ngày mỗi tuần từ 0,5 đến 7, không phải «\(d)».",
                        en: "Days per week is 0.5 to 7, not “\(d)”."))
            }
            request.daysPerWeek = days
        }
        if let u = fields("until").flatMap(CataloguePages.nonEmpty) {
            guard let day = LocalDay(iso: u) else {
                throw PageError(
                    status: .badRequest,
                    message: Text(vi: "Ngày «\(u)» không đọc được.", en: "Cannot read the date “\(u)”."))
            }
            request.until = day
        }
        request.permanentOnly = fields("scope") == "permanent"
        request.fonds = fields("fonds").flatMap(CataloguePages.nonEmpty)
        return request
    }

    static func whatIfInputs(_ b: PageBuilder) -> String {
        b.input("staff_arrangement", b.t("Số người chỉnh lý", "People arranging"), type: "number")
            + b.input("staff_scanning", b.t("Số người số hóa", "People scanning"), type: "number")
            + b.input("days_per_week", b.t("Ngày mỗi tuần", "Days per week"), placeholder: "5")
            + b.input("until", b.t("Phải xong trước ngày", "Must finish by"), type: "date")
            + b.select(
                "scope", b.t("Phạm vi", "Scope"),
                [
                    ("all", b.t("tất cả", "everything")),
                    ("permanent", b.t("chỉ hồ sơ vĩnh viễn", "permanent records only")),
                ])
            + b.input("fonds", b.t("Phông (bỏ trống: tất cả)", "Fonds (empty: all)"))
    }
}
