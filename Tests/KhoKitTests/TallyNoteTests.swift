import Testing

@testable import KhoKit

/// The notes checks and copies write on their events, as `kho log` and the web's log say them.
@Suite struct TallyNoteTests {
    @Test(arguments: [
        ("ok 16, missing 0, changed 1, unreadable 0", "16 tốt, 0 mất, 1 thay đổi, 0 không đọc được"),
        ("ok 2, not_pdfa 1, no_text 1", "2 tốt, 1 không đúng PDF/A, 1 thiếu lớp chữ"),
        (
            "usb: copied 3, updated 0, adopted 1, held 18, findings 0; nas: unavailable",
            "usb: chép 3, cập nhật 0, nhận tệp có sẵn 1, đã có sẵn 18, 0 phát hiện; nas: không truy cập được"
        ),
        (
            "usb: ok 5, missing 1, changed 0, unreadable 0, unexpected 2, pending 3",
            "usb: 5 tốt, 1 mất, 0 thay đổi, 0 không đọc được, 2 lạ, 3 chưa chép"
        ),
        (
            "usb H0001/01/0001.tif (changed) ← primary; nas H0001/01/0002.tif (missing) failed; H0001/01/0003.tif lost; unavailable: cd",
            "usb H0001/01/0001.tif (thay đổi) ← primary; nas H0001/01/0002.tif (mất) sửa không được; H0001/01/0003.tif mất ở mọi bản; không truy cập được: cd"
        ),
    ])
    func aNoteIsSaidInVietnameseAndKeptInEnglish(stored: String, vi: String) {
        #expect(TallyNote.words(stored, .vi) == vi)
        #expect(TallyNote.words(stored, .en) == stored)
    }
}
