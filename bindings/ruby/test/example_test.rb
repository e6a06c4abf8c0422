# frozen_string_literal: true

require_relative "test_helper"
require "open3"

class ExampleTest < Minitest::Test
  include DcrbTest::Helpers

  def test_quickstart_runs_and_cleans_up
    dir = File.expand_path("..", __dir__)
    out, err, status = Open3.capture3(RbConfig.ruby, "-Ilib", "examples/quickstart.rb", chdir: dir)
    assert status.success?, "quickstart failed: #{err}#{out}"
    assert_match(/^engine API 1\.\d+, library 0\.1\.\d+$/, out)
    assert_includes out, "exec exit code 3: hello from exec"
    assert_includes out, "exec stdout: streamed"
    assert_includes out, "exec stderr: to stderr"
    assert_includes out, "log stdout: started"
    assert_match(/^stopped: exit code 0, status exited$/, out)
    assert_includes out, "removed"
    left = client.containers.list(all: true, filters: { label: ["example=quickstart"] })
    assert_empty left.select { |c| c.name.start_with?("dcrb-quickstart-") }
  end
end
