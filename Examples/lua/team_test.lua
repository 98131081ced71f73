-- Tests of team.lua, run by `empsh test Examples/lua` against the demo account (or a --replay file).
local team = require "team"

function test_at_work_leaves_out_only_not_at_work()
    local total = employees.count{}
    local at_work = employees.count{ filter = team.at_work() }
    local away = employees.count{ filter = F.status:eq "not_at_work" }
    assert(at_work + away == total, ("%d at work + %d away ~= %d"):format(at_work, away, total))
    for e in employees.each{ filter = team.at_work(), fields = {"id", "status"} } do
        assert(e.status ~= "not_at_work", "employee " .. e.id .. " is not at work")
    end
end

function test_operators_have_an_operator_seat()
    local ops = employees.all{ filter = team.operators(), fields = {"id", "operator"} }
    assert(#ops > 0, "the demo account has chat operators")
    for _, e in ipairs(ops) do
        assert(e.operator ~= json.null and e.operator.operator_login ~= nil, "employee " .. e.id .. " has no seat")
    end
end

function test_policy_breach_names_what_is_wrong()
    assert(team.policy_breach{ dial_time = 30, channels_count = 2 } == nil)
    assert(team.policy_breach{ dial_time = 5, channels_count = 2 } == "rings only 5 s")
    assert(team.policy_breach{ dial_time = 90, channels_count = 2 } == "rings 90 s")
    assert(team.policy_breach{ dial_time = 30, channels_count = 31 } == "31 channels")
    assert(team.policy_breach{ dial_time = json.null, channels_count = 1 } == "incomplete settings")
end

function test_policy_breach_agrees_with_the_demo_numbers()
    local numbers = employees.all{ fields = {"id", "phone_numbers"} }:unnest("phone_numbers", {drop_empty = true})
    assert(#numbers > 0, "the demo account has phone numbers")
    for _, phone in ipairs(numbers) do
        local breach = team.policy_breach(phone)
        local ok = phone.dial_time ~= json.null and phone.channels_count ~= json.null
            and phone.dial_time >= 10 and phone.dial_time <= 60 and phone.channels_count >= 1 and phone.channels_count <= 30
        assert((breach == nil) == ok, ("%s: breach %s"):format(phone.phone_number, tostring(breach)))
    end
end

function test_report_prints_the_title_and_the_rows()
    local rows = List.new{ { id = 1, full_name = "Иванов Иван" } }
    local printed = {}
    local real_print, real_write = print, io.write
    print = function(...) printed[#printed + 1] = table.concat({...}, "\t") end
    io.write = function(...) printed[#printed + 1] = table.concat({...}) end
    local ok, err = pcall(team.report, "Title", rows, {"id", "full_name"})
    print, io.write = real_print, real_write
    assert(ok, err)
    assert(printed[1] == "Title", "the title comes first")
    assert(printed[2]:find("Иванов Иван", 1, true), "the rows follow")
end
