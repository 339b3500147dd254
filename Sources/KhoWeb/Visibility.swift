import Foundation
import Hummingbird
import KhoKit

extension WebServices {
    /// The refs among `refs` the person may not see (secret or restricted files, without clearance).
    func hidden(_ refs: [String], _ session: WebSession) async throws -> Set<String> {
        guard !session.role.hasClearance else { return [] }
        let wanted = refs.filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return [] }
        let access = try await db { store in try store.fileAccess(of: wanted) }
        let readable = session.role.readableAccess
        return Set(access.filter { !readable.contains($0.value) }.map(\.key))
    }

    /// Refuses (404, as if it did not exist) a hand-out or return of a file hidden from the person.
    func requireVisible(_ target: CustodyTarget, _ session: WebSession) async throws {
        guard case .file(let ref) = target else { return }
        if try await hidden([ref.description], session).contains(ref.description) { throw HTTPError(.notFound) }
    }

    /// The events the person may see: none about a file hidden from them.
    func visibleEvents(_ events: [EventView], _ session: WebSession) async throws -> [EventView] {
        let hiddenRefs = try await hidden(events.compactMap(\.file), session)
        return events.filter { event in event.file.map { !hiddenRefs.contains($0) } ?? true }
    }
}

/// A file named by the path `/files/{box}/{file}`: 404 when it does not exist or the person may not see it.
func readableFile(
    _ context: KhoContext, _ session: WebSession, _ services: WebServices
) async throws -> FileView {
    let ref = FileRef(box: try context.parameters.require("box"), file: try context.parameters.require("file"))
    guard let file = try? await services.cached("file \(ref.box)/\(ref.file)", { store in try store.showFile(ref) }),
        session.role.readableAccess.contains(file.access)
    else { throw HTTPError(.notFound) }
    return file
}
