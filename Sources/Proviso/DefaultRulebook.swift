// The library as its users import it: the engine (ProvisoCore) and the default rulebook that ships
// inside it (ProvisoRules, compiled from `Rules/` at build time).
@_exported import ProvisoCore
internal import ProvisoRules

extension Rulebook {
    /// The default rulebook that ships inside the library.
    ///
    /// The build checked `Rules/` and wrote the checked rulebook as a snapshot, so this reads it
    /// without lexing, parsing or checking again. If the rules did not check when the library was
    /// built (there is no snapshot), they are checked now and the diagnostics thrown, exactly as
    /// `embeddedFromText()` reports them. The snapshot rulebook's `sources` are empty; they are in
    /// `embeddedSources`.
    public static func embedded() throws(RulebookError) -> Rulebook {
        switch embeddedResult {
        case .success(let book): return book
        case .failure(let error): throw error
        }
    }

    /// The default rulebook's files, as they are read from `Rules/`.
    public static var embeddedSources: [SourceFile] {
        DefaultRulebook.files.map { SourceFile(path: "Rules/" + $0.path, text: $0.text) }
    }

    /// The default rulebook checked from its text now, with every warning and its sources (what
    /// `proviso check` reports).
    public static func embeddedFromText() -> Result<Rulebook, RulebookError> {
        check(embeddedSources, name: defaultName)
    }

    private static let embeddedResult: Result<Rulebook, RulebookError> = {
        if let bytes = Base64.decode(DefaultRulebook.snapshot), !bytes.isEmpty,
           let book = try? Rulebook(snapshot: bytes, sources: []) {
            return .success(book)
        }
        return embeddedFromText()
    }()
}

extension Engine {
    /// The engine over the default rulebook that ships inside the library, prepared once per
    /// process.
    public static var standard: Engine {
        get throws(RulebookError) {
            switch standardResult {
            case .success(let engine): return engine
            case .failure(let error): throw error
            }
        }
    }

    private static let standardResult: Result<Engine, RulebookError> = {
        do throws(RulebookError) {
            return .success(Engine(rulebook: try Rulebook.embedded()))
        } catch {
            return .failure(error)
        }
    }()
}
