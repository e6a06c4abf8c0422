# frozen_string_literal: true

require_relative "test_helper"

class StreamsTest < Minitest::Test
  include DcrbTest::Helpers

  TICKER = "i=0; while true; do i=$((i+1)); echo line$i; sleep 0.05; done"

  def test_logs_gathered_and_demuxed
    c = sleeper("logs", "sh -c 'echo out; echo err >&2'")
    c.wait(timeout: 10)
    assert_equal %w[err out], c.logs.lines.map(&:chomp).sort
    assert_equal ["out\n", "err\n"], c.logs(demux: true)
    assert_equal "out\n", c.logs(stderr: false)
    assert_equal "err\n", c.logs(stdout: false)
    assert_equal "", c.logs(since: Time.now + 3600)
    assert_equal "", c.logs(until: Time.now - 3600)
  end

  def test_logs_block_and_enumerator_without_follow_end
    c = sleeper("logs2", "sh -c 'echo a; echo b >&2; echo c'")
    c.wait(timeout: 10)
    seen = []
    assert_nil(c.logs(stream: true) { |kind, chunk| seen << [kind, chunk] })
    assert_equal [[:stdout, "a\n"], [:stdout, "c\n"], [:stderr, "b\n"]].sort, seen.sort
    e = c.logs(stream: true, stdout: false)
    assert_kind_of Enumerator, e
    assert_equal [[:stderr, "b\n"]], e.to_a
    assert e.closed?
  end

  def test_follow_break_cancels_and_frees_the_stream
    c = sleeper("follow", ["sh", "-c", TICKER])
    base = socket_count
    lines = []
    c.logs(follow: true) do |_kind, chunk|
      lines << chunk
      break if lines.size == 3
    end
    assert_equal %W[line1\n line2\n line3\n], lines
    assert_equal base, socket_count, "the stream's connection is closed after break"
  end

  def test_enumerator_next_then_close
    c = sleeper("enum", ["sh", "-c", TICKER])
    base = socket_count
    e = c.logs(follow: true)
    assert_equal base + 1, socket_count(gc: false), "an open stream holds one connection"
    assert_equal [:stdout, "line1\n"], e.next
    assert_equal [:stdout, "line2\n"], e.next
    e.close
    e.close
    assert e.closed?
    assert_equal base, socket_count
    assert_raises(StopIteration) { e.next }
    assert_equal [[:stdout, "line1\n"], [:stdout, "line2\n"]], c.logs(follow: true).take(2)
    assert_equal base, socket_count, "take(n) leaves the stream closed"
  end

  def test_abandoned_streams_are_freed_by_gc
    c = sleeper("gc", ["sh", "-c", TICKER])
    base = socket_count
    20.times { c.logs(follow: true).next }
    assert_operator socket_count(gc: false), :>=, base + 15
    GC.start
    GC.start
    assert_operator socket_count, :<=, base + 2, "the garbage collector frees abandoned streams"
  end

  def test_an_exception_in_the_block_closes_the_stream
    c = sleeper("raise", ["sh", "-c", TICKER])
    base = socket_count
    assert_raises(ZeroDivisionError) { c.logs(follow: true) { |_k, _d| 1 / 0 } }
    assert_equal base, socket_count
  end

  def test_a_blocked_reader_can_be_interrupted
    require "timeout"
    c = sleeper("interrupt") # silent
    s = c.logs(follow: true)
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    assert_raises(Timeout::Error) { Timeout.timeout(0.5) { s.next } }
    assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0, :<, 2
  ensure
    s&.close
  end

  def test_close_from_another_thread_unblocks_a_reader
    c = sleeper("cancel") # silent
    s = c.logs(follow: true)
    reader = Thread.new do
      s.next
    rescue StandardError => e
      e
    end
    sleep 0.5
    assert reader.alive?, "the reader is blocked on a silent stream"
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    s.close
    result = reader.value
    assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0, :<, 2
    assert_kind_of DockerContainers::Cancelled, result
  end

  def test_read_chunk_timeout_loses_nothing
    c = sleeper("rto", ["sh", "-c", "sleep 1.5; echo late"])
    s = c.logs(follow: true)
    assert_raises(DockerContainers::TimeoutError) { s.read_chunk(timeout: 0.3) }
    assert_equal [:stdout, "late\n"], s.read_chunk(timeout: 10)
  ensure
    s&.close
  end

  def test_idle_timeout_ends_a_quiet_stream
    c = sleeper("idle", ["sh", "-c", "echo once; sleep 300"])
    seen = []
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    e = assert_raises(DockerContainers::TimeoutError) do
      c.logs(follow: true, idle_timeout: 0.5) { |_kind, chunk| seen << chunk }
    end
    assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0, :<, 3
    assert_equal ["once\n"], seen
    assert_includes e.message, "0.5"
    assert_raises(DockerContainers::TimeoutError) { c.exec_run("sleep 5", stream: true, idle_timeout: 0.3).output.to_a }
  end

  def test_stats
    c = sleeper("stats")
    one = c.stats(stream: false)
    assert_kind_of Hash, one
    assert_operator one.dig("derived", "memory_usage"), :>, 0
    samples = []
    c.stats do |sample|
      samples << sample
      break if samples.size == 2
    end
    assert_equal 2, samples.size
    assert(samples.all? { |s| s.key?("read") && s.key?("derived") })
    assert_operator samples.map { |s| s["read"] }.uniq.size, :==, 2
    assert_kind_of Hash, c.stats.first
  end

  def test_attach
    c = client.containers.create(DcrbTest::IMAGE, ["sh", "-c", "sleep 0.5; echo attached; echo oops >&2"],
                                 name: cname("attach"))
    s = c.attach(stream: true)
    c.start
    got = s.to_a
    assert_equal [[:stderr, "oops\n"], [:stdout, "attached\n"]], got.sort
  end

  def test_attach_socket_stdin
    c = sleeper("attsock", "cat", stdin_open: true)
    s = c.attach_socket
    s.write("ping\n")
    assert_equal [:stdout, "ping\n"], s.read_chunk(timeout: 10)
    s.close_write
    s.close
  end

  # The native calls run without the GVL: another thread ticks while one waits on the engine.
  def ticks_during
    ticks = []
    stop = false
    ticker = Thread.new do
      until stop
        ticks << Process.clock_gettime(Process::CLOCK_MONOTONIC)
        sleep 0.01
      end
    end
    sleep 0.1
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    t1 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    stop = true
    ticker.join
    inside = ticks.count { |t| t > t0 + 0.2 && t < t1 - 0.2 }
    [inside, t1 - t0]
  end

  def test_wait_releases_the_gvl
    c = sleeper("gvl-wait")
    inside, took = ticks_during do
      assert_raises(DockerContainers::TimeoutError) { c.wait(timeout: 1.5) }
    end
    assert_operator took, :>=, 1.4
    # ~100 ticks a second when the GVL is free; none if wait held it.
    assert_operator inside, :>=, 30, "another thread ran #{inside} times during a #{took.round(2)} s wait"
  end

  def test_stream_read_releases_the_gvl
    c = sleeper("gvl-read")
    s = c.logs(follow: true)
    inside, took = ticks_during do
      assert_raises(DockerContainers::TimeoutError) { s.read_chunk(timeout: 1.5) }
    end
    assert_operator took, :>=, 1.4
    assert_operator inside, :>=, 30, "another thread ran #{inside} times during a #{took.round(2)} s read"
  ensure
    s&.close
  end
end
