import Foundation

/// The versions of the tools a copy was made with, as they report themselves.
public struct ToolVersions: Codable, Sendable, Hashable {
    public var ocrmypdf = ""
    public var tesseract = ""
    /// The Vietnamese model: `vie` and the version its traineddata file states.
    public var language = ""
    public var ghostscript = ""
    public var img2pdf = ""
    public var pikepdf = ""
    public var poppler = ""

    public init() {}

    /// One line for people and for the PDF's keywords.
    public var summary: String {
        "OCRmyPDF \(ocrmypdf), Tesseract \(tesseract), \(language), Ghostscript \(ghostscript), img2pdf \(img2pdf)"
    }
}

/// The poppler tools that read a copy back (`pdfinfo`, `pdftotext`): all `kho pdf verify` needs.
public struct PopplerTools: Sendable {
    public var pdfinfo: String
    public var pdftotext: String

    /// Finds the tools on `PATH`; throws `DeliveryError.toolsMissing` naming `poppler-utils` when they are not there.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> PopplerTools {
        guard let info = ToolProcess.find("pdfinfo", path: path), let text = ToolProcess.find("pdftotext", path: path)
        else {
            throw DeliveryError.toolsMissing(packages: ["poppler-utils"])
        }
        return PopplerTools(pdfinfo: info, pdftotext: text)
    }
}

/// The outside tools that make the legal copies: OCRmyPDF (with img2pdf, pikepdf and Ghostscript), Tesseract with its
/// Vietnamese model, and poppler; kho never does OCR or writes PDF/A itself.
public struct DeliveryTools: Sendable {
    public static let packages = ["ocrmypdf", "tesseract-ocr-vie", "poppler-utils"]

    public var ocrmypdf: String
    /// The Python that runs OCRmyPDF (it has img2pdf and pikepdf), for kho's small glue script.
    public var python: String
    public var poppler: PopplerTools
    public var versions: ToolVersions

    /// Finds every tool and reads its version; throws `DeliveryError.toolsMissing` with the Debian packages to
    /// install when any is missing (and does nothing else).
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> DeliveryTools {
        var search = ToolSearch(path: path)
        let (ocrmypdf, python) = search.ocrmypdf()
        search.ghostscript()
        search.tesseract()
        let poppler = search.poppler()
        guard search.missing.isEmpty, let ocrmypdf, let python, let poppler else {
            throw DeliveryError.toolsMissing(packages: packages.filter(search.missing.contains))
        }
        return DeliveryTools(ocrmypdf: ocrmypdf, python: python, poppler: poppler, versions: search.versions)
    }

    /// A search of `PATH` for the tools: the versions read so far, and the Debian packages of the tools missing.
    private struct ToolSearch {
        let path: String?
        let env: [String: String]
        var missing: Set<String> = []
        var versions = ToolVersions()

        init(path: String?) {
            self.path = path
            env = path.map { ["PATH": $0] } ?? [:]
        }

        /// OCRmyPDF and the Python that runs it, with the versions of OCRmyPDF, img2pdf and pikepdf.
        mutating func ocrmypdf() -> (String?, String?) {
            guard let ocrmypdf = ToolProcess.find("ocrmypdf", path: path) else {
                missing.insert("ocrmypdf")
                return (nil, nil)
            }
            let python = interpreter(of: ocrmypdf, path: path)
            if let python, let r = try? ToolProcess.run(python, ["-c", PdfGlue.versionsScript], environment: env), r.ok,
                let json = try? JSONSerialization.jsonObject(with: r.stdout) as? [String: String]
            {
                versions.ocrmypdf = json["ocrmypdf"] ?? ""
                versions.img2pdf = json["img2pdf"] ?? ""
                versions.pikepdf = json["pikepdf"] ?? ""
            } else {
                missing.insert("ocrmypdf")
            }
            return (ocrmypdf, python)
        }

        /// Ghostscript's version (it comes with OCRmyPDF).
        mutating func ghostscript() {
            if let gs = ToolProcess.find("gs", path: path),
                let r = try? ToolProcess.run(gs, ["--version"], environment: env), r.ok
            {
                versions.ghostscript = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                missing.insert("ocrmypdf")
            }
        }

        /// Tesseract's version, and its Vietnamese language data with the data's version.
        mutating func tesseract() {
            guard let tesseract = ToolProcess.find("tesseract", path: path),
                let v = try? ToolProcess.run(tesseract, ["--version"], environment: env), v.ok,
                let langs = try? ToolProcess.run(tesseract, ["--list-langs"], environment: env), langs.ok
            else {
                missing.insert("ocrmypdf")
                missing.insert("tesseract-ocr-vie")
                return
            }
            let first = (v.out + v.err).split(separator: "\n").first.map(String.init) ?? ""
            versions.tesseract = first.replacingOccurrences(of: "tesseract ", with: "").trimmingCharacters(
                in: .whitespaces)
            let lines = (langs.out + langs.err).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if lines.contains("vie") {
                let folder = lines.first?.split(separator: "\"").dropFirst().first.map(String.init)
                versions.language = "vie " + (folder.flatMap { traineddataVersion($0 + "/vie.traineddata") } ?? "")
                versions.language = versions.language.trimmingCharacters(in: .whitespaces)
            } else {
                missing.insert("tesseract-ocr-vie")
            }
        }

        /// Poppler's tools and their version.
        mutating func poppler() -> PopplerTools? {
            do {
                let poppler = try PopplerTools.locate(path: path)
                if let r = try? ToolProcess.run(poppler.pdfinfo, ["-v"], environment: env) {
                    let line = (r.err + r.out).split(separator: "\n").first { $0.contains("version") } ?? ""
                    versions.poppler =
                        line.components(separatedBy: "version").last?.trimmingCharacters(in: .whitespaces) ?? ""
                }
                return poppler
            } catch {
                missing.insert("poppler-utils")
                return nil
            }
        }
    }

    /// The interpreter named by a script's `#!` line (`/usr/bin/python3`, or `python3` found on `PATH` for `env`).
    static func interpreter(of script: String, path: String?) -> String? {
        guard let handle = FileHandle(forReadingAtPath: script) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 256)) ?? Data(), as: UTF8.self)
        guard head.hasPrefix("#!"), let line = head.dropFirst(2).split(separator: "\n").first else {
            return ToolProcess.find("python3", path: path)
        }
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        if first.hasSuffix("/env"), words.count > 1 { return ToolProcess.find(words[1], path: path) }
        return first
    }

    /// The version a Tesseract traineddata file states (its TESSDATA_VERSION entry), without the network spec.
    static func traineddataVersion(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 8 else { return nil }
        let bytes = [UInt8](data.prefix(4 + 8 * 64))
        func int32(_ at: Int) -> Int {
            Int(
                Int32(
                    bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(
                        bytes[at + 3]) << 24))
        }
        func int64(_ at: Int) -> Int64 {
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
            return Int64(bitPattern: v)
        }
        let count = int32(0)
        let versionIndex = 23
        guard count > versionIndex, count <= 64, bytes.count >= 4 + 8 * count else { return nil }
        let offsets = (0..<count).map { int64(4 + 8 * $0) }
        let start = offsets[versionIndex]
        guard start > 0, start < data.count else { return nil }
        let end = offsets.filter { $0 > start }.min() ?? Int64(data.count)
        let raw = String(decoding: data[Int(start)..<Int(min(end, start + 256))], as: UTF8.self)
        let text = raw.components(separatedBy: ":[").first ?? raw
        return text.trimmingCharacters(in: .controlCharacters.union(.whitespaces))
    }
}
