import Foundation
import Hummingbird
import KhoKit
import KhoReport

/// The dashboard: status figures (the library's `Status`, as `kho status`), for the leader the report's first-page
/// summary, the work queue (`kho next`), what is overdue, and what happened today.
enum DashboardRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/", .read) { _, _, session in
            let lang = session.lang
            let today = services.store.time.day(of: Date())
            let last = try await services.db { store in try store.lastEventId() }
            let data = try await services.dashboard.get("\(last)|\(today)|\(lang.rawValue)") {
                try await services.db { store in
                    DashboardData(
                        status: try store.status(), arrange: try store.nextWork(.arrangement, limit: 8, lang: lang),
                        scan: try store.nextWork(.scanning, limit: 8, lang: lang), custody: try store.custodyList(),
                        today: try store.events(LogFilter(from: today, to: today, limit: 30), lang: lang))
                }
            }
            let (status, arrange, scan, custody, events) = (
                data.status, data.arrange, data.scan, data.custody, data.today
            )
            let overdueOut = custody.filter(\.overdue)
            let hiddenRefs = try await services.hidden(
                scan.compactMap { $0.file == nil ? nil : $0.ref }
                    + overdueOut.compactMap { $0.file == nil ? nil : $0.thing },
                session)
            let todayEvents = try await services.visibleEvents(Array(events.reversed()), session)
            let b = PageBuilder(lang: lang, session: session)
            let summary =
                Permission.leadership.allows(session.role)
                ? await reportSummary(services, key: "\(last)|\(today)", b) : ""
            let body =
                figures(status.progress, b) + summary
                + queue(arrange, b, title: b.t("Hộp nên chỉnh lý trước", "Boxes to arrange first"))
                + queue(
                    scan.filter { !hiddenRefs.contains($0.ref) }, b,
                    title: b.t("Hồ sơ nên số hóa trước", "Files to scan first"))
                + overdue(overdueOut.filter { $0.file == nil || !hiddenRefs.contains($0.thing) }, b)
                + activity(todayEvents, b)
            return Responses.html(b.page(b.t("Tổng quan kho lưu trữ", "Archive dashboard"), body))
        }
    }

    /// The headline figures, each with `data-key` and `data-value` equal to `kho status --json`.
    static func figures(_ p: StatusFigures, _ b: PageBuilder) -> String {
        func figure(_ key: String, _ label: String, _ value: Double, digitized: Bool = false) -> String {
            let shown = digitized ? b.digitizedMetres(value) : b.metres(value)
            return """
                <div class="figure" data-key="\(key)" data-value="\(value)"><span class="value">\(h(shown))</span>\(h(label))</div>
                """
        }
        func count(_ key: String, _ label: String, _ value: Int) -> String {
            """
            <div class="figure" data-key="\(key)" data-value="\(value)"><span class="value">\(h(b.integer(value)))</span>\(h(label))</div>
            """
        }
        return """
            <h2>\(h(b.t("Tiến độ", "Progress")))</h2>
            <div class="figures">
            \(figure("total_m", b.t("tổng số mét tài liệu", "total metres"), p.totalMetres))
            \(figure("arranged_m", b.t("đã chỉnh lý", "arranged"), p.arrangedMetres))
            \(figure("kept_m", b.t("giữ lại sau chỉnh lý", "kept"), p.keptMetres))
            \(figure("weeded_m", b.t("loại ra khi chỉnh lý", "weeded"), p.weededMetres))
            \(figure("digitized_m", b.t("đã số hóa", "digitized"), p.digitizedMetres, digitized: true))
            \(count("boxes", b.t("hộp", "boxes"), p.boxes))
            \(count("files", b.t("hồ sơ", "files"), p.files))
            \(count("pages_scanned", b.t("trang đã số hóa", "pages digitized"), p.pagesScanned))
            </div>
            """
    }

    /// The leadership report's first-page summary, rendered by the report's own function from the library's value
    /// (the leader's only: it is the report's). It is an estimate, seconds on a big catalogue: after a write the
    /// page shows the previous one while the new one is computed. A rates file that cannot be read is said instead.
    static func reportSummary(_ services: WebServices, key: String, _ b: PageBuilder) async -> String {
        let path = services.ratesPath
        let changed =
            (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
            .map { "\($0.timeIntervalSince1970)" } ?? "none"
        let title = "<h2>\(h(b.t("Tóm tắt báo cáo cho lãnh đạo", "Leadership report summary")))</h2>"
        let full =
            "<p>\(b.link("/report", b.t("Xem toàn bộ báo cáo (in khổ A4)", "Open the whole report (prints on A4)")))</p>"
        do {
            let summary = try await services.reportSummary.get("\(key)|\(changed)", orStale: true) {
                try await services.db { store in try store.reportSummary(.new(try EstimateRequest(ratesFile: path))) }
            }
            return title + "<div class=\"summary\">" + renderReportSummary(summary, lang: b.lang) + "</div>" + full
        } catch let error as KhoError {
            return title + "<p class=\"error\">\(h(error.text(b.lang)))</p>"
        } catch {
            // The rest of the dashboard is still worth showing.
            return title
                + "<p class=\"error\">\(h(b.t("Chưa lập được tóm tắt lúc này; mở toàn bộ báo cáo để xem lỗi.", "The summary could not be made just now; open the whole report to see why.")))</p>"
                + full
        }
    }

    /// A queue of `kho next`: rank, what, score, why, where.
    static func queue(_ items: [QueueItem], _ b: PageBuilder, title: String) -> String {
        "<h2>\(h(title))</h2>"
            + b.table(
                [
                    b.t("#", "#"), b.t("Hộp/hồ sơ", "Box/file"), b.t("Điểm", "Score"), b.t("Lý do", "Why"),
                    b.t("Đang ở", "Where"),
                ],
                items.map { item in
                    let href =
                        item.file == nil
                        ? "/boxes/\(pathSegment(item.box))"
                        : "/files/\(pathSegment(item.box))/\(pathSegment(item.file ?? ""))"
                    return [
                        String(item.rank), b.link(href, item.ref), h(String(Int(item.score.total.rounded()))),
                        h(item.reason), h(item.custody.map { "\($0.holder)" } ?? item.location),
                    ]
                }, numeric: [0, 2])
    }

    /// Hand-outs past their due day, most overdue first.
    static func overdue(_ items: [CustodyView], _ b: PageBuilder) -> String {
        "<h2>\(h(b.t("Mượn quá hạn", "Overdue hand-outs")))</h2>"
            + b.table(
                [
                    b.t("Hộp/hồ sơ", "Box/file"), b.t("Người giữ", "Holder"), b.t("Từ", "Since"), b.t("Hạn", "Due"),
                    b.t("Quá hạn (ngày)", "Days overdue"),
                ],
                items.map {
                    [
                        h($0.thing), h($0.holder), h(b.day($0.sinceDay)), h($0.due.map(b.day) ?? ""),
                        h(String($0.daysOverdue)),
                    ]
                },
                numeric: [4])
    }

    /// Today's events, newest first.
    static func activity(_ events: [EventView], _ b: PageBuilder) -> String {
        "<h2>\(h(b.t("Hôm nay", "Today")))</h2>" + eventTable(events, b)
    }

    /// Events as `kho log` lists them, with its notes (what each changed, old → new; its source). An account's events keep their
    /// details (logins, roles, the address a lock came from) to the command line, where accounts are managed.
    static func eventTable(_ events: [EventView], _ b: PageBuilder) -> String {
        b.table(
            [
                b.t("Số", "No."), b.t("Lúc", "When"), b.t("Người làm", "Who"), b.t("Việc", "What"),
                b.t("Ở đâu", "Where"),
                b.t("Số lượng", "Quantity"), b.t("Ghi chú", "Details"),
            ],
            events.map { e in
                [
                    h(String(e.id)), h(b.dateTime(e.happenedAt)), h(e.actor), h(e.what),
                    h(e.file ?? e.box ?? e.fonds ?? ""), h(e.quantity),
                    e.kind.hasPrefix("user.") ? "" : h(e.notes(b.lang).joined(separator: "; ")),
                ]
            }, numeric: [0])
    }
}
