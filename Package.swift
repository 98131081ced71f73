// swift-tools-version:6.0
import PackageDescription

/// Targets that hold raw `lua_State` pointers and signal handlers keep Swift 5 mode;
/// the contract, the server and the CLI are checked under Swift 6 concurrency rules.
let swift5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

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
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "Lua", dependencies: ["CLuaShim"], swiftSettings: swift5),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "DataAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DataAPIServer",
            dependencies: [
                "DataAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Shell",
            dependencies: [
                "Lua", "DataAPI", "DataAPIServer", "CEditLine",
            ],
            swiftSettings: swift5
        ),
        .executableTarget(
            name: "empsh",
            dependencies: [
                "Shell", "DataAPIServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swift5
        ),
        .executableTarget(name: "EngineBench", dependencies: ["DataAPI", "DataAPIServer"]),
        .target(name: "TestSupport", dependencies: ["DataAPI", "DataAPIServer"], path: "Tests/TestSupport"),
        .testTarget(name: "LuaTests", dependencies: ["Lua"], swiftSettings: swift5),
        .testTarget(name: "DataAPITests", dependencies: ["DataAPI", "TestSupport"]),
        .testTarget(name: "DataAPIServerTests", dependencies: ["DataAPIServer", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "TestSupport"], swiftSettings: swift5),
        .testTarget(name: "EmpshTests", dependencies: ["TestSupport"]),
    ]
)
