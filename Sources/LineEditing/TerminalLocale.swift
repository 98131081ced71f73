import Foundation

/// The character set the prompt reads and draws in: UTF-8, the encoding of empsh's data and of Lua's strings.
///
/// Only `LC_CTYPE` is set (from the environment, as a terminal program should): libedit reads it to decode
/// what is typed (`mbrtowc`), to measure what it draws (`wcwidth`) and to tell a letter from a Meta key.
/// Other categories stay "C", so Lua's numbers keep their `.` whatever the locale.
public enum TerminalLocale {
    /// Sets `LC_CTYPE` to a UTF-8 locale before libedit starts.
    ///
    /// The environment's locale when it is UTF-8; `C.UTF-8` when no locale variable is set or the one set names
    /// UTF-8 but is not installed (`ru_RU.UTF-8` on a minimal system); `C.UTF-8` too, with a warning, when the
    /// locale set is another character set: empsh's data is UTF-8 and the terminal almost always is.
    /// - Parameter environment: the process's environment (`LC_ALL`, `LC_CTYPE`, `LANG`).
    /// - Returns: a one-line warning to show, or nil.
    public static func prepare(environment: [String: String]) -> String? {
        let named = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { key in
            environment[key].flatMap { $0.isEmpty ? nil : (key, $0) }
        }.first
        if setlocale(LC_CTYPE, "") != nil, isUTF8 { return nil }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil, isUTF8 else {
            _ = setlocale(LC_CTYPE, "")
            return "empsh: no UTF-8 locale is installed (not even C.UTF-8): only ASCII can be edited at the prompt"
        }
        guard let (key, value) = named, !namesUTF8(value) else { return nil }
        return "empsh: the locale \(key)=\(value) is not UTF-8; the prompt reads and shows UTF-8 (set LANG=C.UTF-8 to say so)"
    }

    /// Whether `LC_CTYPE` is now a UTF-8 locale.
    public static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Whether a locale's name says UTF-8 (`ru_RU.UTF-8`, `C.utf8`).
    static func namesUTF8(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
