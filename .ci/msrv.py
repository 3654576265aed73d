"""Fails when a normal or build (not dev) dependency of leadlens, with all features,
declares a rust-version newer than leadlens's own. Reads `cargo metadata`
JSON on standard input."""
import json
import sys


def version(text):
    parts = [int(x) for x in text.split(".")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


meta = json.load(sys.stdin)
packages = {p["id"]: p for p in meta["packages"]}
root = next(p for p in meta["packages"] if p["name"] == "leadlens")
ours = version(root["rust_version"])
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
seen, stack, too_new = set(), [root["id"]], []
while stack:
    for dep in nodes[stack.pop()]["deps"]:
        built = any(k["kind"] in (None, "normal", "build") for k in dep["dep_kinds"])
        if not built or dep["pkg"] in seen:
            continue
        seen.add(dep["pkg"])
        stack.append(dep["pkg"])
        p = packages[dep["pkg"]]
        if p.get("rust_version") and version(p["rust_version"]) > ours:
            too_new.append("%s %s needs Rust %s" % (p["name"], p["version"], p["rust_version"]))
print("rust-version %s; %d normal and build dependencies checked" % (root["rust_version"], len(seen)))
if too_new:
    print("\n".join(too_new))
    sys.exit(1)
