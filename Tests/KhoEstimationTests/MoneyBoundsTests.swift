import Testing

@testable import KhoEstimation

/// Issue 11, class 6 (money): rates-file amounts are bounded and refused beyond the bound naming the line; money
/// sums saturate instead of wrapping to a negative amount or trapping.
@Suite struct MoneyBoundsTests {
    static let base = defaultRatesFileText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(
        String.init)

    /// The default rates file with `line` replacing the line that starts with `key`; and that line's number.
    static func replacing(_ key: String, with line: String) -> (text: String, line: Int) {
        var lines = base
        let at = lines.firstIndex { $0.hasPrefix(key) } ?? 0
        lines[at] = line
        return (lines.joined(separator: "\n"), at + 1)
    }

    @Test(arguments: [
        // The wrap: a day rate of 2^63 − 1 (and beyond Int64), then just over each bound.
        ("day_rate", "9223372036854775807", Rates.largestPriceVND),
        ("day_rate", "99999999999999999999", Rates.largestPriceVND),
        ("day_rate", "1_000_000_001", Rates.largestPriceVND),
        ("per_page_scanned", "1.000.000.001 đ", Rates.largestPriceVND),
        ("per_metre_arranged", "9223372036854775807", Rates.largestPriceVND),
        ("copies", "101", Int64(Rates.mostCopies)),
    ])
    func amountsBeyondTheirBoundAreRefusedNamingTheLine(key: String, value: String, limit: Int64) {
        // Given the default rates file with one amount far too large
        let (text, line) = Self.replacing(key, with: "\(key) = \(value)")
        // When it is parsed, Then the error names the line, the value and the bound
        #expect(throws: RatesFileError.tooLarge(line: line, key: key, value: value, limit: limit)) {
            try parseRates(text: text)
        }
        let message = Texts.ratesError(.tooLarge(line: line, key: key, value: value, limit: limit))
        #expect(message.en.hasPrefix("line \(line): \(key) = \"\(value)\" is too large: at most"))
        #expect(message.vi.hasPrefix("dòng \(line): \(key) = \"\(value)\" quá lớn: tối đa"))
    }

    @Test func theBoundsThemselvesAreAccepted() throws {
        let (text, _) = Self.replacing("day_rate", with: "day_rate = 1.000.000.000 đ")
        #expect(try parseRates(text: text).dayRate.value == Rates.largestPriceVND)
        let oneOff = defaultRatesFileText + "\n[one_off]\nkho_moi = 1_000_000_000_000\n"
        #expect(try parseRates(text: oneOff).oneOff.last?.amountVND == Rates.largestOneOffVND)
        let tooMuch = defaultRatesFileText + "\n[one_off]\nkho_moi = 1_000_000_000_001\n"
        #expect(throws: RatesFileError.self) { try parseRates(text: tooMuch) }
    }

    @Test func moneySumsSaturateInsteadOfWrapping() {
        // Given lines whose amounts add up beyond Int64 (as only a damaged saved estimate could hold)
        let huge = MoneyLine(
            part: "one_off", item: "a", quantity: 1, unit: "item", price: Sourced(Int64.max, source: "x"))
        let big = MoneyLine(
            part: "scanning", item: "per_page_scanned", quantity: 1e30, unit: "page",
            price: Sourced(Rates.largestPriceVND, source: "x"))
        // When they are totalled
        let money = MoneyBreakdown(contractor: [big, big], inHouse: [], oneOff: [huge, huge])
        // Then every total stays at the top of Int64, never negative
        #expect(big.amountVND == Int64.max)
        #expect(money.oneOffTotalVND == Int64.max)
        #expect(money.contractorWorkVND == Int64.max)
        #expect(money.contractorTotalVND == Int64.max)
        #expect(money.inHouseTotalVND.p50 == Int64.max)
    }
}
