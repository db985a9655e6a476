"""Reads escape-cc's --format=sarif log back and checks what a SARIF viewer
needs: SARIF 2.1.0, a driver with its rules, and per result a rule, a level, a
message and a physical location with a region that resolves, through
%SRCROOT%, to a file; for an inlined allocation, its inline chain as a stack
whose frames hold no more than the schema allows; results, too, hold only
what the schema lets a result hold. Prints one line per result
for FileCheck, with the source text at the region's start.

    python3 check_sarif.py LOG.sarif
"""
import json
import os
import sys
import urllib.parse

LEVELS = {"none", "note", "warning", "error"}
# What the SARIF 2.1.0 schema lets these objects hold (additionalProperties: false).
LOCATION_KEYS = {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
                 "properties"}
RESULT_KEYS = {"guid", "correlationGuid", "ruleId", "ruleIndex", "rule", "kind", "level", "message",
               "analysisTarget", "locations", "hostedViewerUri", "partialFingerprints", "fingerprints",
               "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions",
               "baselineState", "rank", "attachments", "workItemUris", "provenance", "fixes", "taxa",
               "webRequest", "webResponse", "occurrenceCount", "properties"}
STACK_KEYS = {"message", "frames", "properties"}
FRAME_KEYS = {"location", "module", "threadId", "parameters", "properties"}


def fail(message):
    print("check_sarif: " + message)
    sys.exit(1)


def need(obj, key, kind, where):
    if not isinstance(obj, dict) or not isinstance(obj.get(key), kind):
        fail("%s.%s missing or not %s" % (where, key, kind.__name__))
    return obj[key]


def resolve(artifact, bases, where):
    uri = need(artifact, "uri", str, where)
    base = artifact.get("uriBaseId")
    if base is not None:
        if base not in bases:
            fail("%s: uriBaseId %s not in originalUriBaseIds" % (where, base))
        if urllib.parse.urlparse(uri).scheme or uri.startswith("/"):
            fail("%s: uri %s is not relative to %s" % (where, uri, base))
        uri = bases[base] + uri
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        fail("%s: uri %s does not resolve to a file" % (where, uri))
    path = urllib.parse.unquote(parsed.path)
    if not os.path.isfile(path):
        fail("%s: %s: no such file" % (where, path))
    return path


def only(obj, keys, where):
    """Fails unless obj is an object with no keys but those the schema allows."""
    if not isinstance(obj, dict) or not set(obj) <= keys:
        fail("%s: %s not in the schema" % (where, sorted(set(obj) - keys) if isinstance(obj, dict) else obj))


def location(loc, bases, where):
    only(loc, LOCATION_KEYS, where)
    phys = need(loc, "physicalLocation", dict, where)
    path = resolve(need(phys, "artifactLocation", dict, where + ".physicalLocation"), bases, where)
    region = need(phys, "region", dict, where + ".physicalLocation")
    line = need(region, "startLine", int, where + ".region")
    col = need(region, "startColumn", int, where + ".region")
    if line < 1 or col < 1:
        fail("%s: region %d:%d" % (where, line, col))
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")[line - 1][col - 1:]
    uri = phys["artifactLocation"]["uri"]
    return "%s:%d:%d [%s]" % (uri, line, col, text[:16])


with open(sys.argv[1], encoding="utf-8") as f:
    log = json.load(f)
if "2.1.0" not in need(log, "$schema", str, "log") or log.get("version") != "2.1.0":
    fail("not a SARIF 2.1.0 log")
runs = need(log, "runs", list, "log")
if len(runs) != 1:
    fail("%d runs" % len(runs))
run = runs[0]
driver = need(need(run, "tool", dict, "run"), "driver", dict, "run.tool")
print("driver %s %s" % (need(driver, "name", str, "driver"),
                        urllib.parse.urlparse(need(driver, "informationUri", str, "driver")).scheme))
rules = need(driver, "rules", list, "driver")
for r in rules:
    level = need(need(r, "defaultConfiguration", dict, "rule"), "level", str, "rule")
    if level not in LEVELS:
        fail("rule level %s" % level)
    need(need(r, "shortDescription", dict, "rule"), "text", str, "rule.shortDescription")
    print("rule %s %s" % (need(r, "id", str, "rule"), level))
bases = {}
for name, b in need(run, "originalUriBaseIds", dict, "run").items():
    uri = need(b, "uri", str, "originalUriBaseIds")
    if not uri.startswith("file:///") or not uri.endswith("/"):
        fail("originalUriBaseIds %s: %s is not a directory URI" % (name, uri))
    bases[name] = uri
for n, res in enumerate(need(run, "results", list, "run")):
    where = "results[%d]" % n
    only(res, RESULT_KEYS, where)
    rule = need(res, "ruleId", str, where)
    index = res.get("ruleIndex")
    if index is not None and rules[index]["id"] != rule:
        fail("%s: ruleIndex %d is not %s" % (where, index, rule))
    if rule not in [r["id"] for r in rules]:
        fail("%s: no rule %s" % (where, rule))
    level = res.get("level", "warning")
    if level not in LEVELS:
        fail("%s: level %s" % (where, level))
    message = need(need(res, "message", dict, where), "text", str, where + ".message")
    locs = need(res, "locations", list, where)
    if not locs:
        fail("%s: no location" % where)
    print("%s %s %s: %s" % (rule, level, location(locs[0], bases, where + ".locations[0]"), message))
    # Copies of one site (loop unrolling): how many this result stands for.
    count = res.get("occurrenceCount", 1)
    if not isinstance(count, int) or count < 1:
        fail("%s: occurrenceCount %r" % (where, count))
    props = res.get("properties", {})
    if count > 1 or "siteCopies" in props:
        print("  copies %d of %s, sizes %s" % (count, props.get("siteCopies"),
                                             " ".join(str(x) for x in props.get("sizes", []))))
    for k, rel in enumerate(res.get("relatedLocations", [])):
        text = need(need(rel, "message", dict, where), "text", str, where)
        print("  related %s: %s" % (location(rel, bases, "%s.relatedLocations[%d]" % (where, k)), text))
    # The path, as SARIF code flows: thread flows of located, described steps.
    for c, flow in enumerate(res.get("codeFlows", [])):
        for t, thread in enumerate(need(flow, "threadFlows", list, where)):
            for k, step in enumerate(need(thread, "locations", list, where)):
                at = "%s.codeFlows[%d].threadFlows[%d].locations[%d]" % (where, c, t, k)
                loc = need(step, "location", dict, at)
                text = need(need(loc, "message", dict, at), "text", str, at)
                print("  step %s: %s" % (location(loc, bases, at), text))
    # The inline chain, as a stack: frames innermost first. VS Code's SARIF
    # Viewer shows a stack only when it has a message.
    for n_stack, stack in enumerate(res.get("stacks", [])):
        at = "%s.stacks[%d]" % (where, n_stack)
        only(stack, STACK_KEYS, at)
        print("  stack: %s" % need(need(stack, "message", dict, at), "text", str, at + ".message"))
        for k, frame in enumerate(need(stack, "frames", list, at)):
            frame_at = "%s.frames[%d]" % (at, k)
            only(frame, FRAME_KEYS, frame_at)
            loc = need(frame, "location", dict, frame_at)
            text = need(need(loc, "message", dict, frame_at), "text", str, frame_at + ".location.message")
            print("    frame %s: %s" % (location(loc, bases, frame_at + ".location"), text))
