-- The team's shared module: the policies and filters our scripts agree on.
-- Scripts load it with `require "team"`; empsh finds it in lua/ beside the script,
-- in $XDG_CONFIG_HOME/empsh/lua/, in ./lua/, or wherever EMPSH_PATH points.
local team = {}

-- Phone number policy of the account: how long a number rings and how many lines it has.
team.policy = {
    min_dial_time = 10,   -- seconds
    max_dial_time = 60,
    min_channels = 1,
    max_channels = 30,
}

-- Employees who are at work (every status but "not_at_work").
function team.at_work()
    return F.status:ne "not_at_work"
end

-- Chat operators: employees with an operator seat.
function team.operators()
    return F.operator:jsquery "operator_login = *"
end

-- Why a phone number breaks the policy, or nil when it keeps it.
function team.policy_breach(phone)
    local p = team.policy
    local dial, channels = phone.dial_time, phone.channels_count
    if dial == json.null or channels == json.null then return "incomplete settings" end
    if dial < p.min_dial_time then return ("rings only %d s"):format(dial) end
    if dial > p.max_dial_time then return ("rings %d s"):format(dial) end
    if channels < p.min_channels or channels > p.max_channels then
        return ("%d channels"):format(channels)
    end
    return nil
end

-- A heading followed by the rows, in the output format chosen with --format.
-- The heading goes to stdout with tables and to stderr with json/csv/ndjson, so that
-- machine-readable output stays clean.
function team.report(title, rows, columns)
    if empsh.format() == "table" then
        print(title)
    else
        io.stderr:write(title, "\n")
    end
    rows:show(columns)
end

return team
