import Foundation
import KhoEstimation
import KhoLocale
import Testing

/// Where a price comes from: one fixed form for scripts and saved estimates, words in the reader's language.
@Suite struct RatesSourceTests {
    @Test(arguments: [
        ("rates.toml line 26", RatesSource.ratesFile(name: "rates.toml", line: 26), "rates.toml, dòng 26"),
        ("catalog/giá line 3", .ratesFile(name: "catalog/giá", line: 3), "catalog/giá, dòng 3"),
        ("built-in", .builtIn, "mặc định của kho"),
        (
            "mặc định (chưa có catalog/rates.toml)", .defaults(missing: "catalog/rates.toml"),
            "mặc định (chưa có catalog/rates.toml)"
        ),
        (
            "kho copies list: bản chính, USB", .registeredCopies(names: "bản chính, USB"),
            "các bản lưu đã đăng ký (kho copies list): bản chính, USB"
        ),
        ("what-if --day-rate", .whatIf(option: "--day-rate"), "giả định của lệnh (--day-rate)"),
        ("line 5", .written("line 5"), "line 5"),
        ("rates.toml line 0", .written("rates.toml line 0"), "rates.toml line 0"),
        ("rates.toml line 07", .written("rates.toml line 07"), "rates.toml line 07"),
        ("", .written(""), ""),
    ])
    func theStoredFormReadsBackAndIsSaidInVietnamese(stored: String, source: RatesSource, vi: String) throws {
        #expect(RatesSource(stored: stored) == source)
        #expect(source.stored == stored)
        #expect(source.text(.vi) == vi)
        // JSON keeps the stored form, a plain string, and reads it back
        let data = try JSONEncoder().encode([source])
        #expect(
            String(decoding: data, as: UTF8.self) == String(decoding: try JSONEncoder().encode([stored]), as: UTF8.self)
        )
        #expect(try JSONDecoder().decode([RatesSource].self, from: data) == [source])
    }

    @Test func englishSaysTheLineAndOnlyDefaultsAreDefaults() {
        #expect(RatesSource.ratesFile(name: "rates.toml", line: 26).text(.en) == "rates.toml line 26")
        #expect(RatesSource.defaults(missing: "rates.toml").text(.en) == "default (no rates.toml)")
        #expect(RatesSource.defaults(missing: "x").isDefault)
        #expect(!RatesSource.builtIn.isDefault && !RatesSource.ratesFile(name: "a", line: 1).isDefault)
    }

    @Test func theDefaultRatesNameTheirLinesAndTheBuiltInOnesSaySo() {
        #expect(Rates.defaults.contractor.perMetreArranged.source.text(.vi).hasPrefix("rates.toml, dòng "))
        let missing = Rates.builtIn(missing: "catalog/rates.toml")
        #expect(missing.dayRate.source == .defaults(missing: "catalog/rates.toml"))
        #expect(missing.dayRate.source.text(.en) == "default (no catalog/rates.toml)")
    }
}
