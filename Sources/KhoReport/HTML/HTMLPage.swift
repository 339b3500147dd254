/// The shell of a self-contained HTML5 page: charset, language, title and inline CSS; no script, font or URL.
enum HTMLPage {
    /// A whole page around `body`, in `lang`, with `css` inline.
    static func render(title: String, lang: Lang, css: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
