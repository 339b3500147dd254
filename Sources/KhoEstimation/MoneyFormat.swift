/// Formats an amount of Vietnamese đồng: `19.162.000 đ` in Vietnamese, `19,162,000 VND` in English.
public func formatVND(_ amount: Int64, _ lang: Lang = .vi) -> String {
    let digits = String(amount.magnitude)
    let separator: Character = lang == .vi ? "." : ","
    var grouped = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(separator) }
        grouped.append(ch)
    }
    let sign = amount < 0 ? "-" : ""
    return lang == .vi ? "\(sign)\(grouped) đ" : "\(sign)\(grouped) VND"
}
