import ArgumentParser
import Foundation
import KhoKit
import KhoWeb
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Text(
            vi: "Phục vụ kho qua trình duyệt cho cả cơ quan (mạng LAN), mỗi người đăng nhập với vai trò của mình.",
            en: "Serve kho to the whole office in a browser (LAN), each person logged in with a role.")(),
        discussion: Text(
            vi: """
                Mặc định chỉ nghe trên máy này (127.0.0.1:8080). Để máy khác trong mạng LAN dùng: --listen 0.0.0.0:8443 với
                --tls-cert và --tls-key (HTTPS). Không có TLS thì mật khẩu đi trên mạng không mã hóa: kho cảnh báo.
                Người dùng: kho user add. Ví dụ: kho serve --listen 0.0.0.0:8443 --tls-cert kho.crt --tls-key kho.key
                """,
            en: """
                By default it listens on this computer only (127.0.0.1:8080). For the other PCs of the LAN: --listen 0.0.0.0:8443 with
                --tls-cert and --tls-key (HTTPS). Without TLS passwords cross the network unencrypted: kho warns.
                Users: kho user add. Example: kho serve --listen 0.0.0.0:8443 --tls-cert kho.crt --tls-key kho.key
                """)())
    @Option(
        help: ArgumentHelp(
            Text(vi: "Địa chỉ và cổng nghe.", en: "Address and port to listen on.")(), valueName: Placeholder.hostPort()
        ))
    var listen = "127.0.0.1:8080"
    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp(
            Text(vi: "Chứng chỉ TLS (PEM).", en: "TLS certificate (PEM).")(), valueName: Placeholder.file()))
    var tlsCert: String?
    @Option(
        name: .customLong("tls-key"),
        help: ArgumentHelp(
            Text(vi: "Khóa riêng TLS (PEM).", en: "TLS private key (PEM).")(), valueName: Placeholder.file()))
    var tlsKey: String?
    @Option(
        help: ArgumentHelp(
            Text(vi: "Thư mục bản quét (mặc định scans).", en: "The scans folder (default scans).")(),
            valueName: Placeholder.directory())
    )
    var scans = "scans"
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard WebServer.Listen(parsing: listen) != nil else {
            throw ValidationError(
                Text(
                    vi: "--listen cần dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080, không phải «\(listen)»",
                    en: "--listen takes HOST:PORT, e.g. 127.0.0.1:8080, not “\(listen)”")())
        }
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError(
                Text(
                    vi: "--tls-cert và --tls-key phải đi cùng nhau", en: "--tls-cert and --tls-key go together")())
        }
    }

    func run() throws {
        guard var address = WebServer.Listen(parsing: listen) else { throw ExitCode.failure }
        address.certificate = tlsCert
        address.key = tlsKey
        // Requests read side by side (a pool of connections); the CLI keeps writing beside the server.
        let store = try KhoStore.open(path: global.path, forWriting: true, create: false, concurrentReads: true)
        if try store.users().filter({ !$0.disabled }).isEmpty {
            Printer.error(
                Text(
                    vi: "Chưa có người dùng nào: thêm bằng kho user add TÊN --full-name \"…\" --role archivist --by …",
                    en:
                        "There are no users yet: add one with kho user add NAME --full-name \"…\" --role archivist --by …"
                )())
        }
        if let warning = address.warning { Printer.error(warning()) }
        let services = WebServices(
            store: store,
            settings: WebSettings(catalogue: global.path, scansRoot: scans, secureCookies: tlsCert != nil))
        let scheme = tlsCert == nil ? "http" : "https"
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        let listen = address
        Task {
            do {
                try await WebServer.run(services, listen: listen) { port in
                    // Written at once (not through stdout's buffer): a script waits for this line.
                    let line = Text(
                        vi: "kho serve: đang phục vụ tại \(scheme)://\(listen.host):\(port)/ (Ctrl-C để dừng)",
                        en: "kho serve: serving at \(scheme)://\(listen.host):\(port)/ (Ctrl-C to stop)")()
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                failure.error.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error.withLock({ $0 }) { throw error }
    }
}

/// Why the server stopped, handed from its task to the command.
private final class ServeFailure: Sendable {
    let error = Mutex<(any Error)?>(nil)
}
