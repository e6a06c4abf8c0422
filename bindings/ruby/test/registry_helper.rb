# frozen_string_literal: true

# The project's test registry (scripts/test-registry.py: the distribution API v2 pull endpoints
# on 127.0.0.1, one image made at its start) as a child process of this test. dockerd treats
# 127.0.0.0/8 registries as insecure (plain HTTP), so images.pull runs for real: dockerd does
# the pull. The registry exits when its stdin closes, so it never outlives the test run.
require "fileutils"
require "tmpdir"

class DcrbRegistry
  SCRIPT = File.expand_path("../../../scripts/test-registry.py", __dir__)

  attr_reader :port

  # Every tag but "nope" of any name, holding `file_name` with `body`, labelled dcrb.pulled=yes.
  def initialize(file_name:, body:)
    @dir = Dir.mktmpdir("dcrb-registry-")
    @log = File.join(@dir, "requests.log")
    @io = IO.popen(["python3", SCRIPT, "--log", @log, "--file", "#{file_name}=#{body.gsub("\n", '\n')}",
                    "--label", "dcrb.pulled=yes"], "r+")
    first = @io.gets.to_s.split
    raise "test-registry said #{first.inspect}" unless first[0] == "port"

    @port = Integer(first[1])
  end

  # "VERB PATH" of each request so far.
  def requests
    File.exist?(@log) ? File.readlines(@log, chomp: true) : []
  end

  def close
    @io.close
    FileUtils.remove_entry(@dir)
  end
end
