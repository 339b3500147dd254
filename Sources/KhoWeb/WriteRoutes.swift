import Foundation
import HTTPTypes
import Hummingbird
import KhoKit
import KhoReport

/// The archivist's catalogue writes: register a box, import a CSV by upload (with a dry run), arrange, move,
/// describe documents, weeding proposals, labels; and hand-out/in (the operator too, for scanning).
enum WriteRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/work", .catalogue) { _, _, session in
            let b = PageBuilder(lang: session.lang, session: session)
            return Responses.html(b.page(b.t("Nhập liệu", "Catalogue work"), workPage(b)))
        }
        guarded.post("/boxes", .catalogue) { _, context, _ in
            let draft = boxDraft(context.form)
            let who = services.attribution(context)
            let box = try await services.db { store in try store.registerBox(draft, by: who) }
            return Responses.redirect("/boxes/\(pathSegment(box.code))")
        }
        guarded.post("/import", .catalogue) { _, context, session in
            let b = PageBuilder(lang: session.lang, session: session)
            guard let upload = context.form.files["file"], !upload.data.isEmpty else {
                throw PageError(
                    status: .badRequest, message: Text(vi: "Chưa chọn tệp CSV.", en: "No CSV file was chosen."))
            }
            let kindName = context.form["kind"] ?? "boxes"
            guard let kind = ImportKind(rawValue: kindName), kind != .scans else { throw HTTPError(.badRequest) }
            let dryRun = context.form["dry_run"] != nil
            let who = services.attribution(context)
            let page = try await Upload.importCSV(upload, kind: kind, dryRun: dryRun, who: who, services, b)
            return Responses.html(page.html, status: page.status)
        }
        guarded.post("/boxes/:box/sort-start", .catalogue) { _, context, _ in
            let code = try context.parameters.require("box")
            let who = services.attribution(context)
            _ = try await services.db { store in try store.startArrangement(of: [code], by: who) }
            return Responses.redirect("/boxes/\(pathSegment(code))")
        }
        guarded.post("/boxes/:box/sort-finish", .catalogue) { _, context, _ in
            let code = try context.parameters.require("box")
            let kept = context.form.value("kept")
            let who = services.attribution(context)
            _ = try await services.db { store in try store.finishArrangement(of: [code], kept: kept, by: who) }
            return Responses.redirect("/boxes/\(pathSegment(code))")
        }
        guarded.post("/boxes/:box/move", .catalogue) { _, context, _ in
            let code = try context.parameters.require("box")
            let location = context.form.value("location") ?? ""
            let who = services.attribution(context)
            _ = try await services.db { store in try store.moveBox(code, to: location, by: who) }
            return Responses.redirect("/boxes/\(pathSegment(code))")
        }
        guarded.post("/boxes/:box/weed", .catalogue) { _, context, _ in
            let code = try context.parameters.require("box")
            let f = context.form
            let draft = WeedDraft(
                box: code, title: f.value("title") ?? "", years: f.value("years"), quantity: f.value("quantity") ?? "",
                reason: f.value("reason") ?? "", notes: f.value("notes"))
            let who = services.attribution(context)
            _ = try await services.db { store in try store.addWeed(draft, by: who) }
            return Responses.redirect("/boxes/\(pathSegment(code))")
        }
        ScanRoutes.fileWrite(guarded, "documents", .catalogue) { store, ref, f, who in
            let draft = DocumentDraft(
                number: f.value("number"), date: f.value("date"), issuer: f.value("issuer"),
                summary: f.value("summary"), pages: f.value("pages"))
            // The view returned is not shown (the page redirects), so its language does not matter.
            _ = try store.addDocument(DocumentRef(file: ref, seq: nil), draft, by: who, lang: .vi)
        }
        guarded.post("/custody/out", .read) { _, context, session in
            let f = context.form
            let purpose = f.value("purpose") ?? ""
            try allowCustody(session, purpose: purpose)
            let target = try CustodyTarget(parsing: f.value("target") ?? "")
            try await services.requireVisible(target, session)
            let who = services.attribution(context)
            _ = try await services.db { store in
                try store.takeOut(target, to: f.value("to") ?? "", purpose: purpose, due: f.value("due"), by: who)
            }
            return Responses.redirect(targetPage(target))
        }
        guarded.post("/custody/in", .read) { _, context, session in
            let target = try CustodyTarget(parsing: context.form.value("target") ?? "")
            try await services.requireVisible(target, session)
            let holder = try await services.db { store in try store.custodyHolder(of: target) }
            try allowCustody(session, purpose: holder?.purpose.rawValue ?? "")
            let who = services.attribution(context)
            _ = try await services.db { store in try store.bringIn(target, by: who) }
            return Responses.redirect(targetPage(target))
        }
        guarded.get("/labels", .catalogue) { request, _, session in
            let boxes = (request.query["boxes"] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            let since = request.query["since"].flatMap(CataloguePages.nonEmpty)
            let fonds = request.query["fonds"].flatMap(CataloguePages.nonEmpty)
            let lang = session.lang
            let page = try await services.db { store in
                renderLabelsHTML(
                    try store.boxLabels(LabelSelection(boxes: boxes, fonds: fonds, madeSince: since)), lang: lang,
                    generatedAt: store.time.dateTime(of: Date()))
            }
            return Responses.html(page, policy: SecurityHeadersMiddleware.inlineStylePolicy)
        }
    }

    /// The operator hands out and takes back for scanning only; the archivist for any purpose.
    static func allowCustody(_ session: WebSession, purpose: String) throws {
        if Permission.catalogue.allows(session.role) { return }
        guard Permission.scanning.allows(session.role), CustodyPurpose.parse(purpose) == .scan else {
            throw HTTPError(.forbidden)
        }
    }

    static func targetPage(_ target: CustodyTarget) -> String {
        switch target {
        case .box(let code): "/boxes/\(pathSegment(code))"
        case .file(let ref): "/files/\(pathSegment(ref.box))/\(pathSegment(ref.file))"
        }
    }

    /// A box from the form's fields, named as the box CSV's columns.
    static func boxDraft(_ f: FormData) -> BoxDraft {
        BoxDraft(
            code: f.value("box") ?? "", fonds: f.value("fonds") ?? "", extent: f.value("extent_m"),
            location: f.value("location"), startYear: f.value("start_year"), endYear: f.value("end_year"),
            condition: f.value("condition"), notes: f.value("notes"), from: f.value("from"))
    }

    /// The catalogue work page: register a box, import a CSV (dry run first), labels.
    static func workPage(_ b: PageBuilder) -> String {
        let conditions = Condition.allCases.map { ($0.rawValue, $0.label(b.lang)) }
        return """
            <h2>\(h(b.t("Đăng ký hộp", "Register a box")))</h2>
            \(b.form("/boxes", [], inner: b.input("box", b.t("Mã hộp", "Box code"), required: true) + b.input("fonds", b.t("Phông", "Fonds"), required: true) + b.input("extent_m", b.t("Số mét", "Extent (m)"), placeholder: "0,6") + b.input("location", b.t("Vị trí", "Location")) + b.input("start_year", b.t("Từ năm", "From year")) + b.input("end_year", b.t("Đến năm", "To year")) + b.select("condition", b.t("Tình trạng", "Condition"), conditions) + b.input("notes", b.t("Ghi chú", "Notes")) + b.input("from", b.t("Tạo từ hộp", "Made from box")), submit: b.t("Đăng ký", "Register")))
            <h2>\(h(b.t("Nhập từ bảng tính CSV", "Import a CSV sheet")))</h2>
            <p class="muted">\(h(b.t("Tất cả các dòng hoặc không dòng nào. Chạy thử trước để xem các dòng lỗi; tối đa 5 MB.", "All rows or none. Try a dry run first to see the bad rows; 5 MB at most.")))</p>
            \(b.form("/import", [], inner: b.select("kind", b.t("Loại", "Kind"), [("boxes", b.t("hộp", "boxes")), ("files", b.t("hồ sơ (mục lục)", "files (inventory)")), ("weed", b.t("danh mục hủy", "destruction list"))]) + "<label>\(h(b.t("Tệp", "File"))) <input type=\"file\" name=\"file\" accept=\".csv,text/csv\" required></label><label><input type=\"checkbox\" name=\"dry_run\" value=\"1\" checked> \(h(b.t("chỉ chạy thử", "dry run only")))</label>", submit: b.t("Nhập", "Import"), multipart: true))
            <h2>\(h(b.t("Nhãn hộp", "Box labels")))</h2>
            <form method="get" action="/labels">\(b.input("boxes", b.t("Các hộp (cách nhau bằng dấu phẩy)", "Boxes (comma separated)"))) \(b.input("fonds", b.t("hoặc phông", "or fonds"))) \(b.input("since", b.t("đăng ký từ ngày", "registered since"), type: "date"))<button type="submit">\(h(b.t("In nhãn", "Print labels")))</button></form>
            """
    }
}
