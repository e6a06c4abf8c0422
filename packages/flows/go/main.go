// make package-test, Go: the quickstart flow built from a copy of the packaged module (through a
// replace directive) with no CGO_* flags, LD_LIBRARY_PATH or PKG_CONFIG_PATH. The Makefile checks
// the binary's dynamic section; this checks the engine round trip and the errdefs classes. Its
// container is dcpkg-go-<pid>, always removed.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client, err := dc.FromEnv()
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	if err := client.Ping(ctx); err != nil {
		log.Fatal(err)
	}
	name := fmt.Sprintf("dcpkg-go-%d", os.Getpid())
	ctr, _, err := client.Run(ctx, "dc-test/busybox:latest",
		[]string{"sh", "-c", "echo hello from the module; exec sleep 60"}, dc.Options{"detach": true, "name": name})
	if err != nil {
		log.Fatal(err)
	}
	defer ctr.Close()
	defer func() {
		if err := ctr.Remove(context.Background(), dc.Options{"force": true}); err != nil {
			log.Print(err)
		}
	}()
	res, err := ctr.ExecRun(ctx, []string{"sh", "-c", "echo 6*7 = $((6*7)); exit 3"}, nil)
	if err != nil || res.ExitCode != 3 || string(res.Output) != "6*7 = 42\n" {
		log.Panicf("exec: %+v %v", res, err)
	}
	logs, err := ctr.Logs(ctx, dc.Options{"follow": true})
	if err != nil {
		log.Panic(err)
	}
	buf := make([]byte, 64)
	n, err := io.ReadAtLeast(logs, buf, len("hello from the module\n"))
	logs.Close()
	if err != nil || !strings.HasPrefix(string(buf[:n]), "hello from the module\n") {
		log.Panicf("logs: %q %v", buf[:n], err)
	}
	if err := ctr.Stop(ctx, dc.Options{"timeout": 1}); err != nil {
		log.Panic(err)
	}
	// The SDK's errdefs check, on an interface of its own: a missing container is NotFound.
	_, err = client.Get(ctx, name+"-missing")
	var nf interface{ NotFound() }
	if !errors.As(err, &nf) {
		log.Panicf("get of a missing container: %v does not satisfy NotFound()", err)
	}
	fmt.Printf("go: %s ran, exec exit 3, logs %q, stopped; a missing one is errdefs NotFound\n", name, buf[:n])
}
