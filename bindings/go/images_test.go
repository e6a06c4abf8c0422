package dockercontainers_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// imgPrefix is the repository prefix of the images these tests make: dcgo-<pid>/.
var imgPrefix = fmt.Sprintf("dcgo-%d/", os.Getpid())

// removeImageLater force-removes the image ref when the test ends, however it ends.
func removeImageLater(t *testing.T, c *dc.Client, ref string) {
	t.Cleanup(func() {
		err := c.Images().Remove(context.Background(), ref, dc.ImageRemoveOptions{Force: true})
		if err != nil && !errors.Is(err, dc.ErrImageNotFound) {
			t.Errorf("cleanup remove image %s: %v", ref, err)
		}
	})
}

func TestImagesImportGetRemove(t *testing.T) {
	ctx := context.Background()
	c := client(t)
	is := c.Images()
	ref := imgPrefix + "imported:t"
	removeImageLater(t, c, ref)

	img, err := is.ImportBytes(ctx, tarOf(t, map[string]string{"hello.txt": "hi\n"}), dc.ImageImportOptions{Repository: imgPrefix + "imported", Tag: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(img.ID(), "sha256:") || len(img.ShortID()) != len("sha256:")+10 || !strings.HasPrefix(img.ID(), img.ShortID()) {
		t.Fatalf("id %q short %q", img.ID(), img.ShortID())
	}
	if got := img.Tags(); !reflect.DeepEqual(got, []string{ref}) {
		t.Fatalf("tags %v", got)
	}
	if l := img.Labels(); l == nil || len(l) != 0 {
		t.Fatalf("labels %v", l)
	}
	var attrs struct{ ID, Os string }
	if err := json.Unmarshal(img.Attrs(), &attrs); err != nil || attrs.ID != img.ID() || attrs.Os != "linux" {
		t.Fatalf("attrs %+v %v", attrs, err)
	}
	got, err := is.Get(ctx, ref)
	if err != nil || got.ID() != img.ID() {
		t.Fatalf("get %v %v", got, err)
	}
	if ok, err := is.Exists(ctx, ref); err != nil || !ok {
		t.Fatalf("exists %v %v", ok, err)
	}
	if err := got.Reload(ctx); err != nil || got.ID() != img.ID() {
		t.Fatalf("reload %v", err)
	}

	// Import from a file too, untagged; removed by id.
	path := filepath.Join(t.TempDir(), "rootfs.tar")
	if err := os.WriteFile(path, tarOf(t, map[string]string{"other.txt": "other\n"}), 0o600); err != nil {
		t.Fatal(err)
	}
	untagged, err := is.Import(ctx, path, dc.ImageImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	removeImageLater(t, c, untagged.ID())
	if untagged.ID() == img.ID() || len(untagged.Tags()) != 0 {
		t.Fatalf("file import: %s %v", untagged.ID(), untagged.Tags())
	}
	if err := untagged.Remove(ctx, nil); err != nil {
		t.Fatal(err)
	}

	if err := img.Remove(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := is.Exists(ctx, ref); err != nil || ok {
		t.Fatalf("exists after remove %v %v", ok, err)
	}
	// A missing image: the image-not-found class, which is a not-found too (errdefs NotFound).
	for what, err := range map[string]error{
		"get":    func() error { _, err := is.Get(ctx, ref); return err }(),
		"reload": img.Reload(ctx),
		"remove": is.Remove(ctx, ref, nil),
	} {
		if !errors.Is(err, dc.ErrImageNotFound) || !errors.Is(err, dc.ErrNotFound) || asError(t, err).HTTPStatus != 404 {
			t.Errorf("%s of a missing image: %v", what, err)
		}
		if got := dc.ErrdefsClasses(err); !reflect.DeepEqual(got, []string{"NotFound"}) {
			t.Errorf("%s of a missing image: errdefs classes %v", what, got)
		}
	}
}

func TestImagesBadArguments(t *testing.T) {
	ctx := context.Background()
	is := client(t).Images()
	for what, err := range map[string]error{
		"get":          func() error { _, err := is.Get(ctx, ""); return err }(),
		"exists":       func() error { _, err := is.Exists(ctx, ""); return err }(),
		"remove":       is.Remove(ctx, "", nil),
		"pull":         func() error { _, err := is.Pull(ctx, "", nil); return err }(),
		"import":       func() error { _, err := is.Import(ctx, "", dc.ImageImportOptions{}); return err }(),
		"import bytes": func() error { _, err := is.ImportBytes(ctx, nil, dc.ImageImportOptions{}); return err }(),
	} {
		if !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "empty") {
			t.Errorf("%s with an empty argument: %v", what, err)
		}
	}
	err := is.Remove(ctx, image, dc.Options{"forse": true})
	if !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "forse") {
		t.Fatalf("unknown remove option: %v", err)
	}
	_, err = is.Import(ctx, "/no/such/rootfs.tar", dc.ImageImportOptions{Repository: imgPrefix + "never"})
	if err == nil || !strings.Contains(err.Error(), "/no/such/rootfs.tar") {
		t.Fatalf("import of a missing file: %v", err)
	}
}

// testRegistry is the project's test registry (scripts/test-registry.py: the distribution API
// v2 pull endpoints over plain HTTP on 127.0.0.1, which the engine treats as insecure by
// default) holding one image, name:tag, with one gzipped layer, as a child process of the
// test. The engine pulls from it for real; only the registry side is ours.
type testRegistry struct {
	host string
	log  string
}

func startRegistry(t *testing.T, name, tag string, layer map[string]string) *testRegistry {
	t.Helper()
	log := filepath.Join(t.TempDir(), "requests.log")
	args := []string{"../../scripts/test-registry.py", "--repo", name, "--tag", tag, "--gzip", "--log", log,
		"--label", "org.dcgo.pulled=" + fmt.Sprint(os.Getpid())}
	for path, body := range layer {
		args = append(args, "--file", path+"="+strings.ReplaceAll(body, "\n", `\n`))
	}
	cmd := exec.Command("python3", args...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Closing its stdin ends it, also if the test fails.
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	first, err := bufio.NewReader(stdout).ReadString('\n')
	var port int
	if _, serr := fmt.Sscanf(first, "port %d", &port); err != nil || serr != nil {
		t.Fatalf("test-registry said %q (%v)", first, err)
	}
	return &testRegistry{host: fmt.Sprintf("127.0.0.1:%d", port), log: log}
}

// manifests counts the manifest requests the registry has served so far.
func (r *testRegistry) manifests(t *testing.T) int {
	b, err := os.ReadFile(r.log)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	} else if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "/manifests/")
}

func TestImagesPull(t *testing.T) {
	ctx := context.Background()
	c := client(t)
	is := c.Images()
	reg := startRegistry(t, imgPrefix+"pulled", "t", map[string]string{"etc/pulled": "from the fake registry\n"})
	ref := reg.host + "/" + imgPrefix + "pulled:t"
	removeImageLater(t, c, ref)

	var items []dc.PullProgress
	img, err := is.Pull(ctx, ref, dc.ImagePullOptions{Progress: func(p dc.PullProgress) error {
		items = append(items, p)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Tags(); !reflect.DeepEqual(got, []string{ref}) || img.Labels()["org.dcgo.pulled"] != fmt.Sprint(os.Getpid()) {
		t.Fatalf("pulled image: tags %v labels %v", got, img.Labels())
	}
	statuses := map[string]bool{}
	for _, p := range items {
		statuses[p.Status] = true
		if len(p.Raw) == 0 || p.Raw[0] != '{' {
			t.Fatalf("raw item %q", p.Raw)
		}
	}
	if len(items) < 3 || !statuses["Pull complete"] || !strings.HasPrefix(items[len(items)-1].Status, "Status: Downloaded newer image") {
		t.Fatalf("progress items: %+v", items)
	}

	// A progress error stops the pull (here an up-to-date one, so nothing is left half-made)
	// and comes back out, wrapped.
	stop := errors.New("enough pulling")
	calls := 0
	_, err = is.Pull(ctx, ref, dc.ImagePullOptions{Progress: func(dc.PullProgress) error { calls++; return stop }})
	if !errors.Is(err, stop) || !errors.Is(err, dc.ErrStoppedByCallback) || calls != 1 {
		t.Fatalf("stopped pull: %v after %d calls", err, calls)
	}
	if got := dc.ErrdefsClasses(err); !reflect.DeepEqual(got, []string{"Cancelled"}) {
		t.Fatalf("stopped pull: errdefs classes %v", got)
	}
	// A context that ends during the pull stops it at the next item: the context's error.
	cctx, cancelPull := context.WithCancel(ctx)
	calls = 0
	_, err = is.Pull(cctx, ref, dc.ImagePullOptions{Progress: func(dc.PullProgress) error { calls++; cancelPull(); return nil }})
	if !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) || calls != 1 {
		t.Fatalf("pull canceled from its callback: %v after %d calls", err, calls)
	}
	// A panicking callback: the panic comes back out of Pull, not through the C frames.
	func() {
		defer func() {
			if p := recover(); p != "progress panic" {
				t.Fatalf("recovered %v", p)
			}
		}()
		_, _ = is.Pull(ctx, ref, &dc.ImagePullOptions{Progress: func(dc.PullProgress) error { panic("progress panic") }})
		t.Fatal("Pull returned after its callback panicked")
	}()
	// The client still works after both.
	if ok, err := is.Exists(ctx, ref); err != nil || !ok {
		t.Fatalf("exists after stopped pulls: %v %v", ok, err)
	}

	// A repository the registry does not have: the engine says 404, the image-not-found class.
	missing := reg.host + "/" + imgPrefix + "nosuch:t"
	_, err = is.Pull(ctx, missing, nil)
	if !errors.Is(err, dc.ErrImageNotFound) || !errors.Is(err, dc.ErrNotFound) || asError(t, err).HTTPStatus != 404 ||
		!strings.Contains(err.Error(), imgPrefix+"nosuch not found") {
		t.Fatalf("pull of a missing repository: %v", err)
	}
	if got := dc.ErrdefsClasses(err); !reflect.DeepEqual(got, []string{"NotFound"}) {
		t.Fatalf("pull of a missing repository: errdefs classes %v", got)
	}
	// A tag it does not have: the engine's status decides the class, never the message. To
	// the registry's MANIFEST_UNKNOWN dockerd 20.10 answers 404 (older registries' bare
	// errors got a 500, which is the engine-error class).
	_, err = is.Pull(ctx, reg.host+"/"+imgPrefix+"pulled:missing", nil)
	switch status := asError(t, err).HTTPStatus; {
	case !strings.Contains(err.Error(), "manifest unknown"):
		t.Fatalf("pull of a missing tag: %v", err)
	case status == 404 && !errors.Is(err, dc.ErrImageNotFound), status == 500 && !errors.Is(err, dc.ErrEngine),
		status != 404 && status != 500:
		t.Fatalf("pull of a missing tag: class does not follow HTTP %d: %v", status, err)
	}
	// A context already ended: nothing is sent.
	before := reg.manifests(t)
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := is.Pull(done, ref, nil); !errors.Is(err, context.Canceled) || !errors.Is(err, dc.ErrCanceled) {
		t.Fatalf("pull with an ended context: %v", err)
	}
	if reg.manifests(t) != before {
		t.Fatalf("a pull with an ended context reached the registry")
	}

	// Prune by this process's label (no other image has it), every unused one, not only
	// dangling ones: the pulled image goes.
	report, err := is.Prune(ctx, map[string]any{"dangling": false, "label": []string{"org.dcgo.pulled=" + fmt.Sprint(os.Getpid())}})
	if err != nil {
		t.Fatal(err)
	}
	var untagged, deleted bool
	for _, d := range report.ImagesDeleted {
		untagged = untagged || d.Untagged == ref
		deleted = deleted || d.Deleted == img.ID()
	}
	if !untagged || !deleted || report.SpaceReclaimed == 0 {
		t.Fatalf("prune report %+v", report)
	}
	if ok, err := is.Exists(ctx, ref); err != nil || ok {
		t.Fatalf("pruned image still there: %v %v", ok, err)
	}
}

func TestImagesTagList(t *testing.T) {
	ctx := context.Background()
	c := client(t)
	is := c.Images()
	base, err := is.Get(ctx, image)
	if err != nil {
		t.Fatal(err)
	}
	ref := imgPrefix + "x:t"
	removeImageLater(t, c, ref)
	removeImageLater(t, c, imgPrefix+"x:t2")
	removeImageLater(t, c, imgPrefix+"y:latest")

	if err := is.Tag(ctx, image, imgPrefix+"x", dc.ImageTagOptions{Tag: "t"}); err != nil {
		t.Fatal(err)
	}
	list, err := is.List(ctx, dc.ImageListOptions{Name: imgPrefix + "x"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID() != base.ID() || !contains(list[0].Tags(), ref) {
		t.Fatalf("list by name: %v", list)
	}
	// Filters in docker-py's shapes; a label no image has gives none of ours.
	list, err = is.List(ctx, dc.ImageListOptions{Filters: map[string]any{"reference": imgPrefix + "*"}})
	if err != nil || len(list) != 1 || list[0].ID() != base.ID() {
		t.Fatalf("list by reference filter: %v %v", list, err)
	}
	list, err = is.List(ctx, dc.ImageListOptions{Name: imgPrefix + "x", All: true, Filters: map[string]any{"label": []string{"org.dcgo.none=1"}}})
	if err != nil || len(list) != 0 {
		t.Fatalf("list by a label nobody has: %v %v", list, err)
	}

	// Image.Tag, and a tag without Tag: "latest". Force is accepted.
	if err := base.Tag(ctx, imgPrefix+"x", dc.ImageTagOptions{Tag: "t2", Force: true}); err != nil {
		t.Fatal(err)
	}
	if err := is.Tag(ctx, base.ID(), imgPrefix+"y", nil); err != nil {
		t.Fatal(err)
	}
	if err := base.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{ref, imgPrefix + "x:t2", imgPrefix + "y:latest", image} {
		if !contains(base.Tags(), want) {
			t.Fatalf("tags after tagging: %v, no %s", base.Tags(), want)
		}
	}

	// Removing a tag leaves the image and its other names.
	if err := is.Remove(ctx, ref, nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := is.Exists(ctx, ref); err != nil || ok {
		t.Fatalf("removed tag still there: %v %v", ok, err)
	}
	if ok, err := is.Exists(ctx, image); err != nil || !ok {
		t.Fatalf("base image after untagging: %v %v", ok, err)
	}

	err = is.Tag(ctx, imgPrefix+"nosuch:t", imgPrefix+"z", nil)
	if !errors.Is(err, dc.ErrImageNotFound) || !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("tag of a missing image: %v", err)
	}
	if err := is.Tag(ctx, image, "", nil); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "repository") {
		t.Fatalf("tag with no repository: %v", err)
	}
	if _, err := is.List(ctx, dc.Options{"nmae": "x"}); !errors.Is(err, dc.ErrInvalidArgument) || !strings.Contains(err.Error(), "nmae") {
		t.Fatalf("list with an unknown option: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
