import Foundation

/// Work shared by two threads: `produce` runs on a thread of its own and hands chunks over, in order, to `consume`
/// on the calling thread (the database's, for an import: reading and checking rows overlaps with writing them).
package enum Pipeline {
    /// Runs `produce` and `consume` side by side and returns what `produce` returns. At most `capacity` chunks wait
    /// between them. When `consume` throws, `handOver` returns false from then on so the producer can stop early;
    /// the consumer's error is thrown once the producer has returned (and the producer's, when it threw).
    package static func run<Chunk: Sendable, Output: Sendable>(
        capacity: Int = 2,
        produce: @escaping @Sendable (_ handOver: (Chunk) -> Bool) throws -> Output,
        consume: (Chunk) throws -> Void
    ) throws -> Output {
        let channel = Channel<Chunk, Output>(capacity: max(1, capacity))
        let thread = Thread {
            let output = Result { try produce(channel.handOver) }
            channel.finish(output)
        }
        thread.start()
        var failure: Error?
        while let chunk = channel.next() {
            do {
                try consume(chunk)
            } catch {
                failure = error
                channel.stop()
                break
            }
        }
        let output = channel.output()
        if let failure { throw failure }
        return try output.get()
    }

    /// The chunks waiting, and how the two sides stand, under one condition lock.
    private final class Channel<Chunk, Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        private var waiting: [Chunk] = []
        private var stopped = false
        private var result: Result<Output, Error>?

        init(capacity: Int) { self.capacity = capacity }

        /// Waits for room and adds `chunk`; false once the consumer has stopped.
        func handOver(_ chunk: Chunk) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while waiting.count >= capacity && !stopped { condition.wait() }
            guard !stopped else { return false }
            waiting.append(chunk)
            condition.broadcast()
            return true
        }

        /// The next chunk, waiting for it; nil when the producer has finished and every chunk was taken.
        func next() -> Chunk? {
            condition.lock()
            defer { condition.unlock() }
            while waiting.isEmpty && result == nil { condition.wait() }
            guard !waiting.isEmpty else { return nil }
            condition.broadcast()
            return waiting.removeFirst()
        }

        func finish(_ output: Result<Output, Error>) {
            condition.lock()
            result = output
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            waiting.removeAll()
            condition.broadcast()
            condition.unlock()
        }

        /// What the producer returned, waiting for it to return.
        func output() -> Result<Output, Error> {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result { return result }
                condition.wait()
            }
        }
    }
}
