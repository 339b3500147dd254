import Dispatch

/// Runs blocking work over many items on all cores with Dispatch, outside Swift's cooperative thread pool.
package enum ParallelMap {
    /// Applies `transform` to every item concurrently and returns the results in the items' order.
    package static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Output
    ) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        let storage = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        storage.initialize(repeating: nil)
        defer {
            storage.deinitialize()
            storage.deallocate()
        }
        nonisolated(unsafe) let slots = storage
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots[index] = transform(items[index])
        }
        return storage.compactMap { $0 }
    }
}
