# frozen_string_literal: true

require_relative "test_helper"

class ExecTest < Minitest::Test
  include DcrbTest::Helpers

  def setup
    @c = sleeper("exec")
  end

  def test_exec_run_exit_code_and_output
    r = @c.exec_run("sh -c 'echo out; echo err >&2; exit 4'")
    assert_kind_of DockerContainers::ExecResult, r
    assert_equal 4, r.exit_code
    assert_equal %w[err out], r.output.lines.map(&:chomp).sort
    code, output = *@c.exec_run(["echo", "a b"])
    assert_equal [0, "a b\n"], [code, output]
  end

  def test_demux
    r = @c.exec_run("sh -c 'echo out; echo err >&2'", demux: true)
    assert_equal ["out\n", "err\n"], r.output
    assert_equal 0, r.exit_code
  end

  def test_environment_workdir_user
    r = @c.exec_run("sh -c 'echo $DCRB_X; pwd; id -u'", environment: { "DCRB_X" => "42" },
                                                        workdir: "/tmp", user: "1234")
    assert_equal "42\n/tmp\n1234\n", r.output
  end

  def test_stream_with_a_block_gives_chunks_and_exit_code
    seen = []
    r = @c.exec_run("sh -c 'echo one; sleep 0.2; echo two >&2; exit 5'") { |kind, chunk| seen << [kind, chunk] }
    assert_equal 5, r.exit_code
    assert_nil r.output
    assert_equal [[:stdout, "one\n"], [:stderr, "two\n"]], seen
  end

  def test_stream_as_an_enumerator
    r = @c.exec_run("sh -c 'for i in 1 2 3; do echo $i; done; exit 2'", stream: true)
    assert_nil r.exit_code
    s = r.output
    assert_kind_of Enumerator, s
    assert_equal "1\n2\n3\n", s.map { |_kind, chunk| chunk }.join
    assert_equal 2, s.exit_code
    assert s.closed?
  end

  def test_tty_output_is_console
    kinds = []
    @c.exec_run("echo hi", tty: true) { |kind, _| kinds << kind }
    assert_equal [:console], kinds.uniq
  end

  def test_interactive_socket
    s = @c.exec_run("cat", socket: true)
    s.write("hello ")
    s << "ruby\n"
    s.close_write
    data = s.map { |_kind, chunk| chunk }.join
    assert_equal "hello ruby\n", data
    assert_equal 0, s.exit_code
  end

  def test_detached
    ex = @c.exec_run("sh -c 'sleep 0.3; exit 6'", detach: true)
    assert_kind_of DockerContainers::Exec, ex
    assert_match(/\A\h{64}\z/, ex.id)
    assert_equal 6, eventually(10) { ex.exit_code }
    refute ex.running?
  end

  def test_exec_errors
    assert_raises(DockerContainers::InvalidArgument) { @c.exec_run(nil) }
    e = assert_raises(DockerContainers::InvalidArgument) { @c.exec_run("true", privilegd: true) }
    assert_includes e.message, "privilegd"
    @c.stop(timeout: 0)
    assert_raises(DockerContainers::Conflict) { @c.exec_run("true") }
  end
end
