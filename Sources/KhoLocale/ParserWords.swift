import Foundation

/// argument-parser's own words (help headings, fixed phrases, parsing errors) in Vietnamese: argument-parser 1.8
/// writes them in English only, so kho's entry point passes the text it generates through here when the language is
/// Vietnamese. Pure text in, text out; anything not recognised is left as it is.
public enum ParserWords {
    /// A help text with argument-parser's headings and fixed phrases in Vietnamese; the continuation lines of the
    /// usage line stay aligned under it.
    public static func vietnameseHelp(_ text: String) -> String {
        var out: [String] = []
        var usage = Usage(english: "USAGE: ", vietnamese: "CÁCH DÙNG: ")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let rewritten = usage.rewrite(line) {
                out.append(rewritten)
                continue
            }
            if line.hasPrefix("OVERVIEW: ") {
                out.append("TỔNG QUAN: " + line.dropFirst(10))
                continue
            }
            if let heading = headings[line] {
                out.append(heading)
                continue
            }
            // A group of subcommands (CommandGroup): its name, already in Vietnamese, after argument-parser's word.
            if let group = line.firstMatch(of: #/^(\S.*) SUBCOMMANDS:$/#) {
                out.append("LỆNH CON — \(group.1):")
                continue
            }
            out.append(phrases(line))
        }
        return out.joined(separator: "\n")
    }

    /// An argument-parser error (its full text: `Error: …`, an optional `Help:` line, `Usage: …` and the `See '…
    /// --help'` line) as kho's own Vietnamese sentence, the usage, and a hint to the command's `--help`.
    public static func vietnameseError(_ text: String) -> String {
        var out: [String] = []
        var usage = Usage(english: "Usage: ", vietnamese: "Cách dùng: ")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        var index = 0
        if let first = lines.first, first.hasPrefix("Error: ") {
            // A message may run over several lines (a list of accepted values).
            var message = String(first.dropFirst(7))
            index = 1
            while index < lines.count, !lines[index].hasPrefix("Help:  "), !lines[index].hasPrefix("Usage: "),
                !lines[index].hasPrefix("  See '")
            {
                message += "\n" + lines[index]
                index += 1
            }
            out.append("lỗi: " + sentence(message))
        }
        for line in lines[index...] {
            if let rewritten = usage.rewrite(line) {
                out.append(rewritten)
            } else if line.hasPrefix("Help:  ") {
                out.append("Gợi ý:  " + phrases(String(line.dropFirst(7))))
            } else if let match = line.firstMatch(of: #/^  See '(.+)' for more information\.$/#) {
                out.append("  Xem `\(match.1)` để biết cách dùng.")
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// One of argument-parser's error messages in Vietnamese; a message it does not know (kho's own, already in the
    /// chosen language) is returned as it is.
    public static func sentence(_ message: String) -> String {
        if let m = message.firstMatch(of: #/^Unknown option '(.+)'\. Did you mean '(.+)'\?$/#) {
            return "không có tùy chọn «\(m.1)»; có phải «\(m.2)»?"
        }
        if let m = message.firstMatch(of: #/^Unknown option '(.+)'$/#) { return "không có tùy chọn «\(m.1)»" }
        if let m = message.firstMatch(of: #/^Missing value for '(.+)'$/#) { return "thiếu giá trị cho «\(m.1)»" }
        if let m = message.firstMatch(of: #/^Missing expected argument '(.+)'$/#) { return "thiếu «\(m.1)»" }
        if let m = message.firstMatch(of: #/^Missing one of: (.+)$/#) { return "thiếu một trong: \(m.1)" }
        if let m = message.firstMatch(of: #/^Unexpected argument '(.+)'$/#) {
            return "không hiểu «\(m.1)» ở chỗ này (không có lệnh hay đối số như vậy)"
        }
        if let m = message.firstMatch(of: #/^(\d+) unexpected arguments: (.+)$/#) {
            return "không hiểu \(m.1) đối số ở chỗ này: \(m.2)"
        }
        if let m = message.firstMatch(of: #/^The value '(.*)' is invalid for '(.+?)'(?s)(.*)$/#) {
            return "giá trị «\(m.1)» không hợp lệ cho «\(m.2)»" + choices(String(m.3))
        }
        if let m = message.firstMatch(of: #/^The option '(.+)' does not take any value, but '(.*)' was specified\.$/#) {
            return "tùy chọn «\(m.1)» không nhận giá trị, nhưng đã cho «\(m.2)»"
        }
        if let m = message.firstMatch(of: #/^Value to be set with (.+) had already been set with (.+)$/#) {
            return "\(m.1) trùng với \(m.2): mỗi tùy chọn chỉ cho một lần"
        }
        return message
    }

    /// The tail of an invalid-value message: the accepted values, or the reason a custom parser gave.
    private static func choices(_ tail: String) -> String {
        if tail.isEmpty { return "" }
        if let m = tail.firstMatch(of: #/^\. Please provide one of (.+)\.$/#) {
            return "; hãy dùng một trong: "
                + m.1.replacingOccurrences(of: " or ", with: " hoặc ")
                .replacingOccurrences(of: " and ", with: " và ")
        }
        if tail.hasPrefix(". Please provide one of the following:") {
            return "; hãy dùng một trong:" + tail.dropFirst(". Please provide one of the following:".count)
        }
        if tail.hasPrefix(": ") { return ": " + tail.dropFirst(2) }
        return tail
    }

    /// A usage block (`USAGE: …` and its continuation lines, indented 7) under a Vietnamese heading.
    private struct Usage {
        let english: String
        let vietnamese: String
        var inside = false

        /// The line rewritten when it is part of the usage block; nil otherwise.
        mutating func rewrite(_ line: String) -> String? {
            if inside, line.hasPrefix("       ") {
                return String(repeating: " ", count: vietnamese.count - english.count) + placeholders(line)
            }
            inside = line.hasPrefix(english)
            return inside ? vietnamese + placeholders(String(line.dropFirst(english.count))) : nil
        }
    }

    /// argument-parser's own placeholders in a usage line.
    private static func placeholders(_ line: String) -> String {
        line.replacingOccurrences(of: "<subcommand>", with: "<lệnh con>")
            .replacingOccurrences(of: "[<options>]", with: "[<tùy chọn>]")
            .replacingOccurrences(of: "<options>", with: "<tùy chọn>")
    }

    /// The section headings of a help text.
    private static let headings = [
        "ARGUMENTS:": "ĐỐI SỐ:", "OPTIONS:": "TÙY CHỌN:", "SUBCOMMANDS:": "LỆNH CON:",
    ]

    /// argument-parser's fixed phrases inside a help line.
    private static func phrases(_ line: String) -> String {
        var line = line
        for (english, vietnamese) in [
            ("(values:", "(giá trị:"), ("; default as flag:", "; mặc định khi chỉ ghi cờ:"),
            ("; default:", "; mặc định:"), ("(default:", "(mặc định:"),
            ("Show help information.", "Xem hướng dẫn này."),
            ("Show the version.", "In số phiên bản."),
        ] where line.contains(english) {
            line = line.replacingOccurrences(of: english, with: vietnamese)
        }
        if line.hasSuffix(" (default)") { line = String(line.dropLast(10)) + " (mặc định)" }
        if line.contains(" (default) ") { line = line.replacingOccurrences(of: " (default) ", with: " (mặc định) ") }
        if let m = line.firstMatch(of: #/^  See '(.+) <subcommand>' for detailed help\.$/#) {
            return "  Xem `\(m.1) <lệnh con>` để biết chi tiết từng lệnh."
        }
        return line
    }
}
