/// Formats an amount of Vietnamese đồng: `19.162.000 đ` in Vietnamese, `19,162,000 VND` in English.
public func formatVND(_ amount: Int64, _ lang: Lang = .vi) -> String {
    Format.money(amount, lang: lang)
}
