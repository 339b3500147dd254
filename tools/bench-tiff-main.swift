// Benchmark of KhoTIFF over a corpus made by tools/tiff-corpus; built and run by tools/bench-tiff
// in a throwaway package outside the repository (Package.swift has no benchmark target).
import Foundation
import KhoTIFF

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments
guard args.count > 1 else {
    print("usage: bench CORPUS_DIR [LARGE_MASTER]")
    exit(2)
}
let corpus = args[1]
let large = args.count > 2 ? args[2] : nil
var paths: [String] = []
if let e = FileManager.default.enumerator(atPath: corpus) {
    for case let p as String in e where p.hasSuffix(".tif") && !p.hasPrefix("H9001") { paths.append(corpus + "/" + p) }
}
paths.sort()
print("files: \(paths.count)")
// warm the page cache
_ = Fixity.sha256(paths: paths)

@MainActor func time(_ label: String, repeat n: Int = 3, _ body: () -> Void) {
    var best = Double.infinity
    for _ in 0..<n {
        let t0 = now(); body(); best = min(best, now() - t0)
    }
    let perFile = best / Double(paths.count) * 1e6
    print(String(format: "%@: best of %d %.3f s, %.1f µs/file, %.0f files/s", label, n, best, perFile, Double(paths.count) / best))
}

var sink = 0
time("read headers, 1 thread") { for p in paths { sink &+= TIFFReader.read(path: p).pageCount } }
time("read headers + SHA-256 (same fd), 1 thread") {
    for p in paths { sink &+= TIFFReader.read(path: p, options: TIFFReadOptions(computeSHA256: true)).pageCount }
}
time("SHA-256 only, 1 thread") { for p in paths { sink &+= ((try? Fixity.sha256(path: p))?.count ?? 0) } }
time("read headers + SHA-256, all cores") {
    sink &+= TIFFReader.read(paths: paths, options: TIFFReadOptions(computeSHA256: true)).count
}
time("read + SHA-256 + vn-2025 check, all cores") {
    let results = TIFFReader.read(paths: paths, options: TIFFReadOptions(computeSHA256: true))
    for r in results { sink &+= QualityProfile.vn2025.check(r).count }
}

let results = TIFFReader.read(paths: paths)
var codes: [String: Int] = [:]
var qc: [String: Int] = [:]
for r in results {
    for f in r.findings { codes[f.code, default: 0] += 1 }
    for p in QualityProfile.vn2025.check(r) { qc[p.code, default: 0] += 1 }
}
print("findings:", codes.sorted { $0.key < $1.key })
print("vn-2025 problems:", qc.sorted { $0.key < $1.key })
if let sample = results.first(where: { !$0.findings.isEmpty }) {
    for f in sample.findings { print("  example:", sample.path, "→", f.message(in: .vi), "|", f.message(in: .en)) }
}

if let large {
    let size = (try? FileManager.default.attributesOfItem(atPath: large)[.size] as? Int) ?? 0
    _ = try? Fixity.sha256(path: large)
    var best = Double.infinity
    var digest = ""
    for _ in 0..<5 {
        let t0 = now(); digest = (try? Fixity.sha256(path: large)) ?? "error"; best = min(best, now() - t0)
    }
    print(String(format: "SHA-256 of %d bytes, 1 thread: best %.4f s = %.0f MB/s", size, best, Double(size) / best / 1e6), digest)
    let t0 = now()
    let r = TIFFReader.read(path: large)
    print(String(format: "header read of large master: %.1f µs, %d pages, findings %d", (now() - t0) * 1e6, r.pageCount, r.findings.count))
}
print("sink \(sink)")
