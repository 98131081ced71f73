#!/usr/bin/env empsh
-- Employees at work whose calls are not recorded at all, or only one way,
-- counted by status and recording mode, then listed.
local team = require "team"

local unrecorded = employees.all{
    filter = F.call_recording:in_{"off", "in", "out"} & team.at_work(),
    fields = {"id", "full_name", "status", "call_recording"},
    sort = {"full_name"},
}

team.report("Calls not fully recorded, by status and mode",
    unrecorded:count_by(function(e) return e.status .. " / " .. e.call_recording end))
team.report(("%d employees"):format(#unrecorded), unrecorded, {"id", "full_name", "status", "call_recording"})
