import Testing

@testable import KhoKit

/// `PathText.parent(of:)` gives what `NSString.deletingLastPathComponent` gives, without its crash on a one-character
/// last name.
struct PathTextTests {
    @Test(arguments: [
        ("x", ""), ("ab", ""), ("a/", ""), ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"), ("/a", "/"), ("/", "/"),
        ("/tmp/kho/x", "/tmp/kho"), ("catalog/kho.sqlite", "catalog"), ("./r", "."), ("", ""),
        ("/media/usb/kho/", "/media/usb"),
    ])
    func theFolderOfAPath(_ path: String, _ folder: String) {
        #expect(PathText.parent(of: path) == folder, "\(path)")
    }
}
