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
// size. Client.Networks, Client.Volumes and Client.Images give docker-py's other collections.
//
// Long copies and pulls report progress through a callback in their option structs, run on
// the calling goroutine; returning an error stops the call, which returns that error wrapped:
//
//	err := ctr.CopyTo(ctx, "./data", "/srv", dc.CopyToOptions{
//		Progress: func(done uint64, total int64) error {
//			fmt.Printf("\r%d of %d bytes", done, total) // total is -1 when unknown
//			return nil
//		},
//	})
//	img, err := client.Images().Pull(ctx, "busybox:1.36", dc.ImagePullOptions{
//		Progress: func(p dc.PullProgress) error { fmt.Println(p.ID, p.Status); return nil },
//	})
//
// Client, Container and Stream hold C handles: Close them when done (finalizers free the ones
// forgotten). See README.md for building against the repository or an installed library.
package dockercontainers
