#!/usr/bin/env empsh
-- Chat operators grouped by the website domain they serve.
-- An operator serving several sites appears under each of them.
--
--   scripts/empsh Examples/operators_by_domain.lua            all operators
--   scripts/empsh Examples/operators_by_domain.lua at-work    only those at work
local team = require "team"

local filter = team.operators()
if arg[1] == "at-work" then filter = filter & team.at_work() end

local operators = employees.all{
    filter = filter,
    fields = {"id", "full_name", "status", "operator"},
}

local by_domain = operators
    :unnest("operator.operator_sites", {drop_empty = true})
    :map(function(row)
        return {domain = row.site_domain_name, id = row.id, operator = row.full_name, status = row.status}
    end)
    :sort_by({"domain", "operator"})
    :group_by("domain")

team.report(("%d chat operators on %d domains"):format(#operators, #by_domain), by_domain:map(function(g)
    return {domain = g.key, count = g.count, operators = table.concat(g.rows:pluck("operator"), ", ")}
end), {"domain", "count", "operators"})
