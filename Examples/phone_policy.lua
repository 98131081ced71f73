#!/usr/bin/env empsh
-- Phone numbers out of the team's policy (dial time, channels), with the reason.
-- The policy lives in lua/team.lua; the check runs locally on every number.
local team = require "team"

local phones = employees.all{
    filter = F.phone_numbers:jsquery "# = *",
    fields = {"id", "full_name", "phone_numbers"},
}:unnest("phone_numbers", {drop_empty = true})

local breaches = phones
    :map(function(p)
        local why = team.policy_breach(p)
        return why and {id = p.id, full_name = p.full_name, phone_number = p.phone_number, problem = why} or nil
    end)
    :where(function(row) return row ~= nil end)

team.report(("%d of %d numbers break the policy"):format(#breaches, #phones), breaches,
    {"id", "full_name", "phone_number", "problem"})
