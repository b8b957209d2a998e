/// The exit codes of `proviso` and `can-fund`: few, named and documented in `--help` and the README.
public enum ExitCode: Int32, Sendable {
    /// Allowed or allowed with conditions; for other commands, success.
    case allowed = 0
    /// Prohibited; for `proviso test`, a case failed; for `fmt --check`, a file is not formatted;
    /// for `diff`, a determination changes.
    case prohibited = 1
    /// Bad arguments or unknown names (a country, program or date that cannot be understood).
    case usage = 2
    /// Indeterminate: a fact that is not recorded could make it prohibited.
    case indeterminate = 3
    /// The rulebook (or a case or fact file) does not check.
    case rulebook = 4

    /// `proviso test`: some case failed.
    public static let failed = ExitCode.prohibited
    /// Success for commands that are not a determination.
    public static let success = ExitCode.allowed

    /// The exit code for a verdict.
    public init(_ verdict: Proviso.Verdict) {
        switch verdict {
        case .allowed, .allowedWithConditions: self = .allowed
        case .prohibited: self = .prohibited
        case .indeterminate: self = .indeterminate
        }
    }

    /// The exit codes as the help text lists them.
    static let help = """
    Exit codes:
      0  allowed, or allowed with conditions (other commands: success)
      1  prohibited (test: a case failed; fmt --check: a file needs formatting; diff: an answer changes)
      2  bad arguments, or an unknown country, program, purpose or date
      3  indeterminate: a fact the rulebook does not record could make it prohibited
      4  the rulebook, a case file or an assumed fact does not check
    """
}

import Proviso
