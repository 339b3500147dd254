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
            help: ArgumentHelp(
                Text(vi: "Tên chuẩn hoặc tệp chuẩn; bỏ trống để xem.", en: "Profile name or file; leave out to show.")()
            ))
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
            Printer.line("  min dpi: \(Format.decimal(current.minimumDPI, maxFractionDigits: 1))")
            Printer.line("  colour: \(current.colourModes.map(\.rawValue).sorted().joined(separator: ", "))")
            Printer.line("  compression: \(current.compressions.map(\.rawValue).sorted().joined(separator: ", "))")
            Printer.line(
                "  icc: \(current.iccRequired ? "required" : "-")   max pages: \(current.maximumPages.map(String.init) ?? "-")"
            )
        }
    }
}
