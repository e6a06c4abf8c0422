package dockercontainers_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// WaitFor and Events against the real engine. Containers: dcevt-go-*.
func TestWaitForAndEvents(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	n := fmt.Sprintf("dcevt-go-%d", os.Getpid())
	removeLater(t, c, n)
	since := time.Now().Add(-time.Second).Unix()
	ctr, _, err := c.Run(ctx, image, []string{"sh", "-c", "echo up; sleep 300"}, dc.Options{"detach": true, "name": n})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	defer ctr.Close()
	long, cancelLong := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelLong()
	if err := ctr.WaitFor(long, dc.Options{"log": "^up$", "status": "running"}); err != nil {
		t.Fatalf("WaitFor log: %v", err)
	}
	// The context's deadline is the wait's timeout, and the error says what was seen.
	short, cancelShort := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancelShort()
	err = ctr.WaitFor(short, dc.Options{"status": "paused"})
	if !errors.Is(err, dc.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want a timeout, got %v", err)
	}
	// Cancelled from another goroutine.
	cctx, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(200 * time.Millisecond); cancel() }()
	if err := ctr.WaitFor(cctx, dc.Options{"status": "exited"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if err := ctr.WaitFor(long, dc.Options{"stauts": "running"}); err == nil || !strings.Contains(err.Error(), `"stauts"`) {
		t.Fatalf("want the unknown key named, got %v", err)
	}
	until := time.Now().Add(time.Second).Unix()
	s, err := c.Events(ctx, dc.Options{"since": since, "until": until, "filters": map[string]any{"container": ctr.ID()}})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	defer s.Close()
	starts := 0
	for {
		var ev map[string]any
		err := s.Decode(&ev)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if ev["Action"] == "start" {
			starts++
		}
	}
	if starts != 1 {
		t.Fatalf("want one start event, got %d", starts)
	}
}
