#!/usr/bin/env empsh
-- Prints a line whenever a chat operator goes offline or comes back. Ctrl-C stops it.
--
--   scripts/empsh Examples/offline_watch.lua [SECONDS] [POLLS]     every SECONDS (5), POLLS times (forever)
--   EMPSH_DEMO_CHURN=5 scripts/empsh Examples/offline_watch.lua 1    on a demo account that changes
local team = require "team"

local every = tonumber(arg[1]) or 5
local polls = tonumber(arg[2])
-- The statuses in which an operator cannot take a chat.
local offline = { not_at_work = true, not_at_workplace = true, ["break"] = true, do_not_disturb = true }

for change in employees.watch{ filter = team.operators(), fields = {"id", "full_name", "status"}, every = every } do
    if change.poll == 1 then
        print(("watching %d chat operators every %g s"):format(#change.added, every))
    end
    for _, c in ipairs(change.changed) do
        local was, now = offline[c.before.status], offline[c.after.status]
        if now ~= was then
            print(("%s  %-7s  %s (%s → %s)"):format(os.date("%H:%M:%S"), now and "offline" or "back", c.after.full_name,
                c.before.status, c.after.status))
        end
    end
    for _, gone in ipairs(change.removed) do print(("%s  gone     %s"):format(os.date("%H:%M:%S"), gone.full_name)) end
    if polls and change.poll >= polls then break end
end
