import Foundation

/// A view made of a stored record (``BoxView``, ``FileView``, ``DocumentView``): every field of the record is read
/// and set through the view (`view.title`), so the record's fields are declared once; the view adds what a list shows.
@dynamicMemberLookup
public protocol RecordView {
    associatedtype Record
    var record: Record { get set }
}

extension RecordView {
    public subscript<T>(dynamicMember path: WritableKeyPath<Record, T>) -> T {
        get { record[keyPath: path] }
        set { record[keyPath: path] = newValue }
    }

    /// What the record derives (`view.extent`, `view.acceptsScanRecord`), read through the view too.
    public subscript<T>(dynamicMember path: KeyPath<Record, T>) -> T { record[keyPath: path] }
}
