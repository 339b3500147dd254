import Foundation

/// Items transformed ahead of a consumer that takes their outputs in order (an ingest's masters, read and hashed
/// ahead of the database writer that records them).
///
/// `helpers` threads of their own transform the items in order, at most `window` ahead of the consumer. The consumer,
/// rather than wait for the item it needs next, transforms the next unclaimed item itself. With one helper for each
/// core but the consumer's, every core works and none is shared: the consumer (a writer) is never left behind by
/// helpers that took its core, and the helpers' output never waits for a consumer starved of one (2 reading threads
/// beside the writer on 2 cores left it the last 100 ms of an ingest alone).
package final class OrderedPrefetch<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let items: [Item]
    private let transform: @Sendable (Item) -> Output
    private let window: Int
    private let condition = NSCondition()
    /// Outputs waiting for the consumer, item `i` at `i % window` (never more than `window` claimed and not taken).
    private var ready: [Output?]
    /// Items `0..<claimed` are being or have been transformed.
    private var claimed = 0
    /// The consumer has taken `0..<taken`.
    private var taken = 0
    private var stopped = false
    private var helping = 0

    /// Starts `helpers` threads transforming `items` with `transform`; by default one per core beside the consumer's
    /// (at least one).
    package init(
        _ items: [Item], helpers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), window: Int = 1024,
        transform: @escaping @Sendable (Item) -> Output
    ) {
        self.items = items
        self.transform = transform
        self.window = max(1, window)
        ready = Array(repeating: nil, count: self.window)
        let count = items.isEmpty ? 0 : max(0, helpers)
        helping = count
        for _ in 0..<count {
            Thread.detachNewThread { [self] in help() }
        }
    }

    /// The output of item `index`; called with 0, 1, 2, … in order, once each.
    package func take(_ index: Int) -> Output {
        precondition(index == taken && index < items.count, "OrderedPrefetch.take out of order")
        condition.lock()
        defer { condition.unlock() }
        while true {
            if index >= claimed {
                // Nobody has started it: the consumer transforms it itself.
                claimed = index + 1
                condition.unlock()
                let output = transform(items[index])
                condition.lock()
                taken = index + 1
                condition.broadcast()
                return output
            }
            if let output = ready[index % window] {
                ready[index % window] = nil
                taken = index + 1
                condition.broadcast()
                return output
            }
            // A helper is on it: rather than wait, the consumer transforms the next item (when the window allows).
            if !transformNext() { condition.wait() }
        }
    }

    /// Stops the helpers (the items not yet claimed are never transformed) and waits for them to return.
    package func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while helping > 0 { condition.wait() }
    }

    /// Claims and transforms the next item, storing its output, when one is left and the window has room; false
    /// otherwise. Called and returns with the lock held.
    private func transformNext() -> Bool {
        guard !stopped, claimed < items.count, claimed - taken < window else { return false }
        let index = claimed
        claimed += 1
        condition.unlock()
        let output = transform(items[index])
        condition.lock()
        ready[index % window] = output
        condition.broadcast()
        return true
    }

    /// A helper's loop: the next item while there is one, waiting while the window is full.
    private func help() {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && claimed < items.count {
            if !transformNext() { condition.wait() }
        }
        helping -= 1
        condition.broadcast()
    }
}
