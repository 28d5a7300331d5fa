#!/usr/bin/env python3
"""Time a GUI program from exec to its first painted frame on an X display (Xvfb).

Usage: x11-first-paint.py [--timeout S] [--settle S] [--min-colours N] [--shot FILE.png]
                          [--content-shot FILE.png] [--log FILE] -- CMD...

Starts CMD in a session of its own, then every --interval seconds (default 0.02) reads the whole
screen (XGetImage of the root window) and counts the distinct colours of every 3rd pixel. The
empty screen is black, and a window that is mapped but not painted yet is one flat colour (plus
the black around it); the frame counts as painted once it shows more than --min-colours colours
(default 50, as scripts/smoke.sh judges a screenshot): text, icons and shading. Content counts as
shown once the lower right part of the screen (right of the first quarter of its width, below the
first quarter of its height: for ReadyFolio, below the page's header and right of the sidebar,
where the portfolio lists its entries) shows as many colours by itself. It then keeps CMD running
--settle seconds more (default 2) while still sampling memory, stops every process of the session
(SIGTERM, SIGKILL after 5 s) and prints one line:

    first_paint_ms=N content_ms=N colours=N peak_rss_kb=N sum_hwm_kb=N processes=N

peak_rss_kb is the largest sum of VmRSS over every process of the session, sampled at each poll
(the app and its WebKit web and network processes); sum_hwm_kb adds each process's own peak
(VmHWM), read last before it is stopped: an upper bound, since the peaks need not coincide.
--shot writes the first painted frame as a PNG, --content-shot the first with content; --log takes
CMD's output. Exit status 1 if nothing painted in --timeout
seconds (default 60) or CMD exited first.
"""
import argparse
import ctypes
import os
import signal
import struct
import subprocess
import sys
import time
import zlib


class XImage(ctypes.Structure):  # the leading fields of Xlib's XImage
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


class Screen:
    def __init__(self):
        x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XGetImage.restype = ctypes.POINTER(XImage)
        x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                  ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x11.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
        self.x11 = x11
        self.display = x11.XOpenDisplay(None)
        if not self.display:
            raise SystemExit("x11-first-paint: cannot open the display (is DISPLAY set?)")
        self.root = x11.XDefaultRootWindow(self.display)
        self.width = x11.XDisplayWidth(self.display, 0)
        self.height = x11.XDisplayHeight(self.display, 0)

    def grab(self):
        """The screen as (width, height, bytes per line, BGRX bytes)."""
        img = self.x11.XGetImage(self.display, self.root, 0, 0, self.width, self.height, ALL_PLANES, Z_PIXMAP)
        if not img:
            raise SystemExit("x11-first-paint: XGetImage failed")
        try:
            im = img.contents
            if im.bits_per_pixel != 32:
                raise SystemExit(f"x11-first-paint: need a 24/32-bit screen, not {im.bits_per_pixel} bits per pixel")
            data = ctypes.string_at(im.data, im.bytes_per_line * im.height)
            return im.width, im.height, im.bytes_per_line, data
        finally:
            self.x11.XDestroyImage(img)


def colours(frame, left=0.0, top=0.0) -> int:
    """Distinct colours of every 3rd pixel of the frame's part right of left and below top
    (fractions of its width and height)."""
    width, height, stride, data = frame
    pixels = memoryview(data).cast("I")
    per_line, x0, y0 = stride // 4, int(width * left), int(height * top)
    seen = set()
    for y in range(y0, height, 3):
        seen.update(p & 0xFFFFFF for p in pixels[y * per_line + x0:y * per_line + width:3])
    return len(seen)


def write_png(path, frame):
    width, height, stride, data = frame
    raw = bytearray()
    for y in range(height):
        row = data[y * stride:y * stride + width * 4]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[2::4], row[1::4], row[0::4]
        raw += b"\x00" + rgb

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))


def session_processes(sid):
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # after "pid (comm)": state ppid pgrp session
            out.append(int(name))
    return out


def status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--settle", type=float, default=2)
    ap.add_argument("--interval", type=float, default=0.02)
    ap.add_argument("--min-colours", type=int, default=50)
    ap.add_argument("--shot")
    ap.add_argument("--content-shot")
    ap.add_argument("--log")
    ap.add_argument("cmd", nargs="+")
    args = ap.parse_args()

    screen = Screen()
    start = time.monotonic()
    log = open(args.log, "wb") if args.log else None
    proc = subprocess.Popen(args.cmd, start_new_session=True, stdout=log, stderr=log)
    sid = proc.pid
    painted_ms, content_ms, painted_colours, peak_rss, hwm, seen = None, None, 0, 0, {}, set()
    deadline = start + args.timeout
    settle_until = None
    try:
        while True:
            now = time.monotonic()
            pids = session_processes(sid)
            seen.update(pids)
            peak_rss = max(peak_rss, sum(status_kb(p, "VmRSS") for p in pids))
            for p in pids:
                hwm[p] = max(hwm.get(p, 0), status_kb(p, "VmHWM"))
            if proc.poll() is not None:
                print(f"x11-first-paint: the program exited (status {proc.returncode}) before it painted",
                      file=sys.stderr)
                return 1
            if content_ms is None:
                frame = screen.grab()
                if painted_ms is None:
                    n = colours(frame)
                    if n > args.min_colours:
                        painted_ms, painted_colours = (time.monotonic() - start) * 1000, n
                        if args.shot:
                            write_png(args.shot, frame)
                if painted_ms is not None and colours(frame, 0.25, 0.25) > args.min_colours:
                    content_ms = (time.monotonic() - start) * 1000
                    settle_until = time.monotonic() + args.settle
                    if args.content_shot:
                        write_png(args.content_shot, frame)
                elif now > deadline:
                    what = "nothing painted" if painted_ms is None else "no content shown"
                    print(f"x11-first-paint: {what} in {args.timeout:g} s", file=sys.stderr)
                    return 1
            elif now >= settle_until:
                break
            time.sleep(args.interval)
    finally:
        stop(sid, proc)
    print(f"first_paint_ms={painted_ms:.0f} content_ms={content_ms:.0f} colours={painted_colours} peak_rss_kb={peak_rss} "
          f"sum_hwm_kb={sum(hwm.values())} processes={len(seen)}")
    return 0


def stop(sid, proc):
    """Stops every process of the session CMD started (SIGTERM, then SIGKILL after 5 s)."""
    def signal_all(sig):
        for pid in session_processes(sid):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    signal_all(signal.SIGTERM)
    for _ in range(50):
        if proc.poll() is not None and not session_processes(sid):
            return
        time.sleep(0.1)
    signal_all(signal.SIGKILL)
    proc.wait()


if __name__ == "__main__":
    sys.exit(main())
