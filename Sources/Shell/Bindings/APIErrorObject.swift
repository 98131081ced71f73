import DataAPIClient
import DataAPIContract
import Lua

/// An API, network or client failure raised in Lua as a table, so that `pcall` gets its parts:
/// `{mnemonic=, code=, message=, field=, value=, method=}` with a `__tostring` that reads
/// `script.lua:12: filter_prohibited: ... (field filter.field)`.
///
/// Its metatable is registered as a host error type, so the shell knows an API failure by the
/// object's origin (exit 3), never by its fields or text; scripts cannot forge one.
struct APIErrorObject: LuaPushableError {
    var mnemonic: String
    var code: Int?
    var message: String
    var field: String?
    var value: JSON?
    var method: String?
    /// The call level whose line the message names: 1, the function that called the binding;
    /// 2 when the binding runs inside a helper (the `employees.each` iterator).
    var level: Int32 = 1

    static let metatable = "empsh.APIError"

    /// The Lua error for any error of the client stack.
    init(_ error: any Error, method: String? = nil) {
        self.method = method
        switch error {
        case let error as DataAPIError:
            mnemonic = error.mnemonic.rawValue
            code = error.code
            message = error.message
            field = error.field
            value = error.value
        case let error as ClientError:
            mnemonic = error.kind.rawValue
            message = error.message
            self.method = error.method ?? method
        case let error as TransportError:
            mnemonic = error.kind.rawValue
            message = error.kind == .httpStatus ? error.description : error.detail
        case is CancellationError:
            mnemonic = "interrupted"
            message = "interrupted!"
        default:
            mnemonic = "client_error"
            message = String(describing: error)
        }
    }

    func pushError(onto stack: LuaStack) {
        let location = stack.location(level: level)
        stack.createtable(narr: 0, nrec: 8)
        stack.pushstring(mnemonic)
        stack.rawsetfield(-2, "mnemonic")
        if let code {
            stack.pushinteger(Int64(code))
            stack.rawsetfield(-2, "code")
        }
        stack.pushstring(message)
        stack.rawsetfield(-2, "message")
        if let field {
            stack.pushstring(field)
            stack.rawsetfield(-2, "field")
        }
        if let value {
            let bytes = value.encoded()
            if (try? bytes.withUnsafeBytes({ try LuaJSONDecoder.push($0, onto: stack) })) != nil {
                stack.rawsetfield(-2, "value")
            }
        }
        if let method {
            stack.pushstring(method)
            stack.rawsetfield(-2, "method")
        }
        let text = location + description
        stack.pushstring(text)
        stack.rawsetfield(-2, "text")
        stack.getregistry(Self.metatable)
        stack.setmetatable(-2)
    }

    /// `mnemonic: message (field F)`.
    var description: String {
        var text = "\(mnemonic): \(message)"
        if let field, !message.contains(field) { text += " (field \(field))" }
        return text
    }

    /// Makes the metatable: `__tostring` gives the located text.
    static func install(in stack: LuaStack) throws {
        stack.newmetatable(metatable)
        try stack.load("local e = ... return e.text", name: "=empsh/APIError")
        stack.rawsetfield(-2, "__tostring")
        stack.registerHostErrorMetatable(metatable)
        stack.pop()
    }
}
