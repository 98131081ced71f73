#!/usr/bin/env empsh
-- Every group with its members, largest group first. Employees in no group are left out
-- (drop_empty): without it they would make a group of their own, with a null name.
local team = require "team"

local members = employees.all{ fields = {"id", "full_name", "groups"} }
    :unnest("groups", {drop_empty = true})

local groups = members:sort_by("full_name"):group_by("group_name"):sort_by{"-count", "key"}

team.report(("%d groups, %d memberships"):format(#groups, #members), groups:map(function(g)
    return {group = g.key, count = g.count, members = table.concat(g.rows:pluck("full_name"), ", ")}
end), {"group", "count", "members"})
