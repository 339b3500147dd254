import Foundation
import KhoKit

/// What the dashboard shows, read from the library in one go.
struct DashboardData: Sendable {
    var status: Status
    var arrange: [QueueItem]
    var scan: [QueueItem]
    var custody: [CustodyView]
    var today: [EventView]
}

/// The dashboard's figures, computed once per state of the catalogue: the key is the newest event's id (every write
/// appends one), the day and the language. Requests that arrive while they are being computed wait for that one
/// computation instead of starting their own.
actor DashboardCache {
    private var key: String?
    private var value: DashboardData?
    private var running: (key: String, task: Task<DashboardData, any Error>)?

    func get(
        _ key: String, compute: @escaping @Sendable () async throws -> DashboardData
    ) async throws
        -> DashboardData
    {
        if key == self.key, let value { return value }
        if let running, running.key == key { return try await running.task.value }
        let task = Task { try await compute() }
        running = (key, task)
        defer { if running?.key == key { running = nil } }
        let data = try await task.value
        self.key = key
        self.value = data
        return data
    }
}
