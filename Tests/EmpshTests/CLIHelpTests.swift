import Foundation
import TestSupport
import Testing

@Suite struct CLIHelpTests {
    /// The help text is part of the contract: any change to it shows up here.
    @Test func helpTextIsExact() throws {
        let result = try runEmpsh(["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == Self.expected)
    }

    @Test func shortHelpIsTheSame() throws {
        let result = try runEmpsh(["-h"])
        #expect(result.stdout == Self.expected)
    }

    static let expected = #"""
        OVERVIEW: A Lua shell for the employees of a UIS / CoMagic account (Data API
        get.employees), version 0.1.0.

        Without a script or -e, empsh starts the REPL when standard input is a
        terminal, and otherwise runs standard input as a script. A script gets its
        arguments in the global `arg` and as `...`; `-` as the script reads it from
        standard input. Modules given with -l load first, then the -e code runs, then
        the script, then the REPL when -i is given.

        Without credentials, empsh works on the embedded demo account. Modules are
        found through EMPSH_PATH (";;" stands for the defaults), then lua/ beside the
        script, then the project's lua/ (in the nearest folder above the script that
        holds lua/, .luarc.json or .git), then $XDG_CONFIG_HOME/empsh/lua, then ./lua,
        then Lua's own path as lua5.4 builds it (LUA_PATH_5_4 or LUA_PATH, ";;"
        standing for /usr/local/share/lua/5.4, /usr/share/lua/5.4, ./?.lua and the
        LuaRocks tree ~/.luarocks); C modules likewise (LUA_CPATH_5_4 or LUA_CPATH).
        LUA_INIT_5_4 or LUA_INIT (code, or @FILE) runs first, as in lua5.4, except with
        -E or --safe. The REPL keeps its history in $XDG_STATE_HOME/empsh/history.

        Exit codes: 0 when all went well, 1 for a script error, 2 for a usage or
        configuration error, 3 for an API, network or authentication failure, 124 when
        a run went on for a second past its --timeout or past Ctrl-C (a long C call or
        a finalizer) and the watchdog ended the process, and 130 when interrupted by
        Ctrl-C.

        USAGE: empsh [<options>] [--] [<script [args]> ...]
               empsh <subcommand> [<options>]

        ARGUMENTS:
          <script [args]>         The script to run, followed by its arguments.

        ACCOUNT:
          --url <URL>             The Data API endpoint (EMPSH_URL).
          --token <TOKEN>         A permanent API key (EMPSH_TOKEN). Never printed;
                                  other users can see it in ps: prefer --token-file.
          --token-file <FILE>     Reads the API key from FILE (- for standard input).
          --login <LOGIN>         A login for session keys (EMPSH_LOGIN).
          --password <PASSWORD>   The password of --login (EMPSH_PASSWORD). Never
                                  printed; other users can see it in ps: prefer
                                  --password-file, or let empsh ask for it on a
                                  terminal.
          --password-file <FILE>  Reads the password of --login from FILE (- for
                                  standard input).
          --user-id <ID>          For agent keys: the customer user to act for.
          --profile <NAME>        A profile of $XDG_CONFIG_HOME/empsh/config.toml
                                  (EMPSH_PROFILE).
          --retries <N>           How many times a failed call is retried (connection
                                  errors, timeouts, 5xx), each announced on stderr,
                                  within 10 s in all; 0 to 10. (default: 3)
          --stall-timeout <SECONDS>
                                  Fails a call that receives no byte for SECONDS
                                  (EMPSH_STALL_TIMEOUT, a profile's stall_timeout); it
                                  is retried as --retries says. 10 by default.
          --no-cache              Never answers a call from the response cache.
          --record <FILE>         Writes every call and its reply to FILE (NDJSON,
                                  credentials left out).
          --replay <FILE>         Answers every call from a file written by --record:
                                  no network, no points, no credentials.

        OPTIONS:
          -e <CODE>               Runs CODE before the script; may be repeated.
          -l <MODULE>             Requires MODULE into the global of that name
                                  (NAME=MODULE names the global); may be repeated.
          -i                      Enters the REPL after running the -e code and the
                                  script.
          -E                      Ignores LUA_INIT, LUA_PATH and LUA_CPATH (and their
                                  _5_4 forms), as lua -E does.
          -W                      Turns warnings on (warn), as lua -W does.
          --format <FORMAT>       Sets how lists print: table, json, csv, ndjson, or
                                  line for one field per line. (values: table, json,
                                  csv, ndjson, line; default: table)
          --color <WHEN>          Colours headers, nulls, watch changes and errors:
                                  auto (on a terminal, unless NO_COLOR is set), always
                                  or never. (values: auto, always, never; default: auto)
          --safe                  Runs as a sandbox: no file is written, files are read
                                  only in the current directory, the script's directory
                                  and the module path, and no program, C module or
                                  debug function runs.
          --verbose               Prints a traceback with every error, API errors
                                  included.
          --timeout <SECONDS>     Stops each run of Lua code after SECONDS of
                                  wall-clock time.
          --types                 Prints the LuaLS definitions of empsh's Lua API
                                  (---@meta) for editors, and exits.
          --memory <MB>           Caps the memory Lua holds at MB megabytes: its
                                  allocator's chunks (freed blocks included) and the
                                  fetched pages waiting for it, not only live objects;
                                  past it a run fails with "not enough memory" (exit
                                  1). By default half the machine's memory, at most
                                  4096.
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          serve                   Serves the reference implementation of get.employees
                                  on 127.0.0.1.
          test                    Runs the test_* functions of *_test.lua files.

          See 'empsh help <subcommand>' for detailed help.

        """#
}
