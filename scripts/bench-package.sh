#!/usr/bin/env bash
# Benchmark of the submission package (`make bench`): a portfolio holding PACKAGE_MB (default
# 1024) MiB of original files (lesson recordings: random bytes behind an MP4 header, because real
# media does not compress) is packed into the signed package and the package is verified. Each
# is set against `sha256sum` reading the same files, the floor: a package must at least read and
# hash every byte. Prints wall time, throughput and peak memory, and the ratio to the floor.
#
# Environment: RUNS (default 3), PACKAGE_MB (default 1024), FILES (default 8), KEEP=1 keeps the
# temporary folder. Needs PACKAGE_MB x 2.2 of free disk in TMPDIR.
set -euo pipefail

PACKAGE_MB=${PACKAGE_MB:-1024} FILES=${FILES:-8}
TARGET_RATIO=0.7 TARGET_PEAK_MB=150

source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
command -v sha256sum >/dev/null || die "sha256sum is missing (coreutils)"
[[ $PACKAGE_MB =~ ^[1-9][0-9]*$ && $FILES =~ ^[1-9][0-9]*$ ]] || die "PACKAGE_MB and FILES must be positive numbers"

build_binary
DATA="$TMP/data"
"$BIN" --data-dir "$DATA" profile set --name "Bench Educator" --district "Bench District" --email bench@example.org >/dev/null
"$BIN" --data-dir "$DATA" identity create --passphrase-file "$PASS" >/dev/null
per_file=$((PACKAGE_MB * 1048576 / FILES))
say "adding $FILES recordings of $((per_file / 1048576)) MiB"
for ((i = 1; i <= FILES; i++)); do
	file="$TMP/lesson-recording-$i.mp4"
	{ printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'; head -c "$((per_file - 24))" /dev/urandom; } >"$file"
	"$BIN" --data-dir "$DATA" add --kind artifact --title "Lesson recording $i" --status ready --file "$file" >/dev/null
	rm -f "$file"
done
mapfile -t blobs < <(find "$DATA/artifacts" -type f | sort)
bytes=$(cat "${blobs[@]}" | wc -c)
mib() { awk -v b="$bytes" -v s="$1" 'BEGIN { if (s <= 0) s = 0.001; printf "%.0f", b / 1048576 / s }'; }

declare -a floor_wall build_wall build_peak verify_wall verify_peak
for ((i = 1; i <= RUNS; i++)); do
	measure "$TMP/sha.log" sha256sum "${blobs[@]}"
	floor_wall+=("$WALL")
	rm -f "$TMP/package.zip"
	measure "$TMP/build.log" "$BIN" --data-dir "$DATA" export package --out "$TMP/package.zip" --passphrase-file "$PASS"
	build_wall+=("$WALL") build_peak+=("$MAIN")
	measure "$TMP/verify.log" "$BIN" verify "$TMP/package.zip"
	verify_wall+=("$WALL") verify_peak+=("$MAIN")
	say "run $i/$RUNS: sha256sum ${floor_wall[-1]}s, build ${build_wall[-1]}s ($(mb "${build_peak[-1]}") MB), verify ${verify_wall[-1]}s ($(mb "${verify_peak[-1]}") MB)"
done
grep -q ": VALID" "$TMP/verify.log" || die "the package did not verify: $(cat "$TMP/verify.log")"

fw=$(median "${floor_wall[@]}") bw=$(median "${build_wall[@]}") bp=$(median "${build_peak[@]}")
vw=$(median "${verify_wall[@]}") vp=$(median "${verify_peak[@]}")
ratio() { awk -v f="$fw" -v w="$1" 'BEGIN { if (w <= 0) w = 0.001; printf "%.2fx", f / w }'; }
verdict() { # WALL PEAK_KB
	awk -v f="$fw" -v w="$1" -v k="$2" -v r="$TARGET_RATIO" -v m="$TARGET_PEAK_MB" 'BEGIN {
		if (w <= 0) w = 0.001
		printf "throughput %s (%.2fx), memory %s (%.0f MB)", (f / w >= r) ? "MET" : "NOT MET", f / w, (k / 1024 < m) ? "MET" : "NOT MET", k / 1024 }'
}
row() { printf '%-48s %8s %9s %9s   %s\n' "$@"; }
echo
row "package benchmark ($(date +%F), median of $RUNS)" "wall s" "MiB/s" "peak MB" "ratio vs sha256sum"
row "sha256sum of the originals (floor)" "$fw" "$(mib "$fw")" "" "1.00x"
row "readyfolio export package (sign, pack, fsync)" "$bw" "$(mib "$bw")" "$(mb "$bp")" "$(ratio "$bw")"
row "readyfolio verify (every hash, both signatures)" "$vw" "$(mib "$vw")" "$(mb "$vp")" "$(ratio "$vw")"
echo "targets: ≥${TARGET_RATIO}x sha256sum's throughput, peak < ${TARGET_PEAK_MB} MB →"
echo "  build:  $(verdict "$bw" "$bp")"
echo "  verify: $(verdict "$vw" "$vp")"
echo "notes: $FILES files, $((bytes / 1048576)) MiB of originals; package $(size_mb "$TMP/package.zip") MB; peaks are the"
echo "  process's peak RSS (/usr/bin/time %M). The build includes unlocking the key, the signed PDF and an fsync."
