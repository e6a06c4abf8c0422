#!/usr/bin/env ruby
# frozen_string_literal: true

# The Ruby quickstart: run a container detached, exec in it, read its logs, stop and remove it.
#   ruby -Ilib examples/quickstart.rb [image]
$LOAD_PATH.unshift File.expand_path("../lib", __dir__)
require "docker_containers"

image = ARGV[0] || "dc-test/busybox:latest"
client = DockerContainers.from_env
client.ping
puts "engine API #{client.api_version}, library #{DockerContainers.library_version}"

container = client.containers.run(
  image, ["sh", "-c", "trap 'exit 0' TERM; echo started; while true; do sleep 0.1; done"],
  detach: true, name: "dcrb-quickstart-#{Process.pid}", labels: { "example" => "quickstart" }
)
begin
  # run gives the attributes read before the start, as docker-py does: reload for the live state.
  puts "running #{container.name} (#{container.short_id}), status #{container.reload.status}"

  result = container.exec_run("sh -c 'echo hello from exec; exit 3'")
  puts "exec exit code #{result.exit_code}: #{result.output}"

  container.exec_run("sh -c 'echo streamed; echo to stderr >&2'") do |kind, chunk|
    puts "exec #{kind}: #{chunk}"
  end

  container.logs(follow: true) do |kind, chunk|
    puts "log #{kind}: #{chunk}"
    break # the first line is enough: leaving the block closes the stream
  end

  container.stop(timeout: 5)
  puts "stopped: exit code #{container.wait['StatusCode']}, status #{container.reload.status}"
rescue DockerContainers::Error => e
  warn "quickstart failed: #{e.class}: #{e.message} (HTTP #{e.http_status})"
  exit 1
ensure
  container.remove(force: true)
  puts "removed"
  client.close
end
