import Foundation

/// Reads custom quality profiles written as `key = value` lines with `#` comments.
///
/// ```
/// # Our own stricter rule for maps
/// name = maps-400
/// min_dpi = 400
/// colour = rgb24, rgb48        # or: color
/// compression = none, deflate
/// icc_required = yes           # yes/no, true/false, có/không
/// max_pages = 500              # or: none
/// ```
///
/// `name`, `min_dpi`, `colour` and `compression` are required; `icc_required` defaults to no and
/// `max_pages` to no limit. Keys and listed values are case-insensitive.
extension QualityProfile {
    /// The keys a profile file may use, with `color` as a spelling of `colour`.
    static let profileKeys: Set<String> = ["name", "min_dpi", "colour", "compression", "icc_required", "max_pages"]

    /// Parses a profile from the text of a profile file.
    public static func parse(_ text: String) throws(ProfileParseError) -> QualityProfile {
        var values: [String: (value: String, line: Int)] = [:]
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") {
                line = line[..<hash]
            }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
                of: "\u{FEFF}", with: "")
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw .missingEquals(line: lineNumber, text: trimmed)
            }
            var key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if key == "color" { key = "colour" }
            guard profileKeys.contains(key) else { throw .unknownKey(line: lineNumber, key: key) }
            guard !value.isEmpty else { throw .emptyValue(line: lineNumber, key: key) }
            if let earlier = values[key] {
                throw .duplicateKey(line: lineNumber, key: key, firstLine: earlier.line)
            }
            values[key] = (value, lineNumber)
        }
        for key in ["name", "min_dpi", "colour", "compression"] where values[key] == nil {
            throw .missingKey(key: key)
        }
        return try build(from: values)
    }

    /// The built-in profile called `nameOrPath`, or else the profile in the file at that path.
    public static func resolve(_ nameOrPath: String) throws(ProfileParseError) -> QualityProfile {
        if let profile = builtIn(named: nameOrPath) {
            return profile
        }
        guard FileManager.default.fileExists(atPath: nameOrPath) else { throw .unknownProfile(name: nameOrPath) }
        return try load(path: nameOrPath)
    }

    /// Reads and parses the profile file at `path`.
    public static func load(path: String) throws(ProfileParseError) -> QualityProfile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        return try parse(text)
    }

    /// Turns checked `key = value` pairs into a profile.
    private static func build(
        from values: [String: (value: String, line: Int)]
    ) throws(ProfileParseError) -> QualityProfile {
        func entry(_ key: String) -> (value: String, line: Int) { values[key] ?? ("", 0) }
        let name = entry("name")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard name.value.allSatisfy({ allowed.contains($0) }) else {
            throw .badName(line: name.line, value: name.value)
        }
        let dpi = entry("min_dpi")
        guard let minimum = Double(dpi.value), minimum.isFinite, minimum > 0 else {
            throw .notANumber(line: dpi.line, key: "min_dpi", value: dpi.value)
        }
        let colour = entry("colour")
        var modes: Set<TIFFColourMode> = []
        for item in list(colour.value) {
            guard let mode = TIFFColourMode(rawValue: item) else {
                throw .unknownColourMode(line: colour.line, value: item)
            }
            modes.insert(mode)
        }
        let compression = entry("compression")
        var compressions: Set<TIFFCompression> = []
        for item in list(compression.value) {
            guard let scheme = compressionNamed(item) else {
                throw .unknownCompression(line: compression.line, value: item)
            }
            compressions.insert(scheme)
        }
        var iccRequired = false
        if let icc = values["icc_required"] {
            switch icc.value.lowercased() {
            case "yes", "true", "1", "có", "co": iccRequired = true
            case "no", "false", "0", "không", "khong": iccRequired = false
            default: throw .notYesOrNo(line: icc.line, key: "icc_required", value: icc.value)
            }
        }
        var maximumPages: Int?
        if let pages = values["max_pages"], !["none", "unlimited", "không"].contains(pages.value.lowercased()) {
            guard let count = Int(pages.value), count > 0 else {
                throw .notANumber(line: pages.line, key: "max_pages", value: pages.value)
            }
            maximumPages = count
        }
        return QualityProfile(
            name: name.value, minimumDPI: minimum, colourModes: modes, compressions: compressions,
            iccRequired: iccRequired, maximumPages: maximumPages)
    }

    /// Splits a comma-separated list into lower-case, trimmed, non-empty items.
    private static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// A compression by name, accepting a few common spellings (`uncompressed`, `zip`, `g4`).
    private static func compressionNamed(_ name: String) -> TIFFCompression? {
        switch name {
        case "uncompressed": return TIFFCompression.none
        case "zip", "adobe-deflate": return .deflate
        case "g4", "group4", "ccitt4": return .ccittG4
        case "g3", "group3": return .ccittG3
        default: return TIFFCompression(rawValue: name)
        }
    }
}
