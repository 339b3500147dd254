import Foundation
import KhoKit

/// Library answers kept per state of the catalogue: the newest event's id names the state (every write appends an
/// event, in the same transaction). Requests that need the same answer at the same time wait for one computation.
/// Only library values are kept, never pages: a page carries the person's CSRF token and words in the person's
/// language, so each request renders its own.
///
/// An answer is normally for the state the request saw. A caller may accept the answer of an older state that is not
/// older than `floor` (the state after the person's own latest write) while the new one is computed: the person
/// always sees their own writes, and a busy server does not make everyone wait for each new state (an ingest beside
/// it makes a new state every second).
actor ReadCache {
    private struct Answer {
        var generation: Int64
        var value: any Sendable
    }
    private struct Computing {
        var generation: Int64
        var task: Task<any Sendable, any Error>
    }
    private var answers: [String: Answer] = [:]
    private var computing: [String: Computing] = [:]
    /// Answers kept at most; beyond it they are all dropped and computed again.
    static let capacity = 512

    func value<T: Sendable>(
        _ key: String, generation: Int64, floor: Int64? = nil, compute: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        if let kept = answers[key], kept.generation == generation, let value = kept.value as? T { return value }
        let task = start(key, generation: generation, compute: compute)
        if let floor, let kept = answers[key], kept.generation >= floor, kept.generation < generation,
            let value = kept.value as? T
        {
            return value
        }
        guard let value = try await task.value as? T else { throw CancellationError() }
        return value
    }

    /// The computation of `key` for `generation` or a newer state: the one running, else a new one.
    private func start<T: Sendable>(
        _ key: String, generation: Int64, compute: @escaping @Sendable () async throws -> T
    ) -> Task<any Sendable, any Error> {
        if let running = computing[key], running.generation >= generation { return running.task }
        let task = Task<any Sendable, any Error> { try await compute() }
        computing[key] = Computing(generation: generation, task: task)
        Task { await self.keep(key, generation: generation, task) }
        return task
    }

    private func keep(_ key: String, generation: Int64, _ task: Task<any Sendable, any Error>) async {
        let value = try? await task.value
        if computing[key]?.generation == generation { computing[key] = nil }
        guard let value else { return }
        if answers.count >= Self.capacity { answers = [:] }
        if let kept = answers[key], kept.generation > generation { return }
        answers[key] = Answer(generation: generation, value: value)
    }
}

extension WebServices {
    /// `body`'s answer for the catalogue as it is now, computed once per state of the catalogue and `key` (which must
    /// name everything the answer depends on besides the catalogue: the file, the query, the access levels shown).
    /// With `floor`, the answer of an older state not older than it may be given while the new one is computed.
    func cached<T: Sendable>(
        _ key: String, floor: Int64? = nil, _ body: @escaping @Sendable (KhoStore) throws -> T
    ) async throws -> T {
        let generation = try await db { store in try store.lastEventId() }
        return try await reads.value(key, generation: generation, floor: floor) { try await self.db(body) }
    }

    /// Remembers the catalogue's state after a write of the person of session `token` (their reads never show an
    /// older one).
    func noteWrite(_ token: String) async {
        guard let generation = try? await db({ store in try store.lastEventId() }) else { return }
        sessions.noteWrite(token, generation: generation)
    }
}
