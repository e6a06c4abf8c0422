// Quickstart: run a container detached, exec in it, read its logs, stop and remove it.
//
//	go run ./examples/quickstart            (from bindings/go, after make release)
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
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
	v, err := client.Version(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("engine %v, API %v\n", v["Version"], v["ApiVersion"])

	name := fmt.Sprintf("dcgo-quickstart-%d", os.Getpid())
	ctr, _, err := client.Run(ctx, "busybox:latest",
		[]string{"sh", "-c", "echo hello from $NAME; exec sleep 60"},
		dc.RunOptions{Detach: true, Name: name, Environment: map[string]string{"NAME": name}})
	if err != nil {
		log.Fatal(err)
	}
	defer ctr.Close()
	// Remove the container however main ends.
	defer func() {
		if err := ctr.Remove(context.Background(), dc.RemoveOptions{Force: true}); err != nil {
			log.Print(err)
		}
		fmt.Println("removed", name)
	}()
	// Run gives the attributes read before the start, as docker-py does: Reload for the live state.
	if err := ctr.Reload(ctx); err != nil {
		log.Fatal(err)
	}
	fmt.Println("started", ctr.Name(), ctr.ShortID(), ctr.Status())

	res, err := ctr.ExecRun(ctx, []string{"sh", "-c", "echo out; echo err >&2; exit 3"}, dc.ExecRunOptions{Demux: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("exec: exit %d, stdout %q, stderr %q\n", res.ExitCode, res.Output, res.Stderr)

	logs, err := ctr.Logs(ctx, dc.LogsOptions{Stdout: dc.Bool(true), Tail: "all"})
	if err != nil {
		log.Fatal(err)
	}
	text, err := io.ReadAll(logs)
	logs.Close()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("logs: %q\n", text)

	if err := ctr.Stop(ctx, dc.StopOptions{Timeout: dc.Int(1)}); err != nil {
		log.Fatal(err)
	}
	if err := ctr.Reload(ctx); err != nil {
		log.Fatal(err)
	}
	fmt.Println("stopped:", ctr.Status())
}
