# frozen_string_literal: true

# make package-test, Ruby: the quickstart flow from the installed platform gem in a fresh
# GEM_HOME, with no -I, RUBYLIB or DOCKER_CONTAINERS_LIB. Fails unless the gem and the library
# it loaded come from that GEM_HOME. Its container is dcpkg-rb-<pid>, always removed.
require "docker_containers"

gem_home = File.realpath(ENV.fetch("GEM_HOME"))
spec = Gem.loaded_specs.fetch("docker_containers")
lib = File.realpath(DockerContainers::Native.library_path)
raise "gem from #{spec.full_gem_path}, not #{gem_home}" unless File.realpath(spec.full_gem_path).start_with?("#{gem_home}/")
raise "library from #{lib}, not the gem" unless lib.start_with?("#{File.realpath(spec.full_gem_path)}/")
raise "platform #{spec.platform}, not x86_64-linux" unless spec.platform.to_s == "x86_64-linux"

puts "ruby: #{spec.full_name}, library #{lib.delete_prefix("#{gem_home}/")}"
client = DockerContainers.from_env
raise "ping" unless client.ping == true

name = "dcpkg-rb-#{Process.pid}"
c = client.containers.run("dc-test/busybox:latest", ["sh", "-c", "echo hello from the gem; exec sleep 60"],
                          detach: true, name: name)
begin
  r = c.exec_run("sh -c 'echo 6*7 = $((6*7)); exit 3'")
  raise "exec: #{r.inspect}" unless r.exit_code == 3 && r.output == "6*7 = 42\n"

  first = nil
  c.logs(follow: true) do |_kind, chunk|
    first = chunk
    break
  end
  raise "logs: #{first.inspect}" unless first == "hello from the gem\n"

  c.stop(timeout: 1)
  puts "ruby: #{name} ran, exec exit 3, logs #{first.inspect}, stopped"
ensure
  c.remove(force: true)
  client.close
end
