#!/usr/bin/env empsh
-- Who can take an external call right now: available, allowed incoming external calls,
-- and at least one active phone number. All of it runs on the server.
local team = require "team"

local ready = employees.all{
    filter = F.status:eq "available"
        & F.allowed_in_call_types:has "external"
        & F.phone_numbers:has{status = "active"},
    fields = {"id", "full_name", "phone_numbers"},
    sort = {"last_name", "first_name"},
}

local rows = ready:map(function(e)
    local active = 0
    for _, phone in ipairs(e.phone_numbers) do
        if phone.status == "active" then active = active + 1 end
    end
    return {id = e.id, full_name = e.full_name, active_numbers = active}
end)

team.report(("%d employees can take an external call now"):format(#rows), rows, {"id", "full_name", "active_numbers"})
