package dockercontainers_test

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// progressLog records a ProgressFunc's calls and checks them as they come: done never goes
// back, total never changes.
type progressLog struct {
	t     testing.TB
	calls [][2]int64
}

func (l *progressLog) fn(done uint64, total int64) error {
	if n := len(l.calls); n > 0 && (int64(done) < l.calls[n-1][0] || total != l.calls[n-1][1]) {
		l.t.Errorf("progress went from %v to (%d, %d)", l.calls[n-1], done, total)
	}
	l.calls = append(l.calls, [2]int64{int64(done), total})
	return nil
}

func (l *progressLog) last() [2]int64 {
	if len(l.calls) == 0 {
		l.t.Fatal("no progress call")
	}
	return l.calls[len(l.calls)-1]
}

// bigTar is a tar holding one file of n random bytes.
func bigTar(t testing.TB, name string, n int) []byte {
	body := make([]byte, n)
	if _, err := rand.Read(body); err != nil {
		t.Fatal(err)
	}
	return tarOf(t, map[string]string{name: string(body)})
}

// The pull forms (GetArchive, Export) count in Go what Read hands out.
func TestReadProgress(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)
	if err := ctr.PutArchive(ctx, "/tmp", bytes.NewReader(bigTar(t, "big.bin", 300<<10)), nil); err != nil {
		t.Fatal(err)
	}

	log := &progressLog{t: t}
	rc, st, err := ctr.GetArchive(ctx, "/tmp/big.bin", dc.GetArchiveOptions{Progress: log.fn})
	if err != nil || st.Size != 300<<10 {
		t.Fatalf("get archive: %+v %v", st, err)
	}
	var got bytes.Buffer
	n, err := io.Copy(&got, rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	if h, err := tar.NewReader(&got).Next(); err != nil || h.Size != 300<<10 {
		t.Fatalf("archive entry %v %v", h, err)
	}
	// The tar is the file plus headers and padding; every byte read is counted, total unknown.
	if last := log.last(); last != [2]int64{n, -1} || n <= 300<<10 || len(log.calls) < 3 {
		t.Fatalf("get archive progress: %d calls, last %v, read %d", len(log.calls), last, n)
	}

	// An error from Progress stops the read and comes back from Read, wrapped.
	stop := errors.New("seen enough")
	rc, _, err = ctr.GetArchive(ctx, "/tmp/big.bin", dc.GetArchiveOptions{Progress: func(done uint64, _ int64) error {
		if done > 64<<10 {
			return stop
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	n, err = io.Copy(io.Discard, rc)
	rc.Close()
	if !errors.Is(err, stop) || !errors.Is(err, dc.ErrStoppedByCallback) || n >= 300<<10 {
		t.Fatalf("stopped get archive: %v after %d bytes", err, n)
	}

	log = &progressLog{t: t}
	ex, err := ctr.Export(ctx, dc.ExportOptions{Progress: log.fn})
	if err != nil {
		t.Fatal(err)
	}
	n, err = io.Copy(io.Discard, ex)
	ex.Close()
	if err != nil {
		t.Fatal(err)
	}
	if last := log.last(); last != [2]int64{n, -1} || n <= 300<<10 {
		t.Fatalf("export progress: %d calls, last %v, read %d", len(log.calls), last, n)
	}
	// The container is still there to talk to.
	if _, err := ctr.StatPath(ctx, "/tmp/big.bin"); err != nil {
		t.Fatal(err)
	}
}

// The push forms (PutArchive, CopyTo, CopyFrom) get their counts from the library's callback.
func TestCopyProgress(t *testing.T) {
	c := client(t)
	ctx := context.Background()
	ctr := runDetached(t, c, "", []string{"sleep", "300"}, nil)

	// PutArchive from a reader: the size is unknown, the final count is the whole tar.
	data := bigTar(t, "put.bin", 300<<10)
	log := &progressLog{t: t}
	if err := ctr.PutArchive(ctx, "/tmp", bytes.NewReader(data), dc.PutArchiveOptions{Progress: log.fn}); err != nil {
		t.Fatal(err)
	}
	if last := log.last(); last != [2]int64{int64(len(data)), -1} || len(log.calls) < 3 {
		t.Fatalf("put archive progress: %d calls, last %v, tar %d bytes", len(log.calls), last, len(data))
	}

	// CopyTo a host file: the tar the library builds from it is counted to the end.
	dir := t.TempDir()
	src := filepath.Join(dir, "src.bin")
	if err := os.WriteFile(src, make([]byte, 200<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	log = &progressLog{t: t}
	if err := ctr.CopyTo(ctx, src, "/tmp/copied.bin", dc.CopyToOptions{Progress: log.fn}); err != nil {
		t.Fatal(err)
	}
	// One 512-byte header, the data (a multiple of 512), two zero blocks at the end; a
	// directory's tar has no size known in advance, nor has this one (total -1).
	tarSize := int64(512 + 200<<10 + 1024)
	if last := log.last(); last != [2]int64{tarSize, -1} || len(log.calls) < 3 {
		t.Fatalf("copy to progress: %d calls, last %v, want [%d -1]", len(log.calls), last, tarSize)
	}
	if st, err := ctr.StatPath(ctx, "/tmp/copied.bin"); err != nil || st.Size != 200<<10 {
		t.Fatalf("copied file: %+v %v", st, err)
	}

	// CopyFrom: the tar read from the engine.
	log = &progressLog{t: t}
	dst := filepath.Join(dir, "back.bin")
	if err := ctr.CopyFrom(ctx, "/tmp/copied.bin", dst, dc.CopyFromOptions{Progress: log.fn}); err != nil {
		t.Fatal(err)
	}
	if last := log.last(); last != [2]int64{tarSize, -1} || len(log.calls) < 3 {
		t.Fatalf("copy from progress: %d calls, last %v, want [%d -1]", len(log.calls), last, tarSize)
	}
	if fi, err := os.Stat(dst); err != nil || fi.Size() != 200<<10 {
		t.Fatalf("copied back: %v %v", fi, err)
	}

	// An error from Progress stops each of them and comes back wrapped; the pointer form of
	// the options works as the value form.
	stop := errors.New("copy no more")
	stopAt := func(done uint64, _ int64) error {
		if done > 0 {
			return stop
		}
		return nil
	}
	for what, err := range map[string]error{
		"put archive": ctr.PutArchive(ctx, "/tmp", bytes.NewReader(data), &dc.PutArchiveOptions{Progress: stopAt}),
		"copy to":     ctr.CopyTo(ctx, src, "/tmp/stopped.bin", dc.CopyToOptions{Progress: stopAt}),
		"copy from":   ctr.CopyFrom(ctx, "/tmp/copied.bin", filepath.Join(dir, "stopped.bin"), &dc.CopyFromOptions{Progress: stopAt}),
	} {
		if !errors.Is(err, stop) || !errors.Is(err, dc.ErrStoppedByCallback) {
			t.Errorf("%s stopped by its progress: %v", what, err)
		}
	}
	// A context that ends during a copy stops it with the context's error.
	cctx, cancel := context.WithCancel(ctx)
	err := ctr.CopyTo(cctx, src, "/tmp/canceled.bin", dc.CopyToOptions{Progress: func(uint64, int64) error { cancel(); return nil }})
	if !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) {
		t.Fatalf("copy canceled from its progress: %v", err)
	}
	// A panicking callback: the panic comes back out of the call, not through the C frames.
	func() {
		defer func() {
			if p := recover(); p != "progress panic" {
				t.Fatalf("recovered %v", p)
			}
		}()
		_ = ctr.CopyFrom(ctx, "/tmp/copied.bin", filepath.Join(dir, "panic.bin"), dc.CopyFromOptions{Progress: func(uint64, int64) error { panic("progress panic") }})
		t.Fatal("CopyFrom returned after its progress panicked")
	}()
	// The container and client still work; a nil options pointer means the defaults.
	if err := ctr.CopyFrom(ctx, "/tmp/copied.bin", filepath.Join(dir, "nil-options.bin"), (*dc.CopyFromOptions)(nil)); err != nil {
		t.Fatal(err)
	}
}
