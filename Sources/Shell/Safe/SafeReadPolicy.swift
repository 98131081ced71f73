import Foundation

/// Which files a `--safe` script may read: those inside the current directory, the script's
/// directory and the module path, after `..` and symbolic links are resolved (`realpath`), and
/// never under `/proc`, `/sys`, `/dev`, empsh's configuration directory (its `lua/` modules
/// aside) or a file that holds a secret (`--token-file`, `--password-file`).
///
/// Everything is resolved when the state is built, so nothing a script changes later (the
/// working directory aside, which a script cannot change) moves the boundary.
public struct SafeReadPolicy: Sendable, Equatable {
    /// Resolved directories whose files may be read.
    public private(set) var readableRoots: [String]
    /// Resolved directories and files that may never be read, even inside a readable root.
    public private(set) var deniedRoots: [String]
    /// Resolved directories inside a denied one that may be read anyway (the config's `lua/`).
    public private(set) var exceptions: [String]

    /// Why a path cannot be read.
    public enum Refusal: Error, Equatable {
        /// It does not resolve (missing, or a dangling link): the system's message.
        case missing(String)
        /// It resolves outside what `--safe` lets a script read.
        case denied
    }

    /// Creates the policy.
    /// - Parameters:
    ///   - currentDirectory: the working directory.
    ///   - scriptDirectory: the running script's directory, when there is a script.
    ///   - modulePaths: the module search path as the state starts with it.
    ///   - configDirectory: empsh's configuration directory (`$XDG_CONFIG_HOME/empsh`).
    ///   - secretFiles: files holding a token or password.
    public init(currentDirectory: String, scriptDirectory: String?, modulePaths: ModulePaths, configDirectory: String, secretFiles: [String] = []) {
        var roots = [currentDirectory] + (scriptDirectory.map { [$0] } ?? [])
        roots += modulePaths.templates.map(Self.directory(ofTemplate:))
        readableRoots = Self.unique(roots.compactMap(Self.resolve))
        let config = Self.resolve(configDirectory)
        deniedRoots = ["/proc", "/sys", "/dev"] + (config.map { [$0] } ?? []) + secretFiles.compactMap(Self.resolve)
        exceptions = config.flatMap { Self.resolve($0 + "/lua") }.map { [$0] } ?? []
    }

    /// The resolved path of `path` when a `--safe` script may read it.
    /// - Returns: the real path, or why it cannot be read.
    public func resolve(_ path: String) -> Result<String, Refusal> {
        guard let real = Self.resolve(path) else {
            return .failure(.missing(String(cString: strerror(errno))))
        }
        let denied =
            deniedRoots.contains { Self.path(real, isInside: $0) }
            && !exceptions.contains { Self.path(real, isInside: $0) }
        guard !denied, readableRoots.contains(where: { Self.path(real, isInside: $0) }) else { return .failure(.denied) }
        return .success(real)
    }

    static func path(_ path: String, isInside root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// `realpath(3)`: absolute, with `.`, `..` and every symbolic link resolved; `nil` when
    /// the path does not exist (errno says why).
    static func resolve(_ path: String) -> String? {
        guard !path.isEmpty, !path.utf8.contains(0), let real = realpath(path, nil) else {
            if path.isEmpty { errno = ENOENT }
            return nil
        }
        defer { free(real) }
        return String(cString: real)
    }

    /// The fixed directory part of a `package.path` template: `/a/lua/?.lua` → `/a/lua`.
    static func directory(ofTemplate template: String) -> String {
        let fixed = template.prefix { $0 != "?" }
        guard let slash = fixed.lastIndex(of: "/") else { return "." }
        return String(fixed[..<slash]).isEmpty ? "/" : String(fixed[..<slash])
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension SafeReadPolicy {
    /// The policy for a shell without a script: the current directory and the module path,
    /// with `$XDG_CONFIG_HOME/empsh` denied.
    /// - Parameters:
    ///   - options: the shell's options (their module path).
    ///   - scriptDirectory: the running script's directory.
    ///   - secretFiles: files holding a token or password.
    public init(options: Shell.Options, scriptDirectory: String? = nil, secretFiles: [String] = []) {
        let environment = ProcessInfo.processInfo.environment
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        self.init(
            currentDirectory: FileManager.default.currentDirectoryPath, scriptDirectory: scriptDirectory,
            modulePaths: options.modulePaths, configDirectory: config + "/empsh", secretFiles: secretFiles)
    }
}
