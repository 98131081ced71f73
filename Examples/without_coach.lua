#!/usr/bin/env empsh
-- Employees at work who have no coach, with their schedule.
local team = require "team"

local alone = employees.all{
    filter = F.coach:jsquery "NOT coach_id = *" & team.at_work(),
    fields = {"id", "full_name", "schedule_name"},
    sort = {"last_name"},
}

team.report(("%d employees at work have no coach"):format(#alone), alone, {"id", "full_name", "schedule_name"})
