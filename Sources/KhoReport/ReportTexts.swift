/// Every fixed word of the report and the exports, in Vietnamese and English, in one place.
enum T {
    // Page
    static let sampleBanner = Text(
        vi: "DỮ LIỆU MẪU — không phải số liệu thật của kho", en: "SAMPLE DATA — not the archive's real figures")
    static let asOf = Text(vi: "Số liệu tính đến", en: "Figures as of")
    static let footer = Text(
        vi: "Tạo bởi kho. Rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ.",
        en: "Made by kho. Clear person, clear task, clear responsibility, clear schedule.")
    static let noData = Text(vi: "chưa có dữ liệu", en: "no data yet")

    // Section headings
    static let summary = Text(vi: "Tóm tắt cho lãnh đạo", en: "Summary for leadership")
    static let headline = Text(vi: "1. Tổng quan", en: "1. Overview")
    static let cost = Text(vi: "2. Kinh phí và thời gian hoàn thành", en: "2. Money and finish dates")
    static let fonds = Text(vi: "3. Tiến độ theo phông", en: "3. Progress by fonds")
    static let progress = Text(vi: "4. Tiến độ theo thời gian và dự báo", en: "4. Progress over time and forecast")
    static let storage = Text(vi: "5. Dung lượng lưu trữ", en: "5. Storage")
    static let throughput = Text(vi: "6. Năng suất theo tuần và theo người", en: "6. Weekly throughput per person")
    static let qc = Text(vi: "7. Lỗi kiểm tra chất lượng bản quét", en: "7. Scan quality problems")
    static let condition = Text(vi: "8. Hộp tài liệu có tình trạng xấu", en: "8. Boxes in poor condition")

    // Headline
    static let figure = Text(vi: "Chỉ tiêu", en: "Figure")
    static let value = Text(vi: "Số lượng", en: "Amount")
    static let unit = Text(vi: "Đơn vị", en: "Unit")
    static let share = Text(vi: "Tỷ lệ so với tổng", en: "Share of total")
    static let totalM = Text(vi: "Tổng khối lượng tài liệu", en: "Total extent")
    static let arrangedM = Text(vi: "Đã chỉnh lý", en: "Arranged")
    static let keptM = Text(vi: "Giữ lại sau chỉnh lý", en: "Kept after arrangement")
    static let weededM = Text(
        vi: "Loại ra khi chỉnh lý (hết giá trị)", en: "Left out by arrangement (no further value)")
    static let weedProposed = Text(
        vi: "trong danh mục hủy: chờ Hội đồng duyệt", en: "on the destruction list: waiting for the council")
    static let weedApproved = Text(
        vi: "trong danh mục hủy: đã duyệt, chờ hủy", en: "on the destruction list: approved, not yet destroyed")
    static let weedDestroyed = Text(vi: "trong danh mục hủy: đã hủy", en: "on the destruction list: destroyed")
    static let digitizedM = Text(vi: "Đã số hóa", en: "Digitized")
    static let splitRecorded = Text(
        vi: "trong đó: ghi nhận thủ công (chưa kiểm tra)", en: "of which: recorded by hand (unverified)")
    static let splitPassed = Text(vi: "trong đó: bản quét đạt kiểm tra", en: "of which: masters passed QC")
    static let splitDelivered = Text(vi: "trong đó: đã bàn giao bản sao hợp pháp", en: "of which: legal copy delivered")
    static let metreUnit = Text(vi: "mét giá", en: "linear m")
    static let counts = Text(vi: "Hộp, hồ sơ, tờ, trang", en: "Boxes, files, sheets, pages")
    static let boxes = Text(vi: "Hộp", en: "Boxes")
    static let files = Text(vi: "Hồ sơ", en: "Files")
    static let sheets = Text(vi: "Tờ (hồ sơ đã đếm)", en: "Sheets (counted files)")
    static let pagesScanned = Text(vi: "Trang đã quét", en: "Pages scanned")
    static let ladder = Text(vi: "Các bước số hóa (số hồ sơ)", en: "Digitization ladder (files)")
    static let rungNone = Text(vi: "Chưa quét", en: "Not scanned")
    static let rungRecorded = Text(vi: "Ghi nhận thủ công", en: "Recorded by hand")
    static let rungPassed = Text(vi: "Đạt kiểm tra", en: "Passed QC")
    static let rungRescan = Text(vi: "Cần quét lại", en: "Needs rescan")
    static let rungMismatch = Text(vi: "Số trang không khớp số tờ", en: "Count mismatch")
    static let rungReview = Text(vi: "Cần xem lại (tệp đã đổi)", en: "Needs review (master changed)")
    static let rungDelivered = Text(vi: "Đã bàn giao", en: "Delivered")
    static let rungSecret = Text(vi: "Tài liệu mật (không quét)", en: "Secret (never scanned)")
    static let qcProblems = Text(vi: "Lỗi kiểm tra chất lượng", en: "QC problems")

    // Fonds
    static let code = Text(vi: "Mã phông", en: "Code")
    static let name = Text(vi: "Tên phông", en: "Name")
    static let totalCol = Text(vi: "Tổng (m)", en: "Total (m)")
    static let arrangedCol = Text(vi: "Đã chỉnh lý (m)", en: "Arranged (m)")
    static let digitizedCol = Text(vi: "Đã số hóa (m)", en: "Digitized (m)")
    static let fondsChart = Text(
        vi: "Khung trắng: tổng; gạch chéo: đã chỉnh lý; vạch đen: đã số hóa. Số ghi: chỉnh lý / số hóa / tổng.",
        en: "Outline: total; hatched: arranged; black stripe: digitized. Figures: arranged / digitized / total.")

    // Progress
    static let arrangedChart = Text(vi: "Số mét giá đã chỉnh lý (cộng dồn)", en: "Linear metres arranged (cumulative)")
    static let scannedChart = Text(vi: "Số trang đã quét (cộng dồn)", en: "Pages scanned (cumulative)")
    static let actual = Text(vi: "Thực tế", en: "Actual")
    static let p50 = Text(vi: "Dự báo P50", en: "Forecast P50")
    static let band = Text(vi: "Khoảng P10–P90", en: "P10–P90 range")
    static let date = Text(vi: "Ngày", en: "Date")
    static let finishP50 = Text(vi: "xong (P50)", en: "done (P50)")
    static let metres = Text(vi: "m", en: "m")
    static let pages = Text(vi: "trang", en: "pages")
    static let progressNote = Text(
        vi:
            "Đường liền: số liệu đã ghi. Đường đứt: dự báo trung vị (P50). Vùng gạch: 8 trong 10 kịch bản nằm trong khoảng này (P10–P90).",
        en:
            "Solid line: recorded figures. Dashed line: median forecast (P50). Hatched area: 8 in 10 scenarios fall inside it (P10–P90)."
    )

    // Throughput
    static let week = Text(vi: "Tuần", en: "Week")
    static let weekOf = Text(vi: "tuần từ", en: "week of")
    static let pageUnit = Text(vi: "trang", en: "pages")
    static let person = Text(vi: "Người thực hiện", en: "Person")
    static let arrangementM = Text(vi: "Chỉnh lý (m)", en: "Arrangement (m)")
    static let scanningPages = Text(vi: "Số hóa (trang)", en: "Scanning (pages)")
    static let weeklyArrChart = Text(
        vi: "Chỉnh lý theo tuần (m; nhãn: ngày đầu tuần)", en: "Arrangement per week (m; labels: week of)")
    static let weeklyScanChart = Text(
        vi: "Số hóa theo tuần (trang; nhãn: ngày đầu tuần)", en: "Scanning per week (pages; labels: week of)")
    static let total = Text(vi: "Tổng cộng", en: "Total")

    // Storage
    static let storageNow = Text(vi: "Đang dùng", en: "Used now")
    static let storageRemaining = Text(vi: "Cần thêm cho số trang còn lại", en: "Still needed for the remaining pages")
    static let storageTotal = Text(vi: "Tổng khi số hóa xong", en: "In all when scanning is done")
    static let oneCopy = Text(vi: "Một bản", en: "One copy")
    static let copies = Text(vi: "Số bản lưu", en: "Copies kept")
    static let bytesPerPageMeasured = Text(
        vi: "Dung lượng mỗi trang đo được (trung vị) trên", en: "Bytes per page measured (median) over")
    static let pdfStorageNow = Text(vi: "Bản PDF/A đã dựng", en: "PDF/A copies built")
    static let pdfStorageRemaining = Text(vi: "Bản PDF/A còn phải dựng", en: "PDF/A copies still to build")
    static let pdfStorageTotal = Text(vi: "Bản PDF/A khi xong", en: "PDF/A copies when done")
    static let storageGrandTotal = Text(
        vi: "Tổng cộng (tệp gốc TIFF và bản PDF/A)", en: "In all (TIFF masters and PDF/A copies)")
    static let measuredFromCopies = Text(vi: "đo được từ", en: "measured over")
    static let assumedCopies = Text(vi: "giả định; mới dựng", en: "assumed; copies built:")
    static let copiesWord = Text(vi: "bản", en: "copies")
    static func pdfBuildTime(pages: String, hours: String, cores: Int, source: String, _ lang: Lang) -> String {
        Text(
            vi:
                "Dựng bản PDF/A (có lớp chữ OCR tiếng Việt) cho \(pages) trang còn lại: khoảng \(hours) trên máy \(cores) nhân (\(source)).",
            en:
                "Building the PDF/A copies (with a Vietnamese OCR text layer) of the \(pages) pages left: about \(hours) on a \(cores)-core machine (\(source))."
        ).text(lang)
    }
    static let bytesPerPageAssumed = Text(
        vi: "Dung lượng mỗi trang: giả định (chưa đủ 20 tệp gốc đạt chuẩn), đã có",
        en: "Bytes per page: assumed (fewer than 20 masters passed QC), masters so far:")
    static let masters = Text(vi: "tệp gốc đạt chuẩn", en: "masters that passed QC")

    // Cost
    static let noEstimate = Text(vi: "Chưa có ước tính kinh phí.", en: "No cost estimate yet.")
    static let howToEstimate = Text(
        vi: "Chạy lệnh kho estimate để ước tính thời gian và kinh phí, rồi tạo lại báo cáo.",
        en: "Run kho estimate to estimate time and money, then make the report again.")
    static let savedEstimate = Text(vi: "Ước tính đã lưu", en: "Saved estimate")
    static let daysOfData = Text(vi: "Số ngày có số liệu đo được", en: "Days of measured data")
    static let item = Text(vi: "Khoản mục", en: "Item")
    static let contractor = Text(vi: "Thuê đơn vị dịch vụ", en: "Contractor")
    static let inHouse = Text(vi: "Tự làm (thuê thêm ngày công)", en: "In-house (extra staff-days)")
    static let oneOff = Text(vi: "Chi phí một lần", en: "One-off costs")
    static let oneOffTotal = Text(vi: "Cộng chi phí một lần", en: "One-off total")
    static let grandTotal = Text(vi: "Tổng kinh phí đề nghị bổ sung", en: "Total additional funding requested")
    static let amount = Text(vi: "Số tiền", en: "Amount")
    static let source = Text(vi: "Nguồn", en: "Source")
    static let rates = Text(vi: "Đơn giá đã dùng", en: "Rates used")
    static let rate = Text(vi: "Đơn giá", en: "Rate")
    static let finish = Text(vi: "Thời gian hoàn thành theo kế hoạch", en: "Finish under the plan")
    static let sustainedFinish = Text(
        vi: "Thời gian hoàn thành theo nhịp độ thực tế (26 tuần qua, kể cả tuần nghỉ)",
        en: "Finish at the sustained pace (last 26 weeks, idle weeks included)")
    static let beyond = Text(vi: "hơn 50 năm nữa", en: "over 50 years away")
    static let never = Text(vi: "không xong (26 tuần qua không làm)", en: "never (nothing done in 26 weeks)")
    static let pace = Text(vi: "Nhịp độ thực tế", en: "Sustained pace")
    static let basis = Text(vi: "Dự toán dựa trên", en: "The estimate assumes")
    static let work = Text(vi: "Khối lượng công việc", en: "The work")
    static let deadline = Text(vi: "Để xong trước hạn", en: "To finish by the deadline")
    static let staffP50 = Text(vi: "Số người (P50)", en: "People (P50)")
    static let staffP90 = Text(vi: "Số người (P90)", en: "People (P90)")
    static let extraStaffDays = Text(vi: "Ngày công thuê thêm (P50)", en: "Extra staff-days (P50)")
    static let inHouseCost = Text(vi: "Chi phí tự làm (P50)", en: "In-house cost (P50)")
    static let deadlineInHouse = Text(
        vi: "Tổng phương án tự làm để kịp hạn, kể cả chi phí một lần",
        en: "In-house total to meet the deadline, one-off costs included")
    static let deadlineContractor = Text(
        vi: "Tổng phương án thuê đơn vị dịch vụ, kể cả chi phí một lần", en: "Contractor total, one-off costs included")
    static let staffDayUnit = Text(vi: "ngày công", en: "staff-days")
    static let workingDaysLeft = Text(vi: "ngày làm việc còn lại", en: "working days left")
    static let part = Text(vi: "Phần việc", en: "Part")
    static let assumptions = Text(vi: "Giả định", en: "Assumptions")
    static let warnings = Text(vi: "Cảnh báo", en: "Warnings")
    static let variant = Text(vi: "Phương án", en: "Variant")
    static let moneyLines = Text(
        vi: "Từng khoản: số lượng × đơn giá = thành tiền", en: "Line by line: quantity × unit price = amount")
    static let quantity = Text(vi: "Số lượng", en: "Quantity")

    static let costNote = Text(
        vi:
            "P10: 1 trong 10 kịch bản rẻ hơn; P50: trung vị; P90: 9 trong 10 kịch bản rẻ hơn. Thuê đơn vị dịch vụ theo đơn giá nên không có khoảng. Tổng = khối lượng công việc + chi phí một lần (mỗi khoản chỉ tính một lần).",
        en:
            "P10: 1 in 10 scenarios is cheaper; P50: median; P90: 9 in 10 scenarios are cheaper. The contractor variant is priced by unit prices, so it has no range. Total = the work + one-off costs (each line counted once)."
    )

    // QC
    static let noQC = Text(vi: "Không có lỗi kiểm tra chất lượng bản quét.", en: "There are no scan quality problems.")
    static let box = Text(vi: "Hộp", en: "Box")
    static let file = Text(vi: "Hồ sơ", en: "File")
    static let page = Text(vi: "Trang", en: "Page")
    static let problem = Text(vi: "Lỗi", en: "Problem")
    static let qcShown = Text(vi: "Số lỗi liệt kê", en: "Problems listed")

    // Condition
    static let noPoorBoxes = Text(
        vi: "Chưa ghi nhận hộp nào có tình trạng xấu.", en: "No box has been recorded in poor condition.")
    static let conditionNote = Text(
        vi: "Kho tạm, ẩm, chưa có biện pháp chống ẩm mốc: các hộp dưới đây cần ưu tiên xử lý.",
        en: "The store is temporary and damp, with no protection against mould: the boxes below need attention first.")
    static let fondsCol = Text(vi: "Phông", en: "Fonds")
    static let location = Text(vi: "Vị trí", en: "Location")
    static let conditionCol = Text(vi: "Tình trạng", en: "Condition")
    static let retention = Text(vi: "Thời hạn bảo quản", en: "Retention")

    // Metres at risk
    static let risk = Text(vi: "9. Số mét có nguy cơ", en: "9. Metres at risk")
    static func riskLead(_ undigitized: String, _ unarranged: String, _ lang: Lang) -> String {
        Text(
            vi:
                "\(undigitized) m chưa số hóa đang ở tình trạng xấu hoặc ở vị trí có nguy cơ; trong đó \(unarranged) m còn chưa chỉnh lý.",
            en:
                "\(undigitized) m not yet digitized are in poor condition or at a location at risk; \(unarranged) m of them are not even arranged yet."
        ).text(lang)
    }
    static let riskUnarranged = Text(vi: "Chưa chỉnh lý (m)", en: "Not arranged (m)")
    static let riskUndigitized = Text(vi: "Chưa số hóa (m)", en: "Not digitized (m)")
    static let riskTotal = Text(vi: "Tổng", en: "Total")
    static let riskAtRisk = Text(
        vi: "Có nguy cơ (tình trạng xấu hoặc vị trí có nguy cơ)", en: "At risk (poor condition or location at risk)")
    static let riskLocations = Text(vi: "Vị trí có nguy cơ", en: "Locations at risk")
    static let riskCol = Text(vi: "Nguy cơ", en: "Risks")
    static let riskNoLocations = Text(
        vi: "Chưa vị trí nào được đánh dấu có nguy cơ (kho location mark).",
        en: "No location has been marked at risk yet (kho location mark).")
    static let riskNote = Text(
        vi:
            "Tình trạng của hộp là tình trạng xấu nhất ghi cho hộp hoặc hồ sơ trong hộp. Số mét chưa số hóa của hộp khi tiếp nhận được chia cho các hộp tạo ra từ nó theo độ dài.",
        en:
            "A box's condition is the worst recorded on the box or its files. The undigitized metres of a box as received are shared among the boxes made from it, by extent."
    )

    // Labels
    static let labelsTitle = Text(vi: "Nhãn gáy hộp", en: "Box spine labels")
    static let labelsNone = Text(vi: "Không có hộp nào để in nhãn.", en: "No box to label.")
    static let labelFonds = Text(vi: "Phông", en: "Fonds")
    static let labelBox = Text(vi: "HỘP SỐ", en: "BOX NO.")
    static let labelFiles = Text(vi: "Hồ sơ số", en: "Files")
    static let labelYears = Text(vi: "Năm", en: "Years")
    static let labelRetention = Text(vi: "Thời hạn BQ", en: "Retention")
    static let labelPermanent = Text(vi: "Vĩnh viễn", en: "Permanent")
    static func labelsFoot(page: Int, of pages: Int, _ lang: Lang) -> String {
        Text(
            vi: "Nhãn gáy hộp 90 × 125 mm, cắt theo đường gạch · tờ \(page)/\(pages)",
            en: "Box spine labels 90 × 125 mm, cut along the dashed lines · sheet \(page)/\(pages)"
        ).text(lang)
    }

    // Inventory
    static let inventoryTitle = Text(vi: "MỤC LỤC HỒ SƠ", en: "FILE INVENTORY")
    static let inventoryFonds = Text(vi: "Phông", en: "Fonds")
    static let generatedAt = Text(vi: "Lập ngày", en: "Made on")
    static let noFiles = Text(vi: "Phông này chưa có hồ sơ.", en: "This fonds has no files yet.")
    static let colNo = Text(vi: "STT", en: "No.")
    static let colBox = Text(vi: "Hộp số", en: "Box no.")
    static let colFile = Text(vi: "Số, ký hiệu hồ sơ", en: "File no.")
    static let colTitle = Text(vi: "Tiêu đề hồ sơ", en: "Title")
    static let colDates = Text(vi: "Thời gian tài liệu", en: "Dates")
    static let colRetention = Text(vi: "Thời hạn bảo quản", en: "Retention")
    static let colSheets = Text(vi: "Số tờ/Số trang", en: "Sheets/pages")
    static let colNotes = Text(vi: "Ghi chú", en: "Notes")
    static let colFondsCode = Text(vi: "Mã phông", en: "Fonds code")
    static let colFondsName = Text(vi: "Tên phông", en: "Fonds name")
    static let permanent = Text(vi: "Vĩnh viễn", en: "Permanent")
    static let colArchiveId = Text(vi: "Mã hồ sơ", en: "Archival code")
    static let colDelivered = Text(vi: "Bản số PDF/A", en: "PDF/A copy")
    static let deliveredMark = Text(vi: "có", en: "yes")
    static func deliveredTotal(_ files: String, _ metres: String, _ lang: Lang) -> String {
        Text(
            vi: "Đã có bản số PDF/A: \(files) hồ sơ (\(metres) m)",
            en: "With a PDF/A copy: \(files) files (\(metres) m)"
        ).text(lang)
    }
    static let filesTotal = Text(vi: "Tổng số hồ sơ", en: "Files in total")

    // Compact axis numbers (thousands from 10 000 up)
    static let thousands = Text(vi: " nghìn", en: "k")
    static let millions = Text(vi: " triệu", en: "M")
    static let billions = Text(vi: " tỷ", en: "bn")
    static let trillions = Text(vi: " nghìn tỷ", en: "T")

    /// "10 năm" / "10 years" ("1 year").
    static func years(_ n: Int, _ lang: Lang) -> String {
        lang == .vi ? "\(n) năm" : (n == 1 ? "1 year" : "\(n) years")
    }

    /// "42 tờ" / "42 sheets".
    static func sheetCount(_ n: Int, _ lang: Lang) -> String {
        lang == .vi
            ? "\(Format.integer(Int64(n), lang: lang)) tờ"
            : "\(Format.integer(Int64(n), lang: lang)) \(n == 1 ? "sheet" : "sheets")"
    }

    /// "60 trang" / "60 pages".
    static func pageCount(_ n: Int, _ lang: Lang) -> String {
        lang == .vi
            ? "\(Format.integer(Int64(n), lang: lang)) trang"
            : "\(Format.integer(Int64(n), lang: lang)) \(n == 1 ? "page" : "pages")"
    }
}
