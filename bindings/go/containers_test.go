package dockercontainers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

func TestRunAttached(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	n := name(t, "ok")
	removeLater(t, c, n)
	ctr, out, err := c.Run(ctx, image, []string{"sh", "-c", "echo hi; echo side >&2"}, dc.Options{"name": n})
	if err != nil {
		t.Fatal(err)
	}
	defer ctr.Close()
	if string(out) != "hi\n" {
		t.Fatalf("output %q", out)
	}
	if ctr.Name() != n || ctr.Status() != "exited" {
		t.Fatalf("container %s %s", ctr.Name(), ctr.Status())
	}
	// stderr too, and removed afterwards.
	n2 := name(t, "rm")
	removeLater(t, c, n2)
	ctr2, out, err := c.Run(ctx, image, []string{"sh", "-c", "echo hi; echo side >&2"}, dc.Options{"name": n2, "stderr": true, "remove": true})
	if err != nil {
		t.Fatal(err)
	}
	if ctr2 != nil || !strings.Contains(string(out), "side\n") {
		t.Fatalf("remove run: %v %q", ctr2, out)
	}
	if _, err := c.Get(ctx, n2); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("removed container still there: %v", err)
	}
}

func TestRunContainerFailed(t *testing.T) {
	c := client(t)
	n := name(t, "")
	removeLater(t, c, n)
	_, _, err := c.Run(context.Background(), image, []string{"sh", "-c", "echo oops >&2; exit 3"}, dc.Options{"name": n})
	if !errors.Is(err, dc.ErrContainerFailed) {
		t.Fatalf("want ErrContainerFailed, got %v", err)
	}
	e := asError(t, err)
	if e.ExitStatus != 3 || string(e.Stderr) != "oops\n" || e.Code != dc.CodeContainerFailed {
		t.Fatalf("exit %d stderr %q code %v", e.ExitStatus, e.Stderr, e.Code)
	}
}

func TestErrors(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	// Unknown option key: named in the message, nothing created.
	n := name(t, "")
	removeLater(t, c, n)
	_, _, err := c.Run(ctx, image, []string{"true"}, dc.Options{"detach": true, "name": n, "enviroment": []string{"A=1"}})
	if !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "enviroment") {
		t.Fatalf("bad key: %v", err)
	}
	if _, err := c.Get(ctx, n); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("a container was made despite the bad key: %v", err)
	}
	// Not found, with the engine's status.
	_, err = c.Get(ctx, prefix+"no-such-container")
	if !errors.Is(err, dc.ErrNotFound) || errors.Is(err, dc.ErrConflict) {
		t.Fatalf("get missing: %v", err)
	}
	if e := asError(t, err); e.HTTPStatus != 404 || e.Op != "Client.Get" {
		t.Fatalf("get missing: status %d op %s", e.HTTPStatus, e.Op)
	}
	// A missing image, no pull.
	_, _, err = c.Run(ctx, "dcgo-no-such-image:latest", nil, dc.Options{"pull": false, "detach": true, "name": n})
	if !errors.Is(err, dc.ErrImageNotFound) {
		t.Fatalf("missing image: %v", err)
	}
	// A value Go cannot encode is refused before any call.
	_, err = c.Create(ctx, image, nil, dc.Options{"name": n, "labels": map[string]any{"x": make(chan int)}})
	if !errors.Is(err, dc.ErrInvalidArgument) {
		t.Fatalf("unencodable option: %v", err)
	}
	// An unknown signal name.
	ctr := runDetached(t, c, "sig", []string{"sleep", "300"}, nil)
	if err := ctr.Kill(ctx, "SIGNOPE"); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "SIGNOPE") {
		t.Fatalf("bad signal: %v", err)
	}
}

func TestLifecycle(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	n := name(t, "")
	removeLater(t, c, n)
	removeLater(t, c, n+"-renamed")
	ctr, err := c.Create(ctx, image, []string{"sleep", "300"}, dc.Options{"name": n, "labels": map[string]string{"dcgo.test": "lifecycle"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ctr.Close()
	if len(ctr.ID()) != 64 || ctr.ShortID() != ctr.ID()[:12] {
		t.Fatalf("ids %q %q", ctr.ID(), ctr.ShortID())
	}
	if ctr.Status() != "created" || ctr.Labels()["dcgo.test"] != "lifecycle" || ctr.Health() != "unknown" {
		t.Fatalf("created: %s %v %s", ctr.Status(), ctr.Labels(), ctr.Health())
	}
	img, err := ctr.Image(ctx)
	if err != nil || !strings.HasPrefix(img.ID, "sha256:") {
		t.Fatalf("image %+v %v", img, err)
	}
	step := func(what string, err error, want string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if err := ctr.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		if got := ctr.Status(); got != want {
			t.Fatalf("after %s: status %s, want %s", what, got, want)
		}
	}
	step("start", ctr.Start(ctx), "running")
	step("start again", ctr.Start(ctx), "running")
	step("pause", ctr.Pause(ctx), "paused")
	step("unpause", ctr.Unpause(ctx), "running")
	top, err := ctr.Top(ctx, "")
	if err != nil || len(top.Processes) == 0 || !strings.Contains(strings.Join(top.Processes[0], " "), "sleep") {
		t.Fatalf("top %+v %v", top, err)
	}
	step("rename", ctr.Rename(ctx, n+"-renamed"), "running")
	if ctr.Name() != n+"-renamed" {
		t.Fatalf("name after rename: %s", ctr.Name())
	}
	step("restart", ctr.Restart(ctx, dc.Options{"timeout": 0}), "running")
	// A second container cannot take the name.
	if _, err := c.Create(ctx, image, nil, dc.Options{"name": n + "-renamed"}); !errors.Is(err, dc.ErrConflict) {
		t.Fatalf("name in use: %v", err)
	}
	step("kill", ctr.Kill(ctx, "KILL"), "exited")
	w, err := ctr.Wait(ctx, nil)
	if err != nil || w.StatusCode != 137 {
		t.Fatalf("wait %+v %v", w, err)
	}
	if err := ctr.Kill(ctx, ""); !errors.Is(err, dc.ErrConflict) {
		t.Fatalf("kill a stopped container: %v", err)
	}
	if err := ctr.Remove(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := ctr.Reload(ctx); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("reload after remove: %v", err)
	}
	ctr.Close()
	if err := ctr.Reload(ctx); !errors.Is(err, dc.ErrClosed) || ctr.Name() != "" {
		t.Fatalf("after close: %v %q", err, ctr.Name())
	}
}

func TestPortsHealthUpdate(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, dc.Options{
		"ports":       map[string]any{"80/tcp": nil},
		"healthcheck": map[string]any{"test": []string{"CMD", "true"}, "interval": "200ms"},
		"tty":         true,
	})
	// Run hands back the attributes read before the start (docker-py's); ports show once started.
	if err := ctr.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	p := ctr.Ports()["80/tcp"]
	if len(p) == 0 || p[0].HostPort == "" || p[0].HostPort == "0" {
		t.Fatalf("ports %v", ctr.Ports())
	}
	eventually(t, "healthy", func() bool { return ctr.Reload(ctx) == nil && ctr.Health() == "healthy" })
	if err := ctr.Update(ctx, dc.Options{"mem_limit": "64m", "memswap_limit": "128m"}); err != nil {
		t.Fatal(err)
	}
	if err := ctr.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	var attrs struct{ HostConfig struct{ Memory int64 } }
	if err := json.Unmarshal(ctr.Attrs(), &attrs); err != nil || attrs.HostConfig.Memory != 64<<20 {
		t.Fatalf("memory after update: %d %v", attrs.HostConfig.Memory, err)
	}
	if err := ctr.Update(ctx, dc.Options{"mem_limitt": "64m"}); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "mem_limitt") {
		t.Fatalf("bad update key: %v", err)
	}
	if err := ctr.Resize(ctx, 40, 100); err != nil {
		t.Fatal(err)
	}
	res, err := ctr.ExecRun(ctx, []string{"sh", "-c", "stty size < /proc/1/fd/0"}, nil)
	if err != nil || !strings.Contains(string(res.Output), "40 100") {
		t.Fatalf("stty size after resize: %q %v", res.Output, err)
	}
}

func TestDiffCommit(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)
	if r, err := ctr.ExecRun(ctx, []string{"sh", "-c", "echo x > /dcgo-added"}, nil); err != nil || r.ExitCode != 0 {
		t.Fatalf("exec: %+v %v", r, err)
	}
	changes, err := ctr.Diff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ch := range changes {
		found = found || (ch.Path == "/dcgo-added" && ch.Kind == 1)
	}
	if !found {
		t.Fatalf("diff %v lacks /dcgo-added", changes)
	}
	repo := strings.ToLower(name(t, "image"))
	id, err := ctr.Commit(ctx, dc.Options{"repository": repo, "tag": "v1", "message": "from the Go test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("docker", "rmi", "-f", repo+":v1").CombinedOutput(); err != nil {
			t.Errorf("removing the committed image: %v %s", err, out)
		}
	})
	if !strings.HasPrefix(id, "sha256:") {
		t.Fatalf("commit id %q", id)
	}
	// The committed image holds the file.
	_, out, err := c.Run(ctx, repo+":v1", []string{"cat", "/dcgo-added"}, dc.Options{"remove": true, "name": name(t, "check")})
	if err != nil || string(out) != "x\n" {
		t.Fatalf("run of the committed image: %q %v", out, err)
	}
}

func TestWaitCancelAndTimeout(t *testing.T) {
	c := client(t)
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)
	// Deadline.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	start := time.Now()
	_, err := ctr.Wait(ctx, nil)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, dc.ErrTimeout) || time.Since(start) > 3*time.Second {
		t.Fatalf("wait past deadline: %v after %v", err, time.Since(start))
	}
	// Cancel from another goroutine.
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start = time.Now()
	_, err = ctr.Wait(ctx, nil)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) || time.Since(start) > 3*time.Second {
		t.Fatalf("canceled wait: %v after %v", err, time.Since(start))
	}
	// The library's own timeout option.
	_, err = ctr.Wait(context.Background(), dc.Options{"timeout": 0.3})
	if !errors.Is(err, dc.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait timeout option: %v", err)
	}
	// The container was untouched by all that.
	if err := ctr.Reload(context.Background()); err != nil || ctr.Status() != "running" {
		t.Fatalf("container after canceled waits: %s %v", ctr.Status(), err)
	}
}

func TestRunCanceled(t *testing.T) {
	c := client(t)
	for _, remove := range []bool{false, true} {
		n := name(t, map[bool]string{false: "keep", true: "rm"}[remove])
		removeLater(t, c, n)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(500*time.Millisecond, cancel)
		start := time.Now()
		_, _, err := c.Run(ctx, image, []string{"sleep", "300"}, dc.Options{"name": n, "remove": remove, "labels": []string{"dcgo"}})
		if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
			t.Fatalf("canceled run: %v after %v", err, time.Since(start))
		}
		ctr, err := c.Get(context.Background(), n)
		if remove {
			if !errors.Is(err, dc.ErrNotFound) {
				t.Fatalf("canceled run with remove left its container: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if ctr.Status() != "exited" || ctr.Labels()["dcgo"] != "" || len(ctr.Labels()) != 2 {
			t.Fatalf("canceled run's container: %s %v", ctr.Status(), ctr.Labels())
		}
		ctr.Close()
	}
}

func TestListPrune(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	label := "dcgo.list=" + prefix
	labels := map[string]string{"dcgo.list": prefix}
	running := runDetached(t, c, "running", []string{"sleep", "300"}, dc.Options{"labels": labels})
	n := name(t, "created")
	removeLater(t, c, n)
	created, err := c.Create(ctx, image, []string{"true"}, dc.Options{"name": n, "labels": labels})
	if err != nil {
		t.Fatal(err)
	}
	defer created.Close()
	filters := map[string]any{"label": []string{label}}
	all, err := c.List(ctx, dc.Options{"all": true, "filters": filters})
	if err != nil || len(all) != 2 {
		t.Fatalf("list all: %d %v", len(all), err)
	}
	for _, x := range all {
		x.Close()
	}
	live, err := c.List(ctx, dc.Options{"filters": filters})
	if err != nil || len(live) != 1 || live[0].ID() != running.ID() || live[0].Status() != "running" {
		t.Fatalf("list running: %v %v", live, err)
	}
	live[0].Close()
	rep, err := c.Prune(ctx, filters)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.ContainersDeleted) != 1 || rep.ContainersDeleted[0] != created.ID() {
		t.Fatalf("prune deleted %v, want only %s", rep.ContainersDeleted, created.ID())
	}
	if _, err := c.List(ctx, dc.Options{"al": true}); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), `"al"`) {
		t.Fatalf("list bad key: %v", err)
	}
}

func TestExecRun(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)
	r, err := ctr.ExecRun(ctx, []string{"sh", "-c", "echo out; echo err >&2; exit 4"}, dc.Options{"demux": true})
	if err != nil || r.ExitCode != 4 || string(r.Output) != "out\n" || string(r.Stderr) != "err\n" {
		t.Fatalf("demux exec: %+v %v", r, err)
	}
	r, err = ctr.ExecRun(ctx, []string{"sh", "-c", "echo $GREETING; pwd"}, dc.Options{"environment": map[string]string{"GREETING": "hey"}, "workdir": "/tmp"})
	if err != nil || r.ExitCode != 0 || string(r.Output) != "hey\n/tmp\n" {
		t.Fatalf("exec with env: %+v %v", r, err)
	}
	if _, err := ctr.ExecRun(ctx, nil, nil); !errors.Is(err, dc.ErrInvalidArgument) {
		t.Fatalf("empty cmd: %v", err)
	}
	if _, err := ctr.ExecRun(ctx, []string{"true"}, dc.Options{"demuxx": true}); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "demuxx") {
		t.Fatalf("bad exec key: %v", err)
	}
	// Interactive exec: stdin through, end of file, output, exit code.
	s, err := ctr.Exec(ctx, []string{"sh", "-c", "cat; exit 7"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Write([]byte("through stdin\n")); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := s.Demux(&out, &errb); err != nil {
		t.Fatal(err)
	}
	code, err := s.ExitCode()
	if err != nil || code != 7 || out.String() != "through stdin\n" {
		t.Fatalf("interactive exec: %q exit %d %v", out.String(), code, err)
	}
}
