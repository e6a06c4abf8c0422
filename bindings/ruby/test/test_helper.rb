# frozen_string_literal: true

# Shared by every test file: the library, the engine check, container names and clean-up.
# Tests run against the real engine; an unreachable engine fails the run loudly.
$LOAD_PATH.unshift File.expand_path("../lib", __dir__)
require "minitest/autorun"
require "securerandom"
require "tmpdir"
require "docker_containers"

module DcrbTest
  IMAGE = "dc-test/busybox:latest"
  PREFIX = "dcrb-"

  begin
    DockerContainers.from_env.tap(&:ping).close
  rescue DockerContainers::Error => e
    abort "ruby tests: the Docker engine does not answer (#{e.class}: #{e.message}); " \
          "start it with scripts/engine-up.sh"
  end

  # Every container a test names is removed in teardown, even when the test fails.
  module Helpers
    def client
      @client ||= DockerContainers.from_env
    end

    def cname(tag)
      name = "#{PREFIX}#{tag}-#{Process.pid}-#{SecureRandom.hex(3)}"
      (@names ||= []) << name
      name
    end

    # A network or volume name of this test, removed in teardown.
    def rname(tag, kind)
      name = "#{PREFIX}#{tag}-#{Process.pid}-#{SecureRandom.hex(3)}"
      (@resources ||= []) << [kind, name]
      name
    end

    # A detached container running `command` (default: sleep for a while).
    def sleeper(tag, command = "sleep 300", **kwargs)
      client.containers.run(IMAGE, command, detach: true, name: cname(tag), **kwargs)
    end

    def teardown
      (@names || []).each do |name|
        client.containers.get(name).remove(force: true)
      rescue DockerContainers::NotFound
        nil
      end
      (@resources || []).reverse_each do |kind, name|
        (kind == :network ? client.networks : client.volumes).get(name).remove
      rescue DockerContainers::NotFound
        nil
      end
      (@images || []).each do |img|
        client.images.remove(img, force: true)
      rescue DockerContainers::NotFound
        nil
      end
      @client&.close
      super
    end

    # Open sockets of this process (each native stream holds one connection of its own). With
    # gc: true, garbage from earlier tests (handles keeping a client's pooled connections) is
    # collected first, so that the count does not drop by itself in the middle of a test.
    def socket_count(gc: true)
      2.times { GC.start } if gc
      Dir.children("/proc/self/fd").count do |fd|
        File.readlink("/proc/self/fd/#{fd}").start_with?("socket:")
      rescue SystemCallError
        false
      end
    end

    def rss_kib
      File.read("/proc/self/status")[/^VmRSS:\s+(\d+) kB/, 1].to_i
    end

    # Poll until the block is truthy or `seconds` pass; returns the block's last value.
    def eventually(seconds = 10, step = 0.1)
      deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + seconds
      loop do
        v = yield
        return v if v || Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline

        sleep step
      end
    end

    def tar_of(files)
      require "rubygems/package"
      io = StringIO.new("".b)
      Gem::Package::TarWriter.new(io) do |tar|
        files.each do |name, body|
          tar.add_file_simple(name, 0o644, body.bytesize) { |f| f.write(body) }
        end
      end
      io.string
    end

    def untar(bytes)
      require "rubygems/package"
      out = {}
      Gem::Package::TarReader.new(StringIO.new(bytes)) do |tar|
        tar.each { |e| out[e.full_name] = e.file? ? e.read.to_s : :dir }
      end
      out
    end
  end
end

# Last guard: whatever this process left behind (a crashed teardown) is removed at exit.
Minitest.after_run do
  c = DockerContainers.from_env
  c.containers.list(all: true, filters: { name: ["#{DcrbTest::PREFIX}"] }).each do |ct|
    ct.remove(force: true) if ct.name.include?("-#{Process.pid}-")
  rescue DockerContainers::NotFound
    nil
  end
  mine = ->(name) { name.start_with?(DcrbTest::PREFIX) && name.include?("-#{Process.pid}-") }
  c.networks.list.select { |n| mine.call(n.name) }.each do |n|
    n.remove
  rescue DockerContainers::NotFound
    nil
  end
  c.volumes.list.select { |v| mine.call(v.name) }.each do |v|
    v.remove(force: true)
  rescue DockerContainers::NotFound
    nil
  end
  c.close
end
