#!/usr/bin/env python3
"""Lists the public declarations of the given modules that have no documentation comment.

Reads the symbol graphs `swift package dump-symbol-graph --skip-synthesized-members` writes
(without --skip-inherited-docs, so a protocol requirement's implementation inherits the
requirement's comment, as DocC shows it). Synthesized members are not in those graphs; members
with no source location (compiler-made, e.g. `init(rawValue:)`) are skipped. Exits 1 when
anything is undocumented.

usage: doc-coverage.py SYMBOL_GRAPH_DIR MODULE...
"""
import glob
import json
import os
import sys


def undocumented(directory, module):
    total = 0
    missing = []
    files = [os.path.join(directory, module + ".symbols.json")]
    files += sorted(glob.glob(os.path.join(directory, module + "@*.symbols.json")))
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            graph = json.load(handle)
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open") or symbol["kind"]["identifier"] == "swift.extension":
                continue
            location = symbol.get("location")
            if location is None:
                continue
            total += 1
            comment = symbol.get("docComment", {}).get("lines", [])
            if any(line.get("text", "").strip() for line in comment):
                continue
            uri = location["uri"].replace("file://", "")
            uri = os.path.relpath(uri) if uri.startswith("/") else uri
            line = location["position"]["line"] + 1
            name = ".".join(symbol["pathComponents"])
            missing.append((uri, line, symbol["kind"]["displayName"].lower(), name))
    return total, sorted(missing)


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    directory = sys.argv[1]
    failed = False
    for module in sys.argv[2:]:
        total, missing = undocumented(directory, module)
        print(f"{module}: {total - len(missing)} of {total} public declarations documented, {len(missing)} undocumented")
        for uri, line, kind, name in missing:
            print(f"  {uri}:{line}: {kind} {name}")
        failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
