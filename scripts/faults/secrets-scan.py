#!/usr/bin/env python3
"""Looks for a secret in files, also where it could hide compressed or encoded.

Usage: secrets-scan.py SECRET PATH...   (a PATH may be a folder: every file under it)

Each file is searched as it is, and: a zip's members (inflated; nested zips and PDFs too), a
PDF's streams (FlateDecode inflated). The secret is looked for as UTF-8, UTF-16LE, hex and
base64. Prints one line per hit ("FOUND where how") and "SCANNED n files, m parts"; exits 1
if the secret was found.
"""
import base64
import io
import os
import re
import sys
import zipfile
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def forms(secret: bytes):
    yield "as text", secret
    yield "as UTF-16", secret.decode("utf-8").encode("utf-16-le")
    yield "as hex", secret.hex().encode()
    yield "as HEX", secret.hex().upper().encode()
    for i in range(3):  # base64 of the secret at any alignment inside a longer text
        chunk = base64.b64encode(b"\0" * i + secret)[4:-4]
        yield "as base64", chunk


class Scanner:
    def __init__(self, secret: bytes):
        self.forms = list(forms(secret))
        self.hits = []
        self.files = 0
        self.parts = 0

    def scan(self, where: str, data: bytes, depth: int = 0):
        self.parts += 1
        for how, needle in self.forms:
            if needle in data:
                self.hits.append(f"FOUND {where} {how}")
        if depth > 3:
            return
        if data[:4] == b"PK\x03\x04":
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    for name in z.namelist():
                        self.scan(f"{where}!{name}", z.read(name), depth + 1)
            except zipfile.BadZipFile:
                pass
        if data[:5] == b"%PDF-":
            for n, m in enumerate(STREAM.finditer(data)):
                try:
                    inflated = zlib.decompress(m.group(1))
                except zlib.error:
                    continue
                self.scan(f"{where}#stream{n}", inflated, depth + 1)

    def scan_path(self, path: str):
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                for name in files:
                    self.scan_path(os.path.join(root, name))
            return
        if not os.path.isfile(path):
            return
        self.files += 1
        with open(path, "rb") as f:
            self.scan(path, f.read())


def main() -> int:
    secret = sys.argv[1].encode("utf-8")
    s = Scanner(secret)
    for path in sys.argv[2:]:
        s.scan_path(path)
    for hit in s.hits:
        print(hit)
    print(f"SCANNED {s.files} files, {s.parts} parts")
    return 1 if s.hits else 0


if __name__ == "__main__":
    sys.exit(main())
