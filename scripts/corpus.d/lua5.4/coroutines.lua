-- coroutines, errors, gc
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for i = 1, 200 do for v in gen(100) do s = s + v end end
assert(s == 200 * 5050)
local ok, err = pcall(function() error({code = 7}) end)
assert(not ok and err.code == 7)
local ok2, msg = pcall(function() local x = nil; return x.y end)
assert(not ok2 and msg:find("index"))
local weak = setmetatable({}, {__mode = "k"})
for i = 1, 1000 do weak[{}] = i end
collectgarbage(); collectgarbage()
local c = 0
for _ in pairs(weak) do c = c + 1 end
assert(c == 0)
assert(select("#", table.unpack({1, 2, 3, nil, 5}, 1, 5)) == 5)
local f = load("local a, b = ... return a * b")
assert(f(6, 7) == 42)
local d = string.dump(f)
assert(load(d)(3, 4) == 12)
print("ok")
