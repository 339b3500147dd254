import Foundation
import Hummingbird
import KhoKit
import KhoReport
import NIOCore

/// The request context of `kho serve`: the client's address, the session, and the form a POST carried.
public struct KhoContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The logged-in person's session, set by ``SessionMiddleware``.
    public var session: WebSession?
    /// The fields of a POSTed form (URL-encoded or multipart), read once by ``CSRFMiddleware``.
    public var form: FormData = FormData()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies larger than this are refused (413): uploads are CSV files, not scans.
    public var maxUploadSize: Int { WebLimits.uploadBytes }

    /// The client's IP address, stored as the recorder's host of every write.
    public var client: String { remoteAddress?.ipAddress ?? "local" }

    /// The language of the pages for this request: the session's, else Vietnamese.
    public var lang: Lang { session?.lang ?? .vi }
}

/// Sizes the server refuses beyond.
public enum WebLimits {
    /// The largest request body (an uploaded CSV): 5 MB.
    public static let uploadBytes = 5 * 1024 * 1024
}

/// The fields of a form, by name; a file field keeps its bytes and file name.
public struct FormData: Sendable {
    public var fields: [String: String] = [:]
    public var files: [String: (name: String, data: Data)] = [:]

    public init(fields: [String: String] = [:]) { self.fields = fields }

    public subscript(_ key: String) -> String? { fields[key] }

    /// A field's value trimmed, nil when missing or empty.
    public func value(_ key: String) -> String? {
        guard let v = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// Parses `application/x-www-form-urlencoded` text.
    public static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            form.fields[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    private static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).precomposedStringWithCanonicalMapping
    }
}

/// What every handler needs: the catalogue, the sessions, the settings and the long jobs.
public final class WebServices: Sendable {
    public let store: KhoStore
    public let sessions: SessionStore
    public let settings: WebSettings
    public let jobs: JobRunner
    let dashboard = ComputedOnce<DashboardData>()
    /// The leadership report's first-page summary the leader's dashboard shows (an estimate: seconds on a big
    /// catalogue, so a page shows the last one while a newer one is computed).
    let reportSummary = ComputedOnce<ReportSummary>()
    /// File pages' and searches' library answers, once per state of the catalogue (``ReadCache``).
    let reads = ReadCache()

    public init(store: KhoStore, settings: WebSettings, sessions: SessionStore = SessionStore()) {
        self.store = store
        self.settings = settings
        self.sessions = sessions
        self.jobs = JobRunner()
    }

    /// The rates file the estimates read: `KHO_RATES`, else `rates.toml` beside the catalogue, as the CLI's.
    var ratesPath: String { RatesFile.defaultPath(catalogue: settings.catalogue) }

    /// Runs catalogue work off the server's threads (SQLite calls block) and returns its result.
    public func db<T: Sendable>(_ body: @escaping @Sendable (KhoStore) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body(store) })
            }
        }
    }

    /// The attribution of a write made on the web: the person's full name as actor, `login@client` as recorder.
    public func attribution(_ context: KhoContext, now: Date = Date()) -> Attribution {
        Attribution(
            actor: context.session?.fullName ?? "?", recorder: "\(context.session?.login ?? "?")@\(context.client)",
            happenedAt: now, recordedAt: now)
    }
}

/// How the server runs.
public struct WebSettings: Sendable {
    /// The catalogue's path (for the rates file beside it and the PDF/A folder).
    public var catalogue: String
    /// The scans root that ingest reads.
    public var scansRoot: String
    /// Cookies are marked `Secure` (the server speaks TLS).
    public var secureCookies: Bool

    public init(catalogue: String, scansRoot: String = "scans", secureCookies: Bool = false) {
        self.catalogue = catalogue
        self.scansRoot = scansRoot
        self.secureCookies = secureCookies
    }
}

extension Request {
    /// The query string's fields, decoded as a form (`+` is a space, as browsers send a GET form).
    var query: FormData { FormData.urlEncoded(uri.query ?? "") }
}
