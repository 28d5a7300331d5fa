package bag

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/internal/memtest"
)

// measure runs f and returns how far the heap in use grew above where it was before.
func measure(t *testing.T, f func()) (growth uint64) {
	t.Helper()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	peak := memtest.Sample(10 * time.Millisecond)
	f()
	peak.Stop()
	if peak.HeapInuse < base.HeapInuse {
		return 0
	}
	return peak.HeapInuse - base.HeapInuse
}

// TestLargePayloadStreams writes a 300 MiB payload file deflated and stored, then opens and
// verifies the stored bag from disk, and checks that the heap stays flat throughout.
func TestLargePayloadStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 300 MiB several times; skipped with -short")
	}
	const size = 300 << 20
	const mib = 1 << 20
	const allowed = 16 * mib
	h := sha256.New()
	io.CopyN(h, memtest.Zeros{}, size)
	wantSum := hex.EncodeToString(h.Sum(nil))

	for _, compress := range []bool{true, false} {
		var sum string
		var n int64
		var err error
		var written countingWriter
		growth := measure(t, func() {
			w := NewWriter(&written, testRoot, testNow)
			if sum, n, err = w.AddPayload("lecture-recording.mov", io.LimitReader(memtest.Zeros{}, size), compress); err == nil {
				err = w.Finish(nil, nil, nil)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("compress=%v: %d MiB payload → %d bytes of zip; heap in use grew by %.1f MiB", compress, size/mib, written, float64(growth)/mib)
		if sum != wantSum || n != size {
			t.Errorf("AddPayload = %s, %d; want %s, %d", sum, n, wantSum, size)
		}
		if growth > allowed {
			t.Errorf("heap in use grew by %d MiB while writing; the writer must stream", growth/mib)
		}
	}

	path := filepath.Join(t.TempDir(), "package.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := NewWriter(f, testRoot, testNow)
	if _, _, err := w.AddPayload("lecture-recording.mov", io.LimitReader(memtest.Zeros{}, size), false); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	var problems []Problem
	var last int64
	growth := measure(t, func() {
		b, err := Open(f, info.Size(), Limits{})
		if err != nil {
			t.Error(err)
			return
		}
		problems, err = b.Verify(context.Background(), func(done, total int64) { last = done })
		if err != nil {
			t.Error(err)
		}
	})
	t.Logf("Open and Verify of the stored %d MiB bag: heap in use grew by %.1f MiB", size/mib, float64(growth)/mib)
	if len(problems) != 0 || last != size {
		t.Errorf("Verify found %v, progress ended at %d", problems, last)
	}
	if growth > allowed {
		t.Errorf("heap in use grew by %d MiB while verifying; Verify must stream", growth/mib)
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
