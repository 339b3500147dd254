import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who did a piece of work, who recorded it, and when each happened.
public struct Attribution: Sendable, Hashable {
    /// The person who did the work.
    public var actor: String
    /// The OS user and host that recorded it, e.g. `thu@kho-pc`.
    public var recorder: String
    /// When the work happened (now, or back-filled with `--at`).
    public var happenedAt: Date
    /// When it was recorded.
    public var recordedAt: Date
    /// Work done before kho (an opening balance): counts in status, never in throughput.
    public var opening: Bool

    public init(actor: String, recorder: String, happenedAt: Date, recordedAt: Date, opening: Bool = false) {
        self.actor = actor
        self.recorder = recorder
        self.happenedAt = happenedAt
        self.recordedAt = recordedAt
        self.opening = opening
    }

    /// Builds an attribution from what a person typed: `--by` (else `KHO_OPERATOR`), `--at`, `--opening`.
    ///
    /// Refuses a missing person, a date that cannot be read, and a date in the future.
    public static func resolve(
        by: String?, at: String?, opening: Bool, now: Date = Date(),
        env: [String: String] = ProcessInfo.processInfo.environment, time: LocalTime = .fromEnvironment()
    ) throws -> Attribution {
        let actor = (by ?? env["KHO_OPERATOR"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actor.isEmpty else { throw AttributionError.noActor }
        var happened = now
        if let at {
            guard let date = time.parse(at) else { throw AttributionError.badDate(at) }
            // A bare date means noon; today's date is allowed even before noon.
            let isBareDate = !at.contains("T") && !at.contains(" ")
            if isBareDate && time.day(of: date) == time.day(of: now) {
                happened = min(date, now)
            } else {
                guard date <= now.addingTimeInterval(300) else { throw AttributionError.future(at) }
                happened = date
            }
        }
        return Attribution(
            actor: actor.precomposedStringWithCanonicalMapping, recorder: recorderName(env: env),
            happenedAt: happened, recordedAt: now, opening: opening)
    }

    /// `user@host` of the OS account running kho.
    static func recorderName(env: [String: String]) -> String {
        var user = env["USER"] ?? env["LOGNAME"] ?? ""
        if user.isEmpty, let pw = getpwuid(getuid()), let name = pw.pointee.pw_name {
            user = String(cString: name)
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        let host =
            gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix(while: { $0 != 0 }), as: UTF8.self) : "?"
        return "\(user.isEmpty ? "?" : user)@\(host)"
    }
}

/// The bound a date of recorded work fell before (``WorkDates``).
public enum WorkDateBound: Sendable, Equatable {
    /// The box was registered at this local time (`YYYY-MM-DD HH:MM`), by this event.
    case boxRegistered(box: String, at: String)
    /// The box's records start in this year.
    case boxYears(box: String, year: Int)
    /// The fonds' records start in this year (the earliest first year of its boxes).
    case fondsYears(fonds: String, year: Int)
    /// The earliest year kho accepts.
    case earliest(year: Int)
}

/// What can be wrong with who or when.
public enum AttributionError: KhoError, Equatable {
    case noActor
    case badDate(String)
    case future(String)
    /// Work dated before a bound of ``WorkDates``: the day given, the bound, and the earliest `--at` accepted.
    case beforeBound(at: String, bound: WorkDateBound, earliest: String)

    public var text: Text {
        switch self {
        case .noActor:
            Text(
                vi:
                    "không rõ ai làm việc này: hãy thêm --by TÊN (ví dụ --by \"Nguyễn Thị Thu\") hoặc đặt biến KHO_OPERATOR",
                en: "who did this? add --by NAME (e.g. --by \"Nguyen Thi Thu\") or set KHO_OPERATOR")
        case .badDate(let text):
            Text(
                vi: "ngày «\(text)» không đọc được: viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ 2026-03-15T08:30",
                en: "cannot read date “\(text)”: write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-03-15T08:30")
        case .future(let text):
            Text(
                vi: "ngày \(text) ở tương lai: chỉ ghi bù việc đã làm (--at là lúc việc đã xảy ra)",
                en: "date \(text) is in the future: --at back-fills work already done")
        case .beforeBound(let at, let bound, let earliest):
            Text(
                vi:
                    "ngày \(at) sớm hơn \(Self.words(bound).vi): hãy cho --at từ \(earliest) trở về sau, hoặc nếu là việc làm trước khi có kho (số dư đầu kỳ) thì thêm --opening",
                en:
                    "date \(at) is before \(Self.words(bound).en): give an --at of \(earliest) or later, or if it is work done before kho (an opening balance) add --opening"
            )
        }
    }
}

extension AttributionError {
    /// A bound of ``WorkDates`` in words.
    static func words(_ bound: WorkDateBound) -> Text {
        switch bound {
        case .boxRegistered(let box, let at):
            Text(
                vi: "lúc hộp \(box) được đăng ký (\(DateFormat.dateTime(at, lang: .vi)))",
                en: "box \(box)'s registration (\(at))")
        case .boxYears(let box, let year):
            Text(
                vi: "năm đầu của tài liệu trong hộp \(box) (\(year))",
                en: "the first year of box \(box)'s records (\(year))")
        case .fondsYears(let fonds, let year):
            Text(
                vi: "năm đầu của tài liệu phông \(fonds) (\(year))",
                en: "the first year of fonds \(fonds)'s records (\(year))")
        case .earliest(let year):
            Text(vi: "năm \(year), mốc sớm nhất kho nhận", en: "\(year), the earliest year kho accepts")
        }
    }
}
