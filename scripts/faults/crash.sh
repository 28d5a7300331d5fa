#!/usr/bin/env bash
# Crash safety (issue 6): runs `readyfolio add` with a few MB of files (a photo, which is also
# prepared for print, and 1-5 MB of random bytes, so every add copies fresh content) in a loop
# and kills it with SIGKILL at random moments, with an uninterrupted add after every kill.
#
#   1. measures a normal add of each shape (with and without the photo) and of the first add
#      into a new folder (which creates and migrates the database);
#   2. FRESH_KILLS kills of that first add, each in a new folder: the next add must work there;
#   3. KILLS kills in one folder, delays drawn uniformly from 0 to 1.2x the measured duration,
#      each followed by an uninterrupted add; every kill is classified by what it left: nothing,
#      a temporary file (killed mid-copy), stored files without an entry (killed before the
#      commit), an entry whose id was not printed yet (killed after the commit);
#   4. afterwards, in every folder: every id that an add printed is in `list --json`; every entry
#      of ours has exactly the files it was given (nothing half-written); every stored file
#      matches its SHA-256; no stray file is visible (crash-verify.py); `readyfolio check` exits
#      0; and `sqlite3 PRAGMA integrity_check` says ok where sqlite3 is installed;
#   5. EXPORT_KILLS kills of `export pdf` and `export package` in turn: a file at the name asked
#      for is always complete (`readyfolio verify` exits 0) and the next export works; hidden
#      temporary files that the kills leave in the export folder are reported (a WARNING).
#
# Prints a summary (kills by moment, ids confirmed, time) and the seed: FAULTS_SEED=N replays the
# same shapes, file sizes and kill moments as shares of the measured durations (what each kill
# hits still varies a little with the machine's speed).
# Environment: FAULTS_KILLS (default 30), FAULTS_FRESH_KILLS (default 5), FAULTS_EXPORT_KILLS
# (default 6), FAULTS_SEED, FAULTS_BIN (else built), KEEP=1.
set -euo pipefail
FAULTS_NAME=crash
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KILLS=${FAULTS_KILLS:-30}
FRESH_KILLS=${FAULTS_FRESH_KILLS:-5}
EXPORT_KILLS=${FAULTS_EXPORT_KILLS:-6}
SEED=${FAULTS_SEED:-$(((RANDOM << 15) | RANDOM))}
[[ $KILLS =~ ^[0-9]+$ && $FRESH_KILLS =~ ^[0-9]+$ && $EXPORT_KILLS =~ ^[0-9]+$ && $SEED =~ ^[0-9]+$ ]] ||
	die "FAULTS_KILLS, FAULTS_FRESH_KILLS, FAULTS_EXPORT_KILLS and FAULTS_SEED must be numbers"
command -v python3 >/dev/null || die "python3 is missing (make deps)"
RANDOM=$SEED
say "seed $SEED (replay with FAULTS_SEED=$SEED)"
started=$(now_ms)
faults_binary

FILES=$WORK/files OUT=$WORK/out
mkdir -p "$FILES" "$OUT"
UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

# rnd N: sets R to a seeded random number in 0..N-1 (no subshell, so the sequence is the seed's).
rnd() { R=$((((RANDOM << 15) | RANDOM) % $1)); }

# A photo-sized JPEG from the demo generator; each add appends its own bytes after the image's
# end, so every add stores new content (and prepares a new print image).
"$BIN" --data-dir "$WORK/photo-source" demo --entries 1 --images 1 >/dev/null
PHOTO=$(find "$WORK/photo-source/artifacts" -type f -size +20k -path '*/artifacts/??/*' | head -n 1)
[[ -n $PHOTO && $(head -c 2 "$PHOTO" | od -An -tx1 | tr -d ' ') == ffd8 ]] || die "the demo gave no JPEG to use"

# make_files TAG [SHAPE]: writes the files of one add and sets FILE_ARGS, SUMS and SHAPE (photo:
# the photo and random bytes; plain: random bytes only); the seed chooses the shape unless given.
make_files() {
	local tag=$1 size
	FILE_ARGS=() SUMS=()
	rnd 2
	SHAPE=${2:-$( ((R == 1)) && echo photo || echo plain)}
	if [[ $SHAPE == photo ]]; then
		cp "$PHOTO" "$FILES/$tag.jpg"
		printf 'readyfolio crash test %s seed %s' "$tag" "$SEED" >>"$FILES/$tag.jpg"
		FILE_ARGS+=(--file "$FILES/$tag.jpg")
	fi
	rnd 4096
	size=$(((1 << 20) + R * 1024)) # 1 to 5 MiB
	head -c "$size" /dev/urandom >"$FILES/$tag.bin"
	FILE_ARGS+=(--file "$FILES/$tag.bin")
	local f
	for ((f = 1; f < ${#FILE_ARGS[@]}; f += 2)); do
		SUMS+=("$(sha256sum "${FILE_ARGS[f]}" | cut -c1-64)")
	done
}

# add DIR TAG [SHAPE]: an uninterrupted add; appends its expectation and printed id, sets ADD_MS.
add() {
	local dir=$1 tag=$2 t0 rc=0 id
	make_files "$tag" "${3:-}"
	printf '%s' "$tag" >>"$dir.expect"
	printf '\t%s' "${SUMS[@]}" >>"$dir.expect"
	printf '\n' >>"$dir.expect"
	t0=$(now_ms)
	"$BIN" --data-dir "$dir" add --kind ai_pilot --title "$tag" "${FILE_ARGS[@]}" >"$OUT/$tag.out" 2>"$OUT/$tag.err" || rc=$?
	ADD_MS=$(($(now_ms) - t0))
	id=$(head -n 1 "$OUT/$tag.out")
	if ((rc != 0)) || [[ ! $id =~ $UUID_RE ]] || [[ -s $OUT/$tag.err ]]; then
		die "the uninterrupted add $tag failed (exit $rc): $(cat "$OUT/$tag.err" "$OUT/$tag.out")"
	fi
	echo "$id" >>"$dir.ids"
	rm -f "$FILES/$tag".*
}

# count_files DIR / count_blobs DIR: files in DIR, stored artifact files of data folder DIR (0
# when the folder does not exist yet).
count_files() { { find "$1" -type f 2>/dev/null || true; } | wc -l; }
count_blobs() { { find "$1/artifacts" -mindepth 2 -type f -not -path "$1/artifacts/tmp/*" 2>/dev/null || true; } | wc -l; }

# killed_add DIR TAG KIND: starts an add, SIGKILLs it after a delay drawn from 0 to 1.2x the
# duration measured for its shape (KIND: fresh for a first add into a new folder, else main)
# and sets OUTCOME to what the kill hit: finished (it was done before the kill), nothing,
# mid-copy, before-commit, after-commit or after-print.
killed_add() {
	local dir=$1 tag=$2 kind=$3 delay pid rc=0 tmp_before blobs_before id
	make_files "$tag"
	rnd 1201 # the moment as a share of the measured duration (0 to 1.2), so a seed replays it
	local permille=$R
	delay=$((${MS[$kind-$SHAPE]} * permille / 1000))
	printf '%s' "$tag" >>"$dir.expect"
	printf '\t%s' "${SUMS[@]}" >>"$dir.expect"
	printf '\n' >>"$dir.expect"
	tmp_before=$(count_files "$dir/artifacts/tmp")
	blobs_before=$(count_blobs "$dir")
	"$BIN" --data-dir "$dir" add --kind ai_pilot --title "$tag" "${FILE_ARGS[@]}" >"$OUT/$tag.out" 2>"$OUT/$tag.err" &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null || true
	{ wait "$pid"; } 2>/dev/null || rc=$? # without bash's "Killed" line
	id=$(head -n 1 "$OUT/$tag.out" 2>/dev/null || true)
	if [[ $id =~ $UUID_RE ]]; then
		echo "$id" >>"$dir.ids" # printed: it must be there, whether or not the kill landed
	fi
	if ((rc == 0)); then
		OUTCOME=finished
	elif ((rc != 137)); then
		die "the add $tag failed with exit $rc instead of being killed: $(cat "$OUT/$tag.err")"
	elif [[ $id =~ $UUID_RE ]]; then
		OUTCOME=after-print
	elif [[ $'\n'$("$BIN" --data-dir "$dir" list)$'\n' == *" $tag"$'\n'* ]]; then
		OUTCOME=after-commit
	elif (($(count_blobs "$dir") > blobs_before)); then
		OUTCOME=before-commit
	elif (($(count_files "$dir/artifacts/tmp") > tmp_before)); then
		OUTCOME=mid-copy
	else
		OUTCOME=nothing
	fi
	rm -f "$FILES/$tag".*
	echo "$tag ($SHAPE): killed after ${delay} ms ($((permille / 10))% of an add): $OUTCOME" >>"$WORK/kills.log"
}

# verify DIR: the checks of step 4; appends to the totals.
total_ids=0 total_present=0 total_tmp=0 total_orphans=0 total_orphan_mb=0 integrity="readyfolio check"
verify() {
	local dir=$1 rc=0 line
	touch "$dir.ids"
	"$BIN" --data-dir "$dir" list --json >"$dir.list.json" 2>"$dir.list.err" || die "list --json failed in $dir: $(cat "$dir.list.err")"
	python3 scripts/faults/crash-verify.py "$dir" "$dir.list.json" "$dir.expect" "$dir.ids" >"$dir.verify" || rc=$?
	while read -r line; do
		case $line in
		"STAT ids_printed "*) total_ids=$((total_ids + ${line##* })) ;;
		"STAT ids_present "*) total_present=$((total_present + ${line##* })) ;;
		"STAT temp_files_in_artifacts_tmp "*) total_tmp=$((total_tmp + ${line##* })) ;;
		"STAT unreferenced_files "*) total_orphans=$((total_orphans + ${line##* })) ;;
		"STAT unreferenced_mb "*) total_orphan_mb=$(awk -v a="$total_orphan_mb" -v b="${line##* }" 'BEGIN { printf "%.1f", a + b }') ;;
		esac
	done <"$dir.verify"
	if ((rc != 0)); then
		grep '^ERROR' "$dir.verify" >&2 || true
		[[ -s $WORK/kills.log ]] && { echo "---- kills ----" >&2; cat "$WORK/kills.log" >&2; }
		die "$(basename "$dir"): $(grep -c '^ERROR' "$dir.verify") problem(s) after the kills (seed $SEED)"
	fi
	if ! "$BIN" --data-dir "$dir" check >"$dir.check" 2>&1; then
		cat "$dir.check" >&2
		die "$(basename "$dir"): readyfolio check failed after the kills (seed $SEED)"
	fi
	if command -v sqlite3 >/dev/null; then
		integrity="readyfolio check and sqlite3"
		line=$(sqlite3 "$dir/portfolio.db" 'PRAGMA integrity_check; PRAGMA foreign_key_check;' 2>&1 | tr '\n' ' ')
		[[ $line == "ok " ]] || die "$(basename "$dir"): sqlite3 PRAGMA integrity_check: $line (seed $SEED)"
	fi
}

declare -A outcomes=() MS=()

# 1. Durations of normal adds (the longer of two) of each shape, and of a first add.
MAIN=$WORK/main
for shape in photo plain; do
	add "$WORK/first-$shape" "first-$shape" "$shape"
	MS[fresh-$shape]=$ADD_MS
	MS[main-$shape]=0
	for n in 1 2; do
		add "$MAIN" "warmup-$shape-$n" "$shape"
		((ADD_MS > ${MS[main-$shape]})) && MS[main-$shape]=$ADD_MS
	done
done
say "a normal add takes ${MS[main-photo]} ms with the photo, ${MS[main-plain]} ms without; a first add into a new folder ${MS[fresh-photo]} and ${MS[fresh-plain]} ms"

# 2. Kills of the first add into a new folder.
for ((k = 1; k <= FRESH_KILLS; k++)); do
	dir=$WORK/fresh-$k
	killed_add "$dir" "fresh-$k-killed" fresh
	outcomes[fresh-$OUTCOME]=$((${outcomes[fresh-$OUTCOME]:-0} + 1))
	add "$dir" "fresh-$k-after"
	verify "$dir"
done

# 3. Kills in one folder, an uninterrupted add after each.
kills=0 attempts=0 uninterrupted=0
while ((kills < KILLS)); do
	((attempts < KILLS * 3)) || die "only $kills of $attempts adds were killed before they finished"
	attempts=$((attempts + 1))
	killed_add "$MAIN" "crash-$attempts" main
	outcomes[$OUTCOME]=$((${outcomes[$OUTCOME]:-0} + 1))
	[[ $OUTCOME == finished ]] || kills=$((kills + 1))
	add "$MAIN" "after-$attempts"
	uninterrupted=$((uninterrupted + 1))
done

# 4. Checks.
verify "$WORK/first-photo"
verify "$WORK/first-plain"
verify "$MAIN"

# 5. Exports killed the same way (PDF and package in turn, from the small demo folder): a file
#    at the name asked for must always be complete (`readyfolio verify` exits 0), and the next
#    export into the same folder must work. Hidden temporary files that killed exports leave in
#    that folder are counted and reported (atomicfile cannot remove them after a SIGKILL).
EXPORTS=$WORK/exports
mkdir -p "$EXPORTS"
printf 'crash test passphrase\n' >"$WORK/pass"
"$BIN" --data-dir "$WORK/photo-source" identity create --name "Crash Tester" --passphrase-file "$WORK/pass" >/dev/null
export_cmd() { # KIND OUT: sets CMD (run it directly: a function in the background is a subshell
	# whose SIGKILL would leave the binary running)
	CMD=("$BIN" --data-dir "$WORK/photo-source" export "$1" --out "$2" --passphrase-file "$WORK/pass")
}
for kind in pdf package; do
	t0=$(now_ms)
	export_cmd "$kind" "$EXPORTS/measure-$kind"
	"${CMD[@]}" >/dev/null 2>"$OUT/export-$kind.err" || die "export $kind failed: $(cat "$OUT/export-$kind.err")"
	MS[export-$kind]=$(($(now_ms) - t0))
done
export_kills=0 export_finished=0
for ((k = 1; k <= EXPORT_KILLS; k++)); do
	kind=$( ((k % 2)) && echo pdf || echo package)
	rnd 1201
	delay=$((${MS[export-$kind]} * R / 1000))
	out=$EXPORTS/killed-$k.$([[ $kind == pdf ]] && echo pdf || echo zip)
	export_cmd "$kind" "$out"
	"${CMD[@]}" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null || true
	rc=0
	{ wait "$pid"; } 2>/dev/null || rc=$?
	case $rc in
	0) export_finished=$((export_finished + 1)) ;;
	137) export_kills=$((export_kills + 1)) ;;
	*) die "export $kind $k failed with exit $rc instead of being killed" ;;
	esac
	if [[ -e $out ]] && ! "$BIN" verify "$out" >"$OUT/verify-$k.log" 2>&1; then
		cat "$OUT/verify-$k.log" >&2
		die "a killed export left a half-written $out (seed $SEED)"
	fi
	echo "export $kind $k: killed after ${delay} ms ($((R / 10))% of an export): $( ((rc == 0)) && echo finished || echo killed)" >>"$WORK/kills.log"
done
export_cmd pdf "$EXPORTS/after.pdf"
"${CMD[@]}" >/dev/null 2>"$OUT/after.err" || die "an export after the killed ones failed: $(cat "$OUT/after.err")"
export_cmd package "$EXPORTS/after.zip"
"${CMD[@]}" >/dev/null 2>"$OUT/after.err" || die "a package after the killed ones failed: $(cat "$OUT/after.err")"
"$BIN" --data-dir "$WORK/photo-source" check >/dev/null 2>&1 || die "check failed after the killed exports"
export_leftovers=$(find "$EXPORTS" -mindepth 1 -maxdepth 1 -name '.readyfolio-*' | wc -l)

elapsed=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
moments=""
for o in nothing mid-copy before-commit after-commit after-print finished; do
	moments+=" $o=${outcomes[$o]:-0}"
done
fresh=""
for o in nothing mid-copy before-commit after-commit after-print finished; do
	((${outcomes[fresh-$o]:-0} > 0)) && fresh+=" $o=${outcomes[fresh-$o]}"
done
say "kills by moment:$moments (finished = done before the kill, not counted)"
say "kills of a first add into a new folder:$fresh"
say "every printed id present ($total_present of $total_ids); nothing half-written; $integrity: ok"
say "left by the kills: $total_tmp temporary file(s) in artifacts/tmp (removed by the store after an hour), $total_orphans stored file(s) no entry refers to (${total_orphan_mb} MB, not visible, not reclaimed)"
say "exports: $export_kills killed, $export_finished finished first; no half-written export at its name; the next export worked"
if ((export_leftovers > 0)); then
	say "WARNING: killed exports left $export_leftovers hidden temporary file(s)/folder(s) (.readyfolio-export-*.tmp, .readyfolio-package-*) in the export folder, which nothing removes:"
	find "$EXPORTS" -mindepth 1 -maxdepth 1 -name '.readyfolio-*' -printf '  %f\n' >&2
fi
result PASS "$kills kills in one folder + $FRESH_KILLS of a first add ($attempts attempts,$moments), $uninterrupted uninterrupted adds; $total_present/$total_ids printed ids present; check exit 0; $export_kills exports killed, none half-written ($export_leftovers hidden temp left); ${elapsed}s; seed $SEED"
