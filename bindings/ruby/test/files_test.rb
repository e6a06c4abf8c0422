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
