import Foundation

/// JSON written by hand where `JSONEncoder` is too slow (an event's detail, a master's metadata).
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ s: String) -> String {
        if !s.utf8.contains(where: needsEscape) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether a string holding this UTF-8 byte must be escaped: a control character, a quote or a backslash.
    static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
}

/// JSON written by hand into bytes, for text written once per master (its metadata, its problems): interpolating
/// numbers into a `String` piece by piece cost an ingest more than reading the master's tags did.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The JSON written, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Text written as it is (punctuation, keys).
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// An integer in decimal, as `"\(n)"` writes it.
    mutating func int(_ n: some BinaryInteger) {
        if let small = Int(exactly: n) {
            decimal(small)
        } else {
            bytes.append(contentsOf: "\(n)".utf8)
        }
    }

    private mutating func decimal(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[at...])
        }
    }

    /// `key` and a number as Swift writes a `Double` (`300.0`, `72.5`); the caller leaves out what is not finite.
    mutating func field(_ key: StaticString, _ x: Double) {
        raw(key)
        bytes.append(contentsOf: x.description.utf8)
    }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// A JSON string literal, as ``JSONText/quoted(_:)`` writes it.
    mutating func string(_ s: String) {
        var contiguous = s
        let plain = contiguous.withUTF8 { text in
            guard !text.contains(where: JSONText.needsEscape) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: text)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { bytes.append(contentsOf: JSONText.quoted(s).utf8) }
    }

    /// `key` and the string `value` when there is one; nothing when it is nil.
    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        raw(key)
        string(value)
    }

    /// `key` and the integer `value`.
    mutating func field(_ key: StaticString, _ value: some BinaryInteger) {
        raw(key)
        int(value)
    }
}
