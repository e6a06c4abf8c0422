package dockercontainers_test

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

func TestLogs(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sh", "-c", "echo a; echo b >&2; echo c; exec sleep 300"}, nil)
	eventually(t, "three lines of logs", func() bool {
		s, err := ctr.Logs(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		b, err := io.ReadAll(s)
		return err == nil && len(b) == 6
	})
	s, err := ctr.Logs(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := s.Demux(&out, &errb); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if out.String() != "a\nc\n" || errb.String() != "b\n" {
		t.Fatalf("demuxed logs: %q %q", out.String(), errb.String())
	}
	// stdout only, and stderr only with timestamps (the order of lines across the two streams is
	// the engine's, so each is checked alone).
	s, err = ctr.Logs(ctx, dc.Options{"stderr": false})
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(s)
	s.Close()
	if err != nil || string(b) != "a\nc\n" {
		t.Fatalf("stdout only: %q %v", b, err)
	}
	s, err = ctr.Logs(ctx, dc.Options{"stdout": false, "timestamps": true, "tail": "all"})
	if err != nil {
		t.Fatal(err)
	}
	b, err = io.ReadAll(s)
	s.Close()
	if err != nil || !strings.HasPrefix(string(b), "20") || !strings.HasSuffix(string(b), " b\n") {
		t.Fatalf("stderr with timestamps: %q %v", b, err)
	}
	if _, err := ctr.Logs(ctx, dc.Options{"tial": 1}); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "tial") {
		t.Fatalf("bad logs key: %v", err)
	}
}

// A follow read blocked on a quiet container ends when its context is canceled.
func TestLogsFollowCanceled(t *testing.T) {
	c := client(t)
	ctr := runDetached(t, c, "", []string{"sh", "-c", "echo first; exec sleep 300"}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := ctr.Logs(ctx, dc.Options{"follow": true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	buf := make([]byte, 64)
	n, err := io.ReadAtLeast(s, buf, 6)
	if err != nil || string(buf[:n]) != "first\n" {
		t.Fatalf("first line: %q %v", buf[:n], err)
	}
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err = s.Read(buf)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) {
		t.Fatalf("read after cancel: %v", err)
	}
	if d := time.Since(start); d < 250*time.Millisecond || d > 3*time.Second {
		t.Fatalf("read returned after %v, want about 300ms", d)
	}
	// The end sticks.
	if _, err := s.Read(buf); !errors.Is(err, context.Canceled) {
		t.Fatalf("second read: %v", err)
	}
}

// Closing a stream early: a busy one mid-way, and a quiet one with a Read blocked on it.
func TestStreamEarlyClose(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	busy := runDetached(t, c, "busy", []string{"yes", "0123456789abcdef"}, nil)
	s, err := busy.Logs(ctx, dc.Options{"follow": true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.CopyN(io.Discard, s, 1<<20)
	if err != nil || n != 1<<20 {
		t.Fatalf("read 1 MiB: %d %v", n, err)
	}
	s.Close()
	if _, err := s.Read(make([]byte, 10)); !errors.Is(err, dc.ErrClosed) {
		t.Fatalf("read after close: %v", err)
	}
	s.Close() // twice is fine

	quiet := runDetached(t, c, "quiet", []string{"sleep", "300"}, nil)
	s, err = quiet.Logs(ctx, dc.Options{"follow": true})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.Read(make([]byte, 10))
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	s.Close()
	select {
	case err := <-done:
		if !errors.Is(err, dc.ErrClosed) {
			t.Fatalf("blocked read after close: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a blocked Read did not return after Close")
	}
}

func TestAttach(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sh", "-c", "read line; echo got $line; read more; echo also $more >&2"}, dc.Options{"stdin_open": true})
	s, err := ctr.Attach(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := io.WriteString(s, "one\n"); err != nil {
		t.Fatal(err)
	}
	ch, err := s.Next()
	if err != nil || ch.Kind != dc.KindStdout || string(ch.Data) != "got one\n" {
		t.Fatalf("first answer: %v %q %v", ch.Kind, ch.Data, err)
	}
	if _, err := io.WriteString(s, "two\n"); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := s.Demux(&out, &errb); err != nil {
		t.Fatal(err)
	}
	if errb.String() != "also two\n" {
		t.Fatalf("stderr %q stdout %q", errb.String(), out.String())
	}
	w, err := ctr.Wait(ctx, nil)
	if err != nil || w.StatusCode != 0 {
		t.Fatalf("wait %+v %v", w, err)
	}
}

func TestStats(t *testing.T) {
	c := client(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)
	s, err := ctr.Stats(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sample struct {
		Derived struct {
			MemoryUsage float64 `json:"memory_usage"`
			Pids        float64 `json:"pids"`
		} `json:"derived"`
	}
	if err := s.Decode(&sample); err != nil || sample.Derived.MemoryUsage <= 0 || sample.Derived.Pids < 1 {
		t.Fatalf("stats sample %+v %v", sample, err)
	}
	s.Close()
	one, err := ctr.StatsOnce(ctx, nil)
	if err != nil || one["derived"] == nil {
		t.Fatalf("stats once %v %v", one, err)
	}
}

func tarOf(t testing.TB, files map[string]string) []byte {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for n, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(body)), ModTime: time.Unix(1700000000, 0)}); err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(tw, body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader panic") }

type failingReader struct{ n int }

func (r *failingReader) Read(b []byte) (int, error) {
	if r.n > 0 {
		r.n--
		return copy(b, make([]byte, 512)), nil
	}
	return 0, errors.New("disk on fire")
}

func TestArchives(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)

	if err := ctr.PutArchive(ctx, "/tmp", bytes.NewReader(tarOf(t, map[string]string{"greeting.txt": "hello tar\n"})), nil); err != nil {
		t.Fatal(err)
	}
	r, err := ctr.ExecRun(ctx, []string{"cat", "/tmp/greeting.txt"}, nil)
	if err != nil || string(r.Output) != "hello tar\n" {
		t.Fatalf("file put: %q %v", r.Output, err)
	}
	err = ctr.PutArchive(ctx, "/tmp", &failingReader{n: 2}, nil)
	if !errors.Is(err, dc.ErrIO) || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("failing reader: %v", err)
	}
	// A panicking reader: the panic comes back out of PutArchive, not through the C frames.
	func() {
		defer func() {
			if p := recover(); p != "reader panic" {
				t.Fatalf("recovered %v", p)
			}
		}()
		_ = ctr.PutArchive(ctx, "/tmp", panicReader{}, nil)
		t.Fatal("PutArchive returned after its reader panicked")
	}()
	if err := ctr.PutArchive(ctx, "/no/such/dir", bytes.NewReader(tarOf(t, map[string]string{"x": "y"})), nil); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("put to a missing dir: %v", err)
	}

	rc, st, err := ctr.GetArchive(ctx, "/tmp/greeting.txt")
	if err != nil {
		t.Fatal(err)
	}
	if st.Name != "greeting.txt" || st.Size != 10 || st.IsDir {
		t.Fatalf("stat %+v", st)
	}
	tr := tar.NewReader(rc)
	h, err := tr.Next()
	if err != nil || h.Name != "greeting.txt" {
		t.Fatalf("archive entry %v %v", h, err)
	}
	body, _ := io.ReadAll(tr)
	rc.Close()
	if string(body) != "hello tar\n" {
		t.Fatalf("archive body %q", body)
	}
	if _, _, err := ctr.GetArchive(ctx, "/no/such/file"); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("get a missing path: %v", err)
	}
	if st, err := ctr.StatPath(ctx, "/tmp"); err != nil || !st.IsDir {
		t.Fatalf("stat /tmp: %+v %v", st, err)
	}

	// Export: find busybox in the filesystem tar, then stop reading early.
	ex, err := ctr.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tr = tar.NewReader(ex)
	found := false
	for !found {
		h, err := tr.Next()
		if err != nil {
			t.Fatalf("export: no busybox before %v", err)
		}
		found = strings.HasSuffix(h.Name, "bin/busybox") || strings.HasSuffix(h.Name, "bin/sh")
	}
	ex.Close()

	// docker cp both ways.
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	if err := os.MkdirAll(filepath.Join(src, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "sub", "f.txt"), []byte("copied\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := ctr.CopyTo(ctx, src, "/tmp/in", nil); err != nil {
		t.Fatal(err)
	}
	r, err = ctr.ExecRun(ctx, []string{"cat", "/tmp/in/sub/f.txt"}, nil)
	if err != nil || string(r.Output) != "copied\n" {
		t.Fatalf("copy_to: %q %v", r.Output, err)
	}
	dst := filepath.Join(dir, "out")
	if err := ctr.CopyFrom(ctx, "/tmp/in", dst, nil); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dst, "sub", "f.txt"))
	if err != nil || string(got) != "copied\n" {
		t.Fatalf("copy_from: %q %v", got, err)
	}
	if fi, err := os.Stat(filepath.Join(dst, "sub", "f.txt")); err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("copy_from mode: %v %v", fi.Mode(), err)
	}
	if err := ctr.CopyTo(ctx, filepath.Join(dir, "missing"), "/tmp", nil); !errors.Is(err, dc.ErrIO) && !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("copy of a missing host path: %v", err)
	}
}

// Attach with end of file: the engine keeps the session open past stdin's end only for a
// container made with StdinOnce (docker attach's semantics), set here through the raw Config.
func TestAttachCloseWrite(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sh", "-c", "cat; echo done >&2"},
		dc.Options{"stdin_open": true, "Config": map[string]any{"StdinOnce": true}})
	s, err := ctr.Attach(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := io.WriteString(s, "abc\n"); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := s.Demux(&out, &errb); err != nil {
		t.Fatal(err)
	}
	if out.String() != "abc\n" || errb.String() != "done\n" {
		t.Fatalf("after end of file: stdout %q stderr %q", out.String(), errb.String())
	}
	if w, err := ctr.Wait(ctx, nil); err != nil || w.StatusCode != 0 {
		t.Fatalf("wait %+v %v", w, err)
	}
}
