/// A value read from the rates file, with where it came from (e.g. `rates.toml line 12`).
public struct Sourced<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    /// The value.
    public var value: Value
    /// Where it came from, for printing beside the figure.
    public var source: RatesSource

    /// Makes a sourced value.
    public init(_ value: Value, source: RatesSource) {
        self.value = value
        self.source = source
    }
}

/// Contractor unit prices (integer VND).
public struct ContractorRates: Sendable, Codable, Equatable {
    /// Price per linear metre arranged (*chỉnh lý*), by extent as received.
    public var perMetreArranged: Sourced<Int64>
    /// Price per page scanned.
    public var perPageScanned: Sourced<Int64>
    /// Price per file (*hồ sơ*) described.
    public var perFileDescribed: Sourced<Int64>
    /// Price per document (*văn bản*) described.
    public var perDocumentDescribed: Sourced<Int64>

    /// Makes contractor rates.
    public init(
        perMetreArranged: Sourced<Int64>, perPageScanned: Sourced<Int64>,
        perFileDescribed: Sourced<Int64>, perDocumentDescribed: Sourced<Int64>
    ) {
        self.perMetreArranged = perMetreArranged
        self.perPageScanned = perPageScanned
        self.perFileDescribed = perFileDescribed
        self.perDocumentDescribed = perDocumentDescribed
    }
}

/// A one-off purchase (dehumidifiers, shelving, scanner, storage), added to both variants.
public struct OneOffLine: Sendable, Codable, Equatable {
    /// What it is, as written in the rates file.
    public var name: String
    /// Its price in VND.
    public var amountVND: Int64
    /// Where it came from.
    public var source: RatesSource

    /// Makes a one-off line.
    public init(name: String, amountVND: Int64, source: RatesSource) {
        self.name = name
        self.amountVND = amountVND
        self.source = source
    }
}

/// A public holiday from the rates file.
public struct Holiday: Sendable, Codable, Equatable {
    /// The day off.
    public var day: LocalDay
    /// Its name, as written.
    public var name: String
    /// Where it came from.
    public var source: RatesSource

    /// Makes a holiday.
    public init(day: LocalDay, name: String, source: RatesSource) {
        self.day = day
        self.name = name
        self.source = source
    }
}

/// Everything money and calendar the estimate needs, as read from the rates file.
public struct Rates: Sendable, Codable, Equatable {
    /// Contractor unit prices.
    public var contractor: ContractorRates
    /// Day rate (VND) of one extra person hired for in-house work.
    public var dayRate: Sourced<Int64>
    /// One-off purchases.
    public var oneOff: [OneOffLine]
    /// How many copies of every master are kept (storage multiplier).
    public var copies: Sourced<Int>
    /// Public holidays.
    public var holidays: [Holiday]
    /// Price of one terabyte (10^12 bytes) of disk, per copy, masters and PDF/A alike (`[storage] per_tb_vnd`); nil:
    /// storage is not priced.
    public var storagePerTB: Sourced<Int64>?
    /// Scanners the office owns (top-level `scanners`); nil: as many as the people scanning now (at least 1).
    public var scanners: Sourced<Int>?

    /// Makes rates.
    public init(
        contractor: ContractorRates, dayRate: Sourced<Int64>, oneOff: [OneOffLine],
        copies: Sourced<Int>, holidays: [Holiday], storagePerTB: Sourced<Int64>? = nil, scanners: Sourced<Int>? = nil
    ) {
        self.scanners = scanners
        self.contractor = contractor
        self.dayRate = dayRate
        self.oneOff = oneOff
        self.copies = copies
        self.holidays = holidays
        self.storagePerTB = storagePerTB
    }

    enum CodingKeys: String, CodingKey {
        case contractor, dayRate, oneOff, copies, holidays
        case storagePerTB = "storage_per_tb"
        case scanners
    }

    /// The highest unit price or day rate a rates file may set: 1,000,000,000 VND (a billion đồng, far above any
    /// real price per metre, page, file or day). With it, no price times a real quantity nears `Int64`.
    public static let largestPriceVND: Int64 = 1_000_000_000
    /// The highest one-off amount a rates file may set: 1,000,000,000,000 VND (a thousand billion đồng).
    public static let largestOneOffVND: Int64 = 1_000_000_000_000
    /// The most copies of every master a rates file may ask for.
    public static let mostCopies = 100

    /// The working calendar these rates' holidays define.
    public var calendar: WorkingCalendar { WorkingCalendar(holidays: holidays.map(\.day)) }

    /// The rates in ``defaultRatesFileText``, with sources naming `rates.toml` lines.
    public static var defaults: Rates {
        (try? parseRates(text: defaultRatesFileText)) ?? zero
    }

    /// The built-in prices used when there is no rates file at `path`: the defaults' prices, each source saying so
    /// ("mặc định (chưa có catalog/rates.toml)"), and no one-off lines (nobody entered any).
    public static func builtIn(missing path: String) -> Rates {
        var r = defaults
        // A relative path as typed ("catalog/rates.toml"); an absolute one by its file name, so the line stays short.
        let shown = path.hasPrefix("/") ? String(path.split(separator: "/").last ?? "rates.toml") : path
        let source = RatesSource.defaults(missing: shown)
        for kp in [
            \ContractorRates.perMetreArranged, \.perPageScanned, \.perFileDescribed, \.perDocumentDescribed,
        ] {
            r.contractor[keyPath: kp].source = source
        }
        r.dayRate.source = source
        r.copies.source = source
        r.scanners?.source = source
        r.storagePerTB?.source = source
        r.oneOff = []
        r.holidays = r.holidays.map { Holiday(day: $0.day, name: $0.name, source: source) }
        return r
    }

    /// All prices zero, no holidays, one copy: a fallback that can never fail.
    static let zero = Rates(
        contractor: ContractorRates(
            perMetreArranged: Sourced(0, source: "built-in"), perPageScanned: Sourced(0, source: "built-in"),
            perFileDescribed: Sourced(0, source: "built-in"), perDocumentDescribed: Sourced(0, source: "built-in")),
        dayRate: Sourced(0, source: "built-in"), oneOff: [], copies: Sourced(1, source: "built-in"), holidays: [])
}
