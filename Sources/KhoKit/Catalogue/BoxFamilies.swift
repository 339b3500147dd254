/// Boxes made by arranging another box (`--from`), traced back to the box or bundle as received.
///
/// Status, the estimate and the report all count a box as received together with the boxes made from it.
struct BoxFamilies {
    private var parentOf: [Int64: Int64] = [:]
    private var rootOf: [Int64: Int64] = [:]

    /// Records that box `child` was made from box `parent`.
    mutating func add(child: Int64, parent: Int64) { parentOf[child] = parent }

    /// The box as received that `id` comes from (itself when it was received as it is); a loop stops the walk.
    mutating func root(of id: Int64) -> Int64 {
        if let known = rootOf[id] { return known }
        var current = id
        var seen: Set<Int64> = [id]
        while let parent = parentOf[current], seen.insert(parent).inserted {
            current = parent
        }
        rootOf[id] = current
        return current
    }
}
