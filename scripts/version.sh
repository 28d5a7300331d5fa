#!/usr/bin/env bash
# Prints ReadyFolio's version, from git: the tag (vX.Y.Z, "v" dropped) when HEAD is tagged, with
# git's "-N-gHASH" after it past the tag; with no tag, wails.json's productVersion as a
# pre-release with the commit, e.g. 0.1.0-dev+23d76cf. "-dirty" (after the hash) when the
# tree has uncommitted changes. The Makefile passes it to every build (-X main.version=...).
set -euo pipefail
cd "$(dirname "$0")/.."

base=$(sed -n 's/^ *"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
base=${base:-0.0.0}
if tag=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
	echo "${tag#v}"
elif hash=$(git describe --always --dirty 2>/dev/null); then
	echo "$base-dev+$hash"
else
	echo "$base-dev"
fi
