package dockercontainers

import (
	"errors"
	"reflect"
	"testing"
)

// The interfaces of github.com/docker/docker/errdefs, declared here as code written against
// the SDK sees them (no module dependency): a class is a marker method.
type (
	sdkNotFound         interface{ NotFound() }
	sdkInvalidParameter interface{ InvalidParameter() }
	sdkConflict         interface{ Conflict() }
	sdkUnauthorized     interface{ Unauthorized() }
	sdkUnavailable      interface{ Unavailable() }
	sdkForbidden        interface{ Forbidden() }
	sdkSystem           interface{ System() }
	sdkNotModified      interface{ NotModified() }
	sdkAlreadyExists    interface{ AlreadyExists() }
	sdkNotImplemented   interface{ NotImplemented() }
	sdkUnknown          interface{ Unknown() }
	sdkCancelled        interface{ Cancelled() }
	sdkDeadline         interface{ DeadlineExceeded() }
	sdkDataLoss         interface{ DataLoss() }
)

// ErrdefsClasses is what errdefs.IsX would say of err: the classes the first error in its chain
// that has any implements, found by interface assertions as errdefs does, going down through
// Unwrap. Exported for the engine tests (errdefs_test.go) through this test file only.
func ErrdefsClasses(err error) []string {
	for ; err != nil; err = errors.Unwrap(err) {
		var got []string
		for _, c := range []struct {
			name string
			ok   bool
		}{
			{"NotFound", is[sdkNotFound](err)}, {"InvalidParameter", is[sdkInvalidParameter](err)},
			{"Conflict", is[sdkConflict](err)}, {"Unauthorized", is[sdkUnauthorized](err)},
			{"Unavailable", is[sdkUnavailable](err)}, {"Forbidden", is[sdkForbidden](err)},
			{"System", is[sdkSystem](err)}, {"NotModified", is[sdkNotModified](err)},
			{"AlreadyExists", is[sdkAlreadyExists](err)}, {"NotImplemented", is[sdkNotImplemented](err)},
			{"Unknown", is[sdkUnknown](err)}, {"Cancelled", is[sdkCancelled](err)},
			{"DeadlineExceeded", is[sdkDeadline](err)}, {"DataLoss", is[sdkDataLoss](err)},
		} {
			if c.ok {
				got = append(got, c.name)
			}
		}
		if got != nil {
			return got
		}
	}
	return nil
}

func is[T any](err error) bool {
	_, ok := err.(T)
	return ok
}

// Every code, and for engine errors every status class, maps to the SDK class the errdefs.go
// table gives, and never to two; the wrapped *Error stays reachable.
func TestErrdefsTable(t *testing.T) {
	cases := []struct {
		code   Code
		status int
		want   []string
	}{
		{CodeInvalidArgument, 0, []string{"InvalidParameter"}},
		{CodeNotFound, 404, []string{"NotFound"}},
		{CodeImageNotFound, 404, []string{"NotFound"}},
		{CodeConflict, 409, []string{"Conflict"}},
		{CodeConflict, 500, []string{"Conflict"}}, // Podman's 500 for a name in use
		{CodeContainerFailed, 0, nil},
		{CodeConnection, 0, []string{"Unavailable"}},
		{CodeTimeout, 0, []string{"DeadlineExceeded"}},
		{CodeCanceled, 0, []string{"Cancelled"}},
		{CodeStoppedByCallback, 0, []string{"Cancelled"}},
		{CodeTLS, 0, nil},
		{CodeForked, 0, nil},
		{CodeProtocol, 0, nil},
		{CodeIO, 0, nil},
		{CodeInternal, 0, []string{"System"}},
		{CodeEngine, 301, nil},
		{CodeEngine, 304, []string{"NotModified"}},
		{CodeEngine, 400, []string{"InvalidParameter"}},
		{CodeEngine, 401, []string{"Unauthorized"}},
		{CodeEngine, 403, []string{"Forbidden"}},
		{CodeEngine, 404, []string{"NotFound"}},
		{CodeEngine, 409, []string{"Conflict"}},
		{CodeEngine, 418, []string{"InvalidParameter"}},
		{CodeEngine, 500, []string{"System"}},
		{CodeEngine, 501, []string{"NotImplemented"}},
		{CodeEngine, 503, []string{"Unavailable"}},
		{CodeEngine, 504, []string{"System"}},
	}
	for _, c := range cases {
		e := &Error{Op: "Test", Code: c.code, Message: "m", HTTPStatus: c.status, ExitStatus: -1}
		err := classify(e)
		if got := ErrdefsClasses(err); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v, HTTP %d: classes %v, want %v", c.code, c.status, got, c.want)
		}
		var back *Error
		if !errors.As(err, &back) || back != e {
			t.Errorf("%v: errors.As does not reach the *Error", c.code)
		}
		if err.Error() != e.Error() {
			t.Errorf("%v: message %q, want %q", c.code, err.Error(), e.Error())
		}
		if s := sentinels[c.code]; s != nil && !errors.Is(err, s) {
			t.Errorf("%v: errors.Is misses its sentinel", c.code)
		}
	}
}
