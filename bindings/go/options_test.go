package dockercontainers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// The typed option structs (options_gen.go) reach the engine as their map form would, and an
// explicit zero behind a pointer is sent rather than dropped. Containers: dcopt-<pid>-typed.
func TestTypedOptions(t *testing.T) {
	c := client(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	name := fmt.Sprintf("dcopt-%d-typed", os.Getpid())
	ctr, _, err := c.Run(ctx, image, []string{"sh", "-c", "echo started; exec sleep 60"}, dc.RunOptions{
		Detach:      true,
		Name:        name,
		Labels:      map[string]string{"dcopt": "typed"},
		Environment: []string{"A=1"},
		MemLimit:    "64m",
		PIDsLimit:   dc.Int(64),
		Stdout:      dc.Bool(true),
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Cleanup(func() {
		if err := ctr.Remove(context.Background(), dc.RemoveOptions{Force: true, V: true}); err != nil &&
			!errors.Is(err, dc.ErrNotFound) {
			t.Errorf("Remove: %v", err)
		}
		ctr.Close()
	})
	if got := ctr.Labels()["dcopt"]; got != "typed" {
		t.Errorf("label dcopt = %q, want typed", got)
	}
	var attrs struct {
		HostConfig struct {
			Memory    int64
			PidsLimit int64
		}
	}
	if err := json.Unmarshal(ctr.Attrs(), &attrs); err != nil {
		t.Fatalf("attrs: %v", err)
	}
	if attrs.HostConfig.Memory != 64<<20 || attrs.HostConfig.PidsLimit != 64 {
		t.Errorf("HostConfig Memory %d, PidsLimit %d; want %d, 64", attrs.HostConfig.Memory,
			attrs.HostConfig.PidsLimit, 64<<20)
	}

	res, err := ctr.ExecRun(ctx, []string{"sh", "-c", "echo out; echo $A err >&2; exit 3"},
		dc.ExecRunOptions{Demux: true, Workdir: "/tmp"})
	if err != nil {
		t.Fatalf("ExecRun: %v", err)
	}
	if res.ExitCode != 3 || string(res.Output) != "out\n" || string(res.Stderr) != "1 err\n" {
		t.Errorf("ExecRun: exit %d, stdout %q, stderr %q", res.ExitCode, res.Output, res.Stderr)
	}

	// PidsLimit 0 is sent (a pointer to zero, not an unset field): the engine lifts the limit.
	if err := ctr.Update(ctx, dc.UpdateOptions{PIDsLimit: dc.Int(0)}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if err := ctr.Reload(ctx); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if err := json.Unmarshal(ctr.Attrs(), &attrs); err != nil {
		t.Fatalf("attrs: %v", err)
	}
	if attrs.HostConfig.PidsLimit > 0 {
		t.Errorf("after Update(PidsLimit 0): PidsLimit %d, want none", attrs.HostConfig.PidsLimit)
	}

	if err := ctr.Stop(ctx, dc.StopOptions{Timeout: dc.Int(0)}); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	w, err := ctr.Wait(ctx, dc.WaitOptions{Condition: "not-running", Timeout: dc.Float(30)})
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if w.StatusCode != 137 {
		t.Errorf("exit code %d after Stop with timeout 0, want 137 (SIGKILL)", w.StatusCode)
	}
}

// The map form still works beside the structs, and an unknown key in it is refused by the
// library's option table with a hint.
func TestMapOptionsStillChecked(t *testing.T) {
	c := client(t)
	_, _, err := c.Run(context.Background(), image, []string{"true"}, dc.Options{"detahc": true})
	if !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), `did you mean "detach"`) {
		t.Fatalf("Run with a misspelled key: %v", err)
	}
}
