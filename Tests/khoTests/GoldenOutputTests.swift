import Foundation
import KhoTestTags
import Testing

/// `kho status` and `kho estimate` as a person reads them, in Vietnamese, on ``FixedCatalogue``: a change to either
/// output shows up here as a diff to review. When the change is intended, paste the actual text (printed after the
/// diff) into the expected text below.
///
/// The run's wall-clock time (status's first line) and the temporary folder's path are replaced by placeholders, and
/// spaces at the ends of lines are not compared (table padding).
@Suite(.tags(.endToEnd)) struct GoldenOutputTests {
    /// The text with each line's trailing spaces dropped and without a final newline.
    static func normalised(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
    }

    static func expectGolden(
        _ actual: String, _ expected: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let actual = normalised(actual)
        if actual != expected, let folder = ProcessInfo.processInfo.environment["KHO_GOLDEN_ACTUAL"] {
            try? actual.write(
                toFile: folder + "/" + name.replacingOccurrences(of: " ", with: "-"), atomically: true, encoding: .utf8)
        }
        #expect(
            actual == expected,
            "\(name) differs from its golden text:\n\(GoldenDiff.unified(expected: expected, actual: actual))\n\nactual:\n\(actual)",
            sourceLocation: sourceLocation)
    }

    @Test func statusInVietnamese() throws {
        // Given the fixed catalogue
        let kho = try FixedCatalogue.make()
        // When its status is printed
        let status = try kho.run(["status"], env: FixedCatalogue.env)
        #expect(status.code == 0, "\(status.err)")
        // Then the first line carries the time of the run, and the rest is the golden text
        let clock = try Regex(#"tiến độ lúc \d{2}/\d{2}/\d{4} \d{2}:\d{2}"#)
        #expect(status.out.split(separator: "\n").first?.contains(clock) == true, "\(status.out.prefix(80))")
        Self.expectGolden(status.out.replacing(clock, with: "tiến độ lúc <giờ chạy>"), Self.status, "kho status")
    }

    @Test func estimateInVietnamese() throws {
        // Given the fixed catalogue
        let kho = try FixedCatalogue.make()
        // When it is estimated as of 31/01/2025 with a fixed seed and resamples
        let estimate = try kho.run(["estimate"] + FixedCatalogue.estimateArgs, env: FixedCatalogue.env)
        #expect(estimate.code == 0, "\(estimate.err)")
        // Then the text is the golden text (the rates file's path is in the temporary folder)
        Self.expectGolden(
            estimate.out.replacingOccurrences(of: kho.dir.path, with: "<thư mục>"), Self.estimate, "kho estimate")
    }

    @Test func theDiffShowsWhatChanged() {
        let diff = GoldenDiff.unified(expected: "a\nb\nc", actual: "a\nB\nc\nd")
        #expect(diff == "--- expected\n+++ actual\n@@\n a\n-b\n+B\n c\n+d")
        #expect(GoldenDiff.unified(expected: "same", actual: "same").isEmpty)
    }

    static let status = """
        Kho lưu trữ — tiến độ lúc <giờ chạy>

        Chỉ tiêu                        Số lượng       %
        ──────────────────────────────  ────────  ──────
        Tổng số mét tài liệu                 2 m
        Đã chỉnh lý                          1 m    50 %
          giữ lại                         0,85 m
          loại ra khi chỉnh lý            0,15 m
        Danh mục tài liệu hết giá trị:
          chờ Hội đồng duyệt                 0 m
          đã duyệt, chờ hủy                  0 m
          đã hủy                             0 m
        Chưa chỉnh lý                        1 m    50 %
        Đã số hóa                         0,33 m  16,7 %
          ghi nhận bằng tay               0,33 m
          bản gốc đạt chuẩn                  0 m
          đã có bản PDF/A                    0 m
        Hộp/bó khi tiếp nhận                   4
        Hộp/bó đã đăng ký, cả hộp mới          5
        Hồ sơ                                  3
        Số tờ (đã đếm)                       120
        Trang đã số hóa                      156

        Các bậc số hóa (số hồ sơ):
        Bậc                          Hồ sơ
        ───────────────────────────  ─────
        chưa số hóa                      1
        đã ghi nhận (chưa kiểm tra)      2
        bản gốc đạt chuẩn                0
        cần quét lại                     0
        số trang không khớp số tờ        0
        cần xem lại (tệp đã đổi)         0
        đã bàn giao                      0
        mật (không số hóa)               0

        Theo phông:
        Phông     Tên                Tổng (m)  Chỉnh lý (m)  Số hóa (m)  Hộp  Hồ sơ
        ────────  ─────────────────  ────────  ────────────  ──────────  ───  ─────
        UBND-SK1  UBND xã Sơn Kim 1         2             1        0,33    5      3
        """

    static let estimate = """
        DỰ TOÁN lúc 31/01/2025 — phạm vi: toàn bộ kho — dựa trên 10 ngày có số liệu
          kế hoạch: chỉnh lý 2 người, số hóa 1 người, mỗi người 5 ngày/tuần; lập ngày 31/01/2025
        Dự toán YẾU: ít hơn 10 ngày có số liệu.

        Kinh phí xin thêm (đồng) — mỗi khoản chỉ tính một lần:
          Phương án thuê đơn vị dịch vụ: 49.682.500 đ (công việc 38.622.500 đ + chi một lần 11.060.000 đ)
          Phương án tự làm (thuê thêm ngày công), P50: 11.700.000 đ (không có khoảng P10–P90: không thuê thêm người chỉnh lý, số hóa nên số tiền không phụ thuộc nhịp độ; công việc 640.000 đ + chi một lần 11.060.000 đ)

        Ngày xong (P10 – P50 – P90): theo KẾ HOẠCH và theo NHỊP ĐỘ THỰC TẾ (26 tuần qua, kể cả tuần không làm):
        Phần việc       Còn lại  Năng suất đội  Người  Kế hoạch              Ngày công/tuần thực tế  Nhịp độ thực tế
        ─────────  ────────────  ─────────────  ─────  ────────────────────  ──────────────────────  ────────────────────
        Chỉnh lý            1 m    0,25 m/ngày      2  06/02/2025 (chỉ P50)                       2  28/02/2025 (chỉ P50)
        Số hóa     20.105 trang  78 trang/ngày      1  29/01/2026 (chỉ P50)                     0,5  20/11/2034 (chỉ P50)
        Toàn bộ                                        30/01/2026 (chỉ P50)                          12/12/2034 (chỉ P50)
          chỉnh lý: 2 ngày công/tuần trong 4 tuần qua (kể cả tuần không làm); lần làm cuối 17/01/2025 (đã ngừng 2 tuần)
          số hóa: 0,5 ngày công/tuần trong 4 tuần qua (kể cả tuần không làm); lần làm cuối 20/01/2025 (đã ngừng 1 tuần)
          chưa đủ số liệu để có khoảng P10–P90: mới có 2 tuần có làm việc, cần ít nhất 4
          Biên mục: 1,6 ngày công, 1 người, xong 04/02/2025 (giả định 100 văn bản/ngày công)

        Dung lượng lưu trữ (26.099.520 byte/trang, giả định; mới có 0 tệp gốc đạt chuẩn, cần 20):
                                  Một bản    3 bản
        ───────────────────────  ────────  ───────
        Đang dùng                    0 MB     0 MB
        Cần thêm                 524,7 GB  1,57 TB
        Tổng khi xong            524,7 GB  1,57 TB
        Bản PDF/A đã dựng            0 MB     0 MB
        Bản PDF/A còn phải dựng  528,8 GB  1,59 TB
        Bản PDF/A khi xong       528,8 GB  1,59 TB
        Tổng cộng TIFF và PDF/A            3,16 TB
          PDF/A: 26.099.520 byte/trang, giả định (mới có 0 bản, cần 5).
          Dựng bản PDF/A cho 20.261 trang còn lại: khoảng 45 giờ máy trên máy 2 nhân (460 trang/giờ, giả định).
          Số bản lưu 3 theo tệp đơn giá (mặc định (chưa có rates.toml)): kế hoạch; mới đăng ký bản chính (kho copies add để đăng ký các bản khác)

        Cảnh báo:
          ! ước tính chỉnh lý yếu: chỉ dựa trên 8 ngày có số liệu (cần ít nhất 10)
          ! năng suất chỉnh lý thay đổi 0% giữa một phần ba đầu và cuối của khoảng đo (0 → 0,25 m/người-ngày); nhịp tăng dần (quen việc hoặc thêm thiết bị) — dự toán dùng năng suất trung bình cả khoảng
          ! chỉnh lý: mới có 2 tuần số liệu, nên lấy mẫu lại từng ngày; độ tương quan giữa các ngày chưa được tính
          ! chỉnh lý: trong một số lần lấy mẫu lại sản lượng bằng 0, nên P90 có thể bị giới hạn; cần thêm số liệu
          ! ước tính số hóa yếu: chỉ dựa trên 2 ngày có số liệu (cần ít nhất 10)
          ! số hóa: mới có 2 tuần số liệu, nên lấy mẫu lại từng ngày; độ tương quan giữa các ngày chưa được tính

        Chi tiết kinh phí (số lượng × đơn giá = thành tiền; mỗi con số kèm nguồn):
        Phương án     Khoản                                        Số lượng      Đơn giá    Thành tiền  Nguồn
        ────────────  ──────────────────────────────────────  ─────────────  ───────────  ────────────  ─────────────────────────────
        thuê dịch vụ  chỉnh lý tài liệu (mét giá)                       1 m  8.000.000 đ   8.000.000 đ  mặc định (chưa có rates.toml)
        thuê dịch vụ  số hóa (trang)                           20.105 trang      1.500 đ  30.157.500 đ  mặc định (chưa có rates.toml)
        thuê dịch vụ  biên mục hồ sơ                                6 hồ sơ     10.000 đ      60.000 đ  mặc định (chưa có rates.toml)
        thuê dịch vụ  nhập dữ liệu văn bản                      135 văn bản      3.000 đ     405.000 đ  mặc định (chưa có rates.toml)
        tự làm (P50)  ngày công người thuê thêm (chỉnh lý)      0 ngày công    400.000 đ           0 đ  mặc định (chưa có rates.toml)
        tự làm (P50)  ngày công người thuê thêm (số hóa)        0 ngày công    400.000 đ           0 đ  mặc định (chưa có rates.toml)
        tự làm (P50)  ngày công người thuê thêm (biên mục)    1,6 ngày công    400.000 đ     640.000 đ  mặc định (chưa có rates.toml)
        chi một lần   ổ lưu trữ (TIFF và PDF/A, mọi bản lưu)        3,16 TB  3.500.000 đ  11.060.000 đ  mặc định (chưa có rates.toml)
        Đơn giá: giá trị mặc định (chưa có <thư mục>/rates.toml; tạo bằng `kho rates init` rồi sửa theo đơn giá của tỉnh).

        Năng suất và tỷ lệ dùng:
          chỉnh lý (m/ngày công): 0,125 — đo được từ 8 ngày công
          số hóa (trang/ngày công): 78 — đo được từ 2 ngày công
          trang/tờ: 1,95;  trang/mét giữ lại: 15.405;  giữ lại/độ dài: 0,85;  byte/trang: 26.099.520
          văn bản/hồ sơ: 15 (giả định; mới mô tả 0 hồ sơ); văn bản cần mô tả: 135

        Giả định (chưa đo được, dùng giá trị nêu rõ):
          - chưa đo số trang mỗi mét giá sau chỉnh lý: giả định 15.405 (7.900 tờ/mét × số trang mỗi tờ đã đo)
          - chưa đo dung lượng mỗi trang (mới có 0 tệp gốc đạt chuẩn, cần 20): giả định 26.099.520 byte (A4, 300 ppi, màu 24 bit, không nén ≈ 26 MB)
          - chưa đo số văn bản mỗi hồ sơ (mới mô tả văn bản của 0 hồ sơ, cần 10): giả định 15
          - chưa đo tốc độ dựng bản PDF/A (mới có 0 bản, cần 5): giả định 460 trang/giờ trên máy 2 nhân (đo bằng tools/bench-pdf)
          - chưa đo dung lượng mỗi trang PDF (mới có 0 bản, cần 5): giả định 26.099.520 byte = tệp gốc 26.099.520 byte × 1 (thiết lập dựng bản: ảnh không nén mất dữ liệu)
          - biên mục: 25 hồ sơ hoặc 100 văn bản một ngày công, 1 người làm (chưa đo được; phương án tự làm tính các ngày công này theo đơn giá ngày công)
          - chỉnh lý và số hóa làm song song bởi những người khác nhau; thời điểm xong chung là thời điểm muộn hơn

        bootstrap dự báo theo khối tuần ISO: mỗi lần lấy mẫu lại các tuần đã làm (có hoàn lại) để có năng suất trung bình, rồi mô phỏng phần việc còn lại bằng các tuần rút từ mẫu đó; khoảng P10–P90 được nới theo số khối (Hesterberg)
        """
}
