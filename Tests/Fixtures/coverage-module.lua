local M = {}

function M.greet(name)
  return "Привет, " .. name
end

function M.sign(x)
  if x > 0 then
    return "положительное"
  elseif x < 0 then
    return "отрицательное"
  end
  return "ноль"
end

function M.unused()
  local t = {}
  t[1] = "никогда"
  return t
end

return M
