import Foundation
import GRDB
import KhoEstimation
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// Nothing broken is silently replaced by a default: a stored profile, an event's detail, the filesystem type.
@Suite(.timeLimit(.minutes(20))) struct HiddenFallbackTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    func storing(profile json: String) throws -> KhoStore {
        let store = try Fixture.store()
        try store.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('qc_profile', ?)", arguments: [json])
        }
        return store
    }

    @Test func aStoredProfileThatCannotBeReadIsAnErrorNamingIt() throws {
        // Given the catalogue's default profile stored by hand and damaged (the issue's example)
        let store = try storing(profile: #"{"name":"maps-400","minimumDPI":"four hundred"}"#)
        // When an ingest asks for the catalogue's profile (no --profile)
        // Then it is an error naming the stored profile, not the built-in one
        expectError(
            ProfileError.storedUnreadable(
                name: "maps-400",
                reason: Text(vi: "trường minimumDPI sai kiểu", en: "field minimumDPI has the wrong type"))
        ) {
            try store.resolveProfile(nil)
        }
        #expect(throws: ProfileError.self) { try store.storedProfile() }
        // And a profile named on the command line still works
        #expect(try store.resolveProfile("nara-textual").name == "nara-textual")
    }

    @Test(arguments: [
        (
            #"{"name":"maps-400","minimumDPI":400,"colourModes":["rgb96"],"compressions":["none"],"iccRequired":false}"#,
            "maps-400"
        ),
        (
            #"{"name":"maps-400","minimumDPI":-1,"colourModes":["rgb24"],"compressions":["none"],"iccRequired":false}"#,
            "maps-400"
        ),
        (
            #"{"name":"maps-400","minimumDPI":400,"colourModes":[],"compressions":["none"],"iccRequired":false}"#,
            "maps-400"
        ),
        ("vn-2025", "vn-2025"),
    ])
    func aStoredProfileFromANewerKhoOrWithImpossibleRulesIsAnErrorToo(json: String, name: String) throws {
        // Given a stored profile with a colour mode this kho does not know, impossible rules, or not JSON at all
        let store = try storing(profile: json)
        // Then the error names it and says what to do
        do {
            _ = try store.resolveProfile(nil)
            Issue.record("a broken stored profile was used")
        } catch let error as ProfileError {
            guard case .storedUnreadable(let named, _) = error else { return }
            #expect(named == name)
            #expect(error.text.en.contains("kho scan profile") && error.text.vi.contains("kho scan profile"))
        }
    }

    @Test func aGoodStoredProfileAndNoneAtAllStillWork() throws {
        let store = try Fixture.store()
        #expect(try store.resolveProfile(nil) == .default)
        try store.setDefaultProfile(.naraTextual, by: Fixture.who())
        #expect(try store.resolveProfile(nil) == .naraTextual)
    }

    @Test func anUndecodableEventDetailIsReportedByKhoCheck() throws {
        // Given an event whose detail was damaged (the issue's example: not JSON), and one of the wrong shape
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1"), by: Fixture.who())
        _ = try store.editBox("B1", BoxChanges(location: "A-1"), by: Fixture.who())
        let ids = try store.events(lang: .vi).compactMap(\.id)
        let edit = try #require(ids.last)
        try store.write { db in
            try db.tamperWithLog("UPDATE event SET detail = 'not json {' WHERE id = ?", arguments: [edit])
            try db.tamperWithLog(#"UPDATE event SET detail = '{"after": 5}' WHERE id = ?"#, arguments: [ids[0]])
        }
        // Then decoding it says so instead of giving an empty detail
        #expect(throws: EventDetailError.undecodable(reason: "not JSON")) { try EventDetail(decoding: "not json {") }
        #expect(throws: EventDetailError.self) { try EventDetail(decoding: #"{"after": 5}"#) }
        #expect(try EventDetail(decoding: "{}") == EventDetail())
        // And `kho check` names both events
        let problems = try store.check().problems.filter { $0.code == "event_detail" }
        #expect(Set(problems.map(\.subject)) == ["event \(edit)", "event \(ids[0])"])
        #expect(problems.allSatisfy { $0.text.en.contains("cannot be read") && $0.text.vi.contains("không đọc được") })
    }

    @Test func aCatalogueWrittenThroughKhoHasNoUndecodableDetail() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1"), by: Fixture.who())
        _ = try store.editBox("B1", BoxChanges(location: "A-1"), by: Fixture.who())
        #expect(try store.check().problems == [])
    }

    @Test func theFilesystemTypeComesFromTheCStructNotAGuessedLayout() throws {
        // /proc is procfs (0x9FA0) on every Linux; a tmpfs (0x01021994) where one can be mounted
        #expect(FileSystemGuard.fileSystemType("/proc") == 0x9FA0)
        #expect(FileSystemGuard.fileSystemType("/nowhere/at/all") == nil)
        let mount = dir.appendingPathComponent("tmpfs").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard shell("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount) == 0 else { return }
        defer { _ = shell("umount", mount) }
        #expect(FileSystemGuard.fileSystemType(mount) == 0x0102_1994)
        #expect(FileSystemGuard.networkKind(of: mount + "/kho.sqlite") == nil)
        // And the free space it reports is the mount's: about 1 MiB, then almost nothing once it is filled
        let free = try #require(FileSystemGuard.freeBytes(near: mount + "/not/yet/kho.sqlite"))
        #expect(free > 900_000 && free <= 1 << 20)
        _ = shell("dd", "if=/dev/zero", "of=\(mount)/fill", "bs=64k", "count=100")
        #expect((FileSystemGuard.freeBytes(near: mount) ?? .max) < 64 * 1024)
        #expect(KhoStore.diskIsFull(near: mount + "/kho.sqlite"))
    }
}

/// Runs a command quietly and returns its exit status.
func shell(_ args: String...) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = args
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}
