import Foundation

/// Rules for numeric options whose meaning needs more than a number: checked by the library, so every caller (the
/// CLI, the server) refuses the same values with the same words.
public enum OptionRules {
    /// `kho throughput --window`: how many days with work to measure over, at least 1.
    public static func throughputWindow(_ days: Int) throws {
        guard days >= 1 else { throw OptionError.notPositive(option: "--window", value: days) }
    }
}

/// A numeric option outside what it can mean.
public enum OptionError: KhoError, Equatable {
    /// A count that must be 1 or more.
    case notPositive(option: String, value: Int)

    public var text: Text {
        switch self {
        case .notPositive(let option, let value):
            Text(
                vi: "\(option) \(value) không hợp lệ: cần số nguyên từ 1 trở lên",
                en: "\(option) \(value) is not valid: give a whole number, 1 or more")
        }
    }
}
