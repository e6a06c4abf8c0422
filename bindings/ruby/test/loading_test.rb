# frozen_string_literal: true

require_relative "test_helper"
require "open3"

# Where the native library comes from: DOCKER_CONTAINERS_LIB, else this repository's build,
# else the installed soname.
class LoadingTest < Minitest::Test
  LIB = File.expand_path("../lib", __dir__)
  REPO_BUILD = File.expand_path("../../../target/release/libdocker_containers.so", __dir__)

  def ruby(code, env)
    Open3.capture3(env, RbConfig.ruby, "-I", LIB, "-e", code)
  end

  def test_env_variable_wins_and_a_bad_path_is_named
    bad = "/nonexistent/dcrb-#{Process.pid}/libdocker_containers.so"
    _out, err, status = ruby('require "docker_containers"', "DOCKER_CONTAINERS_LIB" => bad)
    refute status.success?
    assert_includes err, bad
    assert_includes err, "DOCKER_CONTAINERS_LIB"
  end

  def test_without_the_variable_the_repository_build_is_used
    assert File.exist?(REPO_BUILD), "run `make release` first: #{REPO_BUILD} is missing"
    out, err, status = ruby('require "docker_containers"; puts DockerContainers::Native.library_path; ' \
                            'puts DockerContainers.from_env.ping', "DOCKER_CONTAINERS_LIB" => nil)
    assert status.success?, err
    assert_equal [REPO_BUILD, "true"], out.lines.map(&:chomp)
  end
end
