import Foundation
import GRDB
import KhoEstimation

/// An estimate kept with its inputs, seed and the kho version that made it, so it can be shown again exactly.
public struct SavedEstimate: Codable, Sendable {
    public var name: String
    public var actor: String
    public var createdAt: String
    public var version: String
    public var inputs: EstimateInputs
    public var result: EstimateResult

    enum CodingKeys: String, CodingKey {
        case name, actor, version, inputs, result
        case createdAt = "created_at"
    }
}

/// What can go wrong saving or showing an estimate.
public enum EstimateError: KhoError, Equatable {
    case nameTaken(String)
    case unknown(String)
    case emptyName
    case pastDeadline(until: String, today: String)

    public var text: Text {
        switch self {
        case .pastDeadline(let until, let today):
            Text(
                vi: "--until «\(until)» không sau hôm nay (\(today)): hãy cho một hạn sau hôm nay",
                en: "--until “\(until)” is not after today (\(today)): give a deadline after today")
        case .nameTaken(let name):
            Text(
                vi: "đã có dự toán lưu tên «\(name)»; dự toán đã gửi đi không bị ghi đè, hãy chọn tên khác",
                en:
                    "an estimate named “\(name)” is already saved; a sent estimate is never overwritten, choose another name"
            )
        case .unknown(let name):
            Text(
                vi: "không có dự toán lưu tên «\(name)»; xem danh sách bằng `kho estimate list`",
                en: "there is no saved estimate “\(name)”; list them with `kho estimate list`")
        case .emptyName:
            Text(vi: "tên dự toán không được để trống", en: "the estimate's name must not be empty")
        }
    }
}

/// The version of kho written into saved estimates.
public let khoVersion = "0.2.0"

extension KhoStore {
    /// Saves an estimate under `name` (never overwriting one), with an attributed event.
    public func saveEstimate(name: String, inputs: EstimateInputs, result: EstimateResult, by who: Attribution) throws {
        let name = Clean.text(name)
        guard !name.isEmpty else { throw EstimateError.emptyName }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let inputsJSON = String(decoding: try encoder.encode(inputs), as: UTF8.self)
        let resultJSON = String(decoding: try encoder.encode(result), as: UTF8.self)
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM saved_estimate WHERE name = ?", arguments: [name]) != nil {
                throw EstimateError.nameTaken(name)
            }
            try db.execute(
                sql: """
                    INSERT INTO saved_estimate (name, actor, recorder, created_at, version, inputs, result) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, who.actor, who.recorder, Int64(who.recordedAt.timeIntervalSince1970), khoVersion, inputsJSON,
                    resultJSON,
                ])
            var event = Event(
                kind: .setting, attribution: who, time: time, detail: EventDetail(after: ["saved_estimate": name]))
            try event.append(db)
        }
    }

    /// The estimate saved as `name`.
    public func savedEstimate(_ name: String) throws -> SavedEstimate {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM saved_estimate WHERE name = ?", arguments: [Clean.text(name)])
            else {
                throw EstimateError.unknown(name)
            }
            return try Self.decodeSaved(row, time: time)
        }
    }

    /// All saved estimates, oldest first.
    public func savedEstimates() throws -> [SavedEstimate] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM saved_estimate ORDER BY id").map {
                try Self.decodeSaved($0, time: time)
            }
        }
    }

    private static func decodeSaved(_ row: Row, time: LocalTime) throws -> SavedEstimate {
        let decoder = JSONDecoder()
        return SavedEstimate(
            name: row["name"], actor: row["actor"],
            createdAt: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64))),
            version: row["version"],
            inputs: try decoder.decode(EstimateInputs.self, from: Data((row["inputs"] as String).utf8)),
            result: try decoder.decode(EstimateResult.self, from: Data((row["result"] as String).utf8)))
    }
}
