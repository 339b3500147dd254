import Foundation

/// What a build of PDF/A copies did, in words: the same sentences for `kho pdf build` and for the web's job page, so
/// that a build started in the browser says which files got no copy and why, as the command line does.
extension PdfBuildSummary {
    /// How many files not ready for a copy are named (the rest are counted by rung).
    public static let notReadyShown = 50

    /// "Đã làm 2 bản PDF/A (272 trang, 4.410.000 byte) trong 61,2 giây vào catalog/pdf".
    public var headline: Text {
        func n(_ v: Int64, _ lang: Lang) -> String { Format.integer(v, lang: lang) }
        let count = Int64(built.count)
        let p = Int64(pages)
        return Text(
            vi:
                "Đã làm \(n(count, .vi)) bản PDF/A (\(n(p, .vi)) trang, \(n(bytes, .vi)) byte) trong \(Format.decimal(seconds, maxFractionDigits: 1, lang: .vi)) giây vào \(folder)",
            en:
                "Built \(n(count, .en)) PDF/A copies (\(n(p, .en)) pages, \(n(bytes, .en)) bytes) in \(Format.decimal(seconds, maxFractionDigits: 1, lang: .en)) s into \(folder)"
        )
    }

    /// The lines after the copies built, in the order the command line prints them: files skipped and numbered, files
    /// not ready (by rung, then by name), the files the tools failed on, the tools used. A line that belongs to the
    /// one before starts with two spaces.
    public var notes: [Text] {
        var lines: [Text] = []
        if upToDate > 0 {
            lines.append(
                Text(
                    vi:
                        "Đã có bản PDF và bản quét không đổi (bỏ qua): \(Format.integer(Int64(upToDate), lang: .vi)) hồ sơ",
                    en:
                        "Copy in place and masters unchanged (skipped): \(Format.integer(Int64(upToDate), lang: .en)) files"
                ))
        }
        if numbered > 0 {
            lines.append(
                Text(
                    vi:
                        "Đã đánh số \(Format.integer(Int64(numbered), lang: .vi)) hồ sơ trong phông (số hồ sơ cố định từ nay)",
                    en:
                        "Numbered \(Format.integer(Int64(numbered), lang: .en)) files in their fonds (file numbers are fixed from now on)"
                ))
        }
        lines += notReadyWords()
        if !findings.isEmpty {
            lines.append(
                Text(
                    vi: "Lỗi (\(findings.count) hồ sơ chưa có bản PDF):",
                    en: "Failures (\(findings.count) files got no copy):"))
            lines += findings.map { f in Text(vi: "  " + f.line(.vi), en: "  " + f.line(.en)) }
        }
        if !built.isEmpty { lines.append(Text(vi: "Công cụ: " + tools.summary, en: "Tools: " + tools.summary)) }
        return lines
    }

    private func notReadyWords() -> [Text] {
        guard !notReady.isEmpty else { return [] }
        func parts(_ lang: Lang) -> String {
            notReady.sorted { $0.key < $1.key }.map { key, n in
                "\(ScanState(rawValue: key)?.label(lang) ?? key) \(Format.integer(Int64(n), lang: lang))"
            }.joined(separator: ", ")
        }
        var lines = [
            Text(
                vi: "Chưa làm được (bản quét chưa đạt hoặc chưa có): " + parts(.vi),
                en: "Not ready (masters not passed, or none): " + parts(.en))
        ]
        lines += notReadyNamed.prefix(Self.notReadyShown).map { n in
            Text(vi: "  \(n.ref): \(n.scanState.label(.vi))", en: "  \(n.ref): \(n.scanState.label(.en))")
        }
        return lines
    }
}
