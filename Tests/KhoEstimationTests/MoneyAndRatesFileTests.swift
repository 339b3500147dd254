import Testing

@testable import KhoEstimation

@Suite struct MoneyFormatTests {
    @Test(arguments: [
        (Int64(19_162_000), "19.162.000 đ", "19,162,000 VND"),
        (0, "0 đ", "0 VND"),
        (999, "999 đ", "999 VND"),
        (1_000, "1.000 đ", "1,000 VND"),
        (-2_500_000, "-2.500.000 đ", "-2,500,000 VND"),
        (Int64.min, "-9.223.372.036.854.775.808 đ", "-9,223,372,036,854,775,808 VND"),
    ])
    func formatsVND(amount: Int64, vi: String, en: String) {
        // Given an amount; When formatted; Then thousands are grouped the local way
        #expect(Format.money(amount, lang: .vi) == vi)
        #expect(Format.money(amount, lang: .en) == en)
    }
}

@Suite struct RatesFileTests {
    @Test func defaultFileParsesWithLineSources() throws {
        // Given the default rates file
        let text = defaultRatesFileText
        // When it is parsed
        let rates = try parseRates(text: text)
        // Then every price is there and its source names the line that sets it
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        func lineOf(_ prefix: String) -> Int { (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }
        #expect(rates.contractor.perMetreArranged.value == 8_000_000)
        #expect(
            rates.contractor.perMetreArranged.source
                == .ratesFile(name: "rates.toml", line: lineOf("per_metre_arranged")))
        #expect(rates.contractor.perPageScanned.value == 1_500)
        #expect(rates.dayRate.value == 400_000)
        #expect(rates.dayRate.source == .ratesFile(name: "rates.toml", line: lineOf("day_rate")))
        #expect(rates.copies.value == 3)
        #expect(rates.oneOff.count == 3)
        #expect(rates.storagePerTB?.source == .ratesFile(name: "rates.toml", line: lineOf("per_tb_vnd")))
        #expect(rates.oneOff.allSatisfy { $0.amountVND > 0 && $0.source.stored.hasPrefix("rates.toml line ") })
        #expect(rates.holidays.contains { $0.day == Fixtures.day(2026, 9, 2) })
        #expect(Rates.defaults == rates)
    }

    @Test func numbersMayGroupThousandsAndNameTheCurrency() throws {
        // Given prices written in several human ways
        let text = """
            copies = 2
            [contractor]
            per_metre_arranged = 7.500.000 đ   # Vietnamese grouping
            per_page_scanned = 1,800 VND
            per_file_described = "12_000"
            per_document_described = 0
            [in_house]
            day_rate = 350000
            """
        // When parsed
        let rates = try parseRates(text: text, fileName: "x.toml")
        // Then they are read as whole đồng
        #expect(rates.contractor.perMetreArranged == Sourced(7_500_000, source: "x.toml line 3"))
        #expect(rates.contractor.perPageScanned.value == 1_800)
        #expect(rates.contractor.perFileDescribed.value == 12_000)
        #expect(rates.dayRate.value == 350_000)
        #expect(rates.oneOff.isEmpty && rates.holidays.isEmpty)
    }

    static let base = defaultRatesFileText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        .map(String.init)

    @Test(arguments: [
        ("per_page_scanned = 1.5", RatesFileError.badNumber(line: 0, key: "per_page_scanned", value: "1.5")),
        ("per_page_scanned = -10", RatesFileError.badNumber(line: 0, key: "per_page_scanned", value: "-10")),
        ("per_pages_scanned = 10", RatesFileError.unknownKey(line: 0, section: "contractor", key: "per_pages_scanned")),
        ("[contractors]", RatesFileError.unknownSection(line: 0, name: "contractors")),
        ("per_page_scanned 1500", RatesFileError.syntax(line: 0, text: "per_page_scanned 1500")),
    ])
    func errorsNameTheLine(bad: String, expected: RatesFileError) throws {
        // Given the default file with one bad line inserted right after [contractor]
        var lines = Self.base
        let at = (lines.firstIndex(of: "[contractor]") ?? 0) + 1
        lines.insert(bad, at: at)
        // When parsed
        // Then the error names that line (1-based) and quotes the input
        let error = #expect(throws: RatesFileError.self) { try parseRates(text: lines.joined(separator: "\n")) }
        #expect(error?.line == at + 1)
        let message = error?.message.en ?? ""
        #expect(message.hasPrefix("line \(at + 1):"))
        if case .badNumber(_, let k, let v) = expected { #expect(error == .badNumber(line: at + 1, key: k, value: v)) }
        if case .unknownKey(_, let s, let k) = expected {
            #expect(error == .unknownKey(line: at + 1, section: s, key: k))
        }
        if case .unknownSection(_, let n) = expected { #expect(error == .unknownSection(line: at + 1, name: n)) }
        if case .syntax(_, let t) = expected { #expect(error == .syntax(line: at + 1, text: t)) }
        #expect(error?.message.vi.hasPrefix("dòng \(at + 1):") == true)
    }

    @Test func duplicateBadDateAndMissingKeysAreReported() {
        // Given a file that sets a key twice
        #expect(throws: RatesFileError.duplicateKey(line: 3, key: "copies", firstLine: 1)) {
            try parseRates(text: "copies = 3\n# again\ncopies = 2\n")
        }
        // Given a holiday that is not a date
        #expect(throws: RatesFileError.badDate(line: 2, value: "2026-13-01")) {
            try parseRates(text: "[holidays]\n2026-13-01 = nope\n")
        }
        // Given a file without the contractor prices
        #expect(throws: RatesFileError.missingKey(section: "contractor", key: "per_metre_arranged")) {
            try parseRates(text: "copies = 3\n[in_house]\nday_rate = 1\n")
        }
    }

    @Test func windowsLineEndingsAndQuotedHashesAreRead() throws {
        // Given CRLF line endings and a one-off name holding a #
        let text = Self.base.joined(separator: "\r\n") + "\r\n[one_off]\r\n\"Kệ #2\" = 5_000_000\r\n"
        // When parsed
        let rates = try parseRates(text: text)
        // Then the name keeps its # and the line number counts CRLF lines once
        #expect(rates.oneOff.last?.name == "Kệ #2")
        #expect(rates.oneOff.last?.source == .ratesFile(name: "rates.toml", line: Self.base.count + 2))
    }
}
