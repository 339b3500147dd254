import Foundation
import Hummingbird
import KhoKit

/// The operator's scanning work: QC problems, hand records of pages, ingest and PDF build as long jobs.
enum ScanRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/scan", .scanning) { _, _, session in
            let lang = session.lang
            let all = try await services.db { store in try store.scanProblems(lang: lang) }
            // An operator has no clearance: the problems of secret and restricted files are not listed.
            let hiddenRefs = try await services.hidden(all.map(\.ref), session)
            let problems = all.filter { !hiddenRefs.contains($0.ref) }
            let b = PageBuilder(lang: lang, session: session)
            var body = "<h2>\(h(b.t("Việc dài", "Long jobs")))</h2>"
            body += b.form(
                "/jobs/ingest", [], submit: b.t("Nạp bản quét (scan ingest)", "Ingest the scans folder"), inline: true)
            body +=
                " "
                + b.form("/jobs/pdf", [], submit: b.t("Lập bản PDF/A (pdf build)", "Build PDF/A copies"), inline: true)
            body += " " + b.link("/jobs", b.t("Xem tiến độ", "See progress"))
            body += "<h2>\(h(b.t("Lỗi chất lượng bản quét", "Scan QC problems")))</h2>"
            body += b.table(
                [b.t("Hồ sơ", "File"), b.t("Tệp", "Master"), b.t("Trang", "Page"), b.t("Lỗi", "Problem")],
                problems.prefix(500).map { p in
                    let parts = p.ref.split(separator: "/", maxSplits: 1).map(String.init)
                    let link =
                        parts.count == 2
                        ? b.link("/files/\(pathSegment(parts[0]))/\(pathSegment(parts[1]))", p.ref) : h(p.ref)
                    return [link, h(p.master), h(p.page.map(String.init) ?? ""), h(p.message)]
                }, numeric: [2])
            return Responses.html(b.page(b.t("Số hóa", "Scanning"), body))
        }
        fileWrite(guarded, "scan-record", .scanning) { store, ref, form, who in
            guard let pages = form.value("pages").flatMap(Int.init), pages > 0 else {
                throw PageError(
                    status: .badRequest,
                    message: Text(vi: "Số trang phải là số nguyên dương.", en: "Pages must be a positive whole number.")
                )
            }
            _ = try store.recordScan(of: ref, pages: pages, by: who)
        }
        // `kho scan confirm`: a page count outside sheets…2 × sheets that is right, with why.
        fileWrite(guarded, "confirm", .scanning) { store, ref, form, who in
            _ = try store.confirmCount(of: ref, note: form.value("note") ?? "", by: who)
        }
        // `kho scan accept`: the new content of changed masters (or the loss of missing ones) accepted.
        fileWrite(guarded, "accept", .scanning) { store, ref, form, who in
            guard let reason = form.value("reason").flatMap(AcceptReason.init(rawValue:)) else {
                throw PageError(
                    status: .badRequest,
                    message: Text(
                        vi: "Chọn lý do: quét lại, sửa chữa hoặc mất bản gốc.",
                        en: "Choose a reason: rescan, repair or lost."))
            }
            _ = try store.acceptMasters(of: ref, page: form.value("page"), reason: reason, by: who)
        }
        registerJobs(guarded)
    }

    /// A write on one file the person may read (404 otherwise), `POST /files/{box}/{file}/ACTION`: `body` runs in
    /// the catalogue with the form and the person's attribution, then the file's page is shown again.
    static func fileWrite(
        _ guarded: Guarded, _ action: String, _ permission: Permission,
        _ body: @escaping @Sendable (KhoStore, FileRef, FormData, Attribution) throws -> Void
    ) {
        let services = guarded.services
        guarded.post(RouterPath("/files/:box/:file/\(action)"), permission) { _, context, session in
            let file = try await readableFile(context, session, services)
            let ref = FileRef(box: file.box, file: file.file)
            let form = context.form
            let who = services.attribution(context)
            try await services.db { store in try body(store, ref, form, who) }
            return Responses.redirect("/files/\(pathSegment(file.box))/\(pathSegment(file.file))")
        }
    }
}
