import Foundation

/// One thing `kho check` found wrong, naming the box, file, master or event.
public struct CheckProblem: Codable, Sendable, Hashable {
    /// A stable key for scripts, e.g. `integrity`, `foreign_key`, `box_state`, `file_state`, `metres`, `master_missing`,
    /// `finish_before_start`, `event_supersedes`, `file_no_masters`.
    public var code: String
    /// What it is about: `box H0012`, `file H0012/03`, `event 42`, a master's path, or `database`.
    public var subject: String
    public var text: Text

    enum CodingKeys: String, CodingKey { case code, subject, message }

    public init(code: String, subject: String, text: Text) {
        self.code = code
        self.subject = subject
        self.text = text
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(subject, forKey: .subject)
        try container.encode(text(KhoJSON.lang(of: encoder)), forKey: .message)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        subject = try container.decode(String.self, forKey: .subject)
        let message = try container.decode(String.self, forKey: .message)
        text = Text(vi: message, en: message)
    }
}

/// What `kho check` looked at, and what it found.
public struct CheckReport: Codable, Sendable, Hashable {
    public var boxes = 0
    public var files = 0
    public var events = 0
    public var masters = 0
    /// Masters the catalogue marks as gone from disk (a problem here until a person accepts the loss).
    public var mastersMarkedMissing = 0
    public var problems: [CheckProblem] = []
    /// Things worth knowing that are not faults (e.g. digitized files whose sheets are not counted).
    public var notices: [CheckProblem] = []
    public var seconds = 0.0

    /// Whether nothing is wrong.
    public var clean: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case boxes, files, events, masters, problems, notices, seconds, clean
        case mastersMarkedMissing = "masters_marked_missing"
    }

    public init() {}

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clean, forKey: .clean)
        try c.encode(boxes, forKey: .boxes)
        try c.encode(files, forKey: .files)
        try c.encode(events, forKey: .events)
        try c.encode(masters, forKey: .masters)
        try c.encode(mastersMarkedMissing, forKey: .mastersMarkedMissing)
        try c.encode(problems, forKey: .problems)
        try c.encode(notices, forKey: .notices)
        try c.encode(seconds, forKey: .seconds)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        boxes = try c.decode(Int.self, forKey: .boxes)
        files = try c.decode(Int.self, forKey: .files)
        events = try c.decode(Int.self, forKey: .events)
        masters = try c.decode(Int.self, forKey: .masters)
        mastersMarkedMissing = try c.decode(Int.self, forKey: .mastersMarkedMissing)
        problems = try c.decode([CheckProblem].self, forKey: .problems)
        notices = try c.decodeIfPresent([CheckProblem].self, forKey: .notices) ?? []
        seconds = try c.decode(Double.self, forKey: .seconds)
    }
}
