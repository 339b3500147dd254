import Foundation
import KhoKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A progress bar on standard error with count, rate and time left; silent when stderr is not a terminal.
final class ProgressBar: Sendable {
    private let enabled = isatty(2) == 1
    private let lastDraw = Mutex(Date.distantPast)
    private let label: String

    init(_ label: String) { self.label = label }

    func update(_ p: IngestProgress) {
        guard enabled, p.total > 0 else { return }
        lastDraw.withLock { lastDraw in
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.1 || p.done == p.total else { return }
            lastDraw = now
            let width = 30
            let filled = min(width, Int(Double(width) * Double(p.done) / Double(p.total)))
            let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
            let left = rate > 0 ? Double(p.total - p.done) / rate : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line =
                "\r\(label) \(bar) \(Format.integer(Int64(p.done)))/\(Format.integer(Int64(p.total)))  "
                + "\(Format.decimal(rate, maxFractionDigits: 0))/s  ETA \(Int(left) / 60):\(String(format: "%02d", Int(left) % 60))  "
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        guard enabled, lastDraw.withLock({ $0 }) != .distantPast else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
