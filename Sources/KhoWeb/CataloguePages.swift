import Foundation
import HTTPTypes
import Hummingbird
import KhoKit

/// Boxes and files: the lists with filters, a box's page, a file's page, and a file's PDF/A copy.
enum CataloguePages {
    /// Rows a list shows at most; the page says to narrow the filters beyond it.
    static let listLimit = 500

    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/boxes", .read) { request, _, session in
            let q = request.query
            // A person without clearance sees each box's files counted without the ones hidden from them.
            let filter = BoxFilter(
                fonds: q["fonds"].flatMap(nonEmpty), location: q["location"].flatMap(nonEmpty),
                arrangement: q["state"].flatMap(nonEmpty), condition: q["condition"].flatMap(nonEmpty),
                readable: session.role.hasClearance ? nil : session.role.readableAccess)
            let boxes = try await services.db { store in try store.listBoxes(filter) }
            let b = PageBuilder(lang: session.lang, session: session)
            let form = """
                <form method="get" action="/boxes">\(b.input("fonds", b.t("Phông", "Fonds"), value: filter.fonds ?? ""))\
                \(b.input("location", b.t("Vị trí", "Location"), value: filter.location ?? ""))\
                \(b.select("state", b.t("Chỉnh lý", "Arrangement"), [("", b.t("tất cả", "all"))] + ArrangementState.allCases.map { ($0.rawValue, $0.label(b.lang)) }, selected: filter.arrangement))\
                <button type="submit">\(h(b.t("Lọc", "Filter")))</button></form>
                """
            let rows = boxes.prefix(listLimit).map { box in
                [
                    b.link("/boxes/\(pathSegment(box.code))", box.code), h(box.fonds), h(b.metres(box.extentMetres)),
                    h(box.location), h(box.arrangement.label(b.lang)), h(box.condition.label(b.lang)),
                    h(b.integer(box.files)), h(box.custody.map { $0.holder } ?? ""),
                ]
            }
            let body =
                form + more(boxes.count, b)
                + b.table(
                    [
                        b.t("Hộp", "Box"), b.t("Phông", "Fonds"), b.t("Độ dài", "Extent"), b.t("Vị trí", "Location"),
                        b.t("Chỉnh lý", "Arrangement"), b.t("Tình trạng", "Condition"), b.t("Hồ sơ", "Files"),
                        b.t("Đang mượn", "Out with"),
                    ], Array(rows), numeric: [2, 6])
            return Responses.html(b.page(b.t("Hộp", "Boxes"), body))
        }
        guarded.get("/files", .read) { request, _, session in
            let q = request.query
            var filter = FileFilter(
                box: q["box"].flatMap(nonEmpty), fonds: q["fonds"].flatMap(nonEmpty),
                scanState: q["state"].flatMap(nonEmpty), search: q["search"].flatMap(nonEmpty))
            if !session.role.hasClearance { filter.access = Access.open.rawValue }
            let chosen = filter
            let files = try await services.db { store in try store.listFiles(chosen) }
            let b = PageBuilder(lang: session.lang, session: session)
            let form = """
                <form method="get" action="/files">\(b.input("box", b.t("Hộp", "Box"), value: filter.box ?? ""))\
                \(b.input("fonds", b.t("Phông", "Fonds"), value: filter.fonds ?? ""))\
                \(b.select("state", b.t("Số hóa", "Scanning"), [("", b.t("tất cả", "all"))] + ScanState.allCases.map { ($0.rawValue, $0.label(b.lang)) }, selected: filter.scanState))\
                \(b.input("search", b.t("Tiêu đề có chữ", "Title contains"), value: filter.search ?? ""))\
                <button type="submit">\(h(b.t("Lọc", "Filter")))</button></form>
                """
            let rows = files.prefix(listLimit).map { file in fileRow(file, b) }
            let body =
                form + more(files.count, b)
                + b.table(fileHeaders(b), Array(rows), numeric: [5, 6])
            return Responses.html(b.page(b.t("Hồ sơ", "Files"), body))
        }
        registerFilePages(guarded)
    }

    /// One box as its page, then one file.
    static func registerFilePages(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/boxes/:box", .read) { _, context, session in
            let code = try context.parameters.require("box")
            let readable = session.role.hasClearance ? nil : session.role.readableAccess
            guard let shown = try? await services.db({ store in try store.showBox(code, readable: readable) }) else {
                throw HTTPError(.notFound)
            }
            let (box, files) = shown
            let b = PageBuilder(lang: session.lang, session: session)
            let events = try await services.visibleEvents(
                Array(
                    try await services.db { store in try store.events(LogFilter(box: code, limit: 100), lang: b.lang) }
                        .reversed()),
                session)
            var body = b.facts([
                (b.t("Phông", "Fonds"), h(box.fonds)), (b.t("Độ dài", "Extent"), h(b.metres(box.extentMetres))),
                (b.t("Vị trí", "Location"), h(box.location)),
                (
                    b.t("Năm", "Years"),
                    h(Format.years(box.startYear, box.endYear))
                ),
                (b.t("Tình trạng", "Condition"), h(box.condition.label(b.lang))),
                (b.t("Chỉnh lý", "Arrangement"), h(box.arrangement.label(b.lang))),
                (b.t("Giữ lại", "Kept"), h(box.keptMetres.map { b.metres($0) } ?? "")),
                (b.t("Từ hộp", "From box"), h(box.from ?? "")), (b.t("Ghi chú", "Notes"), h(box.notes)),
                (
                    b.t("Đang ở", "Whereabouts"),
                    h(box.custody.map { $0.whereabouts(b.lang) } ?? b.t("trong kho", "in the store"))
                ),
            ])
            body += "<h2>\(h(b.t("Hồ sơ trong hộp", "Files in the box")))</h2>"
            body += b.table(
                fileHeaders(b), files.map { fileRow($0, b) }, numeric: [5, 6])
            body += WriteForms.boxActions(box, b)
            body += "<h2>\(h(b.t("Lịch sử", "History")))</h2>" + DashboardRoutes.eventTable(events, b)
            return Responses.html(b.page(b.t("Hộp \(box.code)", "Box \(box.code)"), body))
        }
        registerFilePage(guarded)
    }

    /// One file with its documents, and its PDF/A copy.
    static func registerFilePage(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/files/:box/:file", .read) { _, context, session in
            let file = try await readableFile(context, session, services)
            let ref = FileRef(box: file.box, file: file.file)
            let (masters, documents, copies, events) = try await services.cached(
                "file page \(file.ref)|\(session.lang.rawValue)"
            ) { store in
                (
                    try store.masters(of: ref, lang: session.lang).masters,
                    try store.documents(in: file.ref, lang: session.lang),
                    try store.pdfCopies(file: ref),
                    try store.events(LogFilter(file: ref, limit: 100), lang: session.lang)
                )
            }
            let b = PageBuilder(lang: session.lang, session: session)
            let body = FilePage.render(
                file: file, masters: masters, documents: documents, copies: copies, events: Array(events.reversed()), b)
            return Responses.html(b.page(b.t("Hồ sơ \(file.ref)", "File \(file.ref)"), body))
        }
        // The PDF/A copy of a file, addressed by the file, never by a path from the request.
        guarded.get("/files/:box/:file/pdf", .read) { _, context, session in
            let file = try await readableFile(context, session, services)
            let ref = FileRef(box: file.box, file: file.file)
            guard let copy = try await services.db({ store in try store.pdfCopies(file: ref) }).first,
                let data = FileManager.default.contents(atPath: copy.path)
            else { throw HTTPError(.notFound) }
            let name = copy.archiveId.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" } ? copy.archiveId : "copy"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(name).pdf\"",
                ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func nonEmpty(_ s: String) -> String? { s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s }

    static func more(_ count: Int, _ b: PageBuilder) -> String {
        guard count > listLimit else {
            return "<p class=\"muted\">\(h(b.integer(count))) \(h(b.t("dòng", "rows")))</p>"
        }
        return
            "<p class=\"notice\">\(h(b.t("Có \(b.integer(count)) dòng; chỉ hiện \(listLimit) dòng đầu: lọc thêm để thu hẹp.", "\(b.integer(count)) rows; only the first \(listLimit) are shown: filter to narrow them.")))</p>"
    }

    static func fileHeaders(_ b: PageBuilder) -> [String] {
        [
            b.t("Hồ sơ", "File"), b.t("Tiêu đề", "Title"), b.t("Năm", "Years"), b.t("Thời hạn", "Retention"),
            b.t("Số hóa", "Scanning"), b.t("Số tờ", "Sheets"), b.t("Trang", "Pages"),
        ]
    }

    static func fileRow(_ file: FileView, _ b: PageBuilder) -> [String] {
        [
            b.link("/files/\(pathSegment(file.box))/\(pathSegment(file.file))", file.ref), h(file.title),
            h(Format.years(file.startYear, file.endYear)),
            h(Retention.label(stored: file.retention, b.lang)), h(file.scanState.label(b.lang)),
            h(file.sheets.map { b.integer($0) } ?? ""),
            h(b.integer(file.pages)),
        ]
    }
}
