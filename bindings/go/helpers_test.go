package dockercontainers_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

const image = "dc-test/busybox:latest"

// prefix names every container these tests make: dcgo-<pid>-<test>.
var prefix = fmt.Sprintf("dcgo-%d-", os.Getpid())

// TestMain fails loudly when no engine answers, and after the tests removes any container this
// process made that a failed test may have left.
func TestMain(m *testing.M) {
	c, err := dc.FromEnv()
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = c.Ping(ctx)
		cancel()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: no Docker engine answers (%v); start one with scripts/engine-up.sh\n", err)
		os.Exit(1)
	}
	code := m.Run()
	list, err := c.List(context.Background(), dc.Options{"all": true,
		"filters": map[string]any{"name": []string{prefix}}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "cleanup: list:", err)
		code = 1
	}
	for _, ctr := range list {
		if strings.HasPrefix(ctr.Name(), prefix) {
			fmt.Fprintln(os.Stderr, "cleanup: removing leftover", ctr.Name())
			_ = ctr.Remove(context.Background(), dc.Options{"force": true, "v": true})
		}
		ctr.Close()
	}
	c.Close()
	os.Exit(code)
}

func client(t testing.TB) *dc.Client {
	t.Helper()
	c, err := dc.FromEnv()
	if err != nil {
		t.Fatalf("FromEnv: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var unsafeChars = regexp.MustCompile(`[^a-zA-Z0-9_.-]+`)

// name is a container name for this test.
func name(t testing.TB, suffix string) string {
	n := prefix + unsafeChars.ReplaceAllString(t.Name(), "_")
	if suffix != "" {
		n += "-" + suffix
	}
	return n
}

// removeLater force-removes the named container when the test ends, however it ends.
func removeLater(t testing.TB, c *dc.Client, n string) {
	t.Cleanup(func() {
		ctr, err := c.Get(context.Background(), n)
		if errors.Is(err, dc.ErrNotFound) {
			return
		}
		if err != nil {
			t.Errorf("cleanup get %s: %v", n, err)
			return
		}
		defer ctr.Close()
		if err := ctr.Remove(context.Background(), dc.Options{"force": true, "v": true}); err != nil && !errors.Is(err, dc.ErrNotFound) {
			t.Errorf("cleanup remove %s: %v", n, err)
		}
	})
}

// runDetached starts a container running cmd, removed when the test ends.
func runDetached(t testing.TB, c *dc.Client, suffix string, cmd []string, opts dc.Options) *dc.Container {
	t.Helper()
	n := name(t, suffix)
	removeLater(t, c, n)
	o := dc.Options{"detach": true, "name": n}
	for k, v := range opts {
		o[k] = v
	}
	ctr, _, err := c.Run(context.Background(), image, cmd, o)
	if err != nil {
		t.Fatalf("run %s: %v", n, err)
	}
	t.Cleanup(func() { ctr.Close() })
	return ctr
}

func asError(t testing.TB, err error) *dc.Error {
	t.Helper()
	var e *dc.Error
	if !errors.As(err, &e) {
		t.Fatalf("want *dc.Error, got %T: %v", err, err)
	}
	return e
}

// eventually polls f until it is true or 10 s pass.
func eventually(t testing.TB, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
