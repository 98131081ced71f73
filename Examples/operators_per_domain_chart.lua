#!/usr/bin/env empsh
-- How many chat operators serve each website domain, as a bar chart in the terminal.
-- An operator serving several sites of one domain counts once for it.
--
--   scripts/empsh Examples/operators_per_domain_chart.lua                  the chart
--   scripts/empsh --format json Examples/operators_per_domain_chart.lua    the numbers: [{key=, count=}]
local team = require "team"

local operators = employees.all{ filter = team.operators(), fields = {"id", "operator"} }

local seen = {}
operators
    :unnest("operator.operator_sites", {drop_empty = true})
    :where(function(site)
        local key = tostring(site.site_domain_name) .. "\0" .. site.id
        if seen[key] then return false end
        seen[key] = true
        return true
    end)
    :count_by("site_domain_name")
    :chart()
