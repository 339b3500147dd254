import KhoLocale

/// The `copies` section: each copy (place, held against expected, last sync and audit, problems) and the table of
/// NDSA levels reached, with what the next level needs.
enum PreservationSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let p = model.preservation
        var out = paragraph(P.lead.text(lang), cls: "lead")
        out += HTMLTable.render(
            headers: [
                P.copy.text(lang), P.place.text(lang), P.files.text(lang), P.bytes.text(lang), P.lastSync.text(lang),
                P.lastAudit.text(lang), P.problems.text(lang),
            ],
            numericColumns: [2, 3, 6],
            rows: p.copies.map { c in
                var name = c.name + (c.primary ? " (" + P.primary.text(lang) + ")" : "")
                if !c.available { name += " — " + P.unavailable.text(lang) }
                return [
                    .h(name), .t(c.place + (c.offsite ? " (" + P.offsite.text(lang) + ")" : "")),
                    .num(NumberText.count(c.files, lang) + " / " + NumberText.count(c.expectedFiles, lang)),
                    .num(NumberText.bytes(c.bytes, lang) + " / " + NumberText.bytes(c.expectedBytes, lang)),
                    .t(c.lastSync.map { DateFormat.day($0, lang: lang) } ?? P.never.text(lang)),
                    .t(c.lastAudit.map { DateFormat.day($0, lang: lang) } ?? P.never.text(lang)),
                    .num(NumberText.count(c.problems, lang), key: "copies-problems-\(c.name)"),
                ]
            })
        out += "<h3>\(escapeHTML(P.levelsHeading.text(lang)))</h3>"
        out += HTMLTable.render(
            headers: [P.area.text(lang), P.level.text(lang), P.next.text(lang)],
            numericColumns: [1],
            rows: p.levels.map { l in
                var level = Cell.num("\(l.level) / 4", key: "ndsa-\(l.key)")
                level.value = String(l.level)
                let next = l.next.isEmpty ? P.top.text(lang) : l.next.map { $0.text(lang) }.joined(separator: "; ")
                return [.h(l.area.text(lang)), level, .t(next)]
            })
        out += paragraph(P.note.text(lang), cls: "muted")
        return reportSection(id: "copies", heading: P.heading, lang: lang, out)
    }

    private enum P {
        static let heading = Text(
            vi: "10. Bản lưu và mức bảo quản số (NDSA)", en: "10. Copies and digital preservation levels (NDSA)")
        static let lead = Text(
            vi:
                "Mỗi nơi giữ tệp bản quét gốc và bản PDF/A: giữ bao nhiêu so với cần giữ, lần chép và lần kiểm tra toàn vẹn gần nhất, số vấn đề chưa sửa.",
            en:
                "Each place the masters and PDF/A copies are kept: what it holds against what it should, its last sync and fixity audit, problems not yet repaired."
        )
        static let copy = Text(vi: "Bản lưu", en: "Copy")
        static let place = Text(vi: "Nơi cất", en: "Place")
        static let files = Text(vi: "Tệp giữ / cần", en: "Files held / expected")
        static let bytes = Text(vi: "Dung lượng giữ / cần", en: "Bytes held / expected")
        static let lastSync = Text(vi: "Chép lần cuối", en: "Last sync")
        static let lastAudit = Text(vi: "Kiểm tra lần cuối", en: "Last audit")
        static let problems = Text(vi: "Vấn đề", en: "Problems")
        static let primary = Text(vi: "bản chính, nơi quét", en: "primary, where scanning happens")
        static let unavailable = Text(vi: "không truy cập được", en: "unavailable")
        static let offsite = Text(vi: "ngoài trụ sở", en: "off-site")
        static let never = Text(vi: "chưa", en: "never")
        static let levelsHeading = Text(
            vi: "Mức bảo quản số đạt được (NDSA Levels of Digital Preservation 2.0)",
            en: "Digital preservation levels reached (NDSA Levels of Digital Preservation 2.0)")
        static let area = Text(vi: "Lĩnh vực", en: "Area")
        static let level = Text(vi: "Mức đạt", en: "Level")
        static let next = Text(vi: "Để lên mức sau cần", en: "The next level needs")
        static let top = Text(vi: "đã ở mức cao nhất", en: "already at the top level")
        static let note = Text(
            vi:
                "Mức 1: biết mình có gì; 2: bảo vệ; 3: theo dõi; 4: duy trì lâu dài. Mức chỉ tính khi đủ mọi yêu cầu của nó và các mức dưới; việc kho không thấy được (quy định, kế hoạch) cần người phụ trách làm và ghi nhận.",
            en:
                "Level 1: know your content; 2: protect it; 3: monitor it; 4: sustain it. A level counts only when all of its requirements and those below are met; what kho cannot see (rules, plans) needs a person to do and record."
        )
    }
}
