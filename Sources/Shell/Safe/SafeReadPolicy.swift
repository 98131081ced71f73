import Foundation

/// Which files a `--safe` script may read: those inside the current directory, the script's
/// directory and the module path, after `..` and symbolic links are resolved (`realpath`), and
/// never under `/proc`, `/sys`, `/dev`, empsh's configuration directory (its `lua/` modules
/// aside) or a file that holds a secret.
///
/// Secrets are denied by their real file (device and inode, after links), wherever they lie,
/// module folders included: `--token-file` and `--password-file`, and every file of the
/// configuration directory outside its `lua/` (the profile file, and what a link there points to).
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
    /// The files that hold secrets, by device and inode: never read, wherever they lie.
    private var secrets: Set<FileIdentity>

    private struct FileIdentity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

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
        let configFiles = config.map { Self.files(in: $0, skipping: "lua") } ?? []
        secrets = Set((secretFiles + configFiles).compactMap(FileIdentity.init))
    }

    /// The files under `folder` (links followed to their targets by `stat`), its `skipping`
    /// subfolder aside; at most a few hundred, a configuration directory being small.
    static func files(in folder: String, skipping: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var found: [String] = []
        for name in names.prefix(256) where name != skipping {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            found += isDirectory.boolValue ? files(in: path, skipping: "").prefix(256) : [path]
        }
        return found
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
        if !secrets.isEmpty, let identity = FileIdentity(real), secrets.contains(identity) { return .failure(.denied) }
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
