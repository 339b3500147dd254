import ArgumentParser
import KhoKit
import KhoTIFF

extension ScanCommand {
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: Text(
                vi: "Xem hoặc đặt chuẩn chất lượng mặc định của danh mục.",
                en: "Show or set the catalogue's default quality profile.")(),
            discussion: Text(
                vi: "Ví dụ: kho scan profile nara-textual --by Thu; kho scan profile catalog/chuan-rieng.txt --by Thu",
                en: "Example: kho scan profile nara-textual --by Thu; kho scan profile catalog/my-profile.txt --by Thu")()
        )
        @Argument(
            help: Placeholder.profile.on(
                ArgumentHelp(
                    Text(
                        vi: "Tên chuẩn hoặc tệp chuẩn; bỏ trống để xem.", en: "Profile name or file; leave out to show."
                    )()
                )))
        var profile: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if let profile {
                let store = try global.openForWriting()
                let chosen = try store.resolveProfile(profile)
                try store.setDefaultProfile(chosen, by: try who.attribution())
                if global.json { return try Printer.json(chosen) }
                Printer.line(
                    Text(vi: "Chuẩn mặc định nay là \(chosen.name)", en: "The default profile is now \(chosen.name)")())
                return
            }
            let current = try global.openForReading().storedProfile()
            if global.json { return try Printer.json(current) }
            Printer.line(Text(vi: "Chuẩn mặc định: \(current.name)", en: "Default profile: \(current.name)")())
            // Each rule in words, with the key a profile file sets it by (kho scan profile FILE).
            let limit = current.maximumPages.map(String.init)
            let rules: [(Text, String, String)] = [
                (
                    Text(vi: "độ phân giải tối thiểu", en: "minimum resolution"), "min_dpi",
                    Format.decimal(current.minimumDPI, maxFractionDigits: 1) + " dpi"
                ),
                (
                    Text(vi: "chế độ màu", en: "colour modes"), "colour",
                    current.colourModes.map(\.rawValue).sorted().joined(separator: ", ")
                ),
                (
                    Text(vi: "kiểu nén", en: "compressions"), "compression",
                    current.compressions.map(\.rawValue).sorted().joined(separator: ", ")
                ),
                (
                    Text(vi: "bắt buộc có hồ sơ màu ICC", en: "ICC profile required"), "icc_required",
                    current.iccRequired ? Text(vi: "có", en: "yes")() : Text(vi: "không", en: "no")()
                ),
                (
                    Text(vi: "số trang tối đa mỗi tệp", en: "most pages in a file"), "max_pages",
                    limit ?? Text(vi: "không giới hạn", en: "no limit")()
                ),
            ]
            for (label, key, value) in rules { Printer.line("  \(label()) (\(key)): \(value)") }
        }
    }
}
