-- arithmetic, integer/float, math, os/io basics
assert(math.maxinteger + 1 == math.mininteger)
assert(7 // 2 == 3 and 7 % -3 == -2 and 2^10 == 1024.0)
assert(math.type(1) == "integer" and math.type(1.0) == "float")
local acc = 0.0
for i = 1, 100000 do acc = acc + math.sin(i) * math.sqrt(i) end
assert(acc == acc)
assert(tostring(1e300 * 1e10) == "inf" or tostring(1e300 * 1e10) == "1e+310" == false)
assert(tonumber("0x10") == 16 and tonumber("  12  ") == 12 and tonumber("z", 36) == 35)
assert(string.format("%.3f", 1/3) == "0.333")
local fn = os.tmpname()
local fh = assert(io.open(fn, "w"))
for i = 1, 1000 do fh:write(i, "\n") end
fh:close()
local sum = 0
for l in io.lines(fn) do sum = sum + tonumber(l) end
os.remove(fn)
assert(sum == 500500)
print("ok")
