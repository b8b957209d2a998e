// The default rulebook as a Swift target: the EmbedRules plugin turns the `.proviso` files of this
// folder into `DefaultRulebook.files` when the package is built.

/// The files of the default rulebook (`files`: path relative to `Rules/`, and text).
public enum DefaultRulebook {}
