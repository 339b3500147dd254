import ArgumentParser
import KhoKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Text(
            vi: "Tiến độ: số mét tổng / đã chỉnh lý / giữ lại / đã số hóa, hộp, hồ sơ, trang, theo phông.",
            en: "Progress: metres total / arranged / kept / digitized, boxes, files, pages, per fonds.")(),
        discussion: Text(
            vi: """
                Cách đếm:
                  tổng số mét      = Σ độ dài các hộp/bó khi tiếp nhận (hộp tạo ra từ hộp khác khi chỉnh lý không cộng thêm);
                  đã chỉnh lý      = Σ độ dài các hộp khi tiếp nhận đã hoàn thành chỉnh lý;
                  giữ lại / loại   = số mét chỉnh lý giữ lại / loại ra (giữ lại + loại = đã chỉnh lý);
                  danh mục hủy     = số mét trong danh mục tài liệu hết giá trị: chờ Hội đồng duyệt / đã duyệt, chờ hủy / đã hủy;
                  đã số hóa        = Σ độ dài × tỷ lệ số hóa của hộp (theo số tờ nếu mọi hồ sơ đều có số tờ, nếu không theo số hồ sơ;
                                     hồ sơ mật không tính); «đã số hóa» gồm đã ghi nhận, đạt chuẩn và đã bàn giao.
                --json in các khóa total_m, arranged_m, kept_m, weeded_m, digitized_m, boxes, files, sheets, pages_scanned, ladder,
                weed (proposed_m, approved_m, destroyed_m, …), fonds.
                """,
            en: """
                How it counts:
                  total metres   = Σ extent of boxes and bundles as received (boxes made from another box never add to it);
                  arranged       = Σ extent of boxes as received whose arrangement is finished;
                  kept / weeded  = what arrangement kept / left out (kept + weeded = arranged);
                  destruction list = metres on the list: waiting for the council / approved / destroyed;
                  digitized      = Σ extent × the box's digitized share (by sheets where every file's sheets are known,
                                   else by files; secret files left out); "digitized" is recorded + passed + delivered.
                --json prints keys total_m, arranged_m, kept_m, weeded_m, digitized_m, boxes, files, sheets, pages_scanned, ladder,
                weed (proposed_m, approved_m, destroyed_m, …), fonds.
                """)())
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = try global.openForReading().statusWithCopies()
        if global.json { return try Printer.json(status) }
        Printer.line(
            Text(
                vi: "Kho lưu trữ — tiến độ lúc \(DateFormat.dateTime(status.asOf))",
                en: "Archive progress as of \(status.asOf)")())
        Printer.line()
        Self.printMeasures(status.progress)
        Printer.line()
        Self.printLadder(status.progress.ladder)
        Printer.line()
        Self.printFonds(status.fonds)
        if let copies = status.copies {
            Printer.line()
            Printer.line(Text(vi: "Các bản lưu:", en: "Copies:")())
            CopiesPrinter.table(copies)
        }
    }

    /// The headline table: metres (with their share of the total), boxes, files, sheets and pages.
    private static func printMeasures(_ p: StatusFigures) {
        func m(_ v: Double) -> String { "\(Printer.metres(v)) m" }
        func m2(_ v: Double) -> String { "\(Printer.digitizedMetres(v)) m" }
        func pct(_ v: Double) -> String { Format.percent(v, of: p.totalMetres) }
        // The rungs as displayed add up to the digitized metres as displayed (largest remainder).
        let split = Format.roundedParts(
            ["recorded", "passed", "delivered"].map { p.digitizedSplitMetres[$0] ?? 0 }, total: p.digitizedMetres,
            digits: Format.digitizedMetreDigits)
        Printer.table(
            [Text(vi: "Chỉ tiêu", en: "Measure")(), Text(vi: "Số lượng", en: "Amount")(), "%"],
            [
                [Text(vi: "Tổng số mét tài liệu", en: "Total metres")(), m(p.totalMetres), ""],
                [Text(vi: "Đã chỉnh lý", en: "Arranged")(), m(p.arrangedMetres), pct(p.arrangedMetres)],
                [Text(vi: "  giữ lại", en: "  kept")(), m(p.keptMetres), ""],
                [Text(vi: "  loại ra khi chỉnh lý", en: "  left out (weeded)")(), m(p.weededMetres), ""],
                [Text(vi: "Danh mục tài liệu hết giá trị:", en: "Destruction list:")(), "", ""],
                [Text(vi: "  chờ Hội đồng duyệt", en: "  waiting for the council")(), m(p.weed.proposedMetres), ""],
                [Text(vi: "  đã duyệt, chờ hủy", en: "  approved, not yet destroyed")(), m(p.weed.approvedMetres), ""],
                [Text(vi: "  đã hủy", en: "  destroyed")(), m(p.weed.destroyedMetres), ""],
                [
                    Text(vi: "Chưa chỉnh lý", en: "Not arranged")(), m(p.totalMetres - p.arrangedMetres),
                    pct(p.totalMetres - p.arrangedMetres),
                ],
                [Text(vi: "Đã số hóa", en: "Digitized")(), m2(p.digitizedMetres), pct(p.digitizedMetres)],
                [Text(vi: "  ghi nhận bằng tay", en: "  recorded by hand")(), m2(split[0]), ""],
                [Text(vi: "  bản gốc đạt chuẩn", en: "  masters passed QC")(), m2(split[1]), ""],
                [Text(vi: "  đã có bản PDF/A", en: "  PDF/A delivered")(), m2(split[2]), ""],
                [
                    Text(vi: "Hộp/bó khi tiếp nhận", en: "Boxes as received")(), Format.integer(Int64(p.boxesReceived)),
                    "",
                ],
                [
                    Text(vi: "Hộp/bó đã đăng ký, cả hộp mới", en: "Boxes registered, new ones too")(),
                    Format.integer(Int64(p.boxes)), "",
                ],
                [Text(vi: "Hồ sơ", en: "Files")(), Format.integer(Int64(p.files)), ""],
                [Text(vi: "Số tờ (đã đếm)", en: "Sheets (counted)")(), Format.integer(Int64(p.sheets)), ""],
                [Text(vi: "Trang đã số hóa", en: "Pages digitized")(), Format.integer(Int64(p.pagesScanned)), ""],
            ],
            right: [1, 2])
    }

    /// Files on each rung of the digitization ladder.
    private static func printLadder(_ l: Ladder) {
        Printer.line(Text(vi: "Các bậc số hóa (số hồ sơ):", en: "Digitization ladder (files):")())
        Printer.table(
            [Text(vi: "Bậc", en: "Rung")(), Text(vi: "Hồ sơ", en: "Files")()],
            [
                [ScanState.none.label(), Format.integer(Int64(l.none))],
                [ScanState.recorded.label(), Format.integer(Int64(l.recorded))],
                [ScanState.passed.label(), Format.integer(Int64(l.passed))],
                [ScanState.rescan.label(), Format.integer(Int64(l.rescan))],
                [ScanState.mismatch.label(), Format.integer(Int64(l.mismatch))],
                [ScanState.review.label(), Format.integer(Int64(l.review))],
                [ScanState.delivered.label(), Format.integer(Int64(l.delivered))],
                [Text(vi: "mật (không số hóa)", en: "secret (never scanned)")(), Format.integer(Int64(l.secret))],
            ],
            right: [1])
    }

    /// One row per fonds: metres total, arranged and digitized, boxes and files.
    private static func printFonds(_ fonds: [Status.FondsProgress]) {
        Printer.line(Text(vi: "Theo phông:", en: "By fonds:")())
        Printer.table(
            [
                Text(vi: "Phông", en: "Fonds")(), Text(vi: "Tên", en: "Name")(),
                Text(vi: "Tổng (m)", en: "Total (m)")(),
                Text(vi: "Chỉnh lý (m)", en: "Arranged (m)")(), Text(vi: "Số hóa (m)", en: "Digitized (m)")(),
                Text(vi: "Hộp", en: "Boxes")(), Text(vi: "Hồ sơ", en: "Files")(),
            ],
            fonds.map { f in
                [
                    f.code, f.name, Printer.metres(f.progress.totalMetres), Printer.metres(f.progress.arrangedMetres),
                    Printer.digitizedMetres(f.progress.digitizedMetres), String(f.progress.boxes),
                    String(f.progress.files),
                ]
            },
            right: [2, 3, 4, 5, 6])
    }
}
