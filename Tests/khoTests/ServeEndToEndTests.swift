import Foundation
import Testing

/// `kho serve` as the office runs it: HTTPS with a certificate, and the warning when it would serve the LAN
/// without one.
@Suite struct ServeEndToEndTests {
    static let password = "mat-khau-dung-1"

    /// A catalogue with an archivist, and a self-signed certificate for 127.0.0.1 made by `openssl`.
    static func catalogueWithCertificate() throws -> (Kho, cert: String, key: String) {
        let kho = Kho()
        try kho("fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Quản trị")
        let add = kho.process(
            [
                "user", "add", "thu", "--full-name", "Nguyễn Thị Thu", "--role", "archivist", "--password-stdin",
                "--by", "Quản trị",
            ])
        let input = Pipe()
        add.standardInput = input
        add.standardOutput = FileHandle.nullDevice
        try add.run()
        input.fileHandleForWriting.write(Data((password + "\n").utf8))
        try input.fileHandleForWriting.close()
        add.waitUntilExit()
        #expect(add.terminationStatus == 0, "kho user add")
        let cert = kho.dir.appendingPathComponent("kho.crt").path
        let key = kho.dir.appendingPathComponent("kho.key").path
        let made = tool(
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
        #expect(made.code == 0, "openssl: \(made.err)")
        return (kho, cert, key)
    }

    @Test func withACertificateItServesHTTPSOnlyAndTheSessionCookieIsSecure() throws {
        let (kho, cert, key) = try Self.catalogueWithCertificate()
        let out = kho.dir.appendingPathComponent("serve.out")
        let err = kho.dir.appendingPathComponent("serve.err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let server = kho.process(["serve", "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key])
        server.standardOutput = try FileHandle(forWritingTo: out)
        server.standardError = try FileHandle(forWritingTo: err)
        try server.run()
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
        }
        // The server says where it serves once it listens (port 0: the system chose one).
        var address = ""
        _ = waitFor(seconds: 60) {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            guard let start = text.range(of: "https://127.0.0.1:") else { return !server.isRunning }
            address = String(text[start.lowerBound...].split(separator: " ")[0])
            return true
        }
        let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        try #require(address.hasPrefix("https://127.0.0.1:"), "no address; standard error: \(errors)")
        #expect(!errors.contains("CẢNH BÁO"), "no warning on loopback: \(errors)")

        // A login over HTTPS, the certificate checked against the one made above: the cookie is Secure.
        let login = tool(
            "curl", "--silent", "--show-error", "--max-time", "20", "--cacert", cert, "--dump-header", "-",
            "--output", "/dev/null", "--data", "user=thu&password=\(Self.password)", address + "login")
        #expect(login.code == 0, "curl: \(login.err)")
        let cookie = login.out.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: kho_session=") }
        try #require(cookie != nil, "no session cookie in \(login.out)")
        let flags = cookie.map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        #expect(flags.contains("Secure"), "\(flags)")
        #expect(flags.contains("HttpOnly"), "\(flags)")
        #expect(flags.contains("SameSite=Strict"), "\(flags)")
        #expect(login.out.hasPrefix("HTTP/1.1 303"), "\(login.out)")

        // The same port does not speak plain HTTP.
        let plain = tool(
            "curl", "--silent", "--max-time", "10", "--output", "/dev/null", "--write-out", "%{http_code}",
            address.replacingOccurrences(of: "https://", with: "http://") + "login")
        #expect(plain.out != "200", "plain HTTP answered: \(plain.out)")
    }

    @Test(arguments: [false, true])
    func listeningBeyondThisComputerWithoutTLSWarns(tls: Bool) throws {
        let (kho, cert, key) = try Self.catalogueWithCertificate()
        // 192.0.2.1 (TEST-NET-1) belongs to no computer: the warning comes before listening, which then fails,
        // so nothing ever listens beyond loopback in this test.
        let result = try runLimited(
            kho, ["serve", "--listen", "192.0.2.1:0"] + (tls ? ["--tls-cert", cert, "--tls-key", key] : []),
            seconds: 30)
        let warning = "CẢNH BÁO: nghe trên 192.0.2.1 không có TLS"
        if tls {
            #expect(!result.err.contains("CẢNH BÁO"), "with TLS: \(result.err)")
        } else {
            #expect(result.err.contains(warning), "\(result.err)")
            #expect(result.err.contains("--tls-cert và --tls-key"))
        }
        #expect(result.code != 0, "192.0.2.1 cannot be listened on here: \(result.code) \(result.err)")
    }
}

/// Runs a tool found on PATH and returns its exit status and output.
private func tool(_ args: String...) -> (code: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = args
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return (-1, "", "\(error)") }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}
