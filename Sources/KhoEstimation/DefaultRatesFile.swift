/// The rates file `kho` writes when there is none: placeholder prices for Vietnam 2025–2026, commented in Vietnamese and English.
///
/// Every price here is a placeholder to be checked against the province's
/// decision on unit prices (*quyết định đơn giá*) before any estimate is sent.
public let defaultRatesFileText = """
    # kho — bảng đơn giá / rates file
    #
    # Định dạng: khóa = giá trị; dòng bắt đầu bằng # là ghi chú; [mục] mở một mục.
    # Format: key = value; lines starting with # are comments; [section] opens a section.
    # Số tiền là đồng (VND), số nguyên; được viết 8_000_000 hoặc 8.000.000.
    # Money is whole đồng (VND); 8_000_000 and 8.000.000 are both accepted.
    #
    # CÁC GIÁ DƯỚI ĐÂY LÀ GIÁ TẠM, phải đối chiếu với quyết định đơn giá của tỉnh
    # (đơn giá chỉnh lý, số hóa tài liệu lưu trữ) trước khi gửi dự toán.
    # THE PRICES BELOW ARE PLACEHOLDERS: check them against the province's
    # unit-price decision (arrangement and digitization of archival records)
    # before sending any estimate.

    # Số bản lưu của mỗi tệp gốc (quy tắc 3-2-1: 3 bản, 2 loại phương tiện, 1 bản ở nơi khác).
    # Copies kept of every master (the 3-2-1 rule: 3 copies, 2 media, 1 off site).
    copies = 3

    # Số máy quét cơ quan đang có: kế hoạch cần nhiều người quét hơn số máy sẽ bị cảnh báo.
    # Scanners the office owns: a plan needing more people scanning than scanners is warned about.
    scanners = 1

    [contractor]
    # Thuê đơn vị dịch vụ. Contractor unit prices.
    # Chỉnh lý hoàn chỉnh, đồng/mét giá (tính theo mét giá khi tiếp nhận); thường vài triệu đồng/mét.
    # Full arrangement, VND per linear metre as received; commonly several million VND a metre.
    per_metre_arranged = 8_000_000
    # Số hóa, đồng/trang (thường khoảng 1.000–2.500 đ/trang).
    # Scanning, VND per page (commonly about 1,000–2,500 VND a page).
    per_page_scanned = 1_500
    # Biên mục, nhập dữ liệu đặc tả hồ sơ, đồng/hồ sơ. Describing one file, VND per file.
    per_file_described = 10_000
    # Nhập dữ liệu đặc tả văn bản, đồng/văn bản. Describing one document, VND per document.
    per_document_described = 3_000

    [in_house]
    # Tự làm: tiền công một ngày của một người thuê thêm (không tính cán bộ đang hưởng lương).
    # In-house: day rate of one extra person hired (salaried staff are not an extra cost).
    day_rate = 400_000

    [one_off]
    # Khoản mua một lần: tên = số tiền. One-off purchases: name = amount.
    # Được cộng vào cả hai phương án. Added to both variants.
    "Máy hút ẩm / dehumidifiers (2)" = 20_000_000
    "Giá sắt / steel shelving (10 m)" = 30_000_000
    "Máy quét A3 / A3 flatbed scanner" = 60_000_000

    [storage]
    # Giá một TB ổ đĩa (10^12 byte) cho MỘT bản lưu, dùng chung cho tệp gốc TIFF và bản PDF/A.
    # Dự toán nhân với dung lượng còn phải lưu (mọi bản lưu, tính theo `copies` ở trên).
    # Price of one TB of disk (10^12 bytes) for ONE copy, TIFF masters and PDF/A copies alike.
    # The estimate multiplies it by the bytes still to store (all copies, per `copies` above).
    per_tb_vnd = 3_500_000

    [holidays]
    # Ngày nghỉ lễ rơi vào ngày làm việc (thứ Hai–thứ Sáu): ngày = tên.
    # Public holidays on working days (Monday–Friday): date = name.
    # Đối chiếu với thông báo nghỉ lễ hằng năm của Chính phủ; ngày Tết âm lịch thay đổi theo năm.
    # Check against the government's yearly announcement; lunar holidays move every year.
    2026-01-01 = Tết Dương lịch / New Year's Day
    2026-02-16 = Tết Nguyên đán / Lunar New Year
    2026-02-17 = Tết Nguyên đán / Lunar New Year
    2026-02-18 = Tết Nguyên đán / Lunar New Year
    2026-02-19 = Tết Nguyên đán / Lunar New Year
    2026-02-20 = Tết Nguyên đán / Lunar New Year
    2026-04-27 = Giỗ Tổ Hùng Vương (nghỉ bù) / Hung Kings (in lieu)
    2026-04-30 = Ngày Giải phóng / Reunification Day
    2026-05-01 = Quốc tế Lao động / Labour Day
    2026-09-01 = Quốc khánh / National Day
    2026-09-02 = Quốc khánh / National Day
    2027-01-01 = Tết Dương lịch / New Year's Day
    # Tết Nguyên đán 2027 (mùng 1 = 2027-02-06): thêm các ngày nghỉ khi có thông báo.
    # Lunar New Year 2027 (day 1 = 2027-02-06): add the days off once announced.
    2027-04-30 = Ngày Giải phóng / Reunification Day
    2027-05-03 = Quốc tế Lao động (nghỉ bù) / Labour Day (in lieu)
    2027-09-02 = Quốc khánh / National Day
    2027-09-03 = Quốc khánh / National Day

    """
