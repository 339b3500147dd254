import ArgumentParser
import KhoKit

/// What a value is called in help and usage lines (`--db <TỆP>`, `kho file show <HỘP/HỒSƠ>`), in the user's
/// language. Without one, argument-parser shows the property's English name (`<path>`, `<ref>`, `<fonds>`) in
/// Vietnamese help. Every option and argument of kho names its value with one of these (`VietnameseHelpGoldenTests`
/// reads every command's help for any other).
struct Placeholder: Sendable {
    let text: Text

    init(vi: String, en: String) { text = Text(vi: vi, en: en) }

    /// A value typed the same in either language: a format (`YYYY-MM-DD`) or the literal values (`csv|html|json`).
    init(_ literal: String) { text = Text(vi: literal, en: literal) }

    /// The placeholder in the user's language.
    func callAsFunction() -> String { text() }

    /// `help` with its value named by this placeholder.
    func on(_ help: ArgumentHelp) -> ArgumentHelp {
        var named = help
        named.valueName = text()
        return named
    }
}

extension Placeholder {
    // Where things are
    static let boxFile = Placeholder(vi: "HỘP/HỒSƠ", en: "BOX/FILE")
    static let boxFileDocument = Placeholder(vi: "HỘP/HỒSƠ/SỐ", en: "BOX/FILE/NO")
    static let boxFileOptionalDocument = Placeholder(vi: "HỘP/HỒSƠ[/SỐ]", en: "BOX/FILE[/NO]")
    static let boxOptionalFile = Placeholder(vi: "HỘP[/HỒSƠ]", en: "BOX[/FILE]")
    static let box = Placeholder(vi: "HỘP", en: "BOX")
    static let boxOld = Placeholder(vi: "HỘP/CŨ", en: "BOX/OLD")
    static let fonds = Placeholder(vi: "PHÔNG", en: "FONDS")
    static let place = Placeholder(vi: "NƠI", en: "PLACE")
    // Files and folders
    static let catalogue = Placeholder(vi: "TỆP", en: "PATH")
    static let file = Placeholder(vi: "TỆP", en: "FILE")
    static let csvFile = Placeholder(vi: "TỆP.csv", en: "FILE.csv")
    static let htmlFile = Placeholder(vi: "TỆP.html", en: "FILE.html")
    static let fileName = Placeholder(vi: "TÊN_TỆP", en: "FILE_NAME")
    static let folder = Placeholder(vi: "THƯ_MỤC", en: "FOLDER")
    static let root = Placeholder(vi: "THƯ_MỤC", en: "ROOT")
    static let directory = Placeholder(vi: "THƯ_MỤC", en: "DIR")
    static let hostPort = Placeholder(vi: "ĐỊA_CHỈ:CỔNG", en: "HOST:PORT")
    // People and names
    static let name = Placeholder(vi: "TÊN", en: "NAME")
    static let login = Placeholder(vi: "TÊN_ĐĂNG_NHẬP", en: "LOGIN")
    static let fullName = Placeholder(vi: "HỌ_TÊN", en: "FULL_NAME")
    static let old = Placeholder(vi: "CŨ", en: "OLD")
    static let new = Placeholder(vi: "MỚI", en: "NEW")
    static let code = Placeholder(vi: "MÃ", en: "CODE")
    static let key = Placeholder(vi: "MÃ", en: "KEY")
    static let eventId = Placeholder(vi: "SỐ_SỰ_KIỆN", en: "EVENT-ID")
    // Numbers, days and amounts
    static let count = Placeholder("N")
    static let days = Placeholder(vi: "NGÀY", en: "DAYS")
    static let day = Placeholder("YYYY-MM-DD")
    static let year = Placeholder(vi: "NĂM", en: "YEAR")
    static let metres = Placeholder(vi: "MÉT", en: "METRES")
    static let fromTo = Placeholder(vi: "TỪ-ĐẾN", en: "FROM-TO")
    static let vnd = Placeholder(vi: "ĐỒNG", en: "VND")
    static let quantity = Placeholder(vi: "SỐ_LƯỢNG", en: "QUANTITY")
    static let years = Placeholder(vi: "permanent|SỐ_NĂM", en: "permanent|YEARS")
    // What a file or document says
    static let title = Placeholder(vi: "TIÊU_ĐỀ", en: "TITLE")
    static let note = Placeholder(vi: "GHI_CHÚ", en: "NOTE")
    static let text = Placeholder(vi: "CHỮ", en: "TEXT")
    static let kind = Placeholder(vi: "LOẠI", en: "KIND")
    static let number = Placeholder(vi: "SỐ", en: "NUMBER")
    static let symbol = Placeholder(vi: "KÝ_HIỆU", en: "SYMBOL")
    static let date = Placeholder(vi: "NGÀY_THÁNG", en: "DATE")
    static let issuer = Placeholder(vi: "TÁC_GIẢ", en: "ISSUER")
    static let summary = Placeholder(vi: "TRÍCH_YẾU", en: "SUMMARY")
    static let keywords = Placeholder(vi: "TỪ_KHÓA", en: "KEYWORDS")
    static let language = Placeholder(vi: "NGÔN_NGỮ", en: "LANGUAGE")
    static let abbreviation = Placeholder(vi: "VIẾT_TẮT", en: "ABBREVIATION")
    static let reliability = Placeholder(vi: "MỨC_TIN_CẬY", en: "RELIABILITY")
    static let retention = Placeholder(vi: "THỜI_HẠN", en: "RETENTION")
    static let access = Placeholder(vi: "CHẾ_ĐỘ", en: "ACCESS")
    static let mode = Placeholder(vi: "CHẾ_ĐỘ", en: "MODE")
    static let condition = Placeholder(vi: "TÌNH_TRẠNG", en: "CONDITION")
    static let state = Placeholder(vi: "TRẠNG_THÁI", en: "STATE")
    static let scanLevel = Placeholder(vi: "BẬC", en: "LEVEL")
    // The programme's own words
    static let profile = Placeholder(vi: "CHUẨN", en: "PROFILE")
    static let pattern = Placeholder(vi: "QUY_TẮC", en: "PATTERN")
    static let inventory = Placeholder(vi: "SỐ_MỤC_LỤC", en: "NUMBER")
    static let reason = Placeholder(vi: "LÝ_DO", en: "REASON")
    static let stage = Placeholder(vi: "BƯỚC", en: "STAGE")
    static let decision = Placeholder(vi: "SỐ_QUYẾT_ĐỊNH", en: "DECISION")
    static let record = Placeholder(vi: "SỐ_BIÊN_BẢN", en: "RECORD")
}
