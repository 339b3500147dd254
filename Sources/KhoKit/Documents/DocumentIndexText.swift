import Foundation

extension SearchIndex.Batch {
    /// Adds a document's text; `kindName` is its kind's Vietnamese name ("" for none).
    mutating func append(document d: DocumentRecord, kindName: String) {
        append(documentParts: [kindName, d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords])
    }
}
