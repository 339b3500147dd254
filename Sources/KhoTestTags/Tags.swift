import Testing

/// The tags the test targets share, so a quick run can leave out what is slow: `tools/test --fast` skips both
/// (`swift test --skip tag:slow --skip tag:endToEnd`); `tools/test`, which CI runs, runs everything.
extension Tag {
    /// A suite that takes seconds rather than milliseconds (calibration by simulation, fuzzing, large catalogues).
    @Tag public static var slow: Self
    /// A suite that runs the built `kho` executable as a person or a script would (see Tests/khoTests/Runner.swift).
    @Tag public static var endToEnd: Self
}
