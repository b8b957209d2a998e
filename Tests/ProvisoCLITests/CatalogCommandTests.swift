import Testing
@testable import ProvisoCLI
