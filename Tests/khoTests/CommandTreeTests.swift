import ArgumentParser
import Testing

@testable import kho

/// The command tree as argument-parser sees it.
@Suite struct CommandTreeTests {
    /// Every command, with the path of names that leads to it.
    static func commands() -> [(path: String, type: any ParsableCommand.Type)] {
        var all: [(String, any ParsableCommand.Type)] = []
        func walk(_ command: any ParsableCommand.Type, _ path: String) {
            all.append((path, command))
            for sub in command.configuration.subcommands {
                walk(sub, path + " " + (sub.configuration.commandName ?? "(\(sub))"))
            }
        }
        walk(kho.Kho.self, "kho")
        return all
    }

    /// argument-parser builds the whole tree on every run and names a command without `commandName` by
    /// `String(describing:)` of its type, a runtime conformance search of about 5 million instructions each: with
    /// twenty such commands that was three quarters of kho's start-up (94 of 125 million instructions, ~20 ms before
    /// every `kho search`). So every command names itself.
    @Test func everyCommandNamesItselfSoStartUpStaysFast() {
        let unnamed = Self.commands().filter { $0.type.configuration.commandName == nil }.map(\.path)
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed.joined(separator: ", "))")
    }

    @Test func commandNamesAreUniqueAmongSiblings() {
        for (path, type) in Self.commands() {
            let names = type.configuration.subcommands.compactMap { $0.configuration.commandName }
            #expect(Set(names).count == names.count, "\(path): \(names)")
        }
    }
}
