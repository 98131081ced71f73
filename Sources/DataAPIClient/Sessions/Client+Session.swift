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

    /// Calls `login.user` and keeps the session key.
    /// - Throws: The server's `auth_error` (password scrubbed), a transport error, or `ClientError.malformedReply`
    ///   when `data.access_token`/`data.expire_at` are missing.
    private func logIn(login: String, password: Secret) async throws {
        configuration.logger?.info("logging in", metadata: ["login": "\(login)"])
        let scanned = try await perform(
            method: "login.user", params: ["login": .string(login), "password": .string(password.value)],
            authenticated: false
        )
        guard case .object(let data)? = scanned.data, case .string(let key)? = data["access_token"], !key.isEmpty else {
            throw ClientError.malformedReply(method: "login.user", "data.access_token is missing")
        }
        guard let expireAt = data["expire_at"]?.doubleValue ?? data["expire_at"]?.intValue.map(Double.init) else {
            throw ClientError.malformedReply(method: "login.user", "data.expire_at is missing")
        }
        let secret = Secret(key)
        scrubber.add(secret)
        session.loggedIn(key: secret, expireAt: expireAt)
    }
}
