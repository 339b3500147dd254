import Foundation
import Hummingbird
import KhoKit

extension ScanRoutes {
    /// The long jobs, one at a time: an ingest of the scans folder, a PDF/A build, and the page that follows them.
    static func registerJobs(_ guarded: Guarded) {
        let services = guarded.services
        guarded.post("/jobs/ingest", .scanning) { _, context, session in
            let who = services.attribution(context)
            let lang = session.lang
            let store = services.store
            let root = services.settings.scansRoot
            let started = services.jobs.start(.ingest, by: who.actor) { progress in
                let profile = try store.resolveProfile(nil)
                let summary = try store.ingest(root: root, profile: profile, by: who, lang: lang) { p in
                    progress(p.done, p.total)
                }
                return JobReport(headline: summary.headline, notes: summary.notes())
            }
            return Responses.redirect(started ? "/jobs" : "/jobs?busy=1")
        }
        guarded.post("/jobs/pdf", .scanning) { _, context, session in
            let who = services.attribution(context)
            let lang = session.lang
            let store = services.store
            let started = services.jobs.start(.pdf, by: who.actor) { progress in
                let tools = try DeliveryTools.locate()
                let summary = try store.buildCopies(
                    PdfBuildOptions(jobs: max(1, ProcessInfo.processInfo.activeProcessorCount / 2)), tools: tools,
                    by: who, lang: lang
                ) { p in progress(p.done, p.total) }
                return JobReport(headline: summary.headline, notes: summary.notes, incomplete: !summary.clean)
            }
            return Responses.redirect(started ? "/jobs" : "/jobs?busy=1")
        }
        registerJobPage(guarded)
    }

    /// A job's notes as a list: a line starting with two spaces belongs to the item before it (a finding under its
    /// heading), as the command line indents it.
    static func notesList(_ notes: [Text], _ b: PageBuilder) -> String {
        guard !notes.isEmpty else { return "" }
        var items: [(String, [String])] = []
        for note in notes.map({ $0(b.lang) }) {
            if note.hasPrefix("  "), !items.isEmpty {
                items[items.count - 1].1.append(String(note.dropFirst(2)))
            } else {
                items.append((note, []))
            }
        }
        let lis = items.map { head, under in
            "<li>\(h(head))" + (under.isEmpty ? "" : "<ul>" + under.map { "<li>\(h($0))</li>" }.joined() + "</ul>")
                + "</li>"
        }
        return "<ul class=\"notes\">" + lis.joined() + "</ul>"
    }

    /// The job running or last run: who started it, its progress (refreshing while it runs) and what it did.
    static func registerJobPage(_ guarded: Guarded) {
        let services = guarded.services
        guarded.get("/jobs", .scanning) { request, _, session in
            let b = PageBuilder(lang: session.lang, session: session)
            var body = ""
            if request.query["busy"] != nil {
                body +=
                    "<p class=\"error\">\(h(b.t("Đang có một việc dài chạy: mỗi lần một việc.", "A long job is running: one at a time.")))</p>"
            }
            guard let job = services.jobs.current else {
                return Responses.html(
                    b.page(
                        b.t("Việc dài", "Long jobs"),
                        body + "<p class=\"muted\">\(h(b.t("Chưa có việc nào.", "No job yet.")))</p>"))
            }
            let name = job.kind == .ingest ? b.t("Nạp bản quét", "Ingest") : b.t("Lập bản PDF/A", "PDF/A build")
            body += b.facts([
                (b.t("Việc", "Job"), h(name)), (b.t("Người chạy", "Started by"), h(job.startedBy)),
                (b.t("Bắt đầu", "Started"), h(b.dateTime(services.store.time.dateTime(of: job.started)))),
                (
                    b.t("Tiến độ", "Progress"),
                    "<progress max=\"\(max(job.total, 1))\" value=\"\(job.done)\"></progress> \(h(b.integer(job.done))) / \(h(b.integer(job.total)))"
                ),
            ])
            if let outcome = job.outcome {
                body += "<p class=\"\(job.failed ? "error" : "notice")\">\(h(outcome(b.lang)))</p>"
            }
            body += notesList(job.notes, b)
            var page = b.page(name, body)
            if job.finished == nil {
                // Refreshes itself every 2 seconds while the job runs (a meta tag: no script).
                page = page.replacingOccurrences(
                    of: "<meta charset=\"utf-8\">",
                    with: "<meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"2\">")
            }
            return Responses.html(page)
        }
    }
}
