import Foundation
import Hummingbird

/// Reads a `multipart/form-data` body (a browser's file upload): text fields and files, by name.
enum Multipart {
    /// Parses `data` with the boundary of `contentType`; a body that does not follow the format is a 400.
    static func parse(_ data: Data, contentType: String) throws -> FormData {
        guard let range = contentType.range(of: "boundary=") else { throw HTTPError(.badRequest) }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { throw HTTPError(.badRequest) }
        let delimiter = Data("--\(boundary)".utf8)
        var form = FormData()
        var cursor = data.startIndex
        guard let first = data.range(of: delimiter, in: cursor..<data.endIndex) else { throw HTTPError(.badRequest) }
        cursor = first.upperBound
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        while cursor < data.endIndex {
            // "--" after a delimiter ends the body.
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            if data[cursor...].starts(with: crlf) { cursor += 2 }
            guard let headers = data.range(of: headerEnd, in: cursor..<data.endIndex),
                let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headers.upperBound..<data.endIndex)
            else { throw HTTPError(.badRequest) }
            let head = String(decoding: data[cursor..<headers.lowerBound], as: UTF8.self)
            let body = data[headers.upperBound..<next.lowerBound]
            if let name = attribute("name", in: head) {
                if let file = attribute("filename", in: head) {
                    form.files[name] = (name: file, data: Data(body))
                } else {
                    form.fields[name] = String(decoding: body, as: UTF8.self).precomposedStringWithCanonicalMapping
                }
            }
            cursor = next.upperBound
        }
        return form
    }

    /// The value of `name="…"` in a part's Content-Disposition header.
    private static func attribute(_ key: String, in head: String) -> String? {
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            guard let range = line.range(of: "; \(key)=\"") else { continue }
            let rest = line[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            return String(rest[..<end])
        }
        return nil
    }
}
