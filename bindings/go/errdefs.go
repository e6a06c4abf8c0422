package dockercontainers

// The Docker Go SDK's error classes. github.com/docker/docker/errdefs (and code written against
// it: errdefs.IsNotFound(err), client.IsErrNotFound(err)) tells classes apart by interface
// assertions on marker methods (NotFound(), Conflict(), ...), so each class needs its own type.
// Every error this package returns from the library is one of the types below, wrapping the
// *Error: errors.As(err, &e) with e *Error, errors.Is(err, ErrNotFound) and errors.Is with a
// context's error work as before. At most one class per error, as errdefs asks:
//
//	CodeInvalidArgument                  InvalidParameter()
//	CodeNotFound, CodeImageNotFound      NotFound()
//	CodeConflict                         Conflict()
//	CodeConnection                       Unavailable()
//	CodeCanceled, CodeStoppedByCallback  Cancelled()
//	CodeTimeout                          DeadlineExceeded()
//	CodeInternal                         System()
//	CodeEngine                           by HTTP status, as the SDK's errdefs.FromStatusCode:
//	                                     304 NotModified(), 400 InvalidParameter(),
//	                                     401 Unauthorized(), 403 Forbidden(), 404 NotFound(),
//	                                     409 Conflict(), 501 NotImplemented(), 503 Unavailable(),
//	                                     other 4xx InvalidParameter(), other 5xx System()
//
// CodeContainerFailed, CodeTLS, CodeForked, CodeProtocol and CodeIO have no class (the SDK
// returns plain errors for those cases).

// classed is what every class type shares: the message and the way down to the *Error.
type classed struct{ e *Error }

func (c classed) Error() string { return c.e.Error() }
func (c classed) Unwrap() error { return c.e }

type (
	invalidParameterError struct{ classed }
	notFoundError         struct{ classed }
	conflictError         struct{ classed }
	unauthorizedError     struct{ classed }
	forbiddenError        struct{ classed }
	unavailableError      struct{ classed }
	systemError           struct{ classed }
	notModifiedError      struct{ classed }
	notImplementedError   struct{ classed }
	cancelledError        struct{ classed }
	deadlineError         struct{ classed }
)

// InvalidParameter marks the errdefs class of the same name.
func (invalidParameterError) InvalidParameter() {}

// NotFound marks the errdefs class of the same name.
func (notFoundError) NotFound() {}

// Conflict marks the errdefs class of the same name.
func (conflictError) Conflict() {}

// Unauthorized marks the errdefs class of the same name.
func (unauthorizedError) Unauthorized() {}

// Forbidden marks the errdefs class of the same name.
func (forbiddenError) Forbidden() {}

// Unavailable marks the errdefs class of the same name.
func (unavailableError) Unavailable() {}

// System marks the errdefs class of the same name.
func (systemError) System() {}

// NotModified marks the errdefs class of the same name.
func (notModifiedError) NotModified() {}

// NotImplemented marks the errdefs class of the same name.
func (notImplementedError) NotImplemented() {}

// Cancelled marks the errdefs class of the same name.
func (cancelledError) Cancelled() {}

// DeadlineExceeded marks the errdefs class ErrDeadline.
func (deadlineError) DeadlineExceeded() {}

// classify wraps e in the type of its errdefs class (the table above), or returns e itself.
func classify(e *Error) error {
	c := classed{e}
	switch e.Code {
	case CodeInvalidArgument:
		return invalidParameterError{c}
	case CodeNotFound, CodeImageNotFound:
		return notFoundError{c}
	case CodeConflict:
		return conflictError{c}
	case CodeConnection:
		return unavailableError{c}
	case CodeCanceled, CodeStoppedByCallback:
		return cancelledError{c}
	case CodeTimeout:
		return deadlineError{c}
	case CodeInternal:
		return systemError{c}
	case CodeEngine:
		return classifyStatus(c)
	}
	return e
}

func classifyStatus(c classed) error {
	switch s := c.e.HTTPStatus; {
	case s == 304:
		return notModifiedError{c}
	case s == 400:
		return invalidParameterError{c}
	case s == 401:
		return unauthorizedError{c}
	case s == 403:
		return forbiddenError{c}
	case s == 404:
		return notFoundError{c}
	case s == 409:
		return conflictError{c}
	case s == 501:
		return notImplementedError{c}
	case s == 503:
		return unavailableError{c}
	case s >= 400 && s < 500:
		return invalidParameterError{c}
	case s >= 500:
		return systemError{c}
	}
	return c.e
}
