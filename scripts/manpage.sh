#!/usr/bin/env bash
# Writes the readyfolio(1) manual page to stdout from the binary's own `help`, so that the page
# lists exactly the commands and flags that binary has (make dist puts it into the .deb).
#
#   scripts/manpage.sh BIN VERSION DATE > readyfolio.1
set -euo pipefail
bin=$1 version=$2 date=$3

# roff: a leading "." or "'" would be a request, and "\" starts an escape.
esc() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" -e 's/-/\\-/g'; }

help=$("$bin" help)
cat <<ROFF
.TH READYFOLIO 1 "$date" "ReadyFolio $version" "User Commands"
.SH NAME
readyfolio \- offline evidence portfolio for educators' AI leadership work
.SH SYNOPSIS
.B readyfolio
.RB [ \-\-data\-dir
.IR DIR ]
.RI [ COMMAND " [" FLAGS ]]
.SH DESCRIPTION
Without a command, ReadyFolio opens its window. With a command it runs headless on the same
data folder and the same backend as the window. It never uses the network.
.SH COMMANDS
ROFF
# Each command line of the help: two spaces, the name, spaces, its summary.
sed -n 's/^  \([a-z][a-z]*\) \{1,\}\(.*\)$/\1\t\2/p' <<<"$help" | while IFS=$'\t' read -r name summary; do
	printf '.TP\n.B %s\n%s\n' "$name" "$(esc <<<"$summary")"
done
echo ".SH NOTES"
# The help's closing lines: the data folder, size limits and exit codes.
sed -n '/^The data folder/,$p' <<<"$help" | esc | sed 's/$/\n.br/'
cat <<'ROFF'
.SH SEE ALSO
The README in /usr/share/doc/readyfolio.
ROFF
