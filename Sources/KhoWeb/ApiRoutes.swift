import Foundation
import HTTPTypes
import Hummingbird
import KhoKit

/// The JSON API for scripts, with the CLI's keys; the same session and role rules as the pages.
/// Writes send the session's CSRF token as `X-CSRF-Token` (from `GET /api/session`).
enum ApiRoutes {
    static func register(_ guarded: Guarded) {
        let services = guarded.services
        guarded.apiGet("/api/status", .read) { _, _, session in
            try Responses.json(try await services.db { store in try store.status() }, lang: session.lang)
        }
        guarded.apiGet("/api/estimate", .leadership) { request, _, session in
            let q = request.query
            let req = try LeaderRoutes.estimateRequest(services, fields: { q[$0] })
            return try Responses.json(
                try await services.db { store in try store.makeEstimate(req).1 }, lang: session.lang)
        }
        guarded.apiGet("/api/files/:box/:file", .read) { _, context, session in
            try Responses.json(try await readableFile(context, session, services), lang: session.lang)
        }
        guarded.apiGet("/api/search", .read) { request, _, session in
            let query = request.query["q"] ?? ""
            let limit = request.query["limit"].flatMap(Int.init).map { min(max($0, 1), 1000) } ?? 20
            let readable = session.role.readableAccess
            return try Responses.json(
                try await services.db { store in try store.search(query, limit: limit, readable: readable) },
                lang: session.lang)
        }
        guarded.apiPost("/api/boxes", .catalogue) { request, context, session in
            var request = request
            let body = try await request.collectBody(upTo: WebLimits.uploadBytes)
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw PageError(
                    status: .badRequest,
                    message: Text(
                        vi: "Cần một đối tượng JSON với các cột của tệp CSV hộp (box, fonds, extent_m, …).",
                        en: "Send a JSON object with the box CSV's columns (box, fonds, extent_m, …)."))
            }
            var form = FormData()
            for (key, value) in object {
                switch value {
                case let s as String: form.fields[key] = s
                case let n as NSNumber: form.fields[key] = n.stringValue
                default: continue
                }
            }
            let draft = WriteRoutes.boxDraft(form)
            let who = services.attribution(context)
            let code = try await services.db { store in try store.registerBox(draft, by: who).code }
            let view = try await services.db { store in try store.showBox(code).box }
            return try Responses.json(view, lang: session.lang, status: .created)
        }
        guarded.apiPost("/api/boxes/:box/sort-start", .catalogue) { _, context, session in
            let code = try context.parameters.require("box")
            let who = services.attribution(context)
            let events = try await services.db { store in try store.startArrangement(of: [code], by: who) }
            return try Responses.json(
                [
                    "box": code, "events": events.compactMap(\.id).map(String.init).joined(separator: ","),
                ], lang: session.lang)
        }
    }
}
