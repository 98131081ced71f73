-- =employees.each: makes the iterator of employees.each from next_batch, a function that
-- returns the next batch of rows (a table) or nil when there are no more.
local next_batch = ...
local batch, i, n = nil, 0, 0
return function()
    while i >= n do
        batch = next_batch()
        if batch == nil then return nil end
        i, n = 0, #batch
    end
    i = i + 1
    return batch[i]
end
