#!/usr/bin/env bash
# Renders the ReadyFolio app icon from its source, build/appicon.svg (our own design: a portfolio
# folder holding a sheet of evidence, with a "ready" check, in the app teal #0f766e), into
#   build/appicon.png                                    1024x1024, used by Wails for every platform
#   build/linux/icons/hicolor/NxN/apps/readyfolio.png    16..512 px, for the Linux tarball and .deb
#   build/windows/icon.ico                               16..256 px, for the .exe and the installer
# The PNGs are committed, so builds do not need this script. Re-run it after changing the SVG:
#   scripts/make-icon.sh
# Needs ImageMagick (`convert`, from `make deps`); uses rsvg-convert instead when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=build/appicon.svg
out=build/appicon.png
ico=build/windows/icon.ico
hicolor=build/linux/icons/hicolor
command -v convert >/dev/null || { echo "make-icon: ImageMagick (convert) is missing; run 'make deps'" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v rsvg-convert >/dev/null; then
	rsvg-convert -w 1024 -h 1024 -o "$tmp/big.png" "$svg"
else
	convert -background none "$svg" "$tmp/big.png"
fi
convert "$tmp/big.png" -resize 1024x1024 -depth 8 -strip "$out"

# Smaller sizes: scaled down from the 1024 render; the smallest sharpened a little.
scaled() { # SIZE FILE
	local sharpen=()
	(($1 <= 48)) && sharpen=(-unsharp 0x0.6)
	convert "$out" -filter Lanczos -resize "$1x$1" "${sharpen[@]}" -depth 8 -strip "PNG32:$2"
}
for s in 16 22 24 32 48 64 128 256 512; do
	mkdir -p "$hicolor/${s}x${s}/apps"
	scaled "$s" "$hicolor/${s}x${s}/apps/readyfolio.png"
done
mkdir -p "$hicolor/scalable/apps"
cp "$svg" "$hicolor/scalable/apps/readyfolio.svg"

# Windows icon: the sizes Windows asks for, in one .ico.
ico_parts=()
for s in 256 128 64 48 32 24 16; do
	ico_parts+=("$hicolor/${s}x${s}/apps/readyfolio.png")
done
convert "${ico_parts[@]}" "$ico"

echo "make-icon: wrote $out, $hicolor/*/apps/readyfolio.* and $ico"
