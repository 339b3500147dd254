import Foundation
import KhoReport
import Testing

@testable import KhoKit

/// Issue 25's rules that are pure text or time: argument-parser's words in Vietnamese, the inventory's formula guard
/// taken off exactly, and suggested `--at` values that kho accepts.
@Suite struct EverydayRulesTests {
    @Test(arguments: [
        ("Unknown option '--years'", "không có tùy chọn «--years»"),
        ("Unknown option '--tittle'. Did you mean '--title'?", "không có tùy chọn «--tittle»; có phải «--title»?"),
        ("Missing expected argument '<ref>'", "thiếu «<ref>»"),
        ("Missing value for '--fonds <fonds>'", "thiếu giá trị cho «--fonds <fonds>»"),
        (
            "The value 'xx' is invalid for '--lang <vi|en>'. Please provide one of 'vi' or 'en'.",
            "giá trị «xx» không hợp lệ cho «--lang <vi|en>»; hãy dùng một trong: 'vi' hoặc 'en'"
        ),
        ("Unexpected argument 'statuss'", "không hiểu «statuss» ở chỗ này (không có lệnh hay đối số như vậy)"),
        ("hộp H1 không có", "hộp H1 không có"),
    ])
    func argumentParserMessagesAreSaidInVietnamese(english: String, vietnamese: String) {
        #expect(ParserWords.sentence(english) == vietnamese)
    }

    @Test func aGroupOfSubcommandsIsHeadedInVietnamese() {
        // Given argument-parser's heading of a CommandGroup whose name is already Vietnamese, and the plain heading
        let english =
            "LỆNH CON:\nSUBCOMMANDS:\nDANH MỤC SUBCOMMANDS:\n  fonds   Phông\nTIẾN ĐỘ, DỰ TOÁN VÀ BÁO CÁO SUBCOMMANDS:"
        // Then each reads as kho's own Vietnamese heading, the group's name kept
        #expect(
            ParserWords.vietnameseHelp(english)
                == "LỆNH CON:\nLỆNH CON:\nLỆNH CON — DANH MỤC:\n  fonds   Phông\nLỆNH CON — TIẾN ĐỘ, DỰ TOÁN VÀ BÁO CÁO:"
        )
    }

    @Test func anErrorKeepsItsUsageAlignedAndPointsToHelp() {
        let english = """
            Error: Unknown option '--years'
            Usage: kho file add [<options>] <ref> --title <title>
                   kho file add --help
              See 'kho file add --help' for more information.
            """
        #expect(
            ParserWords.vietnameseError(english) == """
                lỗi: không có tùy chọn «--years»
                Cách dùng: kho file add [<tùy chọn>] <ref> --title <title>
                           kho file add --help
                  Xem `kho file add --help` để biết cách dùng.
                """)
    }

    @Test(arguments: [
        "=1+1", "+84 912", "@thôn", "-5 độ", "- mục 1", "-", "'trích", "''hai", "'", "\tthụt", "bình thường", "",
    ])
    func theFormulaGuardIsTakenOffExactly(text: String) {
        #expect(CSVWriter.restore(CSVWriter.neutralise(text)) == text)
    }

    @Test func anApostropheAPersonTypedIsKept() {
        // `'abc` was not written by kho's guard (kho would have written `''abc`), so it stays
        #expect(CSVWriter.restore("'abc") == "'abc")
        #expect(CSVWriter.restore("'=1") == "=1")
    }

    @Test func theEarliestAtIsAMinuteKhoAccepts() throws {
        let time = Fixture.time
        let minute = try #require(time.parse("2026-11-27T10:00"))
        let at = Int64(minute.timeIntervalSince1970)
        #expect(time.earliestAt(at) == "2026-11-27T10:00")
        #expect(time.earliestAt(at + 30) == "2026-11-27T10:01")
        #expect(time.parse(time.earliestAt(at + 59)) != nil)
    }
}
