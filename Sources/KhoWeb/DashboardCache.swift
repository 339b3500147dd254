import Foundation
import KhoKit
import KhoReport

/// What the dashboard shows, read from the library in one go.
struct DashboardData: Sendable {
    var status: Status
    var arrange: [QueueItem]
    var scan: [QueueItem]
    var custody: [CustodyView]
    var today: [EventView]
}

/// A value computed once per state of the catalogue, named by a key (the newest event's id, since every write
/// appends one, and whatever else the value depends on). Requests that arrive while it is being computed wait for
/// that one computation instead of starting their own.
actor ComputedOnce<Value: Sendable> {
    private var latest: (key: String, value: Value)?
    private var running: (key: String, task: Task<Value, any Error>)?

    /// The value for `key`, computed by `compute` unless it is known or being computed. With `orStale`, a value
    /// for an older key is returned at once while the new one is computed in the background (for what is too slow
    /// to make a person wait for after every write).
    func get(
        _ key: String, orStale: Bool = false, compute: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        if let latest, latest.key == key { return latest.value }
        let task: Task<Value, any Error>
        if let running, running.key == key {
            task = running.task
        } else {
            task = Task { try await compute() }
            running = (key, task)
            Task { await self.keep(key, task) }
        }
        if orStale, let latest { return latest.value }
        let value = try await task.value
        keep(key, value)
        return value
    }

    /// Keeps the result of the computation for `key` once it ends, whoever sees it first (a failure keeps the
    /// older value).
    private func keep(_ key: String, _ task: Task<Value, any Error>) async {
        guard let value = try? await task.value else {
            if running?.key == key { running = nil }
            return
        }
        keep(key, value)
    }

    private func keep(_ key: String, _ value: Value) {
        if running?.key == key { running = nil }
        latest = (key, value)
    }
}
