//go:build !docker_containers_pkgconfig

package dockercontainers

// By default the package links the library built in this repository (make release puts it in
// target/release) and records that directory as the run-time search path. Flags in CGO_LDFLAGS
// come first on the link line, so CGO_LDFLAGS="-L/usr/local/lib -Wl,-rpath,/usr/local/lib"
// picks an installed copy instead; or build with -tags docker_containers_pkgconfig.

// #cgo LDFLAGS: -L${SRCDIR}/../../target/release -Wl,-rpath,${SRCDIR}/../../target/release -ldocker_containers
import "C"
