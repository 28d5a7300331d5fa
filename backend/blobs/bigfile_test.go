package blobs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/internal/memtest"
)

// zeroSHA256For2GiB was computed with `head -c 2147483648 /dev/zero | sha256sum`.
const zeroSHA256For2GiB = "a7c744c13cc101ed66c29f672f92455547889cc586ce6d44fe76ae824958ea51"

// TestPutFileLargeStreams imports a 2 GiB file (sparse, so it costs no disk to create) and
// checks that memory stays flat. READYFOLIO_BIG_FILE_MB changes the size.
func TestPutFileLargeStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a 2 GiB file; skipped with -short")
	}
	size := int64(2 << 30)
	if v := os.Getenv("READYFOLIO_BIG_FILE_MB"); v != "" {
		mb, err := strconv.ParseInt(v, 10, 64)
		if err != nil || mb <= 0 {
			t.Fatalf("READYFOLIO_BIG_FILE_MB=%q is not a positive number", v)
		}
		size = mb << 20
	}
	want := zeroSHA256For2GiB
	if size != 2<<30 {
		h := sha256.New()
		if _, err := io.CopyN(h, memtest.Zeros{}, size); err != nil {
			t.Fatal(err)
		}
		want = hex.EncodeToString(h.Sum(nil))
	}

	path := filepath.Join(t.TempDir(), "lecture-recording.mov")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s, _ := openStore(t, 0)

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	peak := memtest.Sample(20 * time.Millisecond)
	start := time.Now()
	b, err := s.PutFile(context.Background(), path, nil)
	elapsed := time.Since(start)
	peak.Stop()
	if err != nil {
		t.Fatal(err)
	}

	const mib = 1 << 20
	t.Logf("imported %s in %v (%.0f MiB/s); peak HeapInuse %.1f MiB, HeapSys %.1f MiB (%+.1f), Sys %.1f MiB (%+.1f)",
		formatSize(size), elapsed.Round(time.Millisecond), float64(size)/mib/elapsed.Seconds(),
		float64(peak.HeapInuse)/mib, float64(peak.HeapSys)/mib, float64(int64(peak.HeapSys)-int64(base.HeapSys))/mib,
		float64(peak.Sys)/mib, float64(int64(peak.Sys)-int64(base.Sys))/mib)
	if b.SHA256 != want || b.Size != size {
		t.Errorf("PutFile = %+v, want SHA-256 %s and size %d", b, want, size)
	}
	// Signed: starting the sampler moves heap memory to its stack, so HeapSys may shrink.
	if grown := int64(peak.HeapSys) - int64(base.HeapSys); grown > 64*mib {
		t.Errorf("heap grew by %d MiB while importing", grown/mib)
	}
	if peak.HeapInuse > 64*mib || peak.Sys > 100*mib {
		t.Errorf("peak HeapInuse %d MiB, Sys %d MiB; the import must stream", peak.HeapInuse/mib, peak.Sys/mib)
	}
}

func BenchmarkPut(b *testing.B) {
	const size = 64 << 20
	s, _ := openStore(b, 0)
	b.SetBytes(size)
	for i := 0; b.Loop(); i++ {
		// A distinct first line per iteration, so each Put stores a new blob instead of deduplicating.
		r := io.MultiReader(strings.NewReader(strconv.Itoa(i)), io.LimitReader(memtest.Zeros{}, size))
		if _, err := s.Put(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
}
