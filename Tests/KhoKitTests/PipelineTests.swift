import Foundation
import KhoConcurrency
import Testing

@testable import KhoKit

/// The two-thread hand-over behind the document import.
@Suite struct PipelineTests {
    struct Stop: Error, Equatable { let at: Int }

    /// Counts how many chunks the producer handed over (it runs on another thread).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }

    @Test func chunksArriveInOrderAndTheProducersResultIsReturned() throws {
        var seen: [Int] = []
        let total = try Pipeline.run(
            capacity: 2,
            produce: { handOver in
                var sum = 0
                for i in 0..<1_000 where handOver(i) { sum += i }
                return sum
            }, consume: { seen.append($0) })
        #expect(seen == Array(0..<1_000) && total == 499_500)
    }

    @Test func aConsumerErrorStopsTheProducerAndIsThrown() throws {
        let handed = Counter()
        #expect(throws: Stop(at: 3)) {
            try Pipeline.run(
                capacity: 2,
                produce: { handOver in
                    for i in 0..<100_000 {
                        guard handOver(i) else { return }
                        handed.add()
                    }
                }, consume: { i in if i == 3 { throw Stop(at: 3) } })
        }
        // The producer stopped soon after: at most the chunks that fit in the channel beyond the failing one
        #expect(handed.value <= 3 + 1 + 2)
    }

    @Test func aProducerErrorIsThrownAfterTheChunksBeforeIt() throws {
        var seen: [Int] = []
        #expect(throws: Stop(at: 5)) {
            try Pipeline.run(
                produce: { handOver in
                    for i in 0..<5 { _ = handOver(i) }
                    throw Stop(at: 5)
                }, consume: { seen.append($0) })
        }
        #expect(seen == [0, 1, 2, 3, 4])
    }
}
