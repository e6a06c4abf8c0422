package dockercontainers_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// Errors from the real engine carry the Docker SDK's errdefs classes (see errdefs.go), so code
// that checks errdefs.IsNotFound(err), errdefs.IsConflict(err), ... keeps working; errors.Is
// and errors.As keep working too. Containers: dcpkg-errdefs-<pid>-*, removed however it ends.
func TestErrdefsFromTheEngine(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := client(t)
	base := fmt.Sprintf("dcpkg-errdefs-%d", os.Getpid())
	t.Cleanup(func() {
		if ctr, err := c.Get(context.Background(), base); err == nil {
			_ = ctr.Remove(context.Background(), dc.Options{"force": true})
			ctr.Close()
		}
	})

	check := func(what string, err error, want string, code dc.Code, status int) {
		t.Helper()
		if got := dc.ErrdefsClasses(err); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%s: errdefs classes %v, want [%s] (%v)", what, got, want, err)
		}
		var e *dc.Error
		if !errors.As(err, &e) || e.Code != code || e.HTTPStatus != status {
			t.Errorf("%s: %#v, want code %v, HTTP %d", what, e, code, status)
		}
	}

	_, err := c.Get(ctx, base+"-missing")
	check("get of a missing container", err, "NotFound", dc.CodeNotFound, 404)
	if !errors.Is(err, dc.ErrNotFound) {
		t.Errorf("errors.Is(%v, ErrNotFound) is false", err)
	}

	ctr, err := c.Create(ctx, image, []string{"sleep", "60"}, dc.Options{"name": base})
	if err != nil {
		t.Fatal(err)
	}
	defer ctr.Close()
	_, err = c.Create(ctx, image, []string{"true"}, dc.Options{"name": base})
	check("a second container of the same name", err, "Conflict", dc.CodeConflict, 409)

	_, err = c.Create(ctx, image, []string{"true"}, dc.Options{"name": base + "-x", "no_such_key": 1})
	check("an unknown option key", err, "InvalidParameter", dc.CodeInvalidArgument, 0)

	canceled, stop := context.WithCancel(ctx)
	stop()
	_, err = ctr.Wait(canceled, nil)
	check("a wait with a canceled context", err, "Cancelled", dc.CodeCanceled, 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(%v, context.Canceled) is false", err)
	}

	expired, stop2 := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer stop2()
	_, err = ctr.Wait(expired, nil)
	check("a wait past its deadline", err, "DeadlineExceeded", dc.CodeTimeout, 0)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(%v, context.DeadlineExceeded) is false", err)
	}

	bad, err := dc.New(dc.ClientOptions{BaseURL: "unix:///nonexistent/dcpkg-errdefs.sock"})
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	check("an unreachable engine", bad.Ping(ctx), "Unavailable", dc.CodeConnection, 0)
}
