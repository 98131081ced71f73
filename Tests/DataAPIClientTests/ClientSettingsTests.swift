import DataAPIContract
import Foundation
import Testing

@testable import DataAPIClient

@Suite struct ClientSettingsTests {
    static let path = "/cfg/empsh/config.toml"
    static let env = ["XDG_CONFIG_HOME": "/cfg"]

    static func resolve(_ flags: ClientSettings.Flags = .init(), env: [String: String] = env, file: String? = nil) throws -> ClientSettings {
        try ClientSettings.resolve(flags: flags, environment: env) { path in
            #expect(path == Self.path)
            return file
        }
    }

    static let file = """
        [profiles.work]
        url = "https://dataapi.comagic.ru/v2.0"
        token = "profile-token-SECRET"
        user_id = 42

        [profiles.ops]
        login = "ops"
        password = "profile-pass-SECRET"
        """

    @Test func noCredentialsMeansDemo() throws {
        let settings = try Self.resolve()
        #expect(settings.isDemo)
        #expect(settings.url == nil)
        #expect(settings.description == "demo account")
    }

    @Test func tokenGetsTheDefaultURL() throws {
        let settings = try Self.resolve(.init(token: "flag-token"))
        #expect(settings.url == ClientSettings.defaultURL)
        #expect(settings.credentials == .token("flag-token"))
        #expect(!settings.isDemo)
        #expect(!settings.description.contains("flag-token"))
    }

    @Test func flagBeatsEnvironmentBeatsProfile() throws {
        var env = Self.env
        env["EMPSH_PROFILE"] = "work"
        let fromProfile = try Self.resolve(env: env, file: Self.file)
        #expect(fromProfile.credentials == .token("profile-token-SECRET"))
        #expect(fromProfile.url == "https://dataapi.comagic.ru/v2.0")
        #expect(fromProfile.userID == 42)
        #expect(fromProfile.profile == "work")

        env["EMPSH_TOKEN"] = "env-token"
        env["EMPSH_USER_ID"] = "7"
        let fromEnv = try Self.resolve(env: env, file: Self.file)
        #expect(fromEnv.credentials == .token("env-token"))
        #expect(fromEnv.userID == 7)
        #expect(fromEnv.url == "https://dataapi.comagic.ru/v2.0")

        let fromFlags = try Self.resolve(
            .init(url: "http://127.0.0.1:8080/v2.0", login: "me", password: "pw", userID: "9"), env: env, file: Self.file)
        #expect(fromFlags.credentials == .login(login: "me", password: "pw"))
        #expect(fromFlags.userID == 9)
        #expect(fromFlags.url == "http://127.0.0.1:8080/v2.0")
    }

    @Test func profileFlagSelectsAndDefaultProfileApplies() throws {
        let ops = try Self.resolve(.init(profile: "ops"), file: Self.file)
        #expect(ops.credentials == .login(login: "ops", password: "profile-pass-SECRET"))
        let withDefault = try Self.resolve(file: "[profiles.default]\ntoken = \"dflt\"\n")
        #expect(withDefault.credentials == .token("dflt"))
        #expect(try Self.resolve(file: Self.file).isDemo)  // no profile named, none called default
    }

    @Test func homeIsUsedWithoutXDG() throws {
        #expect(ClientSettings.configFilePath(environment: ["HOME": "/home/u"]) == "/home/u/.config/empsh/config.toml")
        #expect(ClientSettings.configFilePath(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/x"]) == "/x/empsh/config.toml")
    }

    @Test func passwordFromEnvironmentCompletesLoginFlag() throws {
        var env = Self.env
        env["EMPSH_PASSWORD"] = "envpass"
        #expect(try Self.resolve(.init(login: "me"), env: env).credentials == .login(login: "me", password: "envpass"))
    }

    static func configurationError(_ body: () throws -> ClientSettings) -> ConfigurationError? {
        do {
            _ = try body()
            Issue.record("no error")
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func credentialConflictsAreErrors() {
        let both = Self.configurationError { try Self.resolve(.init(token: "t-SECRET", login: "me", password: "p-SECRET")) }
        #expect(both?.description == "both a token and a login were given in the command line; give one of them")
        let orphan = Self.configurationError { try Self.resolve(.init(password: "p-SECRET")) }
        #expect(orphan?.message.contains("without a login") == true)
        let noPassword = Self.configurationError { try Self.resolve(.init(login: "me")) }
        #expect(noPassword?.message.contains("without a password") == true)
        let badID = Self.configurationError { try Self.resolve(.init(token: "t", userID: "abc")) }
        #expect(badID?.description == "--user-id must be a positive integer, not \"abc\"")
        for error in [both, orphan, noPassword] { #expect(!(error?.description.contains("SECRET") ?? true)) }
    }

    @Test func profileErrorsNameTheFileAndLine() {
        let unknown = Self.configurationError { try Self.resolve(.init(profile: "home"), file: Self.file) }
        #expect(unknown?.description == "\(Self.path): unknown profile home (profiles: ops, work)")
        let missing = Self.configurationError { try Self.resolve(.init(profile: "home"), file: nil) }
        #expect(missing?.file == Self.path)

        let badTOML = Self.configurationError { try Self.resolve(.init(profile: "work"), file: "[profiles.work]\ntoken = \"abc-SECRET\n") }
        #expect(badTOML?.file == Self.path)
        #expect(badTOML?.line == 2)
        #expect(badTOML?.message.hasPrefix("invalid TOML") == true)
        #expect(!(badTOML?.description.contains("SECRET") ?? true))

        let badType = Self.configurationError {
            try Self.resolve(.init(profile: "work"), file: "# mine\n[profiles.work]\nurl = \"u\"\nuser_id = \"forty-two\"\n")
        }
        #expect(badType?.description == "\(Self.path):4: profile work: user_id must be an integer")
        let badToken = Self.configurationError { try Self.resolve(.init(profile: "work"), file: "[profiles.work]\ntoken = 12345\n") }
        #expect(badToken?.description == "\(Self.path):2: profile work: token must be a string")
        #expect(!(badToken?.description.contains("12345") ?? true))
        let unknownKey = Self.configurationError { try Self.resolve(.init(profile: "work"), file: "[profiles.work]\n\ntokn = \"x\"\n") }
        #expect(
            unknownKey?.description == "\(Self.path):3: profile work: unknown key tokn (known: url, token, login, password, user_id, stall_timeout)")
        let bothInProfile = Self.configurationError {
            try Self.resolve(.init(profile: "work"), file: "[profiles.work]\ntoken = \"t\"\nlogin = \"l\"\npassword = \"p\"\n")
        }
        #expect(bothInProfile?.message == "both a token and a login were given in profile work in \(Self.path); give one of them")
    }

    @Test func theStallTimeoutComesFromTheFlagTheEnvironmentOrTheProfile() throws {
        let profile = "[profiles.default]\ntoken = \"t-1234\"\nstall_timeout = 2.5\n"
        #expect(try Self.resolve(file: profile).stallTimeout == .milliseconds(2500))
        #expect(try Self.resolve(env: Self.env.merging(["EMPSH_STALL_TIMEOUT": "4"]) { $1 }, file: profile).stallTimeout == .seconds(4))
        #expect(try Self.resolve(.init(stallTimeout: "1"), file: profile).stallTimeout == .seconds(1))
        #expect(try Self.resolve(.init(token: "t-1234")).stallTimeout == nil)
        for bad in ["0", "-3", "ten", "inf", "100000"] {
            let error = #expect(throws: ConfigurationError.self) { try Self.resolve(.init(token: "t-1234", stallTimeout: bad)) }
            #expect(error?.message == "--stall-timeout must be a number of seconds above 0 and at most 86400", "\(bad)")
        }
        let wrongType = #expect(throws: ConfigurationError.self) { try Self.resolve(file: "[profiles.default]\nstall_timeout = \"x\"\n") }
        #expect(wrongType?.message == "profile default: stall_timeout must be a number of seconds")
    }

    @Test func aProfileFileThatIsNotARegularFileIsRefusedWithoutWaiting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("empsh-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let fifoError = #expect(throws: ConfigurationError.self) { try ClientSettings.readFile(fifo) }  // no writer: would hang if waited on
        #expect(fifoError?.description == "\(fifo): cannot read the file: it is not a regular file (a FIFO)")
        let zero = dir + "/zero.toml"
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let zeroError = #expect(throws: ConfigurationError.self) { try ClientSettings.readFile(zero) }
        #expect(zeroError?.description == "\(zero): cannot read the file: it is not a regular file (a character device)")
        let huge = dir + "/huge.toml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, off_t(ClientSettings.maxProfileFileBytes + 1)) == 0)
        let hugeError = #expect(throws: ConfigurationError.self) { try ClientSettings.readFile(huge) }
        #expect(hugeError?.description == "\(huge): cannot read the file: it is larger than 1048576 bytes")
        #expect(try ClientSettings.readFile(dir + "/absent.toml") == nil)
        let directoryError = #expect(throws: ConfigurationError.self) { try ClientSettings.readFile(dir) }
        #expect(directoryError?.description == "\(dir): cannot read the file: it is a directory")
    }
}
