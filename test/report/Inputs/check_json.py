"""Reads escape-cc's --format=json report back: checks its shape, prints one
line per verdict for FileCheck.

    python3 check_json.py REPORT.json
"""
import json
import sys

FIELDS = {"file", "line", "column", "kind", "allocation", "reason", "allocator", "size",
          "detail", "limit", "function", "path", "inlined", "copies", "site_copies", "sizes"}
STEP_PLACE = {"file", "line", "column"}


def fail(message):
    print("check_json: " + message)
    sys.exit(1)


def copies(v):
    """Checks the copies of the site a verdict stands for; says them, for a
    site with copies: ` | copies 3 of 3, sizes 8 16 24`."""
    n, of, sizes = v["copies"], v["site_copies"], v["sizes"]
    if not isinstance(n, int) or not isinstance(of, int) or not 1 <= n <= of:
        fail("copies %r of %r" % (n, of))
    if not isinstance(sizes, list) or not all(isinstance(s, int) for s in sizes) or sizes != sorted(set(sizes)):
        fail("sizes %r" % sizes)
    if v["size"] is not None and sizes != [v["size"]]:
        fail("size %r, sizes %r" % (v["size"], sizes))
    if v["kind"] == "param" and (of, sizes) != (1, []):
        fail("a parameter verdict has no copies")
    return " | copies %d of %d, sizes %s" % (n, of, " ".join(map(str, sizes))) if of > 1 else ""


with open(sys.argv[1], encoding="utf-8") as f:
    report = json.load(f)
if not isinstance(report, list):
    fail("not a list")
for v in report:
    if set(v) != FIELDS:
        fail("fields %s" % sorted(set(v) ^ FIELDS))
    if v["kind"] not in ("moved", "escapes", "param"):
        fail("kind %r" % v["kind"])
    if v["kind"] == "param":  # Go's parameter verdict, at the function's line
        if v["allocation"] is not None or not isinstance(v["reason"], str) or v["line"] < 1:
            fail("param verdict %r" % v)
        copies(v)
        print("param %s:%d %s | %s" % (v["file"], v["line"], v["reason"], v["function"]))
        continue
    for k in ("line", "column"):
        if not isinstance(v[k], int) or v[k] < 1:
            fail("%s %r" % (k, v[k]))
    if not isinstance(v["allocation"], str) or not v["allocation"]:
        fail("allocation %r" % v["allocation"])
    if v["size"] is not None and not isinstance(v["size"], int):
        fail("size %r" % v["size"])
    if (v["kind"] == "moved") != (v["reason"] is None):
        fail("a moved allocation has no reason; an escaping one has one")
    if v["kind"] == "moved" and v["path"]:
        fail("a moved allocation has no path")
    for step in v["path"]:
        place = set(step) - {"text"}
        if not isinstance(step.get("text"), str) or place not in (set(), STEP_PLACE) or \
                (place and not isinstance(step["line"], int)):
            fail("path step %r" % step)
    for place in v["inlined"]:
        if set(place) != {"function"} | STEP_PLACE or place["column"] < 1:
            fail("inlined %r" % place)
    path = "".join("\n  inlined: %s at %s:%d:%d" % (p["function"], p["file"], p["line"], p["column"])
                   for p in v["inlined"])
    path += "".join("\n  %s%s" % (s["text"], " at %s:%d:%d" % (s["file"], s["line"], s["column"])
                                  if "file" in s else "") for s in v["path"])
    print("%s %s:%d:%d %s | %s | %s %s | %s%s%s" % (
        v["kind"], v["file"], v["line"], v["column"], v["allocation"], v["reason"],
        v["allocator"], v["size"], v["function"], copies(v), path))
print("verdicts: %d" % len(report))
