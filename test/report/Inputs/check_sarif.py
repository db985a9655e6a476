"""Reads escape-cc's --format=sarif log back and checks what a SARIF viewer
needs: SARIF 2.1.0, a driver with its rules, and per result a rule, a level, a
message and a physical location with a region that resolves, through
%SRCROOT%, to a file; for an inlined allocation, its inline chain as a stack
whose frames hold no more than the schema allows. The whole log is first
walked against the part of the SARIF 2.1.0 schema it uses (the schema itself
is not in Debian, and not ours to copy). Prints one line per result
for FileCheck, with the source text at the region's start.

    python3 check_sarif.py LOG.sarif
"""
import json
import os
import sys
import urllib.parse

LEVELS = {"none", "note", "warning", "error"}
# What the SARIF 2.1.0 schema lets these objects hold (additionalProperties: false).
# The part of the SARIF 2.1.0 schema escape-cc's logs use: per object, the
# properties it may hold (every one of these objects is additionalProperties:
# false), and for those that are objects or arrays of objects, their kind.
# check() walks the whole log with it; the walk below then checks what the
# schema cannot say (regions that resolve, rule indexes that agree).
STRING, INTEGER = "string", "integer"
SCHEMA = {
    "log": {"$schema": STRING, "version": STRING, "runs": ["run"], "inlineExternalProperties": None,
            "properties": "bag"},
    "run": {"tool": "tool", "invocations": None, "conversion": None, "language": STRING,
            "versionControlProvenance": None, "originalUriBaseIds": {"artifactLocation"},
            "artifacts": None, "logicalLocations": None, "graphs": None, "results": ["result"],
            "automationDetails": None, "runAggregates": None, "baselineGuid": STRING,
            "redactionTokens": None, "defaultEncoding": STRING, "defaultSourceLanguage": STRING,
            "newlineSequences": None, "columnKind": STRING, "externalPropertyFileReferences": None,
            "threadFlowLocations": None, "taxonomies": None, "addresses": None, "translations": None,
            "policies": None, "webRequests": None, "webResponses": None, "specialLocations": None,
            "properties": "bag"},
    "tool": {"driver": "component", "extensions": ["component"], "properties": "bag"},
    "component": {"guid": STRING, "name": STRING, "organization": STRING, "product": STRING,
                  "productSuite": STRING, "shortDescription": "text", "fullDescription": "text",
                  "fullName": STRING, "version": STRING, "semanticVersion": STRING,
                  "dottedQuadFileVersion": STRING, "releaseDateUtc": STRING, "downloadUri": STRING,
                  "informationUri": STRING, "globalMessageStrings": None, "notifications": None,
                  "rules": ["rule"], "taxa": None, "locations": None, "language": STRING,
                  "contents": None, "isComprehensive": None, "localizedDataSemanticVersion": STRING,
                  "minimumRequiredLocalizedDataSemanticVersion": STRING, "associatedComponent": None,
                  "translationMetadata": None, "supportedTaxonomies": None, "properties": "bag"},
    "rule": {"id": STRING, "deprecatedIds": None, "guid": STRING, "deprecatedGuids": None,
             "name": STRING, "deprecatedNames": None, "shortDescription": "text",
             "fullDescription": "text", "messageStrings": None, "defaultConfiguration": "configuration",
             "helpUri": STRING, "help": "text", "relationships": None, "properties": "bag"},
    "configuration": {"enabled": None, "level": STRING, "rank": None, "parameters": "bag",
                      "properties": "bag"},
    "text": {"text": STRING, "markdown": STRING, "properties": "bag"},
    "message": {"text": STRING, "markdown": STRING, "id": STRING, "arguments": None,
                "properties": "bag"},
    "result": {"guid": STRING, "correlationGuid": STRING, "ruleId": STRING, "ruleIndex": INTEGER,
               "rule": None, "kind": STRING, "level": STRING, "message": "message",
               "analysisTarget": "artifactLocation", "locations": ["location"],
               "hostedViewerUri": STRING, "partialFingerprints": None, "fingerprints": None,
               "stacks": ["stack"], "codeFlows": ["codeFlow"], "graphs": None,
               "graphTraversals": None, "relatedLocations": ["location"], "suppressions": None,
               "baselineState": STRING, "rank": None, "attachments": None, "workItemUris": None,
               "provenance": None, "fixes": None, "taxa": None, "webRequest": None,
               "webResponse": None, "occurrenceCount": INTEGER, "properties": "bag"},
    "location": {"id": INTEGER, "physicalLocation": "physical", "logicalLocations": None,
                 "message": "message", "annotations": None, "relationships": None,
                 "properties": "bag"},
    "physical": {"address": None, "artifactLocation": "artifactLocation", "region": "region",
                 "contextRegion": "region", "properties": "bag"},
    "artifactLocation": {"uri": STRING, "uriBaseId": STRING, "index": INTEGER,
                         "description": "message", "properties": "bag"},
    "region": {"startLine": INTEGER, "startColumn": INTEGER, "endLine": INTEGER,
               "endColumn": INTEGER, "charOffset": INTEGER, "charLength": INTEGER,
               "byteOffset": INTEGER, "byteLength": INTEGER, "snippet": None, "message": "message",
               "sourceLanguage": STRING, "properties": "bag"},
    "stack": {"message": "message", "frames": ["frame"], "properties": "bag"},
    "frame": {"location": "location", "module": STRING, "threadId": INTEGER, "parameters": None,
              "properties": "bag"},
    "codeFlow": {"message": "message", "threadFlows": ["threadFlow"], "properties": "bag"},
    "threadFlow": {"id": STRING, "message": "message", "initialState": None,
                   "immutableState": None, "locations": ["threadFlowLocation"], "properties": "bag"},
    "threadFlowLocation": {"index": INTEGER, "location": "location", "stack": "stack",
                           "kinds": None, "taxa": None, "module": STRING, "state": None,
                           "nestingLevel": INTEGER, "executionOrder": INTEGER,
                           "executionTimeUtc": STRING, "importance": STRING, "webRequest": None,
                           "webResponse": None, "properties": "bag"},
}
# What the schema requires, and its enumerations and bounds.
REQUIRED = {"log": {"version", "runs"}, "run": {"tool"}, "tool": {"driver"}, "component": {"name"},
            "rule": {"id"}, "result": {"message"}, "stack": {"frames"}, "frame": set(),
            "codeFlow": {"threadFlows"}, "threadFlow": {"locations"}}
ENUMS = {("log", "version"): {"2.1.0"}, ("result", "level"): {"none", "note", "warning", "error"},
         ("configuration", "level"): {"none", "note", "warning", "error"},
         ("run", "columnKind"): {"utf16CodeUnits", "unicodeCodePoints"}}
MINIMUM = {("result", "occurrenceCount"): 1, ("result", "ruleIndex"): -1, ("region", "startLine"): 1,
           ("region", "startColumn"): 1, ("location", "id"): -1}


def check(value, kind, where):
    """Fails unless value is what the schema allows for an object of kind."""
    if kind is None:  # a property escape-cc does not write: any value passes here
        return
    if kind == "bag":
        if not isinstance(value, dict):
            fail("%s: a property bag must be an object" % where)
        return
    if kind in (STRING, INTEGER):
        ok = isinstance(value, str) if kind == STRING else \
            isinstance(value, int) and not isinstance(value, bool)
        if not ok:
            fail("%s: not of type %s" % (where, kind))
        return
    if isinstance(kind, list):
        if not isinstance(value, list):
            fail("%s: not an array" % where)
        for i, item in enumerate(value):
            check(item, kind[0], "%s[%d]" % (where, i))
        return
    if isinstance(kind, set):  # an object whose values are all of one kind
        if not isinstance(value, dict):
            fail("%s: not an object" % where)
        for key, item in value.items():
            check(item, next(iter(kind)), "%s.%s" % (where, key))
        return
    if not isinstance(value, dict):
        fail("%s: not an object" % where)
    allowed = SCHEMA[kind]
    extra = set(value) - set(allowed)
    if extra:
        fail("%s: %s not in the schema of %s" % (where, sorted(extra), kind))
    missing = REQUIRED.get(kind, set()) - set(value)
    if missing:
        fail("%s: %s required" % (where, sorted(missing)))
    for key, item in value.items():
        check(item, allowed[key], "%s.%s" % (where, key))
        if (kind, key) in ENUMS and item not in ENUMS[(kind, key)]:
            fail("%s.%s: %r not one of %s" % (where, key, item, sorted(ENUMS[(kind, key)])))
        if (kind, key) in MINIMUM and item < MINIMUM[(kind, key)]:
            fail("%s.%s: %r below %d" % (where, key, item, MINIMUM[(kind, key)]))
    if kind == "frame" and "location" not in value:
        fail("%s: a frame without a location shows nothing" % where)


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


def location(loc, bases, where):
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
check(log, "log", "log")
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
        print("  stack: %s" % need(need(stack, "message", dict, at), "text", str, at + ".message"))
        for k, frame in enumerate(need(stack, "frames", list, at)):
            frame_at = "%s.frames[%d]" % (at, k)
            loc = need(frame, "location", dict, frame_at)
            text = need(need(loc, "message", dict, frame_at), "text", str, frame_at + ".location.message")
            print("    frame %s: %s" % (location(loc, bases, frame_at + ".location"), text))
