# frozen_string_literal: true

# The gem, built by `make packages` (packages/rules.mk) from a staging copy of bindings/ruby:
# with DC_GEM_PLATFORM unset, the plain gem (platform "ruby": it loads an installed library);
# with DC_GEM_PLATFORM=x86_64-linux, the platform gem, which carries the stripped library in
# lib/docker_containers/libs/, as native gems such as nokogiri carry theirs.
require_relative "lib/docker_containers/version"

Gem::Specification.new do |s|
  s.name = "docker_containers"
  s.version = DockerContainers::VERSION
  s.summary = "Manage Docker containers from Ruby with docker-py's names, on the docker_containers C library"
  s.description = "client.containers.run/create/get/list/prune and every Container method " \
                  "(exec, logs, stats, attach, archives, docker cp), client.networks, " \
                  "client.volumes and client.images, through the ffi gem."
  s.authors = ["docker_containers authors"]
  s.homepage = "https://github.com/docker-containers/docker_containers"
  s.license = "MIT"
  s.required_ruby_version = ">= 3.0"
  s.add_dependency "ffi", "~> 1.15"

  s.files = Dir.chdir(__dir__) { Dir["lib/**/*.rb"] + ["README.md"] }
  platform = ENV.fetch("DC_GEM_PLATFORM", "")
  unless platform.empty?
    s.platform = Gem::Platform.new(platform)
    libs = Dir.chdir(__dir__) { Dir["lib/docker_containers/libs/libdocker_containers.so*"] }
    raise "the #{platform} gem carries the library: none in lib/docker_containers/libs" if libs.empty?

    s.files += libs
  end
end
