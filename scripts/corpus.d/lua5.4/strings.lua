-- string library: formatting, patterns, concatenation (allocates many strings)
local t = {}
for i = 1, 20000 do t[#t + 1] = string.format("%d:%s:%5.2f", i, ("x"):rep(i % 17), i / 7) end
local s = table.concat(t, ",")
assert(#s > 100000)
local n = 0
for a, b in s:gmatch("(%d+):(x*)") do n = n + #b + tonumber(a) % 3 end
assert(n > 0)
assert(("hello world"):gsub("o", "0") == "hell0 w0rld")
assert(("%q"):format("a\nb") == '"a\\\nb"')
assert(("abc"):upper():lower():reverse() == "cba")
assert(string.pack and string.unpack("i4", string.pack("i4", 123456)) == 123456)
local u = utf8.char(72, 228, 8364, 128512)
assert(utf8.len(u) == 4)
print("ok", n)
