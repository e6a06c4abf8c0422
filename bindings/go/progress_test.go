package dockercontainers_test

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
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
