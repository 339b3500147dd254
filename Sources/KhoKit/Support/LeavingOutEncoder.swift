import Foundation

/// An encoder that passes everything to `base` except the keyed values named in `leaving`: how a view writes the
/// record it is made of with the record's own keys, less its ids (``FileView``), so the record's fields are
/// declared once.
struct LeavingOutEncoder: Encoder {
    let base: any Encoder
    let leaving: Set<String>

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container(base: base.container(keyedBy: type), leaving: leaving))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { base.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { base.singleValueContainer() }

    struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var base: KeyedEncodingContainer<Key>
        let leaving: Set<String>

        var codingPath: [any CodingKey] { base.codingPath }

        mutating func encodeNil(forKey key: Key) throws {
            if !leaving.contains(key.stringValue) { try base.encodeNil(forKey: key) }
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if !leaving.contains(key.stringValue) { try base.encode(value, forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            base.nestedContainer(keyedBy: keyType, forKey: key)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            base.nestedUnkeyedContainer(forKey: key)
        }

        mutating func superEncoder() -> any Encoder { base.superEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { base.superEncoder(forKey: key) }
    }
}
