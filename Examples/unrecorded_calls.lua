#!/usr/bin/env empsh
-- Employees at work whose calls are not recorded at all, or only one way,
-- counted by status and recording mode, then listed.
local team = require "team"

local unrecorded = employees.all{
    filter = F.call_recording:in_{"off", "in", "out"} & team.at_work(),
    fields = {"id", "full_name", "status", "call_recording"},
    sort = {"full_name"},
}

local modes = unrecorded:count_by("call_recording")
local summary = {}
for _, m in ipairs(modes) do summary[#summary + 1] = ("%s: %d"):format(m.key, m.count) end
team.report(("%d employees at work with calls not fully recorded (%s)"):format(#unrecorded, table.concat(summary, ", ")),
    unrecorded, {"id", "full_name", "status", "call_recording"})
