"""The compiler wrapper of scripts/corpus (kept small: it runs once per
compiler command of every build).

    python3 -S wrap.py CONFIG.json c|c++ CLANG-ARGS...

CONFIG names the mode (plain, plugin, asan, asan-plugin, ceiling, lto,
lto-plugin, asan-lto, asan-lto-plugin), the compilers, the plugin, the
ceiling runtime and the mode's directory, where it appends to crashes.log
(compiler crashes and verifier errors; with a plugin, the command is then run
again without it), times.log (CPU seconds of each compile) and remarks.log
(the escape remarks, taken out of stderr, and for lto-plugin also out of each
link's optimization record: path:line:col TAB passed|missed TAB text). The
ceiling mode instruments functions after inlining, adds line tables, and
links every program and library with the runtime of corpus.d/ceiling.c. The lto modes compile with
-flto and line tables and link with lld; their plugin modes run the pass in
each compile and again in each link (lld --load-pass-plugin), where the whole
program is one module.
"""
import json
import os
import re
import sys
import tempfile

REMARK_MODES = ("plugin", "lto-plugin")  # the modes whose remarks are kept

CRASH_RE = re.compile(
    r"PLEASE submit a bug report|Stack dump:|LLVM ERROR|Broken module found|"
    r"Assertion `.*' failed|error in backend|UNREACHABLE executed|"
    r"Instruction does not dominate|Referring to an instruction in another function")
REMARK_RE = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): remark: (?P<msg>.*) "
    r"\[-Rpass(?P<missed>-missed)?=escape\]$")
SNIPPET_RE = re.compile(r"^\s*\d*\s*\|")
SOURCE_RE = re.compile(r"\.(c|cc|cpp|cxx|C|c\+\+|i|ii)$")
INPUT_RE = re.compile(r"\.(c|cc|cpp|cxx|C|c\+\+|i|ii|o|lo|a|so|s|S)(\.[0-9.]+)?$")


def append(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8", "replace"))
    finally:
        os.close(fd)


def run_child(argv):
    """Run argv with stderr captured: (exit status, stderr, CPU seconds)."""
    r, w = os.pipe()
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, w, 2),
                                        (os.POSIX_SPAWN_CLOSE, r)])
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, status, ru = os.wait4(pid, 0)
    return (os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace"),
            ru.ru_utime + ru.ru_stime)


def append_record_remarks(record, remarks_log):
    """The Passed and Missed remarks of a link's YAML optimization record, in
    remarks.log's form. A remark's File is the name the debug info has, relative
    to its compile's directory: the file is taken from the link's directory or
    the nearest parent that holds it, as escape-cc does."""
    try:
        with open(record, errors="replace") as f:
            text = f.read()
    finally:
        os.unlink(record)
    if not text:
        return
    escape_cc = import_escape_cc()
    lines = []
    for r in escape_cc.parse_yaml_record(text, "escape"):
        loc = escape_cc.debug_loc(r.get("DebugLoc"), os.getcwd())
        if r["Kind"] not in ("Passed", "Missed") or loc is None:
            continue
        msg = "".join(v for a in r.get("Args") or [] if isinstance(a, dict)
                      for k, v in a.items() if k != "DebugLoc" and isinstance(v, str))
        lines.append("%s:%d:%d\t%s\t%s\n" % (loc.path, loc.line, loc.col,
                                             "passed" if r["Kind"] == "Passed" else "missed", msg))
    append(remarks_log, "".join(lines))


def import_escape_cc():
    """scripts/escape-cc as a module, for its reader of optimization records."""
    import importlib.machinery
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "escape-cc")
    loader = importlib.machinery.SourceFileLoader("escape_cc", path)
    spec = importlib.util.spec_from_loader("escape_cc", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def wrap(config, kind, args):
    with open(config) as f:
        cfg = json.load(f)
    compiler = cfg["clang"] if kind == "c" else cfg["clangxx"]
    mode, out = cfg["mode"], cfg["out"]
    flags = ["-Qunused-arguments", "-fverify-intermediate-code"]
    if mode.startswith("asan"):
        flags += ["-fsanitize=address", "-fno-omit-frame-pointer"]
    if mode == "ceiling":
        flags += ["-finstrument-functions-after-inlining", "-gline-tables-only"]
    lto = "lto" in mode  # lto, lto-plugin, asan-lto, asan-lto-plugin
    if lto:
        flags += ["-flto", "-gline-tables-only"]
    preprocess_only = "-E" in args or "-M" in args or "-MM" in args
    links = not preprocess_only and not ({"-c", "-S", "-fsyntax-only"} & set(args)) and any(
        a == "-" or (INPUT_RE.search(a) and not a.startswith("-")) for a in args)
    plugin_flags, record = [], None
    if "plugin" in mode:
        plugin_flags = ["-fpass-plugin=" + cfg["plugin"]]
        if mode in REMARK_MODES:
            plugin_flags += ["-Rpass=escape", "-Rpass-missed=escape"]
    if lto and links:
        flags += ["-fuse-ld=lld"]
        if "plugin" in mode:
            plugin_flags += ["-Wl,--load-pass-plugin=" + cfg["plugin"]]
        if mode == "lto-plugin":
            fd, record = tempfile.mkstemp(suffix=".yaml", dir=out)
            os.close(fd)
            plugin_flags += ["-Wl,--opt-remarks-filename," + record,
                             "-Wl,--opt-remarks-passes,escape"]
    tail = [] if preprocess_only else [cfg.get("opt", "-O2")]
    compiles = not preprocess_only and ("-c" in args or "-S" in args or any(
        SOURCE_RE.search(a) and not a.startswith("-") for a in args))
    if mode == "ceiling" and links and "-static" not in args:
        tail = tail + [cfg["ceiling_rt"]]  # a link: the hooks live there
    argv = [compiler] + flags + plugin_flags + args + tail
    rc, err, cpu = run_child(argv)
    if rc < 0 or (rc != 0 and CRASH_RE.search(err)):
        append(os.path.join(out, "crashes.log"), json.dumps(dict(
            cwd=os.getcwd(), argv=argv, rc=rc, stderr=err[-6000:])) + "\n")
        if plugin_flags:  # go on without the plugin; the crash is recorded
            argv = [compiler] + flags + args + tail
            rc, err, cpu2 = run_child(argv)
            cpu += cpu2
    if compiles:
        append(os.path.join(out, "times.log"), "%.3f\n" % cpu)
    if record:
        append_record_remarks(record, os.path.join(out, "remarks.log"))
    if mode in REMARK_MODES and "remark:" in err:
        keep, remarks, skipping = [], [], False
        for line in err.splitlines(True):
            m = REMARK_RE.match(line.rstrip("\n"))
            if m:
                path = os.path.normpath(os.path.join(os.getcwd(), m.group("file")))
                remarks.append("%s:%s:%s\t%s\t%s\n" % (
                    path, m.group("line"), m.group("col"),
                    "missed" if m.group("missed") else "passed", m.group("msg")))
                skipping = True
                continue
            if skipping and SNIPPET_RE.match(line):
                continue
            skipping = False
            keep.append(line)
        if remarks:
            append(os.path.join(out, "remarks.log"), "".join(remarks))
        err = "".join(keep)
    sys.stderr.write(err)
    sys.stderr.flush()
    return rc


if __name__ == "__main__":
    sys.exit(wrap(sys.argv[1], sys.argv[2], sys.argv[3:]))
