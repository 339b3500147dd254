import KhoLocale
import Testing

@testable import KhoKit

/// The fast paths an import takes per row (dates, kinds from symbols, trimming) and the folding tables: each
/// against the answer people expect, including the values the fast paths do not take.
@Suite struct DocumentParsingTests {
    @Test func datesInEveryWrittenFormAndTheRefusedOnes() throws {
        let good: [(String, String)] = [
            ("15/03/2001", "2001-03-15"), ("5/3/2001", "2001-03-05"), ("15-3-2001", "2001-03-15"),
            ("15.03.2001", "2001-03-15"), ("2001-03-15", "2001-03-15"), ("03/2001", "2001-03"),
            ("2001-3", "2001-03"), ("2001", "2001"), (" 29/02/2000 ", "2000-02-29"), ("015/03/2001", "2001-03-15"),
            ("", ""),
        ]
        for (raw, stored) in good { #expect(try DocumentFields.date(raw) == stored, "\(raw)") }
        let bad = [
            "31/02/2001", "29/02/1900", "13/2001", "0/2001", "32/01/2001", "15/03/01", "999", "15/03/2001/1",
            "ngày 5", "１５/03/2001", "99999999999999999999/2001", "15 03 2001", "3000",
        ]
        for raw in bad {
            #expect(throws: DocumentError.self, "\(raw)") { try DocumentFields.date(raw) }
        }
    }

    @Test func theKindIsNamedByTheSymbolsFirstPartWhateverItsCaseOrDiacritics() {
        let kinds = DocumentKind.builtIn
        #expect(DocumentFields.kind(fromSymbol: "QĐ-UBND", in: kinds)?.key == "quyet_dinh")
        #expect(DocumentFields.kind(fromSymbol: "qd-ubnd", in: kinds)?.key == "quyet_dinh")
        #expect(DocumentFields.kind(fromSymbol: "HĐ/2001", in: kinds)?.key == "hop_dong")
        #expect(DocumentFields.kind(fromSymbol: "TTr-UBND", in: kinds)?.key == "to_trinh")
        #expect(DocumentFields.kind(fromSymbol: "ttr-ubnd", in: kinds)?.key == "to_trinh")
        #expect(DocumentFields.kind(fromSymbol: "BC-UBND", in: kinds)?.key == "bao_cao")
        #expect(DocumentFields.kind(fromSymbol: "UBND", in: kinds) == nil)
        #expect(DocumentFields.kind(fromSymbol: "", in: kinds) == nil)
    }

    @Test func foldsComparesAsFoldWould() {
        let pairs = [("QĐ", "qd"), ("qd", "qd"), ("TTr", "ttr"), ("ĐA", "da"), ("Ấp", "ap"), ("BC", "bc")]
        for (text, folded) in pairs { #expect(SearchFold.folds(text, to: folded), "\(text)") }
        for (text, folded) in [("QĐ", "q"), ("BC", "bcd"), ("CT", "ctr"), ("HĐ", "qd"), ("", "a"), ("a", "")] {
            #expect(!SearchFold.folds(text, to: folded), "\(text) \(folded)")
        }
    }

    @Test func foldingCoversEveryVietnameseLetterAndLeavesOtherScriptsLowerCased() {
        #expect(SearchFold.fold("ĐẤT Đai ơ Ư ữ ỹ Ỳ à É") == "dat dai o u u y y a e")
        #expect(SearchFold.fold("Nguyễn Văn Đức") == "nguyen van duc")
        // Letters outside the two tabled blocks go the slow way and still fold: Greek, Cyrillic, combining marks.
        #expect(SearchFold.fold("ΑΘΗΝΑ Москва") == "αθηνα москва")
        #expect(SearchFold.fold("da\u{0302}\u{0301}t") == "dat")
        #expect(SearchFold.lower("ĐẤT Москва") == "đất москва")
        // A query typed decomposed (NFD) is composed to compare with the stored (NFC) text.
        #expect(SearchFold.lower("Đa\u{0302}\u{0301}t") == "đất")
    }

    @Test func trimmingKeepsInnerSpacesAndRemovesUnicodeSpacesAtTheEnds() {
        #expect(DocumentFields.trimmed("12") == "12")
        #expect(DocumentFields.trimmed(" QĐ-UBND ") == "QĐ-UBND")
        #expect(DocumentFields.trimmed("\u{00A0}Đất đai\u{3000}") == "Đất đai")
        #expect(DocumentFields.trimmed("   ") == "")
    }
}

extension DocumentParsingTests {
    @Test func pageAndSheetRangesInEveryWrittenForm() {
        let cases: [(String, [Int]?)] = [
            ("3-5", [3, 5]), ("7", [7, 7]), ("3 - 5", [3, 5]), ("3–5", [3, 5]), ("3—5", [3, 5]), ("3--5", [3, 5]),
            ("5-3", nil), ("0-2", nil), ("1-100001", nil), ("a-b", nil), ("3-5-7", nil), ("", nil), ("-", nil),
            ("+3-5", [3, 5]), ("99999999999999999999-1", nil),
        ]
        for (raw, want) in cases {
            let got = DocumentFields.range(raw).map { [$0.0, $0.1] }
            #expect(got == want, "\(raw)")
        }
    }
}

extension DocumentParsingTests {
    /// Text once read as Windows-1252 and saved again as UTF-8 is found on its line; clean Vietnamese is not.
    @Test func mojibakeIsFoundOnItsLineAndCleanVietnameseIsNot() {
        let clean = "Hồ sơ giao đất ở thôn Đất Đỏ — “bản chính”, năm 1999; Ủy ban, Ưu tiên, Ý kiến, ơn, ăn, ê, ô\n"
        #expect(CSVText.mojibake(in: clean + clean) == nil)
        for garbled in ["Há»“ sÆ¡", "Ä‘áº¥t", "thÃ´n", "nÄƒm", "Ã¡o", "â€œbáº£n"] {
            let found = CSVText.mojibake(in: clean + "H2,01," + garbled + "\n")
            #expect(found?.0 == 2, "\(garbled)")
        }
    }
}
