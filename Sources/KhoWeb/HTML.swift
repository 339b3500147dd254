import Foundation
import KhoKit
import KhoReport

/// Escapes a value for HTML, as KhoReport does: every catalogue or user text goes through here.
func h(_ text: String) -> String { escapeHTML(text) }

/// Builds the HTML of the pages: one layout, forms with their CSRF token, tables; no script anywhere.
struct PageBuilder {
    let lang: Lang
    let session: WebSession?

    /// A text in the page's language.
    func t(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }
    func t(_ text: Text) -> String { text(lang) }

    /// A whole page: the menu for the person's role, a title, then `body` (already escaped HTML).
    func page(_ title: String, _ body: String, notice: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(title)) — kho</title>
        <link rel="stylesheet" href="/static/kho.css">
        </head>
        <body>
        \(menu())
        <main>
        <h1>\(h(title))</h1>
        \(notice.map { "<p class=\"notice\">\(h($0))</p>" } ?? "")
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The top menu: what the role may open, the person, the language switch and log out.
    private func menu() -> String {
        guard let session else { return "<header><strong>kho</strong></header>" }
        var links: [(String, String)] = [
            ("/", t("Tổng quan", "Dashboard")), ("/boxes", t("Hộp", "Boxes")), ("/files", t("Hồ sơ", "Files")),
            ("/search", t("Tìm kiếm", "Search")), ("/log", t("Nhật ký", "Activity")),
        ]
        if Permission.scanning.allows(session.role) { links.append(("/scan", t("Số hóa", "Scanning"))) }
        if Permission.catalogue.allows(session.role) { links.append(("/work", t("Nhập liệu", "Catalogue work"))) }
        if Permission.leadership.allows(session.role) {
            links.append(("/estimate", t("Dự toán", "Estimate")))
            links.append(("/report", t("Báo cáo", "Report")))
        }
        let other = lang == .vi ? Lang.en : Lang.vi
        return """
            <header><nav>\(links.map { "<a href=\"\($0.0)\">\(h($0.1))</a>" }.joined(separator: " "))</nav>
            <div class="who">\(h(session.fullName)) (\(h(session.role.label(lang))))
            \(form("/lang", [("lang", other.rawValue)], submit: other == .en ? "English" : "Tiếng Việt", inline: true))
            \(form("/logout", [], submit: t("Đăng xuất", "Log out"), inline: true))</div></header>
            """
    }

    /// A POST form with its hidden CSRF token, `hidden` fields and `inner` HTML (inputs), and a submit button.
    func form(
        _ action: String, _ hidden: [(String, String)], inner: String = "", submit: String, inline: Bool = false,
        multipart: Bool = false
    ) -> String {
        let token = session.map { "<input type=\"hidden\" name=\"_csrf\" value=\"\(h($0.csrf))\">" } ?? ""
        let fields = hidden.map { "<input type=\"hidden\" name=\"\(h($0.0))\" value=\"\(h($0.1))\">" }.joined()
        let encoding = multipart ? " enctype=\"multipart/form-data\"" : ""
        return """
            <form method="post" action="\(h(action))"\(encoding)\(inline ? " class=\"inline\"" : "")>\(token)\(fields)\(inner)\
            <button type="submit">\(h(submit))</button></form>
            """
    }

    /// A labelled text input.
    func input(
        _ name: String, _ label: String, value: String = "", type: String = "text", required: Bool = false,
        placeholder: String = ""
    ) -> String {
        """
        <label>\(h(label)) <input type="\(type)" name="\(h(name))" value="\(h(value))"\(required ? " required" : "")\
        \(placeholder.isEmpty ? "" : " placeholder=\"\(h(placeholder))\"")></label>
        """
    }

    /// A labelled select of `(value, label)` options.
    func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String? = nil) -> String {
        let opts = options.map { value, text in
            "<option value=\"\(h(value))\"\(value == selected ? " selected" : "")>\(h(text))</option>"
        }
        return "<label>\(h(label)) <select name=\"\(h(name))\">\(opts.joined())</select></label>"
    }

    /// A table: headers escaped here, cells already HTML (escape them with `h`).
    func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(h(t("Không có gì.", "Nothing.")))</p>" }
        let head = headers.enumerated().map { i, x in "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(h(x))</th>" }
        let body = rows.map { row in
            "<tr>"
                + row.enumerated().map { i, c in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(c)</td>" }
                .joined() + "</tr>"
        }
        return "<table><thead><tr>\(head.joined())</tr></thead><tbody>\(body.joined(separator: "\n"))</tbody></table>"
    }

    /// A link with escaped text.
    func link(_ href: String, _ text: String) -> String { "<a href=\"\(h(href))\">\(h(text))</a>" }

    /// Definition rows (label, HTML value).
    func facts(_ rows: [(String, String)]) -> String {
        "<dl>" + rows.map { "<dt>\(h($0.0))</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
    }

    func metres(_ v: Double) -> String { Format.metres(v, lang: lang) + " m" }
    func digitizedMetres(_ v: Double) -> String { Format.digitizedMetres(v, lang: lang) + " m" }
    func integer(_ v: Int) -> String { Format.integer(Int64(v), lang: lang) }
    /// A day `YYYY-MM-DD` as the reports show it (`27/11/2026`, `27 Nov 2026`).
    func day(_ iso: String) -> String { DateFormat.day(iso, lang: lang) }
    /// A time `YYYY-MM-DD HH:MM` as the reports show it (`27/11/2026 10:00`).
    func dateTime(_ iso: String) -> String { DateFormat.dateTime(iso, lang: lang) }
}

/// Percent-encodes a path segment (a box or file code) for a link.
func pathSegment(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
}

/// The stylesheet of every page (served at /static/kho.css: the pages carry no inline style or script).
enum WebCSS {
    static let sheet = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #111; margin: 0; background: #fafafa; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5em; background: #1f3b5a; color: #fff; padding: .5em 1em; }
        header a { color: #fff; margin-right: .9em; text-decoration: none; font-weight: bold; }
        header a:hover { text-decoration: underline; }
        header .who { font-size: 13px; }
        header button { font-size: 12px; margin-left: .4em; }
        main { max-width: 1100px; margin: 0 auto; padding: 1em; background: #fff; min-height: 90vh; }
        h1 { font-size: 22px; margin: .2em 0 .6em; }
        h2 { font-size: 17px; margin: 1.3em 0 .4em; border-bottom: 2px solid #1f3b5a; padding-bottom: .1em; }
        table { border-collapse: collapse; width: 100%; margin: .3em 0 1em; font-size: 14px; }
        th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { background: #e8edf3; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .muted { color: #555; }
        .notice { background: #fff6d6; border: 1px solid #e0c060; padding: .5em .8em; }
        .error { background: #fde8e8; border: 1px solid #d07070; padding: .5em .8em; }
        .figures { display: flex; flex-wrap: wrap; gap: .8em; margin: .5em 0 1em; }
        .figure { border: 1px solid #c8d3df; background: #f3f7fb; padding: .5em .9em; min-width: 150px; }
        .figure .value { font-size: 22px; font-weight: bold; display: block; }
        .summary { border-left: 4px solid #1f3b5a; background: #f3f7fb; padding: .2em 1em; }
        .summary .lead { font-size: 16px; line-height: 1.55; }
        form { margin: .4em 0; }
        form.inline { display: inline; }
        form.stack label { display: block; margin: .35em 0; }
        label { margin-right: .8em; }
        input, select, button { font-size: 14px; padding: 3px 6px; }
        button { cursor: pointer; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        mark { background: #ffe58a; }
        .login { max-width: 380px; margin: 4em auto; }
        .login label { display: block; margin: .6em 0; }
        .login input { width: 100%; }
        progress { width: 100%; height: 1.2em; }
        """
}
