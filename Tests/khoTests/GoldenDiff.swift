/// A unified-looking line diff of two texts, for a failure message a reviewer can read.
enum GoldenDiff {
    /// `--- expected` / `+++ actual`, then each differing stretch with up to `context` unchanged lines around it,
    /// lines prefixed `-` (only expected), `+` (only actual) or a space (both). Empty when the texts are equal.
    static func unified(expected: String, actual: String, context: Int = 3) -> String {
        guard expected != actual else { return "" }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence, filled from the end.
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(("-", a[i]))
                i += 1
            } else {
                ops.append(("+", b[j]))
                j += 1
            }
        }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(ops.count - 1, index + context)) }
        var lines = ["--- expected", "+++ actual"]
        var previous: Int?
        for index in shown.sorted() {
            if let previous, index != previous + 1 { lines.append("@@") }
            if previous == nil { lines.append("@@") }
            lines.append("\(ops[index].0)\(ops[index].1)")
            previous = index
        }
        return lines.joined(separator: "\n")
    }
}
