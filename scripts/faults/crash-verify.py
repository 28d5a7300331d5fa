#!/usr/bin/env python3
"""Checks a data folder after scripts/faults/crash.sh killed `readyfolio add` in it.

Usage: crash-verify.py DATA_DIR LIST_JSON EXPECT_TSV CONFIRMED_IDS

LIST_JSON is `readyfolio list --json` of DATA_DIR; EXPECT_TSV has one line per add that was
started: its title, then the SHA-256 of each file it was given (tab-separated); CONFIRMED_IDS
holds the ids that adds printed, one per line.

Prints one "ERROR ..." line per problem and "STAT name value" lines; exits 1 if there were
errors. Problems: an id that was printed but is not listed; an entry of ours with other files
than it was given (half-written); a title listed twice; a stored file whose content does not
match its name (SHA-256); any file in the data folder other than the database (and its WAL
and shared-memory files), the artifact files, the temporary files of artifacts/tmp (which the
store removes once they are an hour old) and the caches' finished files.
"""
import hashlib
import json
import os
import re
import sys

HEX64 = re.compile(r"^[0-9a-f]{64}$")
CACHE_FILE = re.compile(r"^[0-9a-f]{64}-\d+\.(jpg|png)$")


def main() -> int:
    data_dir, list_json, expect_tsv, confirmed_path = sys.argv[1:5]
    errors = []
    stats = {}

    with open(list_json, encoding="utf-8") as f:
        entries = json.load(f)
    expected = {}
    with open(expect_tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            expected[parts[0]] = sorted(parts[1:])
    with open(confirmed_path, encoding="utf-8") as f:
        confirmed = [line.strip() for line in f if line.strip()]

    listed_ids = {e["id"] for e in entries}
    missing = [i for i in confirmed if i not in listed_ids]
    for i in missing:
        errors.append(f"the add that printed id {i} is not in `list --json`")
    stats["ids_printed"] = len(confirmed)
    stats["ids_present"] = len(confirmed) - len(missing)

    seen = {}
    referenced = set()
    for e in entries:
        for a in e.get("artifacts") or []:
            if a.get("type") == "file":
                referenced.add(a["sha256"])
        title = e["title"]
        if title not in expected:
            continue
        seen[title] = seen.get(title, 0) + 1
        got = sorted(a["sha256"] for a in e.get("artifacts") or [] if a.get("type") == "file")
        if got != expected[title]:
            errors.append(f"entry {e['id']} ({title}) is half-written: it has files {got}, it was given {expected[title]}")
    for title, n in seen.items():
        if n > 1:
            errors.append(f"{title} is listed {n} times")
    stats["entries_of_ours"] = len(seen)

    tmp_left = 0
    orphans = 0
    orphan_bytes = 0
    blobs = 0
    strays = []
    for root, dirs, files in os.walk(data_dir):
        rel_root = os.path.relpath(root, data_dir)
        parts = [] if rel_root == "." else rel_root.split(os.sep)
        for name in files:
            path = os.path.join(root, name)
            rel = "/".join(parts + [name])
            if not parts and (name in ("portfolio.db", "portfolio.db-wal", "portfolio.db-shm", "readyfolio.lock")):
                continue
            if parts == ["artifacts", "tmp"]:
                tmp_left += 1
                continue
            if len(parts) == 2 and parts[0] == "artifacts" and HEX64.match(name) and name[:2] == parts[1]:
                blobs += 1
                h = hashlib.sha256()
                with open(path, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
                if h.hexdigest() != name:
                    errors.append(f"the stored file {rel} is half-written: its content does not match its name")
                if name not in referenced:
                    orphans += 1
                    orphan_bytes += os.path.getsize(path)
                continue
            if len(parts) == 2 and parts[0] == "cache" and CACHE_FILE.match(name):
                continue
            strays.append(rel)
    for rel in strays:
        errors.append(f"a leftover file is visible in the data folder: {rel}")
    stats["stored_files"] = blobs
    stats["temp_files_in_artifacts_tmp"] = tmp_left
    stats["unreferenced_files"] = orphans
    stats["unreferenced_mb"] = f"{orphan_bytes / 1048576:.1f}"

    for e in errors:
        print("ERROR " + e)
    for k, v in stats.items():
        print(f"STAT {k} {v}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
