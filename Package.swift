// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kho",
    // Linux only (Debian): kho uses Glibc, Linux's statfs and open-file-description locks (CKhoSystem); it
    // claims no other platform.
    products: [
        .executable(name: "kho", targets: ["kho"]),
        .library(name: "KhoKit", targets: ["KhoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The web server of `kho serve` (HTTP/1.1, TLS through swift-nio-ssl) and bcrypt for the users' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        // NIOCore's SocketAddress and Channel (the client's address); the version Hummingbird resolves.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // The certificate and key of `kho serve --tls-cert/--tls-key` (the TLS Hummingbird itself uses).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        // HTTP field names and statuses of the requests and responses (the types Hummingbird uses).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libtiff from the system (Debian: libtiff-dev), wrapped in static inline shims.
        .systemLibrary(
            name: "CLibTIFF",
            pkgConfig: "libtiff-4",
            providers: [.apt(["libtiff-dev"])]
        ),
        // System calls Swift's Glibc does not import (statfs, statvfs, OFD locks), in static inline C wrappers.
        .systemLibrary(name: "CKhoSystem"),
        // The concurrency helpers of kho: a parallel map on all cores, a two-thread pipeline (Dispatch and threads,
        // outside Swift's cooperative pool: the work blocks on files and SQLite).
        .target(name: "KhoConcurrency"),
        // Reads TIFF masters' headers, checks them against quality profiles, hashes them.
        .target(
            name: "KhoTIFF",
            dependencies: [
                "KhoLocale",
                "KhoConcurrency",
                "CLibTIFF",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Lang and Text: user-facing text in Vietnamese and English, shared by every module.
        .target(name: "KhoLocale"),
        // Renders reports and exports (HTML with inline SVG, CSV) from plain values and the estimate's own types: no I/O,
        // no database.
        .target(name: "KhoReport", dependencies: ["KhoLocale", "KhoEstimation"]),
        // Pure estimation maths: no I/O, no clock.
        .target(name: "KhoEstimation", dependencies: ["KhoLocale"]),
        // The library: catalogue, events, scanning, estimation, reports, store.
        .target(
            name: "KhoKit",
            dependencies: [
                "KhoLocale",
                "KhoConcurrency",
                "KhoTIFF",
                "KhoEstimation",
                "KhoReport",
                "CKhoSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the bulk insert of an import (GRDB's own system library, not another package).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // SHA-256 of what a copy sync reads while it writes it.
                .product(name: "Crypto", package: "swift-crypto"),
                // bcrypt for the users' passwords (hummingbird-auth's C bcrypt, no server code).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The web layer of `kho serve`: routes, pages, sessions; calls the same KhoKit functions as the CLI.
        .target(
            name: "KhoWeb",
            dependencies: [
                "KhoKit",
                "KhoLocale",
                "KhoReport",
                "KhoEstimation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The thin executable: one file per command, parsing and printing only.
        .executableTarget(
            name: "kho",
            dependencies: [
                "KhoKit",
                "KhoTIFF",
                "KhoEstimation",
                "KhoReport",
                "KhoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes TIFF fixtures with libtiff for the tests; not part of kho.
        .target(
            name: "KhoTestSupport", dependencies: ["CLibTIFF", .product(name: "GRDB", package: "GRDB.swift")]),
        // The tests' shared tags (`.slow`, `.endToEnd`), defined once; not part of kho.
        .target(name: "KhoTestTags"),
        .testTarget(name: "KhoTIFFTests", dependencies: ["KhoTIFF", "KhoTestSupport", "KhoTestTags"]),
        .testTarget(name: "KhoEstimationTests", dependencies: ["KhoEstimation", "KhoTestTags"]),
        .testTarget(name: "KhoReportTests", dependencies: ["KhoReport", "KhoEstimation", "KhoTestTags"]),
        .testTarget(
            name: "KhoKitTests", dependencies: ["KhoKit", "KhoConcurrency", "KhoTestSupport", "KhoTestTags"]),
        .testTarget(
            name: "KhoWebTests",
            dependencies: [
                "KhoWeb", "KhoKit", "KhoTestSupport", "KhoTestTags",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "khoTests",
            dependencies: [
                "kho", "KhoKit", "KhoTestSupport", "KhoTestTags",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ]
)
