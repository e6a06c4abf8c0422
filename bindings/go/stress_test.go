package dockercontainers_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	dc "github.com/docker-containers/docker_containers/bindings/go"
	"github.com/docker-containers/docker_containers/bindings/go/internal/memtrim"
)

// One client used from many goroutines at once: every call must succeed with its own answer.
func TestConcurrentUse(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	const workers, rounds = 16, 25
	ctrs := make([]*dc.Container, 4)
	for i := range ctrs {
		ctrs[i] = runDetached(t, c, strconv.Itoa(i), []string{"sh", "-c", fmt.Sprintf("echo ctr%d; exec sleep 300", i)}, nil)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				i := (w + r) % len(ctrs)
				want := ctrs[i]
				// A fresh handle by name, and the shared one, both at once from every goroutine.
				got, err := c.Get(ctx, want.Name())
				if err != nil {
					errs <- err
					continue
				}
				if got.ID() != want.ID() {
					errs <- fmt.Errorf("get %s gave %s", want.Name(), got.ID())
				}
				got.Close()
				if err := want.Reload(ctx); err != nil || want.Status() != "running" {
					errs <- fmt.Errorf("reload: %v %s", err, want.Status())
				}
				if _, err := c.Get(ctx, prefix+"missing"); !errors.Is(err, dc.ErrNotFound) {
					errs <- fmt.Errorf("missing: %v", err)
				}
				if r%5 == 0 {
					res, err := want.ExecRun(ctx, []string{"echo", strconv.Itoa(w)}, nil)
					if err != nil || string(res.Output) != strconv.Itoa(w)+"\n" {
						errs <- fmt.Errorf("exec: %q %v", res.Output, err)
					}
					s, err := want.Logs(ctx, nil)
					if err != nil {
						errs <- err
						continue
					}
					b, err := io.ReadAll(s)
					s.Close()
					if err != nil || string(b) != fmt.Sprintf("ctr%d\n", i) {
						errs <- fmt.Errorf("logs of %d: %q %v", i, b, err)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n < 5 {
			t.Error(err)
		}
		n++
	}
	if n > 0 {
		t.Fatalf("%d of %d rounds failed", n, workers*rounds)
	}
}

// statmKiB reads field i of /proc/self/statm (1: resident, 2: resident and file-backed).
func statmKiB(t testing.TB, i int) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b))
	pages, err := strconv.ParseInt(f[i], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * int64(os.Getpagesize()) / 1024
}

// rssKiB is the resident set less its file-backed pages (code of the library and the test
// binary, faulted in as new paths run): the memory the process allocated.
func rssKiB(t testing.TB) int64 { return statmKiB(t, 1) - statmKiB(t, 2) }

func settledRSS(t testing.TB) int64 {
	runtime.GC()
	runtime.GC() // finalizers queued by the first run free their C handles before the second
	debug.FreeOSMemory()
	memtrim.Trim()
	if os.Getenv("DCGO_MEMDEBUG") != "" {
		st, _ := os.ReadFile("/proc/self/status")
		for _, l := range strings.Split(string(st), "\n") {
			if strings.HasPrefix(l, "Threads") {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				t.Logf("%s heap-inuse %d KiB sys %d KiB rss %d KiB, file-backed %d KiB", l, ms.HeapInuse/1024, ms.Sys/1024, statmKiB(t, 1), statmKiB(t, 2))
			}
		}
	}
	return rssKiB(t)
}

// The bound: the process's allocated memory (resident set less file-backed pages, after Go's
// GC and glibc's malloc_trim) may grow by at most 2 MiB over 10,000 rounds that follow a
// 20,000-round warm-up. The C allocator settles over about the first 20,000 rounds (to a
// plateau near 8 MiB: of 40,000 rounds tried, the last 20,000 grew by nothing), while a leak of
// 200 bytes a round (one small allocation a round) would break the bound.
const maxGrowthKiB = 2048

// 10,000 rounds (after the warm-up) of getters, reloads, error paths, handles left to
// finalizers and short streams: the memory in use must stay flat.
func TestMemoryBounded(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sh", "-c", "echo some output; exec sleep 300"}, dc.Options{"labels": map[string]string{"k": "v"}})
	if err := ctr.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	round := func(i int) {
		if ctr.Name() == "" || ctr.Status() != "running" || ctr.Labels()["k"] != "v" || len(ctr.Attrs()) == 0 || ctr.Health() != "unknown" {
			t.Fatalf("round %d: getters", i)
		}
		_ = ctr.Ports()
		if err := ctr.Reload(ctx); err != nil {
			t.Fatalf("round %d: reload %v", i, err)
		}
		if _, err := c.Get(ctx, prefix+"missing"); !errors.Is(err, dc.ErrNotFound) {
			t.Fatalf("round %d: %v", i, err)
		}
		if err := ctr.Stop(ctx, dc.Options{"bogus": 1}); !errors.Is(err, dc.ErrInvalidArgument) {
			t.Fatalf("round %d: %v", i, err)
		}
		if i%10 == 0 {
			// A handle never closed (the finalizer frees it) and a stream read then closed.
			if _, err := c.Get(ctx, ctr.ID()); err != nil {
				t.Fatalf("round %d: %v", i, err)
			}
			s, err := ctr.Logs(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if b, err := io.ReadAll(s); err != nil || string(b) != "some output\n" {
				t.Fatalf("round %d: logs %q %v", i, b, err)
			}
			s.Close()
		}
	}
	for i := 0; i < 20000; i++ {
		round(i)
	}
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("DCGO_ROUNDS")); err == nil {
		n = v
	}
	before := settledRSS(t)
	for i := 0; i < n/2; i++ {
		round(i)
	}
	mid := settledRSS(t)
	for i := n / 2; i < n; i++ {
		round(i)
	}
	after := settledRSS(t)
	t.Logf("allocated RSS after warm-up %d KiB, after %d rounds %d KiB, after %d rounds %d KiB: growth %d KiB (bound %d KiB)",
		before, n/2, mid, n, after, after-before, maxGrowthKiB)
	if after-before > maxGrowthKiB {
		t.Fatalf("allocated RSS grew by %d KiB over %d rounds (bound %d KiB)", after-before, n, maxGrowthKiB)
	}
}
