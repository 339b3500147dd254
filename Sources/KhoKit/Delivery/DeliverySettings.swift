import Foundation

/// How the legal copies are made and where they go; stored in the catalogue, changed with `kho pdf settings`.
public struct DeliverySettings: Codable, Sendable, Hashable {
    /// How the page images are stored in the PDF.
    public enum Image: String, Codable, Sendable, CaseIterable {
        /// As the master, without loss (PNG-style Flate; the default).
        case lossless
        /// JPEG at `jpegQuality`: much smaller, with loss.
        case jpeg
    }

    /// The folder the copies go to (absolute); nil means `pdf/` beside the catalogue.
    public var folder: String?
    public var image: Image
    /// JPEG quality, 1–100, for `image == .jpeg`.
    public var jpegQuality: Int
    /// Page images are brought down to this resolution when the master's is higher; nil keeps the master's.
    public var dpi: Int?

    public init(folder: String? = nil, image: Image = .lossless, jpegQuality: Int = 85, dpi: Int? = nil) {
        self.folder = folder
        self.image = image
        self.jpegQuality = jpegQuality
        self.dpi = dpi
    }

    enum CodingKeys: String, CodingKey {
        case folder, image, dpi
        case jpegQuality = "jpeg_quality"
    }

    /// Whether the page images are the masters' own pixels (lossless, no resampling).
    public var isLossless: Bool { image == .lossless && dpi == nil }

    /// The folder for a catalogue at `catalogue`: the setting, else `pdf/` in the catalogue's folder.
    public func resolvedFolder(catalogue: String) throws -> String {
        if let folder { return folder }
        guard catalogue != ":memory:" else { throw DeliveryError.noFolder }
        return ProtectedPaths.defaultPdfFolder(catalogue: catalogue)
    }

    /// Checks values a person typed: image `lossless|jpeg`, quality 1–100, dpi 72–1200 or `master`.
    public static func parse(
        image: String?, jpegQuality: String?, dpi: String?, onto base: DeliverySettings
    ) throws -> DeliverySettings {
        var s = base
        if let image {
            guard let i = Image(rawValue: image.lowercased()) else {
                throw DeliveryError.badSetting(
                    name: "--image", value: image, allowed: Text(verbatim: "lossless | jpeg"))
            }
            s.image = i
        }
        if let jpegQuality {
            guard let q = Int(jpegQuality), (1...100).contains(q) else {
                throw DeliveryError.badSetting(
                    name: "--jpeg-quality", value: jpegQuality, allowed: Text(verbatim: "1–100"))
            }
            s.jpegQuality = q
        }
        if let dpi {
            if ["master", "goc", "gốc", "none"].contains(dpi.lowercased()) {
                s.dpi = nil
            } else {
                guard let d = Int(dpi), (72...1200).contains(d) else {
                    throw DeliveryError.badSetting(
                        name: "--dpi", value: dpi, allowed: Text(verbatim: "72–1200 | master"))
                }
                s.dpi = d
            }
        }
        return s
    }
}

extension KhoStore {
    /// The catalogue's settings for the legal copies (defaults when none were set).
    public func deliverySettings() throws -> DeliverySettings {
        try reading { tx in try tx.delivery.settings() }
    }

    /// The folder for the copies as given to `--folder`, made absolute: refused when empty, when it is the
    /// catalogue itself, or when something other than a folder is there (`/dev/null`, a file).
    static func checkedFolder(_ folder: String, catalogue: String) throws -> String {
        guard !folder.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DeliveryError.badSetting(
                name: "--folder", value: folder,
                allowed: Text(vi: "một thư mục, ví dụ D:/kho/pdf", en: "a folder, e.g. D:/kho/pdf"))
        }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let reason = Text(vi: "đây là một tệp, không phải thư mục", en: "it is a file, not a folder")
        if catalogue != ":memory:", absolute == URL(fileURLWithPath: catalogue).standardizedFileURL.path {
            throw DeliveryError.notAFolder(
                path: absolute, reason: Text(vi: "đây là tệp danh mục", en: "it is the catalogue"))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DeliveryError.notAFolder(path: absolute, reason: reason)
        }
        return absolute
    }

    /// Stores the settings for the legal copies, with an attributed event; a relative folder is made absolute.
    ///
    /// Copies already built keep how they were made; `kho pdf build --force` makes them again.
    public func setDeliverySettings(_ settings: DeliverySettings, by who: Attribution) throws {
        var s = settings
        if let folder = s.folder {
            s.folder = try Self.checkedFolder(folder, catalogue: path)
            // Copies are never written among the masters (nor a scans root into the copies' folder).
            let resolved = OutputFile.resolved(folder)
            for root in try protectedPaths().scansRoots where Self.overlaps(resolved, root) {
                throw DeliveryError.folder(
                    path: folder,
                    reason: Text(
                        vi: "trùng với thư mục bản quét \(root)",
                        en: "it overlaps the scans folder \(root)"))
            }
            // Nor in a registered copy, which `kho copies sync` fills from the primary.
            if let copy = try copyOverlapping(folder: folder) {
                throw DeliveryError.folder(
                    path: folder,
                    reason: Text(
                        vi: "trùng, nằm trong hoặc chứa bản lưu «\(copy)»",
                        en: "it is, lies inside or holds the copy “\(copy)”"))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(s), as: UTF8.self)
        try writing { tx in
            let old = try tx.delivery.settingsJSON()
            try tx.delivery.saveSettings(json: json)
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(before: ["pdf": old], after: ["pdf": json]))
            try tx.events.append(&event)
        }
    }
}
