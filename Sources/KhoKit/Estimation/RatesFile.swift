import Foundation
import KhoEstimation

/// What can go wrong with the rates file.
public enum RatesError: KhoError, Equatable {
    case invalid(path: String, message: Text)
    case unreadable(path: String, reason: Text)
    case exists(path: String)

    public var text: Text {
        switch self {
        case .invalid(let path, let message):
            Text(vi: "tệp đơn giá \(path): \(message.vi)", en: "rates file \(path): \(message.en)")
        case .unreadable(let path, let reason):
            Text(
                vi: "không đọc được tệp đơn giá \(path): \(reason.vi)",
                en: "cannot read rates file \(path): \(reason.en)")
        case .exists(let path):
            Text(
                vi:
                    "đã có tệp đơn giá \(path); sửa trực tiếp tệp đó, hoặc thêm --force để ghi đè bằng giá trị mặc định",
                en: "rates file \(path) already exists; edit it, or add --force to overwrite it with the defaults")
        }
    }
}

/// The rates file: unit prices, day rate, one-off lines, copies and holidays (`catalog/rates.toml` by default).
public enum RatesFile {
    /// The default path: `KHO_RATES`, else `rates.toml` beside the catalogue.
    public static func defaultPath(
        catalogue: String, env: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let path = env["KHO_RATES"], !path.isEmpty { return path }
        let dir = PathText.parent(of: catalogue)
        return dir.isEmpty ? "rates.toml" : dir + "/rates.toml"
    }

    /// Reads the rates at `path`; nil when there is no such file (the caller then uses the built-in defaults).
    public static func load(path: String) throws -> Rates? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try InputFile.readText(path, limit: 1 << 20)
        } catch let error as InputError {
            throw RatesError.unreadable(path: path, reason: error.text)
        }
        do {
            return try parseRates(text: text, fileName: (path as NSString).lastPathComponent)
        } catch let error as RatesFileError {
            throw RatesError.invalid(path: path, message: error.message)
        }
    }

    /// Writes the commented default rates file to `path`; refuses to overwrite unless `force`.
    public static func writeDefaults(to path: String, force: Bool, catalogue: String? = nil) throws {
        let protected = catalogue.map(ProtectedPaths.of(catalogue:)) ?? ProtectedPaths(catalogue: nil)
        // What kho keeps is refused before "exists": --force never makes it writable.
        try OutputFile.check(path, protecting: protected)
        if FileManager.default.fileExists(atPath: path) && !force { throw RatesError.exists(path: path) }
        let dir = PathText.parent(of: path)
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try OutputFile.write(defaultRatesFileText, to: path, protecting: protected)
    }
}

extension EstimateRequest {
    /// A request with the rates file at `path`, or, when there is none, the built-in prices whose sources say so:
    /// what `kho estimate`, `kho report` and `kho serve` all estimate with.
    public init(ratesFile path: String) throws {
        let loaded = try RatesFile.load(path: path)
        self.init(rates: loaded ?? .builtIn(missing: path), ratesFound: loaded != nil)
    }
}
