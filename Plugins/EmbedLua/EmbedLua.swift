import PackagePlugin

/// Embeds a target's `.lua` files in it at build time: `EmbedLuaTool` turns them into one
/// generated Swift file (`EmbeddedLua`, an `EmbeddedChunk` per file: its chunk name, its text and
/// its bytecode compiled at build time), so the binary needs no files at run time. The `.lua`
/// files are the command's inputs, so editing one rebuilds the target.
@main
struct EmbedLua: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles(withSuffix: "lua").map(\.url).sorted { $0.path < $1.path }
        guard !inputs.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLua.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) Lua files in \(target.name)",
                executable: try context.tool(named: "EmbedLuaTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
