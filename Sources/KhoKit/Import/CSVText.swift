import Foundation

/// The text encoding of a CSV file: found from its bytes, or named by the person importing it.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case windows1258 = "windows-1258"

    public static func parse(_ text: String) -> CSVEncoding? {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "-")
        switch folded {
        case "auto": return .auto
        case "utf-8", "utf8": return .utf8
        case "windows-1258", "cp1258", "1258", "win1258": return .windows1258
        default: return nil
        }
    }
}

/// Turns a CSV file's bytes into checked text: BOM removed, Windows-1258 decoded on request, NFC, no mojibake.
enum CSVText {
    /// Decodes `data` read from `path`; refuses text that is not UTF-8 (unless asked for Windows-1258) or that holds mojibake.
    static func decode(_ data: Data, path: String, encoding: CSVEncoding) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: bytes, encoding: .utf16) else {
                throw ImportError.notUTF8(path: path, looksLike1258: false)
            }
            return try checked(text, path: path)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text: String
        switch encoding {
        case .windows1258:
            text = windows1258(bytes)
        case .auto, .utf8:
            // Validated from contiguous bytes (as `Data` the check goes byte by byte through its generic iterator).
            guard let utf8 = bytes.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) })
            else {
                throw ImportError.notUTF8(path: path, looksLike1258: looksLike1258(bytes))
            }
            text = utf8
        }
        return try checked(text, path: path)
    }

    private static func checked(_ text: String, path: String) throws -> String {
        // SQLite would cut text at a NUL, silently shortening a code; such a file is damaged, not a sheet.
        var text = text
        if let nul = text.withUTF8({ bytes in bytes.firstIndex(of: 0) }) {
            let line = text.utf8.prefix(nul).reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            throw ImportError.nulByte(path: path, line: line)
        }
        if let (line, sample) = mojibake(in: text) {
            throw ImportError.mojibake(path: path, line: line, sample: sample)
        }
        return Clean.nfc(text)
    }

    /// UTF-8 byte pairs that follow 0xC3 0x.. when UTF-8 Vietnamese was once read as Windows-1252/1258 and saved
    /// again: "á»", "áº", "Ã¡", "Ã ", "Ã¢"…, "Æ°", "Æ¡", "Ä‘", "Äƒ" (ă), "â€".
    private static let mojibakeMarks: [[UInt8]] = [
        [0xC3, 0xA1, 0xC2, 0xBB], [0xC3, 0xA1, 0xC2, 0xBA],  // á» áº
        [0xC3, 0x86, 0xC2, 0xB0], [0xC3, 0x86, 0xC2, 0xA1],  // Æ° Æ¡
        [0xC3, 0x84, 0xE2, 0x80, 0x98], [0xC3, 0x84, 0xC2, 0x90], [0xC3, 0x84, 0xC6, 0x92],  // Ä‘ Ä(0x90) Äƒ
        // Ã¡ Ã  Ã¢ Ãª
        [0xC3, 0x83, 0xC2, 0xA1], [0xC3, 0x83, 0xC2, 0xA0], [0xC3, 0x83, 0xC2, 0xA2], [0xC3, 0x83, 0xC2, 0xAA],
        // Ã´ Ã³ Ã­ Ãº
        [0xC3, 0x83, 0xC2, 0xB4], [0xC3, 0x83, 0xC2, 0xB3], [0xC3, 0x83, 0xC2, 0xAD], [0xC3, 0x83, 0xC2, 0xBA],
        // Ã© Ã¨ Ã¬ Ã²
        [0xC3, 0x83, 0xC2, 0xA9], [0xC3, 0x83, 0xC2, 0xA8], [0xC3, 0x83, 0xC2, 0xAC], [0xC3, 0x83, 0xC2, 0xB2],
        [0xC3, 0x83, 0xC2, 0xB9], [0xC3, 0x83, 0xC2, 0xBD],  // Ã¹ Ã½
        [0xC3, 0xA2, 0xE2, 0x82, 0xAC],  // â€
    ]

    /// The line and a sample of the first mojibake found, if any (a scan of the UTF-8 bytes).
    static func mojibake(in text: String) -> (Int, String)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, String)? in
            var line = 1
            var lineStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x0A {
                    line += 1
                    lineStart = i + 1
                } else if b == 0xC3, i + 2 < n, bytes[i + 2] == 0xC2 || bytes[i + 2] == 0xE2 || bytes[i + 2] == 0xC6 {
                    // Every mark's third byte is C2, E2 or C6; Vietnamese text has a C3 in most accented letters,
                    // so this keeps the marks' loop to the few places that can be one.
                    for mark in mojibakeMarks where i + mark.count <= n {
                        var match = true
                        for k in 1..<mark.count where bytes[i + k] != mark[k] {
                            match = false
                            break
                        }
                        if match {
                            var end = min(n, i + 24)
                            while end > i && end < n && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                            let sample = String(
                                decoding: UnsafeBufferPointer(rebasing: bytes[max(lineStart, i - 12)..<end]),
                                as: UTF8.self)
                            return (line, sample.split(separator: "\n").last.map(String.init) ?? sample)
                        }
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether undecodable bytes look like Vietnamese Windows-1258 (its tone marks and letters đ, ơ, ư, ă).
    private static func looksLike1258(_ bytes: Data) -> Bool {
        let marks: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2, 0xD0, 0xF0, 0xC3, 0xE3, 0xD5, 0xF5, 0xDD, 0xFD]
        return bytes.contains(where: { marks.contains($0) })
    }

    /// Code points of Windows-1258 bytes 0x80–0xFF (0xFFFD where the code page has none).
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152, 0xFFFD,
        0xFFFD, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD,
        0xFFFD, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD,
        0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD,
        0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD,
        0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF,
        0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED,
        0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0,
        0x20AB, 0x00FF,
    ]

    /// Decodes Windows-1258 (Vietnamese Windows' code page; tone marks come as combining characters, composed later by NFC).
    static func windows1258(_ bytes: Data) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let code = byte < 0x80 ? UInt32(byte) : high[Int(byte) - 0x80]
            if let scalar = Unicode.Scalar(code) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
