import KhoKit
import Testing

@testable import KhoWeb

/// Where `kho serve` listens, and when it warns that passwords would cross the network unencrypted.
@Suite struct ListenTests {
    @Test(arguments: [
        ("127.0.0.1:8080", false, false), ("localhost:8080", false, false), ("[::1]:8080", false, false),
        ("0.0.0.0:8443", false, true), ("192.168.1.10:8080", false, true), ("[::]:8080", false, true),
        ("0.0.0.0:8443", true, false), ("192.168.1.10:8443", true, false),
    ])
    func aNonLoopbackAddressWithoutTLSWarns(address: String, tls: Bool, warns: Bool) throws {
        var listen = try #require(WebServer.Listen(parsing: address))
        if tls {
            listen.certificate = "kho.crt"
            listen.key = "kho.key"
        }
        #expect((listen.warning != nil) == warns, "\(address) tls \(tls)")
        if let warning = listen.warning {
            #expect(warning.vi.hasPrefix("CẢNH BÁO: nghe trên \(listen.host) không có TLS"))
            #expect(warning.en.hasPrefix("WARNING: listening on \(listen.host) without TLS"))
        }
    }
}
