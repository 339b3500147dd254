import ArgumentParser
import KhoKit

/// Which files a fixity check re-hashes: all, those not verified for N days, or a random sample (`scan verify`,
/// `copies verify`).
struct VerifySelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("older-than"),
        help: ArgumentHelp(
            Text(vi: "Chỉ tệp chưa kiểm tra trong N ngày.", en: "Only files not verified for N days.")(),
            valueName: Placeholder.days()), transform: NumberBound.days.option)
    var olderThan: Int?
    @Option(
        help: Placeholder.count.on(
            ArgumentHelp(
                Text(vi: "Chỉ kiểm tra một mẫu ngẫu nhiên N tệp.", en: "Only a random sample of N files.")())),
        transform: NumberBound.count.option)
    var sample: Int?

    func validate() throws {
        if olderThan != nil && sample != nil {
            throw ValidationError(
                Text(
                    vi: "chọn --older-than hoặc --sample, không cả hai", en: "use --older-than or --sample, not both")()
            )
        }
    }

    var selection: VerifySelection { olderThan.map { .olderThan(days: $0) } ?? sample.map { .sample($0) } ?? .all }
}
