-- tables, sort, closures, metatables
local t = {}
for i = 1, 50000 do t[i] = (i * 7919) % 50021 end
table.sort(t)
for i = 2, #t do assert(t[i - 1] <= t[i]) end
local m = setmetatable({}, {__index = function(_, k) return k * 2 end})
assert(m[21] == 42)
local function counter() local c = 0; return function() c = c + 1; return c end end
local cs = {}
for i = 1, 1000 do cs[i] = counter() end
for i = 1, 1000 do cs[i](); cs[i]() end
assert(cs[500]() == 3)
local h = {}
for i = 1, 30000 do h["k" .. i] = i end
local sum = 0
for k, v in pairs(h) do sum = sum + v end
assert(sum == 30000 * 30001 // 2)
table.move(t, 1, 10, 5)
assert(#table.pack(table.unpack(t, 1, 100)) == 100)
print("ok")
