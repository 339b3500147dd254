import Foundation

/// A small catalogue whose every event has a fixed `--at` time, so estimates and status read the same on any day.
///
/// Fonds UBND-SK1 with four 0,5 m bundles B1–B4; box H1 made from B1 with three 40-sheet files; B1 and B2 arranged in
/// January 2025 by Minh, H1/01 and H1/02 recorded by Hoa.
enum FixedCatalogue {
    /// The environment every command of these tests runs with: Vietnamese, Hà Tĩnh's time zone, no rates file.
    static let env = [
        "KHO_LANG": "vi", "KHO_TZ": "Asia/Ho_Chi_Minh", "KHO_RATES": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    ]

    /// The day the estimates are made as of, and their bootstrap.
    static let estimateArgs = ["--as-of", "2025-01-31", "--seed", "7", "--resamples", "200"]

    static func make() throws -> Kho {
        let kho = Kho()
        var steps: [[String]] = [
            [
                "fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Nguyễn Thị Thu", "--at",
                "2025-01-02T08:00",
            ]
        ]
        for box in 1...4 {
            steps.append([
                "box", "add", "B\(box)", "--fonds", "UBND-SK1", "--extent", "0,5", "--location", "A-\(box)", "--by",
                "Thu", "--at", "2025-01-02T08:00",
            ])
        }
        steps.append([
            "box", "add", "H1", "--fonds", "UBND-SK1", "--from", "B1", "--by", "Thu", "--at", "2025-01-06T08:00",
        ])
        for file in ["01", "02", "03"] {
            steps.append([
                "file", "add", "H1/\(file)", "--title", "Hồ sơ đất đai thôn \(file)", "--sheets", "40", "--retention",
                "permanent",
                "--by", "Thu", "--at", "2025-01-06T09:00",
            ])
        }
        steps += [
            ["sort", "start", "B1", "--by", "Thu", "--at", "2025-01-06T08:00"],
            ["sort", "finish", "B1", "--kept", "0,4", "--by", "Trần Văn Minh", "--at", "2025-01-08T16:00"],
            ["sort", "start", "B2", "--by", "Thu", "--at", "2025-01-13T08:00"],
            ["sort", "finish", "B2", "--kept", "0,45", "--by", "Trần Văn Minh", "--at", "2025-01-17T16:00"],
            ["scan", "record", "H1/01", "--pages", "80", "--by", "Lê Thị Hoa", "--at", "2025-01-09T10:00"],
            ["scan", "record", "H1/02", "--pages", "76", "--by", "Lê Thị Hoa", "--at", "2025-01-20T10:00"],
        ]
        for step in steps {
            let result = try kho.run(step, env: env)
            guard result.code == 0 else { throw FixedCatalogueError(step: step, message: result.err) }
        }
        return kho
    }
}

struct FixedCatalogueError: Error, CustomStringConvertible {
    var step: [String]
    var message: String
    var description: String { "kho \(step.joined(separator: " ")) failed: \(message)" }
}
