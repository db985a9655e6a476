"""Reads an LLVM YAML optimization record back with escape-cc's own reader,
checks the escape pass's remarks and their structured arguments, and prints one
line per remark for FileCheck. When PyYAML is installed, the reader's result
is compared with PyYAML's on every document of the record.

    python3 check_record.py ESCAPE-CC RECORD.yaml
"""
import importlib.machinery
import importlib.util
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside scripts/escape-cc

loader = importlib.machinery.SourceFileLoader("escape_cc", sys.argv[1])
spec = importlib.util.spec_from_loader("escape_cc", loader)
escape_cc = importlib.util.module_from_spec(spec)
loader.exec_module(escape_cc)


def fail(message):
    print("check_record: " + message)
    sys.exit(1)


with open(sys.argv[2], encoding="utf-8") as f:
    text = f.read()
everything = escape_cc.parse_yaml_record(text)
remarks = [r for r in everything if r.get("Pass") == "escape"]


def rendered(r):
    """The remark as opt-viewer shows it: its arguments' values joined."""
    out = []
    for a in r.get("Args") or fail("no Args"):
        values = [v for k, v in a.items() if k != "DebugLoc"]
        if len(values) != 1:
            fail("argument %r" % a)
        out.append(values[0])
    return "".join(out)


def place(d):
    return "%s:%s:%s" % (d["File"].rsplit("/", 1)[-1], d["Line"], d["Column"])


def facts(r):
    """An EscapeFacts remark: its facts, `Key=value`, a place as @place."""
    if r.get("DebugLoc"):
        fail("EscapeFacts with a DebugLoc: opt-viewer would show it")
    out = []
    for a in r.get("Args") or fail("no Args"):
        key = next(k for k in a if k != "DebugLoc")
        if key != "String":
            out.append("%s=%s" % (key, "@" + place(a["DebugLoc"]) if "DebugLoc" in a else a[key]))
    return " ".join(out)


for r in remarks:
    kind, name = r["Kind"], r.get("Name")
    if (kind, name) == ("Analysis", "EscapeFacts"):  # the facts of the verdict before it
        print("  facts: %s" % facts(r))
        continue
    if name == "ParamVerdict" and kind in ("Passed", "Missed"):  # Go's parameter verdicts
        keys = [k for a in r.get("Args") or fail("no Args") for k in a]
        if "Param" not in keys:
            fail("ParamVerdict args %r" % r.get("Args"))
        print("%s %s %s in %s: %s" % (kind, name, place(r["DebugLoc"]), r.get("Function"), rendered(r)))
        continue
    if (kind, name) in (("Analysis", "EscapeFlow"), ("Analysis", "EscapeInlined")):  # Go's -m=2 lines
        args = {}
        for a in r.get("Args") or fail("no Args"):
            args.update(a)
        if ("Flow" not in args and "Callee" not in args) or ("At" in args and "DebugLoc" not in args):
            fail("%s args %r" % (name, args))
        print("%s %s in %s: %s" % (kind, name, r.get("Function"), rendered(r)))
        continue
    if (kind, name) not in (("Passed", "MovedToStack"), ("Missed", "EscapesToHeap")):
        fail("remark %s %s" % (kind, name))
    loc = r.get("DebugLoc") or fail("no DebugLoc")
    if not all(k in loc for k in ("File", "Line", "Column")):
        fail("DebugLoc %r" % loc)
    args = {}
    for a in r.get("Args") or fail("no Args"):
        key = next(k for k in a if k != "DebugLoc")
        args[key] = a
    for key in ("Allocation",) + (("Reason",) if kind == "Missed" else ()):
        if key not in args:
            fail("%s: no %s" % (name, key))
    at = " at " + place(args["Reason"]["DebugLoc"]) if "DebugLoc" in args.get("Reason", {}) else ""
    print("%s %s %s in %s: %s%s" % (kind, name, place(loc), r.get("Function"), rendered(r), at))
print("escape remarks: %d of %d" % (len(remarks), len(everything)))

try:
    import yaml
except ImportError:
    print("pyyaml: absent")
    sys.exit(0)


class Loader(yaml.SafeLoader):
    pass


def tagged(loader, suffix, node):
    d = loader.construct_mapping(node, deep=True)
    d["Kind"] = suffix
    return d


def strings(x):
    if isinstance(x, dict):
        return {str(k): strings(v) for k, v in x.items()}
    if isinstance(x, list):
        return [strings(v) for v in x]
    return None if x is None else str(x)


Loader.add_multi_constructor("!", tagged)
theirs = [strings(d) for d in yaml.load_all(text, Loader=Loader) if d is not None]
print("pyyaml: %s" % ("same" if strings(everything) == theirs else "DIFFERENT"))
