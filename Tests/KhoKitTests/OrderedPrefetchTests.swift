import Foundation
import KhoConcurrency
import Testing

/// The ingest's reading ahead of its writer: every master read once, handed over in order, never further ahead than
/// the window, and the writer reads when it would otherwise wait.
@Suite struct OrderedPrefetchTests {
    /// Which thread transformed each item, and how far ahead of the consumer the transforms ran.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int: Int] = [:]
        private var byConsumer = 0
        private var taken = 0
        private var ahead = 0
        let consumer = Thread.current

        func transformed(_ item: Int) {
            lock.withLock {
                counts[item, default: 0] += 1
                if Thread.current == consumer { byConsumer += 1 }
                ahead = max(ahead, item - taken)
            }
        }
        func took(_ index: Int) { lock.withLock { taken = index + 1 } }
        var each: [Int: Int] { lock.withLock { counts } }
        var readByConsumer: Int { lock.withLock { byConsumer } }
        var furthestAhead: Int { lock.withLock { ahead } }
    }

    @Test(arguments: [0, 1, 3])
    func everyItemIsTransformedOnceAndHandedOverInOrder(helpers: Int) {
        let log = Log()
        let prefetch = OrderedPrefetch(Array(0..<2_000), helpers: helpers, window: 64) { item -> String in
            log.transformed(item)
            return "#\(item)"
        }
        var outputs: [String] = []
        for index in 0..<2_000 {
            outputs.append(prefetch.take(index))
            log.took(index)
        }
        prefetch.stop()
        #expect(outputs == (0..<2_000).map { "#\($0)" })
        #expect(log.each.count == 2_000 && log.each.values.allSatisfy { $0 == 1 })
        // No helper: the consumer reads everything itself
        if helpers == 0 { #expect(log.readByConsumer == 2_000) }
        // Never further ahead than the window (the consumer is at `taken`; 64 may be claimed beyond it)
        #expect(log.furthestAhead <= 64)
    }

    @Test func aConsumerThatWouldWaitReadsLaterItemsItself() {
        // Given a helper whose items take long (the consumer's own are quick)
        let log = Log()
        let prefetch = OrderedPrefetch(Array(0..<40), helpers: 1, window: 40) { item -> Int in
            log.transformed(item)
            if Thread.current != log.consumer { Thread.sleep(forTimeInterval: 0.01) }
            return item * 2
        }
        // When the consumer takes every item
        let outputs = (0..<40).map { prefetch.take($0) }
        prefetch.stop()
        // Then it got them in order, and read most of them itself instead of waiting for the helper
        #expect(outputs == (0..<40).map { $0 * 2 })
        #expect(log.readByConsumer > 20)
    }

    @Test func stoppingHalfWayLeavesTheRestUnreadAndReturns() {
        let log = Log()
        let prefetch = OrderedPrefetch(Array(0..<100_000), helpers: 2, window: 16) { item -> Int in
            log.transformed(item)
            return item
        }
        for index in 0..<10 { _ = prefetch.take(index) }
        log.took(9)
        // When the consumer stops (an error in the writer): the helpers return, at most a window beyond it read
        prefetch.stop()
        #expect(log.each.count <= 10 + 16)
    }
}
