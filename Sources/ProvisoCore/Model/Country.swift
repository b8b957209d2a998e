/// A country or territory the rulebook can answer about.
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-3 code, the country's identifier in the rulebook (`MLI`).
    public var iso3: String
    /// The canonical English name (`Mali`).
    public var name: String
    /// Other names it is known by (`Republic of Mali`, `Burma` for Myanmar …).
    public var aliases: [String]
    /// Where the declaration is.
    public var location: SourceLocation

    /// Creates a country.
    public init(iso3: String, name: String, aliases: [String], location: SourceLocation) {
        self.iso3 = iso3
        self.name = name
        self.aliases = aliases
        self.location = location
    }
}

/// A purpose that assistance can serve and that an exemption can name
/// (`democratic-elections`, `humanitarian`).
public struct Purpose: Sendable, Hashable {
    /// Identifier, as written in rules and on the command line.
    public var id: String
    /// What it means, in words.
    public var description: String
    /// Where it is declared.
    public var location: SourceLocation
}

/// To whom assistance is given: the country's government, or others in the country (NGOs,
/// international organisations, contractors).
public enum Recipient: String, Sendable, Hashable, CaseIterable {
    case government
    case nonGovernment = "non-government"
}

/// Whom a program usually serves, which decides the recipient when a query does not say.
public enum UsualRecipient: String, Sendable, Hashable {
    case government
    case nonGovernment = "non-government"
    /// Both; a query that does not say is answered for the government (the stricter case).
    case mixed
}
