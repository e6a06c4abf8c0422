# frozen_string_literal: true

require_relative "test_helper"
require "stringio"
require "fileutils"

class FilesTest < Minitest::Test
  include DcrbTest::Helpers

  def setup
    @c = sleeper("files")
    @tmp = Dir.mktmpdir("dcrb-")
  end

  def teardown
    FileUtils.rm_rf(@tmp)
    super
  end

  def test_put_archive_from_a_string
    assert @c.put_archive("/tmp", tar_of("hello.txt" => "hi from ruby\n"))
    assert_equal "hi from ruby\n", @c.exec_run("cat /tmp/hello.txt").output
  end

  def test_put_archive_streams_an_io
    body = Random.new(7).bytes(1024 * 1024 + 17)
    @c.put_archive("/tmp", StringIO.new(tar_of("big.bin" => body)))
    assert_equal "#{body.bytesize}\n", @c.exec_run("sh -c 'wc -c < /tmp/big.bin'").output.lstrip
  end

  def test_put_archive_from_a_file
    path = File.join(@tmp, "a.tar")
    File.binwrite(path, tar_of("fromfile.txt" => "file\n"))
    File.open(path, "rb") { |f| @c.put_archive("/tmp", f) }
    assert_equal "file\n", @c.exec_run("cat /tmp/fromfile.txt").output
  end

  def test_put_archive_errors
    assert_raises(DockerContainers::NotFound) { @c.put_archive("/no/such/dir", tar_of("x" => "y")) }
    assert_raises(DockerContainers::InvalidArgument) { @c.put_archive("/tmp", 42) }
    failing = Object.new
    def failing.read(_n) = raise(IOError, "disk on fire")
    e = assert_raises(IOError) { @c.put_archive("/tmp", failing) }
    assert_equal "disk on fire", e.message
  end

  def test_get_archive_forms
    @c.exec_run("sh -c 'mkdir -p /data && echo payload > /data/p.txt'")
    stream, stat = @c.get_archive("/data/p.txt")
    assert_equal "p.txt", stat["name"]
    assert_equal 8, stat["size"]
    assert_kind_of Enumerator, stream
    assert_equal({ "p.txt" => "payload\n" }, untar(stream.to_a.join))

    chunks = []
    stat2 = @c.get_archive("/data") { |chunk| chunks << chunk }
    assert stat2["is_dir"]
    assert_equal "payload\n", untar(chunks.join)["data/p.txt"]

    io = StringIO.new("".b)
    @c.get_archive("/data/p.txt", to: io)
    assert_equal "payload\n", untar(io.string)["p.txt"]

    path = File.join(@tmp, "out.tar")
    @c.get_archive("/data/p.txt", to: path)
    assert_equal "payload\n", untar(File.binread(path))["p.txt"]

    assert_equal 8, @c.stat_path("/data/p.txt")["size"]
    assert_raises(DockerContainers::NotFound) { @c.get_archive("/no/such") }
  end

  def test_export
    data = +"".b
    @c.export { |chunk| data << chunk }
    names = untar(data).keys
    assert_includes names, "bin/busybox"
    assert_includes names, "etc/hostname"

    path = File.join(@tmp, "fs.tar")
    @c.export(path)
    assert_equal names.sort, untar(File.binread(path)).keys.sort

    io = StringIO.new("".b)
    @c.export(io)
    assert_equal data.bytesize, io.string.bytesize

    first = @c.export.first
    assert_operator first.bytesize, :>, 0
  end

  def test_copy_to_and_from
    src = File.join(@tmp, "src")
    FileUtils.mkdir_p(File.join(src, "sub"))
    File.write(File.join(src, "a.txt"), "A\n")
    File.write(File.join(src, "sub", "b.sh"), "#!/bin/sh\necho b\n")
    File.chmod(0o755, File.join(src, "sub", "b.sh"))
    @c.copy_to(src, "/copied")
    assert_equal "b\n", @c.exec_run("/copied/sub/b.sh").output
    assert_equal "A\n", @c.exec_run("cat /copied/a.txt").output

    back = File.join(@tmp, "back")
    @c.copy_from("/copied", back)
    assert_equal "A\n", File.read(File.join(back, "a.txt"))
    assert_equal 0o755, File.stat(File.join(back, "sub", "b.sh")).mode & 0o777

    e = assert_raises(DockerContainers::HostIOError) { @c.copy_to(File.join(@tmp, "missing"), "/x") }
    assert_includes e.message, "missing"
    assert_raises(DockerContainers::NotFound) { @c.copy_from("/no/such", File.join(@tmp, "n")) }
  end
end

# Progress of long copies: progress: (a callable) or a block gets (done, total) on the calling
# thread, total nil when unknown, and once more at the end with the final count; an exception
# raised in it stops the copy and comes out of the call.
class FilesProgressTest < Minitest::Test
  include DcrbTest::Helpers

  Stop = Class.new(StandardError)

  def setup
    @c = sleeper("progress")
    @tmp = Dir.mktmpdir("dcrb-")
    @body = Random.new(11).bytes(3 * 1024 * 1024 + 5)
    @tar = tar_of("big.bin" => @body)
  end

  def teardown
    FileUtils.rm_rf(@tmp)
    super
  end

  # The calls seen: counts only grow, every one on this thread, the last is the final count.
  def assert_progress(calls, final, total)
    refute_empty calls
    assert_equal [final, total], calls.last.take(2)
    assert(calls.each_cons(2).all? { |(a, _), (b, _)| a <= b }, "done only grows")
    assert(calls.all? { |_, t, _| t == total }, "total is #{total.inspect} throughout")
    assert(calls.all? { |_, _, th| th == Thread.current }, "called on the calling thread")
    assert_operator calls.size, :>=, 2, "called per chunk, then at the end"
  end

  def recorder(calls)
    ->(done, total) { calls << [done, total, Thread.current] }
  end

  def test_put_archive_progress_from_a_string_a_file_and_an_io
    calls = []
    @c.put_archive("/tmp", @tar, progress: recorder(calls))
    assert_progress(calls, @tar.bytesize, @tar.bytesize)

    path = File.join(@tmp, "big.tar")
    File.binwrite(path, @tar)
    calls = []
    File.open(path, "rb") { |f| @c.put_archive("/tmp", f) { |d, t| calls << [d, t, Thread.current] } }
    assert_progress(calls, @tar.bytesize, @tar.bytesize)

    calls = []
    @c.put_archive("/tmp", StringIO.new(@tar), progress: recorder(calls))
    assert_progress(calls, @tar.bytesize, nil)
    assert_equal "#{@body.bytesize}\n", @c.exec_run("sh -c 'wc -c < /tmp/big.bin'").output.lstrip
  end

  def test_get_archive_and_export_progress
    @c.put_archive("/tmp", @tar)
    path = File.join(@tmp, "out.tar")
    calls = []
    @c.get_archive("/tmp/big.bin", to: path, progress: recorder(calls))
    assert_progress(calls, File.size(path), nil)
    assert_equal @body, untar(File.binread(path))["big.bin"]

    calls = []
    bytes = 0
    @c.get_archive("/tmp/big.bin", progress: recorder(calls)) { |chunk| bytes += chunk.bytesize }
    assert_progress(calls, bytes, nil)

    io = StringIO.new("".b)
    calls = []
    @c.export(io, progress: recorder(calls))
    assert_progress(calls, io.string.bytesize, nil)
    fs = File.join(@tmp, "fs.tar")
    calls = []
    @c.export(fs, progress: recorder(calls))
    assert_progress(calls, File.size(fs), nil)
  end

  def test_copy_to_and_from_progress
    src = File.join(@tmp, "src")
    FileUtils.mkdir_p(src)
    File.binwrite(File.join(src, "big.bin"), @body)
    calls = []
    @c.copy_to(src, "/copied") { |d, t| calls << [d, t, Thread.current] }
    refute_empty calls
    done, total = calls.last
    assert_operator done, :>, @body.bytesize
    assert(total.nil? || total == done, "total unknown, or the final count")
    assert_equal "#{@body.bytesize}\n", @c.exec_run("sh -c 'wc -c < /copied/big.bin'").output.lstrip

    calls = []
    back = File.join(@tmp, "back")
    @c.copy_from("/copied", back, progress: recorder(calls))
    assert_operator calls.last[0], :>, @body.bytesize
    assert_equal @body, File.binread(File.join(back, "big.bin"))
  end

  def test_an_exception_in_progress_stops_the_copy
    %i[put_archive get_archive_to export_to copy_to copy_from].each do |what|
      seen = 0
      stop = lambda do |_d, _t|
        seen += 1
        raise Stop, "stop #{what}"
      end
      e = assert_raises(Stop) { copy_with(what, stop) }
      assert_equal "stop #{what}", e.message
      assert_equal 1, seen, "#{what}: no call after the one that raised"
    end
    # The container is still usable after the stopped copies.
    assert_equal "hi\n", @c.exec_run("echo hi").output
  end

  def copy_with(what, progress)
    @c.exec_run("mkdir -p /tmp/stopped")
    case what
    when :put_archive then @c.put_archive("/tmp/stopped", @tar, progress: progress)
    when :get_archive_to then @c.get_archive("/bin", to: File.join(@tmp, "bin.tar"), progress: progress)
    when :export_to then @c.export(File.join(@tmp, "fs.tar"), progress: progress)
    when :copy_to
      File.binwrite(File.join(@tmp, "one.bin"), @body)
      @c.copy_to(File.join(@tmp, "one.bin"), "/tmp/stopped/one.bin", progress: progress)
    when :copy_from then @c.copy_from("/bin", File.join(@tmp, "binback"), progress: progress)
    end
  end

  def test_progress_must_be_callable
    e = assert_raises(DockerContainers::InvalidArgument) { @c.put_archive("/tmp", @tar, progress: 42) }
    assert_includes e.message, "progress"
    e = assert_raises(DockerContainers::InvalidArgument) { @c.copy_from("/bin", @tmp, progress: "x") }
    assert_includes e.message, "progress"
    e = assert_raises(DockerContainers::InvalidArgument) { @c.get_archive("/bin", progress: ->(_d, _t) {}) }
    assert_includes e.message, "progress"
  end
end
