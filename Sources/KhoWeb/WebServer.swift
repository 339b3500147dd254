import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KhoKit
import NIOCore
import NIOSSL

/// `kho serve`: the router of every page and API route, and the application that serves it.
public enum WebServer {
    /// Every route, behind the security headers, the session and the CSRF check.
    public static func router(_ services: WebServices) -> Router<KhoContext> {
        let router = Router(context: KhoContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(services: services))
        router.add(middleware: CSRFMiddleware())
        AuthRoutes.register(router, services)
        let guarded = Guarded(router: router, services: services)
        DashboardRoutes.register(guarded)
        CataloguePages.register(guarded)
        SearchRoutes.register(guarded)
        WriteRoutes.register(guarded)
        ScanRoutes.register(guarded)
        LeaderRoutes.register(guarded)
        ApiRoutes.register(guarded)
        return router
    }

    /// Where to listen and whether with TLS.
    public struct Listen: Sendable {
        public var host: String
        public var port: Int
        public var certificate: String?
        public var key: String?

        public init(host: String, port: Int, certificate: String? = nil, key: String? = nil) {
            self.host = host
            self.port = port
            self.certificate = certificate
            self.key = key
        }

        /// Parses `HOST:PORT` (`127.0.0.1:8080`, `0.0.0.0:8443`, `[::1]:8080`).
        public init?(parsing text: String) {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (0...65535).contains(port)
            else { return nil }
            var host = String(text[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { return nil }
            self.init(host: host, port: port)
        }

        /// Whether the address is reachable only from this computer.
        public var isLoopback: Bool { host == "localhost" || host.hasPrefix("127.") || host == "::1" }

        /// The warning `kho serve` prints when the address is reachable from other computers without TLS: passwords
        /// and data would cross the network unencrypted. Nil on loopback, or with a certificate.
        public var warning: Text? {
            guard !isLoopback, certificate == nil else { return nil }
            return Text(
                vi:
                    "CẢNH BÁO: nghe trên \(host) không có TLS: mật khẩu và dữ liệu đi trên mạng không mã hóa. Dùng --tls-cert và --tls-key.",
                en:
                    "WARNING: listening on \(host) without TLS: passwords and data cross the network unencrypted. Use --tls-cert and --tls-key."
            )
        }
    }

    /// Runs the server until SIGINT/SIGTERM; `onRunning` gets the port actually bound (for `:0`).
    public static func run(
        _ services: WebServices, listen: Listen, onRunning: @escaping @Sendable (Int) -> Void
    ) async throws {
        let server: HTTPServerBuilder
        if let cert = listen.certificate, let key = listen.key {
            let chain = try NIOSSLCertificate.fromPEMFile(cert).map { NIOSSLCertificateSource.certificate($0) }
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        let app = Application(
            router: router(services), server: server,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "kho"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? listen.port) })
        try await app.runService()
    }
}
