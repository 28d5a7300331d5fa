#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that ReadyFolio needs to build, run and test, but only
# those that are missing. Quick (one dpkg-query per package) when everything is present.
# Uses apt-get as root, or through sudo; says clearly what to do when neither is possible.
set -euo pipefail

REQUIRED=(
	libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential   # Wails/WebKitGTK build
	xvfb xdotool imagemagick python3                                # headless GUI smoke test
	strace                                                          # fault tests: which sockets are opened
	poppler-utils qpdf mupdf-tools                                  # PDF checks in tests
	unzip openssl                                                   # package checks in tests (sha256sum: coreutils)
	chromium                                                        # browser end-to-end tests
	time                                                            # /usr/bin/time for make bench
	nsis                                                            # Windows installer builds
	lintian desktop-file-utils                                      # make dist: checks of the .deb and .desktop
)
OPTIONAL=(fonts-noto-color-emoji)

say() { echo "deps-system: $*" >&2; }

if ! command -v dpkg-query >/dev/null 2>&1; then
	say "not a Debian/Ubuntu system: install the equivalents of these packages yourself:"
	say "  ${REQUIRED[*]}"
	exit 0
fi

installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

missing=() missing_optional=()
for p in "${REQUIRED[@]}"; do installed "$p" || missing+=("$p"); done
for p in "${OPTIONAL[@]}"; do installed "$p" || missing_optional+=("$p"); done

if ((${#missing[@]} == 0 && ${#missing_optional[@]} == 0)); then
	exit 0
fi

if ((EUID == 0)); then
	SUDO=()
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
	SUDO=(sudo)
else
	if ((${#missing[@]} == 0)); then
		say "optional package(s) not installed (no root, no sudo): ${missing_optional[*]}"
		exit 0
	fi
	say "these packages are missing: ${missing[*]}"
	say "installing them needs root: run 'make deps' as root, or install them yourself:"
	say "  sudo apt-get install ${missing[*]}"
	exit 1
fi

# Another apt/dpkg (unattended upgrades, a parallel setup) may hold the locks for a while:
# wait for it instead of failing.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q
	-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)

say "installing: ${missing[*]} ${missing_optional[*]}"
updated=false
for attempt in 1 2 3 4 5; do
	if "${APT[@]}" update; then updated=true; break; fi
	say "apt-get update failed (attempt $attempt); retrying in 20 s"
	sleep 20
done
$updated || { say "apt-get update kept failing"; exit 1; }

if ((${#missing[@]})); then
	"${APT[@]}" install "${missing[@]}"
fi
if ((${#missing_optional[@]})); then
	"${APT[@]}" install "${missing_optional[@]}" || say "optional package(s) not installed: ${missing_optional[*]}"
fi

for p in "${missing[@]}"; do
	installed "$p" || { say "package $p is still not installed"; exit 1; }
done
say "done"
