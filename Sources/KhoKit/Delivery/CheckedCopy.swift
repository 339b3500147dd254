import CKhoSystem
import Foundation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// A private copy of a master whose SHA-256 was computed from the copy itself: what the tools then read is exactly
/// what was checked, whatever happens to the master meanwhile.
enum CheckedCopy {
    /// Why a master was not copied, or its copy is not the content on record.
    enum Failure: Error {
        /// The master could not be read safely (a link, a FIFO, a size other than the catalogue's, …).
        case unreadable(FixityError)
        /// The copy could not be written.
        case cannotWrite(Text)
        /// The copy's SHA-256 is not the one on record.
        case mismatch(found: String)
    }

    /// Copies `source` to `target` (a copy-on-write clone where the file system can, else its bytes), read through the
    /// safe fixity reader's open (no link followed, no special file, the size on record), then hashes the copy and
    /// compares it with `sha256`. Returns the copy's digest; the copy is left for the caller to use or remove.
    static func make(
        from source: String, to target: String, expectedSize: UInt64?, sha256: String?
    ) -> Result<FixityDigest, Failure> {
        let input: (fd: Int32, info: stat)
        do {
            input = try Fixity.openForReading(path: source, expectedSize: expectedSize)
        } catch {
            return .failure(.unreadable(error))
        }
        defer { close(input.fd) }
        let out = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard out >= 0 else { return .failure(.cannotWrite(Text(verbatim: String(cString: strerror(errno))))) }
        let copied = kho_clone_file(input.fd, out) == 0 || copyBytes(input.fd, to: out)
        let failure = copied ? nil : String(cString: strerror(errno))
        close(out)
        if let failure { return .failure(.cannotWrite(Text(verbatim: failure))) }
        let digest: FixityDigest
        do {
            digest = try Fixity.digest(path: target, expectedSize: expectedSize)
        } catch {
            // The copy is ours: a size other than the record's means the master changed while it was copied.
            if case .sizeChanged = error.kind { return .failure(.unreadable(error)) }
            return .failure(.cannotWrite(error.reason))
        }
        if let sha256, digest.sha256 != sha256 { return .failure(.mismatch(found: digest.sha256)) }
        return .success(digest)
    }

    /// Copies `input` from its start to its end into `out` with pread/write; false (errno set) on failure.
    private static func copyBytes(_ input: Int32, to out: Int32) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Fixity.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let got = pread(input, buffer.baseAddress, buffer.count, offset)
            if got < 0 {
                if errno == EINTR { continue }
                return false
            }
            if got == 0 { return true }
            var written = 0
            while written < got {
                let n = write(out, buffer.baseAddress.map { $0 + written }, got - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            offset += off_t(got)
        }
    }
}

/// Step 0 of a copy: the masters into the build folder, checked.
extension PdfPipeline {
    /// Copies each master into `work/masters/` and checks the copy is the master ingested (same size, same SHA-256,
    /// hashed from the copy); returns the job over the checked copies, and the first page of each master by name.
    static func stageMasters(_ job: PdfJob, work: String) throws(PdfFinding) -> (PdfJob, [String: Int]) {
        var firstPage = 1
        var pageOf: [String: Int] = [:]
        var checked = job
        let folder = work + "/masters"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw finding(job, "kho", error.localizedDescription)
        }
        for (index, m) in job.masters.enumerated() {
            pageOf[m.name] = firstPage
            let copy = folder + String(format: "/%05d-", index) + m.name
            switch CheckedCopy.make(from: m.path, to: copy, expectedSize: m.size, sha256: m.sha256) {
            case .success:
                checked.masters[index].path = copy
            case .failure(.unreadable(let error)):
                if case .sizeChanged = error.kind {
                    throw finding(job, "kho", changedText(job.lang), page: firstPage, master: m.name)
                }
                throw finding(
                    job, "kho",
                    Text(
                        vi: "không đọc được bản quét: \(error.reason.vi)",
                        en: "cannot read the master: \(error.reason.en)")(job.lang),
                    page: firstPage, master: m.name)
            case .failure(.cannotWrite(let reason)):
                throw finding(
                    job, "kho",
                    Text(
                        vi: "không chép được bản quét vào \(folder): \(reason.vi)",
                        en: "cannot copy the master into \(folder): \(reason.en)")(job.lang),
                    page: firstPage, master: m.name)
            case .failure(.mismatch):
                throw finding(job, "kho", changedText(job.lang), page: firstPage, master: m.name)
            }
            firstPage += m.pages
        }
        return (checked, pageOf)
    }

    private static func changedText(_ lang: Lang) -> String {
        Text(
            vi:
                "bản quét đã thay đổi trên đĩa từ khi nạp (SHA-256 khác); không làm bản PDF; chạy kho scan ingest trước",
            en:
                "the master changed on disk since it was ingested (SHA-256 differs); no copy made; run kho scan ingest first"
        )(lang)
    }

    /// For tests only: runs the program named by `KHO_TEST_HOOK_AFTER_HASH` (with the work folder and the masters'
    /// own paths) after the masters were copied and checked, before any tool reads them, so a test can swap a master
    /// at that moment.
    static func runTestHook(work: String, job: PdfJob) {
        guard let hook = ProcessInfo.processInfo.environment["KHO_TEST_HOOK_AFTER_HASH"], !hook.isEmpty else { return }
        _ = try? ToolProcess.run(hook, [work] + job.masters.map(\.path), environment: [:])
    }
}
