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
        .executable(name: "proviso-bench", targets: ["proviso-bench"]),
    ],
    targets: [
        // The engine: text → syntax → checked rulebook → evaluation, with no rulebook of its own.
        .target(name: "ProvisoCore"),
        // The default rulebook: `Rules/` is a target whose `.proviso` files the EmbedRules plugin
        // checks at build time and compiles into the library — their text, and the checked
        // rulebook as a binary snapshot — so that the library carries its rulebook wherever it is
        // embedded (`Engine.standard` needs no path and no resource bundle) and starts fast.
        .target(name: "ProvisoRules", path: "Rules", plugins: ["EmbedRules"]),
        // The library: the engine and the default rulebook (`Engine.standard`).
        .target(name: "Proviso", dependencies: ["ProvisoCore", "ProvisoRules"]),
        // The command line as a library: argument parsing, commands and renderers.
        .target(name: "ProvisoCLI", dependencies: ["Proviso"]),
        .executableTarget(name: "proviso", dependencies: ["ProvisoCLI"]),
        .executableTarget(name: "can-fund", dependencies: ["ProvisoCLI"]),
        // Build-time tool: checks the files of `Rules/` and writes them, and the checked rulebook's
        // snapshot, as Swift string literals.
        .executableTarget(name: "proviso-embed", dependencies: ["ProvisoCore"], path: "Sources/proviso-embed"),
        // The benchmark (docs/performance.md): the shared peer workload and the default rulebook,
        // timed. It may use Foundation, to read the workload's JSON; the library may not. It depends
        // on `can-fund`, `bench-hello` and `bench-spawn` so that `swift run proviso-bench` builds
        // the executables whose processes it times side by side.
        .executableTarget(name: "proviso-bench", dependencies: ["Proviso", "ProvisoRules", "can-fund", "bench-hello", "bench-spawn"]),
        // A Swift "hello world" that links Foundation: the baseline for the `can-fund` process.
        .executableTarget(name: "bench-hello"),
        // Spawns `can-fund` and `bench-hello` for the benchmark and reports their time and peak memory.
        .executableTarget(name: "bench-spawn"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["proviso-embed"],
            path: "Plugins/EmbedRules"
        ),
        .testTarget(name: "ProvisoTests", dependencies: ["Proviso", "ProvisoCore", "ProvisoRules"]),
        // Golden renderings and the small rulebook they are made from are read by path, not built.
        .testTarget(name: "ProvisoCLITests", dependencies: ["ProvisoCLI", "Proviso", "ProvisoCore", "ProvisoRules"], exclude: ["Golden", "Fixtures"]),
    ]
)
