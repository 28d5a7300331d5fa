#!/usr/bin/env bash
# Draws the ReadyFolio app icon with ImageMagick and writes
#   build/appicon.png        1024x1024, used by Wails for every platform
#   build/windows/icon.ico   16..256 px, used by the Windows build and installer
# The icon is our own design: a rounded square in a teal-to-indigo gradient,
# a white portfolio (two stacked sheets, the front one with a folded corner and
# text lines) and an amber "ready" check badge. Re-run after changing it:
#   scripts/make-icon.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v convert >/dev/null || { echo "make-icon: ImageMagick (convert) is missing; run 'make deps'" >&2; exit 1; }

out=build/appicon.png
ico=build/windows/icon.ico
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

S=1024
# Background: diagonal gradient clipped to a rounded square with a margin,
# plus a soft shadow beneath it.
convert -size ${S}x${S} -define gradient:angle=135 gradient:'#14b8a6-#4338ca' "$tmp/grad.png"
convert -size ${S}x${S} xc:none -fill white -draw "roundrectangle 72,72 951,951 200,200" "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/tile.png"
convert "$tmp/mask.png" -fill '#0b1f3a' -colorize 100 -channel A -evaluate multiply 0.35 +channel \
	-blur 0x18 -geometry +0+14 "$tmp/shadow.png"
# A faint light from the top-left corner gives the tile some depth.
convert -size $((S*2))x$((S*2)) radial-gradient:white-black \
	-crop ${S}x${S}+$((S*3/4))+$((S*3/4)) +repage -evaluate multiply 0.20 "$tmp/hl-alpha.png"
convert -size ${S}x${S} xc:white "$tmp/hl-alpha.png" -alpha off -compose CopyOpacity -composite "$tmp/hl.png"
convert "$tmp/hl.png" "$tmp/mask.png" -compose DstIn -composite "$tmp/hl.png"

convert -size ${S}x${S} xc:none \
	"$tmp/shadow.png" -compose Over -composite \
	"$tmp/tile.png" -compose Over -composite \
	"$tmp/hl.png" -compose Over -composite \
	"$tmp/bg.png"

# Glyph: back sheet (tilted, translucent), front sheet with folded corner,
# text lines, then the check badge; drawn on its own layer, then centred.
convert -size ${S}x${S} xc:none \
	-fill 'rgba(255,255,255,0.45)' -stroke none \
	-draw "translate 470,520 rotate -9 roundrectangle -190,-270 170,270 34,34" \
	-fill white -stroke white -strokewidth 44 -draw "stroke-linejoin round polygon 372,248 592,248 692,348 692,772 372,772" \
	-fill '#c7e9f0' -stroke '#c7e9f0' -strokewidth 20 -draw "stroke-linejoin round polygon 598,262 598,342 678,342" \
	-stroke none -fill '#3b4fc4' \
	-draw "roundrectangle 418,408 640,440 16,16" \
	-fill 'rgba(59,79,196,0.55)' \
	-draw "roundrectangle 418,490 640,518 14,14" \
	-draw "roundrectangle 418,566 600,594 14,14" \
	-draw "roundrectangle 418,642 540,670 14,14" \
	-fill white -draw "circle 700,740 700,586" \
	-fill '#f59e0b' -draw "circle 700,740 700,614" \
	-fill none -stroke white -strokewidth 38 \
	-draw "stroke-linecap round stroke-linejoin round polyline 640,742 684,786 766,696" \
	"$tmp/glyph.png"
convert "$tmp/bg.png" "$tmp/glyph.png" -geometry -38-44 -compose Over -composite \
	-depth 8 -strip "$out"

# Windows icon: several sizes in one .ico (small sizes sharpened a little).
convert "$out" \
	\( -clone 0 -resize 256x256 \) \
	\( -clone 0 -resize 128x128 \) \
	\( -clone 0 -resize 64x64 \) \
	\( -clone 0 -resize 48x48 -unsharp 0x0.6 \) \
	\( -clone 0 -resize 32x32 -unsharp 0x0.6 \) \
	\( -clone 0 -resize 24x24 -unsharp 0x0.6 \) \
	\( -clone 0 -resize 16x16 -unsharp 0x0.6 \) \
	-delete 0 "$ico"

echo "make-icon: wrote $out and $ico"
