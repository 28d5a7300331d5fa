// Command benchsearch times full-text search over a data folder the way the app searches: it
// opens the folder with the workspace and calls store.Search, the method behind the window's
// SearchService (50 results) and the command line's `search` (1000). Each query runs -reps
// times after a few untimed runs; it prints, per query, the hits and the median (p50), p95 and
// slowest latency in ms, then the same over every timed search of the window (the command
// line's larger limit serves scripts, not someone typing, and is reported on its own). It is a
// benchmark helper for scripts/bench-search.sh, not part of the app.
//
//	go run ./scripts/benchsearch -data DIR [-reps 200] [-tsv]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/readyfolio/readyfolio/backend/workspace"
)

// guiLimit and cliLimit are the result limits of app.SearchService and of `readyfolio search`.
const guiLimit, cliLimit = 50, 1000

// query is one search as the educator types it; what says what kind of query it is.
type query struct {
	what, text string
	limit      int
}

var queries = []query{
	{"one letter (as typed)", "f", guiLimit},
	{"prefix (as typed)", "feed", guiLimit},
	{"word", "feedback", guiLimit},
	{"word", "chatbot", guiLimit},
	{"word", "rubric", guiLimit},
	{"two words", "writing feedback", guiLimit},
	{"two words", "grade 8", guiLimit},
	{"phrase in quotes", `"academic integrity"`, guiLimit},
	{"word found nowhere", "xylophone", guiLimit},
	{"word, command line limit", "feedback", cliLimit},
}

func main() {
	data := flag.String("data", "", "the data folder to search")
	reps := flag.Int("reps", 200, "timed runs of each query")
	tsv := flag.Bool("tsv", false, "print tab-separated values: what, query, limit, hits, p50, p95, max ms; last the same over every search")
	flag.Parse()
	if *data == "" || *reps < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchsearch -data DIR [-reps N] [-tsv]")
		os.Exit(2)
	}
	if err := run(*data, *reps, *tsv); err != nil {
		fmt.Fprintln(os.Stderr, "benchsearch:", err)
		os.Exit(1)
	}
}

func run(dir string, reps int, tsv bool) error {
	ctx := context.Background()
	ws, err := workspace.Open(workspace.Options{Dir: dir})
	if err != nil {
		return err
	}
	defer ws.Close()
	table := tabwriter.NewWriter(os.Stdout, 2, 8, 2, ' ', 0)
	write := func(cells ...string) { fmt.Fprintln(table, strings.Join(cells, "\t")) }
	if tsv {
		write = func(cells ...string) { fmt.Println(strings.Join(cells, "\t")) }
	} else {
		write("query", "", "limit", "hits", "p50 ms", "p95 ms", "max ms")
	}
	var all []time.Duration
	for _, q := range queries {
		var hits int
		times := make([]time.Duration, 0, reps)
		for i := -3; i < reps; i++ { // three untimed runs first
			start := time.Now()
			found, err := ws.Store.Search(ctx, q.text, q.limit)
			took := time.Since(start)
			if err != nil {
				return fmt.Errorf("search %q: %w", q.text, err)
			}
			if i >= 0 {
				times = append(times, took)
			}
			hits = len(found)
		}
		if q.limit == guiLimit {
			all = append(all, times...)
		}
		p50, p95, slowest := stats(times)
		write(q.what, q.text, strconv.Itoa(q.limit), strconv.Itoa(hits), ms(p50), ms(p95), ms(slowest))
	}
	p50, p95, slowest := stats(all)
	write("all", "every search of the window", strconv.Itoa(guiLimit), "-", ms(p50), ms(p95), ms(slowest))
	return table.Flush()
}

// stats returns the median, the 95th percentile (nearest rank) and the largest of times.
func stats(times []time.Duration) (p50, p95, slowest time.Duration) {
	s := slices.Clone(times)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return rank(0.50), rank(0.95), s[len(s)-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
