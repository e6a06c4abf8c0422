//go:build docker_containers_pkgconfig

package dockercontainers

// With -tags docker_containers_pkgconfig the flags come from pkg-config's docker_containers.pc
// (installed by make install; set PKG_CONFIG_PATH for a non-standard prefix).

// #cgo pkg-config: docker_containers
import "C"
