#!/usr/bin/env bash
# Benchmark of the submission package (`make bench`): a portfolio holding PACKAGE_MB (default
# 1024) MiB of original files (lesson recordings: random bytes behind an MP4 header, because real
# media does not compress) is packed into the signed package and the package is verified. Each
# is set against `sha256sum` reading the same files, the floor: a package must at least read and
# hash every byte. Adds rows for `make bench`'s table (scripts/bench-all.sh), or prints them
# when run alone: wall time, throughput and peak memory, and the ratio to the floor.
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
ratio() { calc "w = $1; if (w <= 0) w = 0.001; printf \"%.2fx the floor's throughput\", $fw / w"; }
verdict() { # WALL PEAK_KB
	echo "throughput $(met "$fw / $1 >= $TARGET_RATIO"), memory $(met "$2 / 1024 < $TARGET_PEAK_MB")"
}
floor="sha256sum ${fw} s, $(mib "$fw") MiB/s"
target="≥${TARGET_RATIO}x, < ${TARGET_PEAK_MB} MB"
add_row "Package build, $((bytes / 1048576)) MiB of originals (sign, pack, fsync)" "${bw} s, $(mib "$bw") MiB/s" "$floor" \
	"$(ratio "$bw")" "$(mb "$bp") MB" "$target" "$(verdict "$bw" "$bp")"
add_row "Package verify (every hash, both signatures)" "${vw} s, $(mib "$vw") MiB/s" "$floor" \
	"$(ratio "$vw")" "$(mb "$vp") MB" "$target" "$(verdict "$vw" "$vp")"
add_note "Package: $FILES recordings, $((bytes / 1048576)) MiB of originals (random bytes behind an MP4 header), median of $RUNS;"
add_note "  the package is $(size_mb "$TMP/package.zip") MB. The floor is sha256sum reading and hashing the same files. Peaks are"
add_note "  the process's peak RSS (/usr/bin/time %M). The build includes unlocking the key, the signed PDF and an fsync."
finish_part
