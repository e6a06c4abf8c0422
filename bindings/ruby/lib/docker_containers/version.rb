# frozen_string_literal: true

module DockerContainers
  # The gem's version: the native library's version it carries or was written for (checked
  # against the generated table by test/version_test.rb).
  VERSION = "0.1.0"
end
