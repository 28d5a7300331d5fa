#!/usr/bin/env bash
# Builds ReadyFolio's release files into dist/ (emptied first), all offline:
#   readyfolio-VERSION-linux-amd64.tar.gz     readyfolio, readyfolio.desktop, icons/hicolor/..., README.md
#   readyfolio_DEBVERSION_amd64.deb            /usr/bin/readyfolio, /usr/share/applications, /usr/share/icons/hicolor
#   readyfolio-VERSION-windows-amd64-installer.exe   NSIS installer (wails build -platform windows/amd64 -nsis)
#   SHA256SUMS
# VERSION comes from `make` (scripts/version.sh: git describe) unless set in the environment.
# Run it as `make dist`; run directly, it builds the Linux binary with `make build` first.
# Needs: what `make deps` installs (Wails CLI, npm packages, nsis), plus dpkg-deb and tar.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

VERSION=${VERSION:-$(scripts/version.sh)}
export VERSION
WAILS=$root/.cache/bin/wails
BIN=build/bin/readyfolio
OUT=dist
NAME=readyfolio
ARCH=amd64
start=$SECONDS

log() { echo "dist: $*"; }
fail() {
	echo "dist: FAIL: $*" >&2
	exit 1
}

for tool in tar gzip dpkg-deb makensis sha256sum lintian desktop-file-validate; do
	command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing: run 'make deps' (makensis: package nsis)"
done

# Debian versions have no "-" without a Debian revision: a pre-release sorts before the release
# with "~" (0.1.0-dev+abc -> 0.1.0~dev+abc), builds past a tag after it with "+" (1.2.0-3-gabc ->
# 1.2.0+3.gabc); the other "-" become ".".
deb_version() {
	local v=$1
	if [[ $v == *-dev* ]]; then v=${v/-dev/\~dev}; else v=${v/-/+}; fi
	echo "${v//-/.}"
}
DEB_VERSION=$(deb_version "$VERSION")

# Every file gets the time of the last commit, so that the archives depend only on their content.
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# 1. The Linux binary: the Makefile's own build (deps, frontend, `wails build -tags webkit2_41`
#    with -X main.version); a no-op when it is up to date for this VERSION.
log "version $VERSION (Debian: $DEB_VERSION)"
make --no-print-directory build
got=$("$BIN" version)
[[ $got == *"$VERSION"* ]] || fail "$BIN says '$got', expected version $VERSION"

rm -rf "$OUT"
mkdir -p "$OUT"

# The icons and the .desktop file, laid out as under /usr/share (or ~/.local/share).
stage_share() { # DIR: DIR/applications/readyfolio.desktop, DIR/icons/hicolor/...
	install -D -m 0644 build/linux/readyfolio.desktop "$1/applications/$NAME.desktop"
	mkdir -p "$1/icons"
	cp -r build/linux/icons/hicolor "$1/icons/"
	find "$1/icons" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
}

# 2. Linux tar.gz.
tarbase=$NAME-$VERSION-linux-$ARCH
t=$tmp/$tarbase
mkdir -p "$t"
install -m 0755 "$BIN" "$t/$NAME"
stage_share "$tmp/share"
mv "$tmp/share/applications/$NAME.desktop" "$tmp/share/icons" "$t/"
cp README.md "$t/"
[[ -f LICENSE ]] && cp LICENSE "$t/"
chmod 0644 "$t/README.md" "$t/$NAME.desktop"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
	-C "$tmp" -cf - "$tarbase" | gzip -9n > "$OUT/$tarbase.tar.gz"
log "wrote $OUT/$tarbase.tar.gz"

# 3. .deb (dpkg-deb, no Debian source package needed).
d=$tmp/deb
install -D -m 0755 "$BIN" "$d/usr/bin/$NAME"
stage_share "$d/usr/share"
install -D -m 0644 README.md "$d/usr/share/doc/$NAME/README.md"
install -D -m 0644 build/linux/copyright "$d/usr/share/doc/$NAME/copyright"
maintainer=${DEB_MAINTAINER:-ReadyFolio maintainers <maintainers@readyfolio.invalid>}
# A native package's changelog: one entry for this build. The manual page comes from the
# binary's own help (scripts/manpage.sh). gzip -n keeps both reproducible.
{
	printf '%s (%s) unstable; urgency=medium\n\n' "$NAME" "$DEB_VERSION"
	printf '  * Built from git commit %s.\n\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$mtime")"
} | gzip -9n >"$tmp/changelog.gz"
install -D -m 0644 "$tmp/changelog.gz" "$d/usr/share/doc/$NAME/changelog.gz"
scripts/manpage.sh "$BIN" "$VERSION" "$(date -u -d "@$mtime" +%Y-%m-%d)" | gzip -9n >"$tmp/$NAME.1.gz"
install -D -m 0644 "$tmp/$NAME.1.gz" "$d/usr/share/man/man1/$NAME.1.gz"
mkdir -p "$d/DEBIAN"
glibc=$(objdump -T "$BIN" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 | sed 's/GLIBC_//' || true)
cat > "$d/DEBIAN/control" <<EOF
Package: $NAME
Version: $DEB_VERSION
Section: education
Priority: optional
Architecture: $ARCH
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$d" | cut -f1)
Depends: ${glibc:+libc6 (>= $glibc), }libgtk-3-0, libwebkit2gtk-4.1-0
Description: offline evidence portfolio for educators' AI leadership work
 ReadyFolio collects an educator's evidence of AI leadership work (pilots,
 lesson redesigns, professional development led, AI tool evaluations, policy
 and guidance work) as a portfolio of entries with reflections, files and
 links, kept in a local folder and searchable; records credentials and reads
 Open Badges offline; maps the evidence to the UNESCO AI Competency Framework
 for Teachers and the ISTE Standards for Educators; and exports signed PDFs
 and submission packages. It never uses the network.
EOF
find "$d" -exec touch -h -d "@$mtime" {} +
deb=${NAME}_${DEB_VERSION}_$ARCH.deb
SOURCE_DATE_EPOCH=$mtime dpkg-deb --root-owner-group -Zxz --build "$d" "$OUT/$deb" >/dev/null
log "wrote $OUT/$deb"
# Debian's own checks of the package and of the desktop entry: any error or warning fails.
desktop-file-validate "$d/usr/share/applications/$NAME.desktop" || fail "desktop-file-validate found problems in the .desktop file"
if ! findings=$(lintian --fail-on error,warning --tag-display-limit 0 "$OUT/$deb" 2>&1); then
	grep -v 'running with root privileges' <<<"$findings" >&2
	fail "lintian found errors or warnings in $deb (listed above)"
fi
log "lintian and desktop-file-validate: no errors or warnings"

# 4. Windows installer: cross-built; the frontend and the bindings are those of step 1.
#    Wails writes build/bin/readyfolio.exe and build/bin/ReadyFolio-amd64-installer.exe (named
#    after wails.json's "name"). It also fills in the template build/windows/installer/
#    wails_tools.nsh in place and leaves a WebView2 bootstrapper in installer/tmp: put both back.
nsh=build/windows/installer/wails_tools.nsh
cp -p "$nsh" "$tmp/wails_tools.nsh"
trap 'cp -p "$tmp/wails_tools.nsh" "$nsh"; rm -rf build/windows/installer/tmp "$tmp"' EXIT
rm -f build/bin/*-"$ARCH"-installer.exe
"$WAILS" build -platform "windows/$ARCH" -nsis -s -skipbindings -trimpath -m -nocolour \
	-ldflags "-X main.version=$VERSION"
installers=(build/bin/*-"$ARCH"-installer.exe)
[[ -f ${installers[0]} ]] || fail "wails did not write build/bin/*-$ARCH-installer.exe"
exe=$NAME-$VERSION-windows-$ARCH-installer.exe
cp "${installers[0]}" "$OUT/$exe"
log "wrote $OUT/$exe"

# 5. Checksums, and what was made.
(cd "$OUT" && sha256sum -- *.tar.gz *.deb *.exe > SHA256SUMS)
log "made in $((SECONDS - start)) s:"
(cd "$OUT" && for f in *; do printf '  %8s  %s\n' "$(numfmt --to=iec --suffix=B "$(stat -c %s "$f")")" "$f"; done)
