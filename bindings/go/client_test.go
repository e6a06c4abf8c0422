package dockercontainers_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

func TestClientInfo(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	if err := c.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := c.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	api, _ := v["ApiVersion"].(string)
	if !strings.HasPrefix(api, "1.") {
		t.Fatalf("Version: ApiVersion %q in %v", api, v)
	}
	used, err := c.APIVersion(ctx)
	if err != nil || !strings.HasPrefix(used, "1.") {
		t.Fatalf("APIVersion = %q, %v", used, err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := info["Containers"].(float64); !ok {
		t.Fatalf("Info has no Containers count: %v", info)
	}
	if dc.LibraryVersion() == "" {
		t.Fatal("empty LibraryVersion")
	}
}

func TestClientNewOptions(t *testing.T) {
	c, err := dc.New(dc.ClientOptions{BaseURL: "unix:///var/run/docker.sock", Version: "1.41", Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if v, err := c.APIVersion(context.Background()); err != nil || v != "1.41" {
		t.Fatalf("pinned version: %q, %v", v, err)
	}
	// An engine that is not there: a connection error naming the address.
	bad, err := dc.New(dc.ClientOptions{BaseURL: "unix:///nonexistent/dcgo.sock"})
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	err = bad.Ping(context.Background())
	if !errors.Is(err, dc.ErrConnection) || !strings.Contains(err.Error(), "/nonexistent/dcgo.sock") {
		t.Fatalf("ping of a missing socket: %v", err)
	}
	// A bad version string is refused when the client is made.
	if _, err := dc.New(dc.ClientOptions{Version: "one.two"}); !errors.Is(err, dc.ErrInvalidArgument) {
		t.Fatalf("bad version: %v", err)
	}
	if _, err := dc.FromEnv(dc.ClientOptions{BaseURL: "tcp://x:1"}); !errors.Is(err, dc.ErrInvalidArgument) {
		t.Fatalf("FromEnv with BaseURL: %v", err)
	}
	// Calls after Close fail cleanly.
	c.Close()
	c.Close()
	if err := c.Ping(context.Background()); !errors.Is(err, dc.ErrClosed) {
		t.Fatalf("ping after close: %v", err)
	}
}

func TestCanceledContextShortCall(t *testing.T) {
	c := client(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.Ping(ctx)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) {
		t.Fatalf("ping with a canceled context: %v", err)
	}
}

// A short call (stop, which waits for the container) returns when the deadline passes.
func TestDeadlineShortCall(t *testing.T) {
	c := client(t)
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil) // pid 1 ignores SIGTERM
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := ctr.Stop(ctx, dc.Options{"timeout": 5})
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, dc.ErrTimeout) {
		t.Fatalf("stop past its deadline: %v", err)
	}
	if took > 2*time.Second {
		t.Fatalf("stop returned after %v, want about 300ms", took)
	}
}
