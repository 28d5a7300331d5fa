# Shared by the benchmark scripts (source it): the temporary folder, the measuring of a
# command's wall time and peak memory, number formatting, and the rows of the one table that
# `make bench` prints (scripts/bench-all.sh). Needs /usr/bin/time and python3.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-3}
export GOTOOLCHAIN=auto
say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

[[ -f frontend/dist/index.html ]] || die "frontend/dist is missing (main.go embeds it): run 'make frontend' or 'make bench'"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: install the Debian package 'time' (make deps)"
command -v python3 >/dev/null || die "python3 is missing (make deps)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-bench.XXXXXX")

# ---------------------------------------------------------------------------------------------
# The table: every part adds its rows (add_row) and notes (add_note). scripts/bench-all.sh sets
# BENCH_ROWS and BENCH_NOTES and prints them all at the end; a part run alone prints its own
# (finish_part).
if [[ -z ${BENCH_ROWS:-} ]]; then
	BENCH_ALONE=1 BENCH_ROWS=$TMP/rows.tsv BENCH_NOTES=$TMP/notes.txt
	: >"$BENCH_ROWS"
	: >"$BENCH_NOTES"
fi

# add_row MEASUREMENT FIGURE PEER_OR_FLOOR RATIO PEAK TARGET MET: one row (empty fields allowed).
add_row() {
	(($# == 7)) || die "add_row needs 7 fields, got $#: $*"
	local IFS=$'\t'
	echo "$*" >>"$BENCH_ROWS"
}
add_note() { echo "$*" >>"$BENCH_NOTES"; }

# print_table: the rows as one Markdown table (aligned, so it reads in a terminal and pastes
# into the README as it is), then the notes.
print_table() {
	python3 - "$BENCH_ROWS" <<'PY'
import sys
head = ["measurement", "figure", "peer or floor", "ratio", "peak RSS", "target", "met?"]
rows = [head] + [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(line(rows[0]))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows[1:]:
    print(line(r))
PY
	if [[ -s $BENCH_NOTES ]]; then
		echo
		cat "$BENCH_NOTES"
	fi
}

# machine: when and on what the figures were measured; the load average counts other work.
machine() {
	local cpu
	cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	echo "$(date +%F), ${cpu:-unknown CPU}, nproc=$(nproc), $(free -g | awk '/^Mem:/ { print $2 " GiB RAM" }'), load average $(cut -d' ' -f1-3 /proc/loadavg), RUNS=$RUNS"
}

finish_part() {
	if [[ -n ${BENCH_ALONE:-} ]]; then
		echo
		echo "Benchmark: $(machine)"
		print_table
	fi
}

# met COND: "MET" if the awk condition COND holds, else "NOT MET"; calc PROGRAM: awk arithmetic.
met() { if awk "BEGIN { exit !($1) }"; then echo MET; else echo "NOT MET"; fi; }
calc() { awk "BEGIN { $1 }"; }

ACTIVE_PGID=""
cleanup() {
	# Only the process group this script started, if a measurement was interrupted.
	[[ -n $ACTIVE_PGID ]] && kill -- "-$ACTIVE_PGID" 2>/dev/null || true
	if [[ ${KEEP:-} == 1 ]]; then say "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# Measuring

# sample_group PGID OUT: every 100 ms, sums VmRSS and Pss (KB) over the processes of group PGID
# except its leader (/usr/bin/time itself); writes the peaks "rss pss" to OUT when the leader is
# gone. Only bash builtins in the loop, so sampling costs next to nothing.
sample_group() {
	local pg=$1 out=$2 peak_rss=0 peak_pss=0 rss pss f line pid key val
	while kill -0 "$pg" 2>/dev/null; do
		rss=0 pss=0
		for f in /proc/[0-9]*/stat; do
			read -r line 2>/dev/null <"$f" || continue
			set -- ${line##*) } # after "pid (comm) ": state ppid pgrp ...
			[[ ${3:-} == "$pg" ]] || continue
			pid=${f#/proc/} pid=${pid%/stat}
			[[ $pid == "$pg" ]] && continue
			while read -r key val _; do
				[[ $key == VmRSS: ]] && rss=$((rss + val))
			done 2>/dev/null <"/proc/$pid/status" || true
			while read -r key val _; do
				[[ $key == Pss: ]] && pss=$((pss + val))
			done 2>/dev/null <"/proc/$pid/smaps_rollup" || true
		done
		((rss > peak_rss)) && peak_rss=$rss
		((pss > peak_pss)) && peak_pss=$pss
		sleep 0.1
	done
	echo "$peak_rss $peak_pss" >"$out"
}

# measure LOG CMD...: runs CMD in a process group of its own under /usr/bin/time and sets
# WALL (s), MAIN (peak RSS of CMD's own process, KB), RSS and PSS (peaks summed over the
# group, KB). CMD's output goes to LOG; a failure shows it and stops the benchmark.
measure() {
	local log=$1
	shift
	local tf="$TMP/time.out" sf="$TMP/sample.out" pid sampler rc=0
	rm -f "$tf" "$sf"
	# Not a group leader here (no job control), so setsid does not fork: the group's id is $!.
	setsid /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$log" 2>&1 &
	pid=$!
	ACTIVE_PGID=$pid
	sample_group "$pid" "$sf" &
	sampler=$!
	wait "$pid" || rc=$?
	wait "$sampler" || true
	ACTIVE_PGID=""
	if ((rc != 0)); then
		say "failed (exit $rc): $*"
		sed 's/^/  | /' "$log" >&2
		exit 1
	fi
	# /usr/bin/time writes a "Command exited…" line first when the command fails; take the last.
	read -r WALL MAIN < <(tail -n1 "$tf")
	read -r RSS PSS <"$sf"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }          # KB → MB (MiB, as the app prints)
size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# build_binary: builds ReadyFolio into $BIN and writes the benchmark passphrase to $PASS.
BIN="$TMP/readyfolio"
PASS="$TMP/passphrase"
build_binary() {
	say "building $BIN"
	go build -o "$BIN" .
	printf 'benchmark passphrase, not a secret\n' >"$PASS"
	chmod 600 "$PASS"
}
