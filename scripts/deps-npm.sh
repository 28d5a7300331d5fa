#!/usr/bin/env bash
# Installs the frontend's npm packages exactly as package-lock.json pins them: `npm ci`.
#
# Fallback: npm ci refuses a lock file that lacks an entry for any optional dependency, even one
# for another OS that the registry here does not have (vite 8.4.0's Windows-only
# napi-windows-process-start-time is such a case: `npm install` skips it, `npm ci` fails). Then
# this script runs `npm install` on a clean node_modules instead and fails if that would change
# package-lock.json, so the installed packages are still exactly the locked ones.
set -euo pipefail
cd "$(dirname "$0")/../frontend"

say() { echo "deps-npm: $*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "deps-npm: npm ci in frontend/"
if npm ci --no-audit --no-fund >"$tmp/ci.log" 2>&1; then
	tail -n 3 "$tmp/ci.log"
	exit 0
fi

# Show npm's reason (its first error lines), not the usage text it prints after them.
awk '/^npm (error|ERR!) *[^ ]/ && n < 3 { print; n++ }' "$tmp/ci.log" >&2
if ! grep -q 'package.json and package-lock.json or npm-shrinkwrap.json are in sync' "$tmp/ci.log"; then
	tail -n 20 "$tmp/ci.log" >&2
	say "npm ci failed"
	exit 1
fi

say "npm ci refused the lock file; installing with 'npm install' and checking the lock stays unchanged"
cp package-lock.json "$tmp/package-lock.json"
rm -rf node_modules
if ! npm install --no-audit --no-fund; then
	cp "$tmp/package-lock.json" package-lock.json
	say "npm install failed"
	exit 1
fi
if ! cmp -s package-lock.json "$tmp/package-lock.json"; then
	cp "$tmp/package-lock.json" package-lock.json
	say "package-lock.json does not match package.json: run 'npm install' in frontend/ and commit the lock file"
	exit 1
fi
say "installed the locked packages (lock file unchanged)"
