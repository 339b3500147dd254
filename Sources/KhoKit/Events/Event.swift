import Foundation
import GRDB

/// The kinds of events in the log.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case fondsAdd = "fonds.add"
    case boxAdd = "box.add"
    case boxEdit = "box.edit"
    case boxMove = "box.move"
    case fileAdd = "file.add"
    case fileEdit = "file.edit"
    case fileMove = "file.move"
    case importBoxes = "import.boxes"
    case importFiles = "import.files"
    case sortStart = "sort.start"
    case sortFinish = "sort.finish"
    case scanRecord = "scan.record"
    case scanIngest = "scan.ingest"
    case scanVerify = "scan.verify"
    case scanConfirm = "scan.confirm"
    case scanAccept = "scan.accept"
    case pdfNumber = "pdf.number"
    case pdfBuild = "pdf.build"
    case pdfVerify = "pdf.verify"
    case docAdd = "doc.add"
    case docEdit = "doc.edit"
    case docMove = "doc.move"
    case importDocs = "import.docs"
    case locationMark = "location.mark"
    case custodyOut = "custody.out"
    case custodyIn = "custody.in"
    case fondsRename = "fonds.rename"
    case fondsDelete = "fonds.delete"
    case boxRename = "box.rename"
    case boxDelete = "box.delete"
    case fileRename = "file.rename"
    case fileDelete = "file.delete"
    case weedAdd = "weed.add"
    case importWeed = "import.weed"
    case weedApprove = "weed.approve"
    case weedDestroy = "weed.destroy"
    case copiesAdd = "copies.add"
    case copiesEdit = "copies.edit"
    case copiesRemove = "copies.remove"
    case copiesSync = "copies.sync"
    case copiesVerify = "copies.verify"
    case copiesRepair = "copies.repair"
    case setting = "setting"
    case undo = "undo"
    case userAdd = "user.add"
    case userEdit = "user.edit"
    case userLock = "user.lock"

    /// What the event means, for people.
    public var label: Text {
        switch self {
        case .fondsAdd: Text(vi: "thêm phông", en: "fonds added")
        case .boxAdd: Text(vi: "thêm hộp", en: "box added")
        case .boxEdit: Text(vi: "sửa hộp", en: "box edited")
        case .boxMove: Text(vi: "chuyển vị trí hộp", en: "box moved")
        case .fileAdd: Text(vi: "thêm hồ sơ", en: "file added")
        case .fileEdit: Text(vi: "sửa hồ sơ", en: "file edited")
        case .fileMove: Text(vi: "chuyển hồ sơ sang hộp khác", en: "file moved")
        case .importBoxes: Text(vi: "nhập danh sách hộp", en: "boxes imported")
        case .importFiles: Text(vi: "nhập danh sách hồ sơ", en: "files imported")
        case .sortStart: Text(vi: "bắt đầu chỉnh lý", en: "arrangement started")
        case .sortFinish: Text(vi: "hoàn thành chỉnh lý", en: "arrangement finished")
        case .scanRecord: Text(vi: "ghi nhận đã số hóa", en: "scanning recorded")
        case .scanIngest: Text(vi: "nạp bản quét", en: "masters ingested")
        case .scanVerify: Text(vi: "kiểm tra toàn vẹn", en: "fixity verified")
        case .scanConfirm: Text(vi: "xác nhận số trang", en: "page count confirmed")
        case .scanAccept: Text(vi: "chấp nhận nội dung mới của bản quét", en: "new master content accepted")
        case .pdfNumber: Text(vi: "đánh số hồ sơ trong phông", en: "files numbered in their fonds")
        case .pdfBuild: Text(vi: "làm bản PDF/A", en: "PDF/A copy built")
        case .pdfVerify: Text(vi: "kiểm tra bản PDF/A", en: "PDF/A copies verified")
        case .docAdd: Text(vi: "thêm văn bản", en: "document added")
        case .docEdit: Text(vi: "sửa văn bản", en: "document edited")
        case .docMove: Text(vi: "chuyển văn bản", en: "document moved")
        case .importDocs: Text(vi: "nhập danh sách văn bản", en: "documents imported")
        case .locationMark: Text(vi: "đánh dấu nguy cơ tại vị trí", en: "location risk marked")
        case .custodyOut: Text(vi: "giao tài liệu ra khỏi kho", en: "taken out of the store")
        case .custodyIn: Text(vi: "nhận tài liệu về kho", en: "returned to the store")
        case .fondsRename: Text(vi: "đổi mã phông", en: "fonds renamed")
        case .fondsDelete: Text(vi: "xóa phông đăng ký nhầm", en: "fonds deleted (registered by mistake)")
        case .boxRename: Text(vi: "đổi mã hộp", en: "box renamed")
        case .boxDelete: Text(vi: "xóa hộp đăng ký nhầm", en: "box deleted (registered by mistake)")
        case .fileRename: Text(vi: "đổi số hồ sơ", en: "file renamed")
        case .fileDelete: Text(vi: "xóa hồ sơ đăng ký nhầm", en: "file deleted (registered by mistake)")
        case .weedAdd: Text(vi: "đề nghị hủy tài liệu hết giá trị", en: "records proposed for destruction")
        case .importWeed: Text(vi: "nhập danh mục tài liệu hết giá trị", en: "destruction list imported")
        case .weedApprove: Text(vi: "Hội đồng duyệt hủy tài liệu", en: "destruction approved by the council")
        case .weedDestroy: Text(vi: "đã hủy tài liệu hết giá trị", en: "records destroyed")
        case .copiesAdd: Text(vi: "đăng ký nơi giữ bản lưu", en: "copy registered")
        case .copiesEdit: Text(vi: "sửa nơi cất bản lưu", en: "copy's place changed")
        case .copiesRemove: Text(vi: "bỏ đăng ký nơi giữ bản lưu", en: "copy removed")
        case .copiesSync: Text(vi: "chép bản lưu đã kiểm tra", en: "copies synced")
        case .copiesVerify: Text(vi: "kiểm tra toàn vẹn các bản lưu", en: "copies audited")
        case .copiesRepair: Text(vi: "sửa bản lưu từ bản tốt", en: "copy repaired from a good copy")
        case .setting: Text(vi: "đổi thiết lập", en: "setting changed")
        case .undo: Text(vi: "hoàn tác", en: "undo")
        case .userAdd: Text(vi: "thêm người dùng", en: "user added")
        case .userEdit: Text(vi: "sửa người dùng", en: "user changed")
        case .userLock: Text(vi: "khóa tài khoản (sai mật khẩu)", en: "account locked (wrong passwords)")
        }
    }
}

/// One attributed, append-only entry of the event log.
public struct Event: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var uid: String
    public var kind: EventKind
    public var actor: String
    public var recorder: String
    public var happenedAt: Int64
    public var happenedDay: String
    public var recordedAt: Int64
    public var opening: Bool
    public var fondsId: Int64?
    public var boxId: Int64?
    public var fileId: Int64?
    public var metresMM: Int64?
    public var keptMM: Int64?
    public var sheets: Int?
    public var pages: Int?
    public var bytes: Int64?
    public var undoes: Int64?
    public var supersedes: Int64?
    public var detail: String

    public static let databaseTableName = "event"

    enum CodingKeys: String, CodingKey {
        case id, uid, kind, actor, recorder, opening, sheets, pages, bytes, undoes, supersedes, detail
        case happenedAt = "happened_at"
        case happenedDay = "happened_day"
        case recordedAt = "recorded_at"
        case fondsId = "fonds_id"
        case boxId = "box_id"
        case fileId = "file_id"
        case metresMM = "metres_mm"
        case keptMM = "kept_mm"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A new event of `kind` attributed as `attribution`; targets and quantities are set by the caller.
    init(kind: EventKind, attribution: Attribution, time: LocalTime, detail: EventDetail = EventDetail()) {
        self.id = nil
        self.uid = ULID.make(at: attribution.recordedAt)
        self.kind = kind
        self.actor = attribution.actor
        self.recorder = attribution.recorder
        self.happenedAt = Int64(attribution.happenedAt.timeIntervalSince1970.rounded(.down))
        self.happenedDay = time.day(of: attribution.happenedAt)
        self.recordedAt = Int64(attribution.recordedAt.timeIntervalSince1970.rounded(.down))
        self.opening = attribution.opening
        self.detail = detail.json
    }

    /// The detail, decoded.
    public var decodedDetail: EventDetail { EventDetail(json: detail) }
}

/// What an event changed: values before and after, and free notes (stored as JSON).
public struct EventDetail: Codable, Sendable, Hashable {
    public var before: [String: String?]?
    public var after: [String: String?]?
    public var source: String?
    public var count: Int?
    public var note: String?

    public init(
        before: [String: String?]? = nil, after: [String: String?]? = nil, source: String? = nil, count: Int? = nil,
        note: String? = nil
    ) {
        self.before = before
        self.after = after
        self.source = source
        self.count = count
        self.note = note
    }

    /// The detail stored as `json`; a detail that does not decode reads as empty.
    ///
    /// Only for showing and counting, where an empty detail is harmless and `kho check` reports the broken one
    /// (code `event_detail`). Where correctness depends on the detail (what to undo back to), use
    /// ``init(decoding:)``, which says what is wrong instead.
    init(json: String) {
        self = json == "{}" ? EventDetail() : (try? EventDetail(decoding: json)) ?? EventDetail()
    }

    /// The detail stored as `json`, or ``EventDetailError/undecodable(reason:)`` saying why it is not one.
    init(decoding json: String) throws {
        do {
            self = try JSONDecoder().decode(EventDetail.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw EventDetailError.undecodable(reason: Self.reason(error))
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: "not JSON"
        case .keyNotFound(let key, _): "no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        @unknown default: "does not decode"
        }
    }

    /// The detail as JSON with sorted keys, written by hand (`JSONDecoder` reads it back; `JSONEncoder` is slow).
    var json: String {
        func object(_ values: [String: String?]) -> String {
            "{"
                + values.keys.sorted().map { key in
                    JSONText.quoted(key) + ":" + ((values[key] ?? nil).map(JSONText.quoted) ?? "null")
                }.joined(separator: ",") + "}"
        }
        var fields: [String] = []
        if let after { fields.append("\"after\":" + object(after)) }
        if let before { fields.append("\"before\":" + object(before)) }
        if let count { fields.append("\"count\":\(count)") }
        if let note { fields.append("\"note\":" + JSONText.quoted(note)) }
        if let source { fields.append("\"source\":" + JSONText.quoted(source)) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// Why a stored event detail cannot be read.
public enum EventDetailError: KhoError, Equatable {
    /// The detail is not the JSON kho writes; `reason` is technical (`not JSON`, `after.x has the wrong type`).
    case undecodable(reason: String)

    public var text: Text {
        switch self {
        case .undecodable(let reason):
            Text(vi: "chi tiết sự kiện không đọc được (\(reason))", en: "the event's detail cannot be read (\(reason))")
        }
    }
}

/// Lexicographically sortable unique ids (ULID), so that events from several machines can be merged.
enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(at date: Date) -> String {
        var rng = SystemRandomNumberGenerator()
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var out = [Character](repeating: "0", count: 26)
        var time = millis
        for i in stride(from: 9, through: 0, by: -1) {
            out[i] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits from two draws (each draw is a system call).
        var high = rng.next()
        var low = rng.next()
        for i in 10..<18 {
            out[i] = alphabet[Int(high & 31)]
            high >>= 5
        }
        for i in 18..<26 {
            out[i] = alphabet[Int(low & 31)]
            low >>= 5
        }
        return String(out)
    }
}
