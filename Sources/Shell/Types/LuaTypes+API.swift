extension LuaTypes {
    /// The type of each query option (`QueryOptions.names`), with what it does.
    static let optionTypes: [String: (type: String, doc: String)] = [
        "filter": ("FilterTable", "Which rows: F conditions, or a table in the API's shape."),
        "sort": (
            "EmployeeFieldName|string|(string|{field: EmployeeFieldName, order?: \"asc\"|\"desc\"})[]",
            "Sort keys in order; \"-name\" sorts descending."
        ),
        "fields": ("EmployeeFieldName[]", "The fields to return; all by default."),
        "limit": ("integer", "The most rows wanted."),
        "offset": ("integer", "Rows to skip first, 0 to 100000."),
        "page_size": ("integer", "Rows per call, 1 to 10000."),
        "user_id": ("integer", "For agent keys: the customer user to act for."),
    ]

    /// The annotation of each function of `employees` (`EmployeesModule.functions`).
    static let employeeFunctions: [String: [String]] = [
        "page": [
            "---One call of get.employees, sent as it is: the API's own answer.",
            "---@param options? QueryOptions", "---@return EmployeesPage",
        ],
        "all": [
            "---Every matching row, fetched page by page; the planner sends the server what it can do.",
            "---@param options? QueryOptions", "---@return List",
        ],
        "each": [
            "---The matching rows one by one, fetched as they are needed: `for e in employees.each{...} do`.",
            "---@param options? QueryOptions", "---@return fun(): Employee?",
        ],
        "count": [
            "---How many rows match (one call when the server can run the whole filter).",
            "---@param options? QueryOptions", "---@return integer",
        ],
        "explain": [
            "---The plan as text: what goes to the server, what runs locally, the pages and the points.",
            "---@param options? QueryOptions", "---@return string",
        ],
    ]

    /// `QueryOptions`, `employees`, `api`, `json`, `jsquery` and `empsh`.
    static var api: [String] {
        var out = ["---The options of employees.page/each/all/count/explain.", "---@class QueryOptions"]
        for name in QueryOptions.names {
            let option = optionTypes[name] ?? ("any", "")
            out.append("---@field \(name)? \(option.type) \(option.doc)")
        }
        out += [
            "", "---What employees.page returns.", "---@class EmployeesPage",
            "---@field total integer? metadata.total_items: how many rows match.",
            "---@field data List The rows.", "---@field metadata table The reply's metadata (limits, version).",
            "", "---Queries of get.employees.", "---@class employees", "employees = {}",
        ]
        for function in EmployeesModule.functions {
            out += [""] + (employeeFunctions[function.name] ?? ["---@param options? QueryOptions", "---@return any"])
            out.append("function employees.\(function.name)(options) end")
        }
        out += [
            "", "---What each step of employees.watch yields: the change since the previous poll, rows matched by id.",
            "---@class WatchChange", "---@field added List Rows that appeared (every row on the first step).",
            "---@field removed List Rows that went.",
            "---@field changed {before: Employee, after: Employee, fields: string[]}[] Rows whose fields changed.",
            "---@field rows List Every matching row now.", "---@field poll integer The poll's number, from 1.", "",
            "---Polls a query every `every` seconds (5 by default) and yields what changed; Ctrl-C stops it.",
            "---@param options? QueryOptions|{every?: number}", "---@return fun(): WatchChange?",
            "function employees.watch(options) end",
        ]
        out += [
            "", "---The Data API itself.", "---@class api", "api = {}", "",
            "---Calls any method of the Data API with params (the access key is added): the raw escape hatch.",
            "---@param method string", "---@param params? table", "---@return {data: any, metadata: table}",
            "function api.call(method, params) end",
            "", "---JSON that keeps null, [] and {} apart.", "---@class json", "json = {}", "",
            "---JSON's null.", "---@type JSONNull", "json.null = nil", "",
            "---A value as JSON text.", "---@param value any", "---@param options? {indent?: boolean}", "---@return string",
            "function json.encode(value, options) end", "",
            "---JSON text as a value: null as json.null, empty arrays and objects marked.", "---@param text string", "---@return any",
            "function json.decode(text) end", "",
            "---Marks a table as a JSON array (so {} encodes as []).", "---@generic T: table", "---@param t T", "---@return T",
            "function json.array(t) end", "",
            "---Marks a table as a JSON object (so {} encodes as {}).", "---@generic T: table", "---@param t T", "---@return T",
            "function json.object(t) end",
            "", "---jsquery, the query language of the API's jsquery operator.", "---@class jsquery", "jsquery = {}", "",
            "---Whether a value (a row, or any Lua value as JSON) matches a jsquery expression, as the API would decide.",
            "---@param value any", "---@param expression string", "---@return boolean",
            "function jsquery.match(value, expression) end",
            "", "---The shell itself.", "---@class empsh", "empsh = {}", "",
            "---The field catalog: order, fields (name → {kind, filterable, sortable, builders, ...}), builders, operators.",
            "---@type table", "empsh.fields = nil", "",
            "---Rows as text, in one of the output formats (\(OutputFormat.names())).", "---@param rows table", "---@param columns? string[]",
            "---@param format? \(OutputFormat.luaType)", "---@return string",
            "function empsh.render(rows, columns, format) end", "",
            "---The output format (--format, .mode), after setting it when a name is given.",
            "---@param name? \(OutputFormat.luaType)", "---@return string",
            "function empsh.format(name) end", "",
            "---The columns render shows for rows when given none.", "---@param rows table", "---@return string[]",
            "function empsh.columns(rows) end", "",
            "---A horizontal bar chart of labels and values, as text fitted to the terminal.",
            "---@param labels string[]", "---@param values number[]", "---@return string",
            "function empsh.chart(labels, values) end",
        ]
        return out
    }
}
