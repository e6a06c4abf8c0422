package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
// extern int32_t dcgoPullProgress(void *userdata, uint8_t *data, size_t n);
// static int32_t dcgo_pull_cb(void *u, const uint8_t *data, size_t n) {
//     return dcgoPullProgress(u, (uint8_t *)data, n);
// }
// static docker_result dcgo_images_pull(const docker_client *c, const char *ref,
//                                       const char *opts, uintptr_t h, docker_error **err) {
//     return docker_images_pull(c, ref, opts, dcgo_pull_cb, (void *)h, err);
// }
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"runtime/cgo"
	"strings"
	"sync"
)

// Image is docker-py's Image model: an id and the attributes from the last inspect. Unlike
// Network and Volume it holds no C handle (the library has no image handle), so there is
// nothing to Close. Safe to use from many goroutines at once.
type Image struct {
	c     *Client
	id    string
	mu    sync.Mutex
	attrs json.RawMessage
}

// imageAttrs is the part of an image's inspect JSON the getters read.
type imageAttrs struct {
	ID       string   `json:"Id"`
	RepoTags []string `json:"RepoTags"`
	Config   *struct {
		Labels map[string]string `json:"Labels"`
	} `json:"Config"`
}

func (img *Image) decoded() imageAttrs {
	var a imageAttrs
	_ = json.Unmarshal(img.Attrs(), &a)
	return a
}

// ID is the full image id ("sha256:...").
func (img *Image) ID() string { return img.id }

// ShortID is docker-py's short_id: "sha256:" and the first 10 hex digits.
func (img *Image) ShortID() string {
	id, n := img.id, 10
	if strings.HasPrefix(id, "sha256:") {
		n += len("sha256:")
	}
	if len(id) > n {
		return id[:n]
	}
	return id
}

// Tags are the image's repository tags ("busybox:latest"), from the cached attributes, without
// the engine's "<none>:<none>" placeholder.
func (img *Image) Tags() []string {
	tags := []string{}
	for _, t := range img.decoded().RepoTags {
		if t != "<none>:<none>" {
			tags = append(tags, t)
		}
	}
	return tags
}

// Labels are the image's labels (Config.Labels), from the cached attributes; never nil.
func (img *Image) Labels() map[string]string {
	a := img.decoded()
	if a.Config == nil || a.Config.Labels == nil {
		return map[string]string{}
	}
	return a.Config.Labels
}

// Attrs is the whole inspect JSON as last fetched (docker-py's attrs); a fresh copy each call.
func (img *Image) Attrs() json.RawMessage {
	img.mu.Lock()
	defer img.mu.Unlock()
	return append(json.RawMessage(nil), img.attrs...)
}

// Reload inspects the image again.
func (img *Image) Reload(ctx context.Context) error {
	s, err := img.c.Images().inspect(ctx, "Image.Reload", img.id)
	if err != nil {
		return err
	}
	img.mu.Lock()
	img.attrs = json.RawMessage(s)
	img.mu.Unlock()
	return nil
}

// Remove removes the image by id (docker-py's Image.remove); opts: "force", "noprune"
// (ImageRemoveOptions). An image with several tags needs Force.
func (img *Image) Remove(ctx context.Context, opts OptionSet) error {
	return img.c.Images().remove(ctx, "Image.Remove", img.id, opts)
}

// Tag is docker-py's Image.tag(repository, tag, force) (ImageTagOptions: Tag, Force): tag
// this image as repository[:tag]. The cached Tags change only with Reload.
func (img *Image) Tag(ctx context.Context, repository string, opts OptionSet) error {
	return img.c.Images().tag(ctx, "Image.Tag", img.id, repository, opts)
}

// String is "Image(<short id>)".
func (img *Image) String() string { return "Image(" + img.ShortID() + ")" }

// Images is docker-py's client.images: Pull, Get, Exists, List, Tag, Remove, Prune, Import.
type Images struct{ c *Client }

// Images gives the client's image collection.
func (c *Client) Images() Images { return Images{c} }

// imageError makes the engine's 404 about an image the image-not-found class (ErrImageNotFound,
// which also matches ErrNotFound).
func imageError(err error) error {
	var e *Error
	if errors.As(err, &e) && e.Code == CodeNotFound {
		n := *e
		n.Code = CodeImageNotFound
		return classify(&n)
	}
	return err
}

func (is Images) inspect(ctx context.Context, op, name string) (string, error) {
	if name == "" {
		return "", invalid(op, "image name is empty")
	}
	s, err := is.c.text(ctx, op, nil, func(p *C.docker_client, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		cname := C.CString(name)
		defer cfree(cname)
		return C.docker_images_inspect(p, cname, out, e)
	})
	return s, imageError(err)
}

func (is Images) image(op, attrs string) (*Image, error) {
	var a imageAttrs
	if err := json.Unmarshal([]byte(attrs), &a); err != nil || a.ID == "" {
		return nil, &Error{Op: op, Code: CodeProtocol, Message: "undecodable image inspect answer", ExitStatus: -1}
	}
	return &Image{c: is.c, id: a.ID, attrs: json.RawMessage(attrs)}, nil
}

// Get is docker-py's client.images.get(name): by name, name:tag, id or id prefix, inspected.
// A missing image is ErrImageNotFound (which matches ErrNotFound too).
func (is Images) Get(ctx context.Context, name string) (*Image, error) {
	const op = "Images.Get"
	s, err := is.inspect(ctx, op, name)
	if err != nil {
		return nil, err
	}
	return is.image(op, s)
}

// Exists says whether the engine has the image.
func (is Images) Exists(ctx context.Context, name string) (bool, error) {
	const op = "Images.Exists"
	if name == "" {
		return false, invalid(op, "image name is empty")
	}
	return call(ctx, op, func() (bool, error) {
		cname := C.CString(name)
		defer cfree(cname)
		var ok C.bool
		err := is.c.use(op, func(p *C.docker_client) error {
			var cerr *C.docker_error
			if rc := C.docker_images_exists(p, cname, &ok, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
		return bool(ok), err
	})
}

// List is docker-py's client.images.list(name, all, filters) (ImageListOptions: Name, a
// reference filter such as "busybox" or "dcgo-*/x:t"; All, intermediate images too; Filters,
// docker-py's shapes such as {"label": ["a=b"], "dangling": true}): an Image for each, each
// one inspected.
func (is Images) List(ctx context.Context, opts OptionSet) ([]*Image, error) {
	const op = "Images.List"
	s, err := is.c.text(ctx, op, optionsOf(opts), func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_images_list(p, copts, out, e)
	})
	if err != nil {
		return nil, err
	}
	var items []struct {
		ID string `json:"Id"`
	}
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return nil, &Error{Op: op, Code: CodeProtocol, Message: "undecodable list: " + err.Error(), ExitStatus: -1}
	}
	out := make([]*Image, 0, len(items))
	for _, it := range items {
		img, err := is.Get(ctx, it.ID)
		if errors.Is(err, ErrImageNotFound) {
			continue // removed since the list was made
		}
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, nil
}

// Tag is docker-py's client.api.tag(image, repository, tag, force) (ImageTagOptions: Tag,
// Force): image (name or id) gets the name repository[:tag]. A missing image is
// ErrImageNotFound.
func (is Images) Tag(ctx context.Context, image, repository string, opts OptionSet) error {
	return is.tag(ctx, "Images.Tag", image, repository, opts)
}

func (is Images) tag(ctx context.Context, op, image, repository string, opts OptionSet) error {
	if image == "" {
		return invalid(op, "image is empty")
	}
	if repository == "" {
		return invalid(op, "repository is empty")
	}
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, optionsOf(opts))
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		cimg, crepo := C.CString(image), C.CString(repository)
		defer cfree(cimg)
		defer cfree(crepo)
		return struct{}{}, is.c.use(op, func(p *C.docker_client) error {
			var cerr *C.docker_error
			if rc := C.docker_images_tag(p, cimg, crepo, copts, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	return imageError(err)
}

// Remove is docker-py's client.images.remove(image, force, noprune) (ImageRemoveOptions). A
// missing image is ErrImageNotFound; one a container uses, or with several tags, without
// Force, is ErrConflict.
func (is Images) Remove(ctx context.Context, name string, opts OptionSet) error {
	return is.remove(ctx, "Images.Remove", name, opts)
}

func (is Images) remove(ctx context.Context, op, name string, opts OptionSet) error {
	if name == "" {
		return invalid(op, "image name is empty")
	}
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, optionsOf(opts))
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		cname := C.CString(name)
		defer cfree(cname)
		return struct{}{}, is.c.use(op, func(p *C.docker_client) error {
			var cerr *C.docker_error
			if rc := C.docker_images_remove(p, cname, copts, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	return imageError(err)
}

// ImagesPruneReport is what Images.Prune removed: for each image, the name untagged or the
// id deleted.
type ImagesPruneReport struct {
	ImagesDeleted []struct {
		Untagged string `json:",omitempty"`
		Deleted  string `json:",omitempty"`
	}
	SpaceReclaimed uint64
}

// Prune is docker-py's client.images.prune(filters): remove the unused images matching
// filters ("dangling", "until", "label"); nil removes the dangling ones, {"dangling": false}
// every image no container uses.
func (is Images) Prune(ctx context.Context, filters map[string]any) (ImagesPruneReport, error) {
	const op = "Images.Prune"
	var r ImagesPruneReport
	var opts Options
	if filters != nil {
		opts = Options{"filters": filters}
	}
	s, err := is.c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_images_prune(p, copts, out, e)
	})
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, &Error{Op: op, Code: CodeProtocol, Message: "undecodable prune answer: " + err.Error(), ExitStatus: -1}
	}
	return r, nil
}

// PullProgress is one progress item of a pull, as the engine sends it (Raw is the whole object).
type PullProgress struct {
	ID             string `json:"id"`
	Status         string `json:"status"`
	Progress       string `json:"progress"`
	ProgressDetail struct {
		Current int64 `json:"current"`
		Total   int64 `json:"total"`
	} `json:"progressDetail"`
	Error string          `json:"error"`
	Raw   json.RawMessage `json:"-"`
}

func pullProgressOf(opts OptionSet) func(PullProgress) error {
	switch o := opts.(type) {
	case ImagePullOptions:
		return o.Progress
	case *ImagePullOptions:
		if o != nil {
			return o.Progress
		}
	}
	return nil
}

// Pull is docker-py's client.images.pull(repository, tag, platform): ref is "busybox",
// "busybox:1.36" or "host:5000/x@sha256:..."; ImagePullOptions give "platform", "timeout"
// and Progress, called with each progress item on the calling goroutine (never after Pull has
// returned). An error from Progress stops the pull and is returned (errors.Is finds it, and
// ErrStoppedByCallback). When ctx ends, the pull stops at the engine's next progress item and
// Pull returns at once. The pulled image comes back inspected.
func (is Images) Pull(ctx context.Context, ref string, opts OptionSet) (*Image, error) {
	const op = "Images.Pull"
	ctx = bg(ctx)
	if ref == "" {
		return nil, invalid(op, "image reference is empty")
	}
	r := &relay{ctx: ctx, pull: pullProgressOf(opts)}
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, optionsOf(opts))
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		cref := C.CString(ref)
		defer cfree(cref)
		h := cgo.NewHandle(r)
		defer h.Delete()
		return struct{}{}, is.c.use(op, func(p *C.docker_client) error {
			var cerr *C.docker_error
			if rc := C.dcgo_images_pull(p, cref, copts, C.uintptr_t(h), &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	r.end()
	if err != nil {
		return nil, imageError(r.wrap(op, err))
	}
	return is.Get(ctx, ref)
}

// ImageImportOptions name the image an import makes (both may be empty: an untagged image).
type ImageImportOptions struct {
	Repository string
	Tag        string
}

// Import makes an image from the root filesystem tar at tarPath (`docker import`), streamed
// from the file, and returns it inspected.
func (is Images) Import(ctx context.Context, tarPath string, opts ImageImportOptions) (*Image, error) {
	const op = "Images.Import"
	if tarPath == "" {
		return nil, invalid(op, "tarPath is empty")
	}
	return is.doImport(ctx, op, opts, func(p *C.docker_client, repo, tag *C.char, id **C.char, e **C.docker_error) C.docker_result {
		cpath := C.CString(tarPath)
		defer cfree(cpath)
		return C.docker_images_import_file(p, cpath, repo, tag, id, e)
	})
}

// ImportBytes is Import from a tar held in memory.
func (is Images) ImportBytes(ctx context.Context, tarData []byte, opts ImageImportOptions) (*Image, error) {
	const op = "Images.ImportBytes"
	if len(tarData) == 0 {
		return nil, invalid(op, "tarData is empty")
	}
	return is.doImport(ctx, op, opts, func(p *C.docker_client, repo, tag *C.char, id **C.char, e **C.docker_error) C.docker_result {
		// The library copies the bytes before it returns; C memory keeps cgo's pointer rules simple.
		data := C.CBytes(tarData)
		defer C.free(data)
		return C.docker_images_import_buffer(p, (*C.uint8_t)(data), C.size_t(len(tarData)), repo, tag, id, e)
	})
}

func (is Images) doImport(ctx context.Context, op string, opts ImageImportOptions, f func(*C.docker_client, *C.char, *C.char, **C.char, **C.docker_error) C.docker_result) (*Image, error) {
	id, err := call(ctx, op, func() (string, error) {
		repo, tag := cString(opts.Repository, true), cString(opts.Tag, true)
		defer cfree(repo)
		defer cfree(tag)
		var id string
		err := is.c.use(op, func(p *C.docker_client) error {
			var out *C.char
			var cerr *C.docker_error
			if rc := f(p, repo, tag, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			id = takeString(out)
			return nil
		})
		return id, err
	})
	if err != nil {
		return nil, err
	}
	return is.Get(ctx, id)
}
