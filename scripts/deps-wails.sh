#!/usr/bin/env bash
# Builds the Wails CLI into .cache/bin/wails unless the right version is already there.
#
# `go install github.com/wailsapp/wails/v2/cmd/wails@v2.9.2` fails on Go 1.26+ because the CLI
# pins an old golang.org/x/tools. So the CLI is built in its own throwaway module under .cache/
# with a newer x/tools. It is never added to the app's go.mod.
set -euo pipefail

WAILS_VERSION=${WAILS_VERSION:-v2.9.2}
# x/tools version the CLI is built with (verified with Go 1.26.8); override to try another.
WAILS_XTOOLS_VERSION=${WAILS_XTOOLS_VERSION:-v0.52.0}

root=$(cd "$(dirname "$0")/.." && pwd)
bin_dir=$root/.cache/bin
bin=$bin_dir/wails
say() { echo "deps-wails: $*" >&2; }

installed_version() {
	local out
	out=$("$bin" version 2>/dev/null) || return 0
	out=${out%%$'\n'*}                           # first line: the version
	printf '%s' "$out" | sed 's/\x1b\[[0-9;]*m//g' | tr -d '[:space:]'
}

if [[ -x $bin && "$(installed_version)" == "$WAILS_VERSION" ]]; then
	exit 0
fi

command -v go >/dev/null 2>&1 || { say "the Go toolchain is missing (go 1.26+ is needed)"; exit 1; }

say "building Wails CLI $WAILS_VERSION into $bin (takes a minute the first time)"
src=$root/.cache/wails-cli
rm -rf "$src"
mkdir -p "$src" "$bin_dir"
cd "$src"
export GOWORK=off GOFLAGS=-mod=mod
go mod init wailscli >/dev/null 2>&1
if ! go get "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION" \
	"golang.org/x/tools@$WAILS_XTOOLS_VERSION" >get.log 2>&1; then
	cat get.log >&2
	say "go get failed (log above)"
	exit 1
fi
go build -o "$bin.tmp" github.com/wailsapp/wails/v2/cmd/wails
mv -f "$bin.tmp" "$bin"

got=$(installed_version)
[[ $got == "$WAILS_VERSION" ]] || { say "built CLI reports '$got', expected $WAILS_VERSION"; exit 1; }
say "ok: $bin ($got)"
