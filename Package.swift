// swift-tools-version:6.0
// Proviso: may the United States fund this country, under this program, on this date?
// No package dependencies: the Swift toolchain alone, so that an auditor can read all of it.
import PackageDescription

let package = Package(
    name: "Proviso",
    products: [
        .library(name: "Proviso", targets: ["Proviso"]),
        .executable(name: "proviso", targets: ["proviso"]),
        .executable(name: "can-fund", targets: ["can-fund"]),
    ],
    targets: [
        // The default rulebook: `Rules/` is a target whose `.proviso` files the EmbedRules plugin
        // compiles into Swift string literals, so the library carries its rulebook wherever it is
        // embedded (`Engine.standard` needs no path and no resource bundle).
        .target(name: "ProvisoRules", path: "Rules", plugins: ["EmbedRules"]),
        // The library: text → syntax → checked rulebook → evaluation.
        .target(name: "Proviso", dependencies: ["ProvisoRules"], path: "Sources/Proviso"),
        // The command line as a library: argument parsing, commands and renderers.
        .target(name: "ProvisoCLI", dependencies: ["Proviso"]),
        .executableTarget(name: "proviso", dependencies: ["ProvisoCLI"]),
        .executableTarget(name: "can-fund", dependencies: ["ProvisoCLI"]),
        // Build-time tool: turns the files of `Rules/` into Swift string literals.
        .executableTarget(name: "proviso-embed", path: "Sources/proviso-embed"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["proviso-embed"],
            path: "Plugins/EmbedRules"
        ),
        .testTarget(name: "ProvisoTests", dependencies: ["Proviso", "ProvisoRules"]),
        // Golden renderings and the small rulebook they are made from are read by path, not built.
        .testTarget(name: "ProvisoCLITests", dependencies: ["ProvisoCLI", "Proviso", "ProvisoRules"], exclude: ["Golden", "Fixtures"]),
    ]
)
