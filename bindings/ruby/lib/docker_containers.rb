# frozen_string_literal: true

# DockerContainers: manage Docker containers from Ruby, with docker-py's names, through the
# docker_containers C library (include/docker_containers.h).
#
#   client = DockerContainers.from_env
#   c = client.containers.run("busybox", "sleep 60", detach: true, name: "demo")
#   puts c.exec_run("echo hi").output
#   c.remove(force: true)
require "json"
require_relative "docker_containers/version"
require_relative "docker_containers/native"
require_relative "docker_containers/errors"
require_relative "docker_containers/handle"
require_relative "docker_containers/stream"
require_relative "docker_containers/client"
require_relative "docker_containers/collection"
require_relative "docker_containers/container"
require_relative "docker_containers/callbacks"
require_relative "docker_containers/images"
require_relative "docker_containers/networks"
require_relative "docker_containers/volumes"

module DockerContainers
  # The native library's version ("0.1.0").
  #
  # @return [String] such as "0.1.0"
  def self.library_version
    Native.docker_version
  end

  # docker-py's `docker.from_env()`.
  #
  # @param options [Hash] as for Client.from_env
  # @return [Client]
  # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
  def self.from_env(**options)
    Client.from_env(**options)
  end

  lib = library_version
  unless lib.start_with?("#{ABI_VERSION}.")
    raise LoadError, "docker_containers: this binding needs library #{ABI_VERSION}.x, " \
                     "#{Native.library_path} is #{lib}"
  end
end
