extension Client {
    /// The token for the next call, logging in first when the session manager says so. Concurrent calls
    /// share one `login.user`.
    func accessToken() async throws -> Secret? {
        while true {
            switch session.next(at: clock.now()) {
            case .use(let key):
                return key
            case .login(let login, let password):
                if let pending = loginTask {
                    try await pending.value
                    continue
                }
                let task = Task { try await self.logIn(login: login, password: password) }
                loginTask = task
                do {
                    try await task.value
                    loginTask = nil
                } catch {
                    loginTask = nil
                    throw error
                }
                if let key = session.key { return key }  // fresh, even if the server gave less than the margin
            }
        }
    }

    /// Calls `login.user` and keeps the session key, with its end as `SessionExpiry` reads it (`expire_at` or
    /// `expire`; without either, the key is used until the server rejects it).
    /// - Throws: The server's `auth_error` (password scrubbed), a transport error, or `ClientError.malformedReply`
    ///   when `data.access_token` is missing or the key's end cannot be read.
    private func logIn(login: String, password: Secret) async throws {
        configuration.logger?.info("logging in", metadata: ["login": "\(login)"])
        let scanned = try await perform(
            method: "login.user", params: ["login": .string(login), "password": .string(password.value)],
            authenticated: false
        )
        guard case .object(let data)? = scanned.data, case .string(let key)? = data["access_token"], !key.isEmpty else {
            throw ClientError.malformedReply(method: "login.user", "data.access_token is missing")
        }
        let secret = Secret(key)
        scrubber.add(secret)
        let expireAt: Double?
        switch SessionExpiry.read(data) {
        case .at(let seconds): expireAt = seconds
        case .absent:
            configuration.logger?.notice("login.user named no expire_at; the session key is renewed when the server rejects it")
            expireAt = nil
        case .unreadable(let member):
            throw ClientError.malformedReply(method: "login.user", "data.\(member) is neither Unix seconds nor a date")
        }
        session.loggedIn(key: secret, expireAt: expireAt, at: clock.now())
    }
}
