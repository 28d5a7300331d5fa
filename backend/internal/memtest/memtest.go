// Package memtest measures memory for the tests that prove a stream stays flat whatever its
// size: a sampler of the runtime's peaks and an endless source of zero bytes.
package memtest

import (
	"runtime"
	"sync"
	"time"
)

// Peak samples the runtime's memory statistics until Stop and keeps the highest values.
type Peak struct {
	HeapInuse, HeapSys, Sys uint64

	stop chan struct{}
	done sync.WaitGroup
}

// Sample starts sampling every interval.
func Sample(every time.Duration) *Peak {
	p := &Peak{stop: make(chan struct{})}
	p.done.Go(func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			var st runtime.MemStats
			runtime.ReadMemStats(&st)
			p.HeapInuse = max(p.HeapInuse, st.HeapInuse)
			p.HeapSys = max(p.HeapSys, st.HeapSys)
			p.Sys = max(p.Sys, st.Sys)
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	})
	return p
}

// Stop ends sampling; the peaks are final once it returns.
func (p *Peak) Stop() {
	close(p.stop)
	p.done.Wait()
}

// Zeros reads as many zero bytes as asked, forever: a large file that costs nothing to make.
type Zeros struct{}

func (Zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
