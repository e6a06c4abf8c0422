# frozen_string_literal: true

require_relative "test_helper"

# The gem's version constant (lib/docker_containers/version.rb, read by the gemspec) is the
# version of the library table it was generated with.
class VersionTest < Minitest::Test
  def test_gem_version_is_the_library_version
    assert_equal DockerContainers::NativeTable::VERSION, DockerContainers::VERSION
    assert_equal DockerContainers::VERSION, DockerContainers.library_version
  end
end
