"""Checks the editor patterns docs/report.md gives (the VS Code problem
matcher's regexp, the Emacs compilation rule) against every line of a text
report on stdin: each line must match both, file, line and column taken from
its place. Emacs regexp syntax is turned into Python's for the check.

    python3 check_editor_patterns.py REPORT.md < report.txt
"""
import json
import re
import sys

doc = open(sys.argv[1], encoding="utf-8").read()
vscode = json.loads(re.search(r"```json\n(\{\n  \"version\".*?)\n```", doc, re.S).group(1))
vscode = vscode["tasks"][0]["problemMatcher"]["pattern"]["regexp"]
elisp = re.search(r"'\(escape \"(.*?)\"\n", doc).group(1)
# Emacs Lisp string, then Emacs regexp, to Python: \\( \\) \\| groups, \n.
emacs = elisp.encode().decode("unicode_escape")
emacs = emacs.replace(r"\(?:", "(?:").replace(r"\(", "(").replace(r"\)", ")").replace(r"\|", "|")
lines = [ln for ln in sys.stdin.read().split("\n") if ln and not ln.startswith("escape-cc:")]
for name, pattern in (("vscode", vscode), ("emacs", emacs)):
    rx = re.compile(pattern)
    for ln in lines:
        m = rx.match(ln)
        if not m:
            print("%s: no match: %s" % (name, ln))
            continue
        place = ":".join(m.group(i) for i in (1, 2, 3))
        if not ln.startswith(place + ":"):
            print("%s: wrong place %s: %s" % (name, place, ln))
print("checked %d lines" % len(lines))
