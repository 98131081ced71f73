// swift-tools-version:6.0
import PackageDescription

/// On Linux the empsh binary carries the Swift runtime and Foundation (static libraries of the
/// toolchain), so the dynamic loader binds no Swift symbols at start-up: about a third of
/// `empsh -e 'return 1'` when they were shared libraries. The static Foundation's own
/// dependencies are named here (the shared libraries name them themselves), and the toolchain's
/// lld links them, as it takes archives in any order.
let staticSwiftRuntime: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-static-stdlib", "-use-ld=lld",
            "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims", "-lswiftSynchronization",
        ],
        .when(platforms: [.linux]))
]

/// The named products of one package, as target dependencies.
func products(_ package: String, _ names: String...) -> [Target.Dependency] {
    names.map { .product(name: $0, package: package) }
}

let package = Package(
    name: "empsh",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "empsh", targets: ["empsh"]),
        .executable(name: "engine-bench", targets: ["EngineBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Imported directly by the HTTP client and server, not only through AsyncHTTPClient and Hummingbird.
        .package(url: "https://github.com/apple/swift-nio", "2.101.2"..<"3.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", "2.13.0"..<"3.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "Lua", dependencies: ["CLuaShim"]),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PostgresRegex", dependencies: ["CPCRE2"]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CProcess"),
        .target(name: "DataAPIContract"),
        .target(name: "EmployeeQuery", dependencies: ["DataAPIContract", "PostgresRegex"]),
        .target(
            name: "DataAPIClient",
            dependencies: ["DataAPIContract", "EmployeeQuery"]
                + products("async-http-client", "AsyncHTTPClient") + products("swift-nio", "NIOCore", "NIOHTTP1", "NIOPosix")
                + products("TOMLKit", "TOMLKit") + products("swift-log", "Logging")
        ),
        .target(
            name: "DataAPIServer",
            dependencies: ["DataAPIContract", "EmployeeQuery"]
                + products("hummingbird", "Hummingbird") + products("swift-nio", "NIOCore", "NIOConcurrencyHelpers")
                + products("swift-service-lifecycle", "ServiceLifecycle") + products("swift-log", "Logging")
        ),
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        .target(
            name: "Shell",
            dependencies: ["Lua", "DataAPIContract", "EmployeeQuery", "DataAPIClient", "LineEditing"],
            plugins: ["EmbedLua"]
        ),
        // Shell's Lua (its prelude, the list bindings, the REPL helpers, `empsh test`'s runner) lives in .lua files,
        // embedded in the binary as text and bytecode.
        .executableTarget(name: "EmbedLuaTool", dependencies: ["CLua"]),
        .plugin(name: "EmbedLua", capability: .buildTool(), dependencies: ["EmbedLuaTool"]),
        .executableTarget(
            name: "empsh",
            dependencies: [
                "Shell", "DataAPIServer", "DataAPIClient", "DataAPIContract", "LineEditing", "Lua", "CMalloc", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticSwiftRuntime,
            plugins: ["BuildInfo"]
        ),
        // The commit empsh is built from, for --version (EMPSH_COMMIT, else git, else "unknown").
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(name: "EngineBench", dependencies: ["DataAPIContract", "DataAPIServer"]),
        .target(name: "TestSupport", dependencies: ["DataAPIContract", "DataAPIClient", "DataAPIServer"], path: "Tests/TestSupport"),
        .testTarget(name: "LuaTests", dependencies: ["Lua"]),
        .testTarget(name: "PostgresRegexTests", dependencies: ["PostgresRegex"]),
        .testTarget(name: "DataAPIContractTests", dependencies: ["DataAPIContract", "TestSupport"]),
        .testTarget(name: "EmployeeQueryTests", dependencies: ["EmployeeQuery", "DataAPIServer", "TestSupport"]),
        .testTarget(name: "DataAPIClientTests", dependencies: ["DataAPIClient", "TestSupport"]),
        .testTarget(name: "DataAPIServerTests", dependencies: ["DataAPIServer", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "DataAPIServer", "TestSupport"]),
        .testTarget(name: "EmpshTests", dependencies: ["DataAPIContract", "DataAPIServer", "TestSupport"]),
    ]
)
