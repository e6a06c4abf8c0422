// Package dockercontainers manages Docker containers through the docker_containers C library
// (cgo): docker-py's client.containers and Container in Go's terms.
//
// Every call takes a context.Context. Long calls (Wait, a non-detached Run, stream reads) stop
// as soon as it ends, through the library's cancel tokens; short calls return at once with
// the context's error while their request finishes in the background within the client's
// timeout. Options are docker-py's keyword arguments in an Options map; unknown keys are
// rejected with a message naming them. Failures are *Error values that match the Err*
// sentinels with errors.Is. Streams (Logs, Stats, Attach, Exec, Export, GetArchive) are
// *Stream values: io.ReadCloser, plus io.Writer for stdin, with memory bounded whatever their
// size.
//
// Client, Container and Stream hold C handles: Close them when done (finalizers free the ones
// forgotten). See README.md for building against the repository or an installed library.
package dockercontainers
