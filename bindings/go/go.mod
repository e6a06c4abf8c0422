module github.com/docker-containers/docker_containers/bindings/go

go 1.19
