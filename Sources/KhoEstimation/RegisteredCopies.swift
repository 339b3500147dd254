/// One registered copy as the estimate reads it: its name and the bytes of masters it already holds.
public struct RegisteredCopy: Sendable, Codable, Hashable {
    public var name: String
    /// Bytes of the catalogue's masters this copy held at its last sync, audit or repair.
    public var heldBytes: Int64
    /// Bytes it still needs to hold every master when the work is done (stored now + remaining − held); set by the
    /// estimate.
    public var needsBytes: Int64

    public init(name: String, heldBytes: Int64, needsBytes: Int64 = 0) {
        self.name = name
        self.heldBytes = heldBytes
        self.needsBytes = needsBytes
    }

    enum CodingKeys: String, CodingKey {
        case name
        case heldBytes = "held_bytes"
        case needsBytes = "needs_bytes"
    }
}

extension StorageEstimate {
    /// Storage over the registered copies: their number, the bytes each already holds and what each still needs.
    ///
    /// Stored now over all copies is what they hold; remaining over all copies is what they still need; the total
    /// (every copy holding everything when done) is unchanged.
    mutating func apply(_ copies: [RegisteredCopy]) {
        var held: Int64 = 0
        perCopy = copies.map { copy in
            var c = copy
            c.heldBytes = min(max(0, copy.heldBytes), totalBytesPerCopy)
            c.needsBytes = totalBytesPerCopy - c.heldBytes
            held += c.heldBytes
            return c
        }
        storedBytesNow = held
        remainingBytes = max(0, totalBytes - held)
    }
}

extension StorageEstimate {
    /// Where the number of copies comes from, in words: the registered copies with what each holds and still needs,
    /// or the rates file's number as the plan while only the primary is registered.
    public var copiesNotes: [Text] {
        guard let perCopy else {
            if copiesSource.stored.isEmpty { return [] }
            return [
                Text(
                    vi:
                        "Số bản lưu \(copies) theo tệp đơn giá (\(copiesSource.text.vi)): kế hoạch; mới đăng ký bản chính (kho copies add để đăng ký các bản khác)",
                    en:
                        "\(copies) copies from the rates file (\(copiesSource.text.en)): the plan; only the primary is registered (kho copies add registers the others)"
                )
            ]
        }
        return perCopy.map { c in
            Text(
                vi:
                    "Bản lưu \(c.name): đang giữ \(Format.bytes(c.heldBytes, lang: .vi)) tệp gốc, còn cần \(Format.bytes(c.needsBytes, lang: .vi))",
                en:
                    "Copy \(c.name): holds \(Format.bytes(c.heldBytes, lang: .en)) of masters, still needs \(Format.bytes(c.needsBytes, lang: .en))"
            )
        }
    }
}
