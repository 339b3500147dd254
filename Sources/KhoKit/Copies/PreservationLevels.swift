import Foundation
import KhoReport

/// The five functional areas of the NDSA Levels of Digital Preservation (v2.0, 2019).
public enum PreservationArea: String, Codable, Sendable, CaseIterable {
    case storage, integrity, control, metadata, content

    public var label: Text {
        switch self {
        case .storage: Text(vi: "Lưu giữ (số bản, nơi cất)", en: "Storage")
        case .integrity: Text(vi: "Toàn vẹn (SHA-256, kiểm tra)", en: "Integrity")
        case .control: Text(vi: "Kiểm soát (ai được làm gì)", en: "Control")
        case .metadata: Text(vi: "Siêu dữ liệu (danh mục)", en: "Metadata")
        case .content: Text(vi: "Nội dung (định dạng tệp)", en: "Content")
        }
    }
}

/// One area's level reached (0–4) and, in plain words, what the next level needs.
public struct PreservationLevel: Codable, Sendable, Hashable {
    public var area: PreservationArea
    /// The highest level whose requirements, and those of every level below, are all met (0: not even level 1).
    public var level: Int
    /// What the next level needs (empty at level 4).
    public var next: [Text]
}

/// One requirement of a level: whether kho sees it met, and what it asks, in words.
private struct Requirement {
    var met: Bool
    var text: Text
}

/// What the levels are computed from: counted once in the catalogue.
private struct PreservationFacts {
    var copies: CopiesSummary
    var auditDays: Int
    /// Masters, files and copies counted in the catalogue.
    var counts = CopyStore.PreservationCounts()
}

extension KhoStore {
    /// Audits older than this many days do not count as "on a schedule" (NDSA integrity, level 3).
    public static let auditIntervalDays = 90

    /// The NDSA levels reached in each area, from the registered copies, their audits and the catalogue.
    public func preservationLevels(now: Date = Date()) throws -> [PreservationLevel] {
        var facts = PreservationFacts(copies: try copiesSummary(), auditDays: Self.auditIntervalDays)
        let since = Int64(now.timeIntervalSince1970) - Int64(Self.auditIntervalDays) * 86_400
        facts.counts = try reading { tx in try tx.copies.preservationCounts(auditedSince: since) }
        return PreservationArea.allCases.map { area in
            let levels = Self.requirements(area, facts)
            var reached = 0
            while reached < levels.count, levels[reached].allSatisfy(\.met) { reached += 1 }
            let next = reached < levels.count ? levels[reached].filter { !$0.met }.map(\.text) : []
            return PreservationLevel(area: area, level: reached, next: next)
        }
    }

    /// The requirements of levels 1–4 of `area`, each marked met or not from `f`.
    private static func requirements(_ area: PreservationArea, _ f: PreservationFacts) -> [[Requirement]] {
        switch area {
        case .storage: storageRequirements(f)
        case .integrity: integrityRequirements(f)
        case .control:
            [
                [Requirement(met: false, text: T.whoMay)],
                [Requirement(met: false, text: T.applyWhoMay)],
                [Requirement(met: true, text: T.logs)],
                [Requirement(met: false, text: T.reviewLogs)],
            ]
        case .metadata, .content: contentRequirements(area, f)
        }
    }

    private static func storageRequirements(_ f: PreservationFacts) -> [[Requirement]] {
        let complete = f.copies.copies.filter(\.complete)
        let places = Set(complete.map { $0.place.lowercased() }).count
        let offsite = complete.contains(where: \.offsite)
        let hasContent = f.copies.expectedFiles > 0
        return [
            [
                Requirement(met: hasContent, text: T.haveContent),
                Requirement(met: complete.count >= 2 && places >= 2, text: T.twoCopies),
            ],
            [Requirement(met: complete.count >= 3 && offsite, text: T.threeCopies)],
            [Requirement(met: false, text: T.otherThreat)],
            [Requirement(met: false, text: T.threeThreats)],
        ]
    }

    private static func integrityRequirements(_ f: PreservationFacts) -> [[Requirement]] {
        let others = f.copies.copies.count - 1
        let hasContent = f.copies.expectedFiles > 0
        let openProblems = f.copies.copies.reduce(0) { $0 + $1.problems }
        return [
            [
                Requirement(
                    met: hasContent && f.counts.unreadableMasters == 0,
                    text: T.everyHash(f.counts.unreadableMasters))
            ],
            [
                Requirement(met: others > 0 && f.counts.syncedCopies >= others, text: T.syncedCopies),
                Requirement(met: f.counts.catalogueOnCopies > 0, text: T.catalogueTravels),
            ],
            [
                Requirement(
                    met: f.counts.auditedRecently >= f.copies.copies.count, text: T.auditSchedule(f.auditDays))
            ],
            [Requirement(met: openProblems == 0, text: T.repairAll(openProblems))],
        ]
    }

    /// The metadata and content areas (`area` is one of them).
    private static func contentRequirements(_ area: PreservationArea, _ f: PreservationFacts) -> [[Requirement]] {
        let hasContent = f.copies.expectedFiles > 0
        guard area == .content else {
            return [
                [
                    Requirement(met: hasContent, text: T.haveContent),
                    Requirement(met: f.counts.catalogueOnCopies > 0, text: T.catalogueTravels),
                ],
                [Requirement(met: hasContent, text: T.knowContent)],
                [
                    Requirement(
                        met: hasContent && f.counts.filesUndescribed == 0, text: T.describe(f.counts.filesUndescribed))
                ],
                [Requirement(met: f.counts.syncedCopies > 0 && f.counts.auditedRecently > 0, text: T.actionsRecorded)],
            ]
        }
        return [
            [
                Requirement(
                    met: f.counts.masters > 0 && f.counts.unreadableMasters == 0,
                    text: T.formats(f.counts.unreadableMasters))
            ],
            [
                Requirement(
                    met: f.counts.masters > 0 && f.counts.pdfUnverified == 0,
                    text: T.verifyPdf(f.counts.pdfUnverified))
            ],
            [Requirement(met: false, text: T.obsolescence)],
            [Requirement(met: false, text: T.migrate)],
        ]
    }

    private typealias T = PreservationText
}

/// What each requirement asks, in plain words.
enum PreservationText {
    static let haveContent = Text(
        vi: "có tệp bản quét đã nạp vào danh mục", en: "masters ingested into the catalogue")
    static let twoCopies = Text(
        vi: "ít nhất 2 bản đủ và tốt, cất ở 2 nơi khác nhau (kho copies add, kho copies sync)",
        en: "at least 2 complete, sound copies kept in 2 different places (kho copies add, kho copies sync)")
    static let threeCopies = Text(
        vi: "ít nhất 3 bản đủ và tốt, trong đó 1 bản cất ngoài trụ sở (--offsite)",
        en: "at least 3 complete, sound copies, one of them off-site (--offsite)")
    static let otherThreat = Text(
        vi:
            "1 bản ở vùng khác, không cùng nguy cơ thiên tai (lũ, bão) với các bản kia, và kế hoạch thay ổ đĩa cũ — người phụ trách xác nhận",
        en:
            "one copy in a region with a different disaster threat, and a plan for replacing ageing disks — confirmed by a person"
    )
    static let threeThreats = Text(
        vi: "3 bản ở 3 vùng có nguy cơ thiên tai khác nhau, không phụ thuộc một thiết bị duy nhất",
        en: "3 copies in 3 regions with different disaster threats, no single point of failure")
    static func everyHash(_ bad: Int) -> Text {
        Text(
            vi: "mọi tệp bản quét có SHA-256 khi nạp (\(bad) tệp chưa đọc được)",
            en: "every master has a SHA-256 from ingest (\(bad) could not be read)")
    }
    static let syncedCopies = Text(
        vi: "các bản lưu được chép bằng kho copies sync (kiểm SHA-256 khi chép)",
        en: "copies filled by kho copies sync (SHA-256 checked while copying)")
    static let catalogueTravels = Text(
        vi: "danh mục kèm SHA-256 được chép theo bản lưu (kho copies sync làm việc này)",
        en: "the catalogue with every SHA-256 kept on a copy (kho copies sync does it)")
    static func auditSchedule(_ days: Int) -> Text {
        Text(
            vi: "mọi bản lưu được kiểm tra toàn vẹn trong \(days) ngày qua (kho copies verify, nên đặt lịch)",
            en: "every copy audited within the last \(days) days (kho copies verify, on a schedule)")
    }
    static func repairAll(_ n: Int) -> Text {
        Text(
            vi: "không còn tệp hỏng hay mất chưa sửa (\(n) vấn đề; kho copies repair)",
            en: "no damaged or missing file left unrepaired (\(n) problems; kho copies repair)")
    }
    static let whoMay = Text(
        vi: "quy định bằng văn bản ai được đọc, ghi, chuyển, xóa tệp gốc và bản lưu",
        en: "a written decision on who may read, write, move and delete masters and copies")
    static let applyWhoMay = Text(
        vi: "áp dụng quy định đó: quyền ghi thư mục bản quét và ổ bản lưu chỉ cho người được giao",
        en: "that decision applied: write access to the scans folder and copy disks only for those named")
    static let logs = Text(
        vi: "ghi ai làm việc gì, khi nào (kho đã ghi mọi việc kèm người làm)",
        en: "a log of who did what, when (kho records every action with its person)")
    static let reviewLogs = Text(
        vi: "định kỳ xem lại nhật ký (kho log) và ghi nhận đã xem",
        en: "the log reviewed periodically (kho log), and the review recorded")
    static let knowContent = Text(
        vi: "đủ thông tin để biết tệp là gì: tiêu đề hồ sơ, thông số ảnh, SHA-256",
        en: "enough to know what each file is: file title, image tags, SHA-256")
    static func describe(_ n: Int) -> Text {
        Text(
            vi: "mô tả văn bản theo Thông tư 05/2025 cho mọi hồ sơ đã quét (\(n) hồ sơ chưa có)",
            en: "documents described per Circular 05/2025 for every scanned file (\(n) files have none)")
    }
    static let actionsRecorded = Text(
        vi: "ghi lại việc bảo quản (chép, kiểm tra, sửa) và thời điểm",
        en: "preservation actions (sync, audit, repair) recorded with their time")
    static func formats(_ bad: Int) -> Text {
        Text(
            vi: "biết định dạng của mọi tệp (TIFF đọc được thông số; \(bad) tệp không đọc được)",
            en: "the format of every file known (TIFF tags read; \(bad) could not be read)")
    }
    static func verifyPdf(_ n: Int) -> Text {
        Text(
            vi:
                "kiểm tra định dạng: tệp gốc đạt chuẩn khi nạp và mọi bản PDF/A đã kiểm tra (\(n) bản chưa; kho pdf verify)",
            en:
                "formats verified: masters checked at ingest and every PDF/A copy verified (\(n) not yet; kho pdf verify)"
        )
    }
    static let obsolescence = Text(
        vi: "theo dõi định dạng và phần mềm lỗi thời (TIFF, PDF/A) — người phụ trách",
        en: "watch for obsolete formats and software (TIFF, PDF/A) — a person's job")
    static let migrate = Text(
        vi: "chuyển đổi định dạng khi cần để vẫn mở được", en: "migrate formats when needed so files stay readable")
}

extension KhoStore {
    /// The copies and levels as the report shows them.
    func reportPreservation(now: Date) throws -> ReportPreservation {
        let summary = try copiesSummary()
        return ReportPreservation(
            copies: summary.copies.map {
                ReportCopy(
                    name: $0.name, place: $0.place, offsite: $0.offsite, primary: $0.primary,
                    available: $0.availability == .available, files: $0.files, expectedFiles: summary.expectedFiles,
                    bytes: $0.bytes, expectedBytes: summary.expectedBytes, lastSync: $0.lastSync,
                    lastAudit: $0.lastAudit, problems: $0.problems)
            },
            levels: try preservationLevels(now: now).map {
                ReportLevel(key: $0.area.rawValue, area: $0.area.label, level: $0.level, next: $0.next)
            })
    }
}
