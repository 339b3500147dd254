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
        try writing { tx in
            if try tx.estimate.savedEstimateExists(name) { throw EstimateError.nameTaken(name) }
            try tx.estimate.insertSavedEstimate(
                name: name, by: who, version: khoVersion, inputs: inputsJSON, result: resultJSON)
            var event = Event(
                kind: .setting, attribution: who, time: time, detail: EventDetail(after: ["saved_estimate": name]))
            try tx.events.append(&event)
        }
    }

    /// The estimate saved as `name`.
    public func savedEstimate(_ name: String) throws -> SavedEstimate {
        guard
            let saved = try reading({ tx in try tx.estimate.savedEstimates(named: Clean.text(name), time: time) }).first
        else { throw EstimateError.unknown(name) }
        return saved
    }

    /// All saved estimates, oldest first.
    public func savedEstimates() throws -> [SavedEstimate] {
        try reading { tx in try tx.estimate.savedEstimates(time: time) }
    }
}
