import Foundation
import Testing

@testable import KhoKit

/// `JSONBytes` writes what string interpolation and `JSONText.quoted` wrote before it: the stored metadata and
/// problems of a master are the same text, byte for byte, whichever wrote them.
struct JSONBytesTests {
    @Test(arguments: [0, 7, -1, 10, 99, 100, -100, 1_234_567_890, Int.max, Int.min])
    func integersAreWrittenAsInterpolationWritesThem(_ n: Int) {
        var out = JSONBytes(capacity: 0)
        out.int(n)
        #expect(out.text == "\(n)")
    }

    @Test func unsignedAndSmallIntegersToo() {
        var out = JSONBytes(capacity: 0)
        out.int(UInt64.max)
        out.raw(",")
        out.int(UInt32.max)
        out.raw(",")
        out.int(UInt16(300))
        out.raw(",")
        out.int(Int8.min)
        #expect(out.text == "\(UInt64.max),\(UInt32.max),300,-128")
    }

    @Test(arguments: [
        "", "plain", "Lê Thị Hoa", "Hãng \"Quét\"\\1", "A3\tPro", "dòng 1\ndòng 2\r", "\u{1}\u{1F}", "🙂 ảnh",
    ])
    func stringsAreQuotedAsJSONTextQuotesThem(_ s: String) throws {
        var out = JSONBytes(capacity: 0)
        out.string(s)
        #expect(out.text == JSONText.quoted(s))
        #expect(try JSONDecoder().decode(String.self, from: Data(out.text.utf8)) == s)
    }

    @Test func doublesBooleansAndFields() {
        var out = JSONBytes(capacity: 0)
        out.field("\"x\":", 300.0)
        out.field(",", 72.5)
        out.raw(",")
        out.bool(true)
        out.bool(false)
        out.field(",\"a\":", "x")
        out.field(",\"b\":", nil)
        #expect(out.text == "\"x\":300.0,72.5,truefalse,\"a\":\"x\"")
    }
}
