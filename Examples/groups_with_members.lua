#!/usr/bin/env empsh
-- Every group with its members, largest group first.
local team = require "team"

local members = employees.all{ fields = {"id", "full_name", "groups"} }
    :unnest("groups")
    :map(function(row) return {group = row.group_name, member = row.full_name, id = row.id} end)

local groups = members:sort_by({"group", "member"}):group_by("group")
team.report(("%d groups, %d memberships"):format(#groups, #members), groups, {"id", "member"})
