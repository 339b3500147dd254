import Foundation
import Hummingbird
import KhoKit

/// Search (the CLI's search, diacritic-insensitive) and the recent activity (the log).
enum SearchRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/search", .read) { request, _, session in
            let query = request.query["q"] ?? ""
            let b = PageBuilder(lang: session.lang, session: session)
            var body = """
                <form method="get" action="/search">\(b.input("q", b.t("Tìm", "Find"), value: query, type: "search", placeholder: "giao dat"))<button type="submit">\(h(b.t("Tìm", "Search")))</button></form>
                """
            if !query.trimmingCharacters(in: .whitespaces).isEmpty {
                let readable = session.role.readableAccess
                let key = "search \(readable.map(\.rawValue).sorted()) \(query)"
                let answer = try await services.cached(key, floor: session.wrote) { store in
                    try store.search(query, limit: 50, readable: readable)
                }
                body +=
                    "<p class=\"muted\">\(h(b.t("\(answer.files.count) hồ sơ, \(b.integer(answer.matches)) chỗ khớp", "\(answer.files.count) files, \(b.integer(answer.matches)) matches")))</p>"
                for file in answer.files {
                    let parts = file.ref.split(separator: "/", maxSplits: 1).map(String.init)
                    let href = parts.count == 2 ? "/files/\(pathSegment(parts[0]))/\(pathSegment(parts[1]))" : "/files"
                    body += "<div class=\"hit\"><h2>\(b.link(href, file.ref)) \(h(file.title))</h2>"
                    body +=
                        "<p class=\"muted\">\(h(b.t("hộp \(file.box), \(file.location), phông \(file.fonds)", "box \(file.box), \(file.location), fonds \(file.fonds)")))</p><ul>"
                    for hit in file.hits { body += "<li>\(marked(hit.text, hit.matches))</li>" }
                    body += "</ul></div>"
                }
            }
            return Responses.html(b.page(b.t("Tìm kiếm", "Search"), body))
        }
        guarded.get("/log", .read) { request, _, session in
            let q = request.query
            let filter = LogFilter(
                person: q["person"].flatMap(CataloguePages.nonEmpty), box: q["box"].flatMap(CataloguePages.nonEmpty),
                from: q["from"].flatMap(CataloguePages.nonEmpty), to: q["to"].flatMap(CataloguePages.nonEmpty),
                limit: 200)
            let events = try await services.visibleEvents(
                Array(try await services.db { store in try store.events(filter, lang: session.lang) }.reversed()),
                session)
            let b = PageBuilder(lang: session.lang, session: session)
            let form = """
                <form method="get" action="/log">\(b.input("person", b.t("Người", "Person"), value: filter.person ?? ""))\(b.input("box", b.t("Hộp", "Box"), value: filter.box ?? ""))\(b.input("from", b.t("Từ ngày", "From"), value: filter.from ?? "", type: "date"))\(b.input("to", b.t("Đến ngày", "To"), value: filter.to ?? "", type: "date"))<button type="submit">\(h(b.t("Lọc", "Filter")))</button></form>
                """
            return Responses.html(
                b.page(b.t("Nhật ký công việc", "Recent activity"), form + DashboardRoutes.eventTable(events, b)))
        }
    }

    /// `text` escaped, with the matched words in `<mark>` (found in the raw text, so a word never matches markup).
    static func marked(_ text: String, _ words: [String]) -> String {
        var covered = [Bool](repeating: false, count: text.count)
        let characters = Array(text)
        for word in Set(words.filter { !$0.isEmpty }).map(Array.init) where word.count <= characters.count {
            for start in 0...(characters.count - word.count) where Array(characters[start..<start + word.count]) == word
            {
                for i in start..<start + word.count { covered[i] = true }
            }
        }
        var html = ""
        var open = false
        for (i, c) in characters.enumerated() {
            if covered[i] != open {
                html += covered[i] ? "<mark>" : "</mark>"
                open = covered[i]
            }
            html += h(String(c))
        }
        return open ? html + "</mark>" : html
    }
}
