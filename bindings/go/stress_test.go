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

// rssKiB reads the process's resident set from /proc/self/statm.
func rssKiB(t testing.TB) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b))
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * int64(os.Getpagesize()) / 1024
}

func settledRSS(t testing.TB) int64 {
	runtime.GC()
	runtime.GC() // finalizers queued by the first run free their C handles before the second
	debug.FreeOSMemory()
	return rssKiB(t)
}

// The bounds. Total growth over the 10,000 rounds after a 5,000-round warm-up: at most 4 MiB.
// The resident set still rises in steps of 1-2 MiB at random moments (a new OS thread for a
// blocking cgo call, and the C allocator's arena for it) and then stays flat near 19 MiB
// however many rounds run (30,000 tried); a leak instead grows in every stretch. So the
// smaller of the two halves' growth must stay under 512 KiB: a leak of ~100 bytes a round
// (one error object a round) would put 0.5 MiB in each half.
const (
	maxGrowthKiB     = 4096
	maxLateGrowthKiB = 512
)

// 10,000 rounds of getters, reloads, error paths, handles left to finalizers and short
// streams: the resident set must stay flat.
func TestMemoryBounded(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sh", "-c", "echo some output; exec sleep 300"}, dc.Options{"labels": map[string]string{"k": "v"}})
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
	for i := 0; i < 5000; i++ {
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
	least := mid - before
	if after-mid < least {
		least = after - mid
	}
	t.Logf("RSS after warm-up %d KiB, after %d rounds %d KiB, after %d rounds %d KiB: growth %d KiB (bound %d), smaller half %d KiB (bound %d)",
		before, n/2, mid, n, after, after-before, maxGrowthKiB, least, maxLateGrowthKiB)
	if after-before > maxGrowthKiB || least > maxLateGrowthKiB {
		t.Fatalf("RSS grew by %d KiB over %d rounds, %d KiB in the smaller half", after-before, n, least)
	}
}
