#!/usr/bin/env python3
"""Writes a module's public API as sorted text, one declaration per line, for a committed
baseline that makes every change to public API a visible diff (API/<Module>.txt).

Reads the symbol graphs `swift package dump-symbol-graph --skip-synthesized-members` writes (the
module's own graph and its extension graphs). Each line is the declaration's path and its
declaration as the compiler prints it (`EntityKit.SQLCondition.all(_:) | static func all(_
conditions: [SQLCondition]) -> SQLCondition`); members the compiler made (no source location)
are left out, as doc-coverage.py leaves them out.

usage: api-listing.py SYMBOL_GRAPH_DIR MODULE
"""
import glob
import json
import os
import sys


def listing(directory, module):
    lines = set()
    files = [os.path.join(directory, module + ".symbols.json")]
    files += sorted(glob.glob(os.path.join(directory, module + "@*.symbols.json")))
    for path in files:
        if not os.path.exists(path):
            continue
        extended = os.path.basename(path)[len(module) + 1:-len(".symbols.json")] if "@" in os.path.basename(path) else None
        with open(path) as handle:
            graph = json.load(handle)
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open") or symbol["kind"]["identifier"] == "swift.extension":
                continue
            if symbol.get("location") is None:
                continue
            declaration = "".join(fragment["spelling"] for fragment in symbol.get("declarationFragments", []))
            declaration = " ".join(declaration.split())
            # The extension's constraints, which the declaration does not spell (`where Value == Bool`).
            constraints = symbol.get("swiftExtension", {}).get("constraints", [])
            if constraints:
                spelled = ", ".join(f"{c['lhs']} {':' if c['kind'] == 'conformance' else '=='} {c['rhs']}" for c in constraints)
                declaration += f" [extension where {spelled}]"
            name = ".".join(symbol["pathComponents"])
            prefix = f"{extended}." if extended else ""
            lines.add(f"{prefix}{name} | {declaration}")
    return sorted(lines)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    for line in listing(sys.argv[1], sys.argv[2]):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
