// Compiles the default rulebook (`Rules/`) into the ProvisoRules target as Swift string literals,
// so the library carries its rulebook wherever it is embedded and needs no resource bundle.
// `Rules/` is the target's own folder, so adding or removing a rule file re-plans the build and
// re-runs this plugin; editing one re-runs the command, since every rule file is an input.
import Foundation
import PackagePlugin

@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        let files = ruleFiles(under: rules)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default rulebook (\(files.count) files)",
                executable: try context.tool(named: "proviso-embed").url,
                arguments: [output.path, rules.path],
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    /// Every `.proviso` file below `root`, sorted.
    private func ruleFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "proviso" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }
}
