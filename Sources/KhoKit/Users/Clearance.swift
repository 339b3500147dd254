import Foundation

extension KhoStore {
    /// The access of each file named (`BOX/FILE`); names that are no file are left out.
    ///
    /// For the few refs a page shows (a queue, the day's events), so that a person without clearance is shown none
    /// of a secret or restricted file: one indexed look-up per ref.
    public func fileAccess(of refs: some Collection<String>) throws -> [String: Access] {
        let wanted = Set(refs)
        guard !wanted.isEmpty else { return [:] }
        return try reading { tx in
            var found: [String: Access] = [:]
            for ref in wanted {
                guard let slash = ref.firstIndex(of: "/") else { continue }
                let box = String(ref[..<slash])
                let file = String(ref[ref.index(after: slash)...])
                if let raw = try tx.users.access(box: box, file: file), let access = Access(rawValue: raw) {
                    found[ref] = access
                }
            }
            return found
        }
    }
}
