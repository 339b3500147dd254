import Foundation
import KhoEstimation
import KhoLocale

/// Why a staff plan as typed (`arrangement=3,scanning=2`) cannot be read.
public enum StaffPlanError: KhoError, Equatable {
    case shape(String)
    case count(String)
    case part(String)

    public var text: Text {
        switch self {
        case .shape(let t):
            Text(
                vi: "--staff «\(Visible.escaped(t))»: viết arrangement=3,scanning=2",
                en: "--staff “\(Visible.escaped(t))”: write arrangement=3,scanning=2")
        case .count(let t):
            Text(
                vi:
                    "--staff «\(Visible.escaped(t))»: số người phải từ 1 đến 10.000 (muốn bỏ một phần việc thì dùng --scope hoặc --fonds)",
                en:
                    "--staff “\(Visible.escaped(t))”: the number of people must be 1 to 10,000 (to leave a part out, use --scope or --fonds)"
            )
        case .part(let t):
            Text(
                vi: "--staff: «\(Visible.escaped(t))» không phải arrangement hay scanning",
                en: "--staff: “\(Visible.escaped(t))” is neither arrangement nor scanning")
        }
    }
}

extension StaffPlan {
    /// Reads a plan as typed: `arrangement=3,scanning=2` (also `chỉnh lý=3`, `số hóa=2`); each count 1…10,000.
    public init(parsing text: String) throws {
        self.init()
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let n = Int(kv[1]) else { throw StaffPlanError.shape(text) }
            guard n >= 1, n <= 10_000 else { throw StaffPlanError.count(String(part)) }
            switch SearchFold.fold(kv[0]).replacingOccurrences(of: " ", with: "") {
            case "arrangement", "chinhly", "sort": arrangement = n
            case "scanning", "sohoa", "scan": scanning = n
            default: throw StaffPlanError.part(kv[0])
            }
        }
    }
}
