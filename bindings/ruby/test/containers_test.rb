# frozen_string_literal: true

require_relative "test_helper"

class ContainersTest < Minitest::Test
  include DcrbTest::Helpers

  def test_run_returns_output
    out = client.containers.run(DcrbTest::IMAGE, "echo hello", name: cname("run"), remove: true)
    assert_equal "hello\n", out
    assert_equal Encoding::BINARY, out.encoding
    both = client.containers.run(DcrbTest::IMAGE, ["sh", "-c", "echo o; echo e >&2"],
                                 stderr: true, remove: true, name: cname("run2"))
    assert_equal %w[e o], both.lines.map(&:chomp).sort
  end

  def test_run_failure_is_a_container_error
    name = cname("fail")
    e = assert_raises(DockerContainers::ContainerError) do
      client.containers.run(DcrbTest::IMAGE, "sh -c 'echo bad >&2; exit 3'", name: name, remove: true)
    end
    assert_equal 3, e.exit_status
    assert_equal "bad\n", e.stderr
    assert_equal :container_failed, e.code
    assert_equal DcrbTest::IMAGE, e.image
    assert_includes e.command, "exit 3"
    assert_raises(DockerContainers::NotFound) { client.containers.get(name) } # remove: true held
  end

  def test_missing_image
    e = assert_raises(DockerContainers::ImageNotFound) do
      client.containers.create("dcrb-no-such-image:latest", pull: false, name: cname("noimg"))
    end
    assert_includes e.message, "dcrb-no-such-image"
  end

  def test_bad_options_name_the_key_and_wrong_types
    e = assert_raises(DockerContainers::InvalidArgument) do
      client.containers.create(DcrbTest::IMAGE, "true", enviroment: ["A=1"], name: cname("bad"))
    end
    assert_includes e.message, "enviroment"
    assert_raises(DockerContainers::InvalidArgument) { client.containers.run(DcrbTest::IMAGE, 42) }
    e = assert_raises(DockerContainers::InvalidArgument) { client.containers.run(nil) }
    assert_equal "image must be a String, got nil", e.message
    assert_raises(DockerContainers::InvalidArgument) { client.containers.get("a\0b") }
  end

  def test_create_get_attributes
    name = cname("attrs")
    c = client.containers.create(DcrbTest::IMAGE, "sleep 60", name: name,
                                 labels: { "dcrb.test" => "attrs" }, environment: { "X" => "1" })
    assert_equal "created", c.status
    assert_equal name, c.name
    assert_equal c.id[0, 12], c.short_id
    assert_equal({ "dcrb.test" => "attrs" }, c.labels)
    assert_equal "unknown", c.health
    assert_equal({}, c.ports)
    assert_includes c.attrs["Config"]["Env"], "X=1"
    assert_includes c.image.tags, DcrbTest::IMAGE
    assert_match(/\Asha256:/, c.image.id)
    assert_equal c, client.containers.get(name)
    assert_equal c, client.containers.get(c.short_id)
    assert_kind_of Array, c.warnings
  end

  def test_ports_and_health
    c = sleeper("ports", "httpd -f -p 80", ports: { "80/tcp" => nil },
                healthcheck: { test: ["CMD", "true"], interval: 300_000_000 })
    # run hands back the attributes read before the start (docker-py's); ports show once started.
    assert_equal({}, c.ports)
    binding = c.reload.ports.fetch("80/tcp")
    assert_operator binding.first["HostPort"].to_i, :>, 0
    assert_equal "healthy", eventually(15) { c.reload.health == "healthy" && "healthy" }
  end

  def test_lifecycle
    c = client.containers.create(DcrbTest::IMAGE, "sleep 300", name: cname("life"))
    c.start
    c.start # already running: not an error
    assert_equal "running", c.reload.status
    c.pause
    assert_equal "paused", c.reload.status
    c.unpause
    assert_equal "running", c.reload.status
    started = c.attrs["State"]["StartedAt"]
    c.restart(timeout: 1)
    refute_equal started, c.reload.attrs["State"]["StartedAt"]
    c.stop(timeout: 1)
    assert_equal "exited", c.reload.status
    assert_raises(DockerContainers::Conflict) { c.kill }
    c.remove
    assert_raises(DockerContainers::NotFound) { c.reload }
  end

  def test_kill_with_signal_and_wait
    c = sleeper("kill", ["sh", "-c", "trap 'exit 7' USR1; while true; do sleep 0.1; done"])
    sleep 0.3
    assert_raises(ArgumentError) { c.kill(sig: "USR1") } # an unknown keyword is refused
    c.kill(signal: :SIGUSR1)
    assert_equal 7, c.wait(timeout: 10)["StatusCode"]
    e = assert_raises(DockerContainers::InvalidArgument) { c.kill("SIGNOPE") }
    assert_includes e.message, "SIGNOPE"
  end

  def test_wait_timeout
    c = sleeper("waitto")
    e = assert_raises(DockerContainers::TimeoutError) { c.wait(timeout: 1) }
    assert_equal :timeout, e.code
  end

  def test_list_and_prune
    tag = "p#{Process.pid}#{SecureRandom.hex(2)}"
    running = sleeper("list1", labels: { "dcrb.list" => tag })
    stopped = client.containers.create(DcrbTest::IMAGE, "true", name: cname("list2"),
                                       labels: { "dcrb.list" => tag })
    only_running = client.containers.list(filters: { label: ["dcrb.list=#{tag}"] })
    assert_equal [running.id], only_running.map(&:id)
    everything = client.containers.list(all: true, filters: { label: ["dcrb.list=#{tag}"] })
    assert_equal [running.id, stopped.id].sort, everything.map(&:id).sort
    assert_equal "running", only_running.first.status
    assert_equal 1, client.containers.list(all: true, limit: 1).size

    pruned = client.containers.prune(filters: { label: ["dcrb.list=#{tag}"] })
    assert_equal [stopped.id], pruned["ContainersDeleted"]
    assert_raises(DockerContainers::NotFound) { stopped.reload }
    assert_equal "running", running.reload.status
  end

  def test_rename
    c = sleeper("ren")
    other = sleeper("ren-other")
    new_name = cname("renamed")
    c.rename(new_name)
    assert_equal new_name, c.reload.name
    e = assert_raises(DockerContainers::Conflict) { c.rename(other.name) }
    assert_equal 409, e.http_status
  end

  def test_resize_tty
    c = sleeper("resize", tty: true)
    c.resize(30, 100)
    c.resize(height: 40, width: 120)
    assert_raises(DockerContainers::InvalidArgument) { c.resize(0, 10) }
    assert_raises(DockerContainers::InvalidArgument) { c.resize("x", 10) }
  end

  def test_update
    c = sleeper("upd", mem_limit: "128m")
    result = c.update(mem_limit: "64m", memswap_limit: "128m", cpu_shares: 512)
    assert_kind_of Array, result["Warnings"]
    host = c.reload.attrs["HostConfig"]
    assert_equal 64 * 1024 * 1024, host["Memory"]
    assert_equal 512, host["CpuShares"]
  end

  def test_commit
    c = sleeper("commit")
    c.exec_run("sh -c 'echo committed > /marker'")
    repo = "dcrb-commit-#{Process.pid}"
    (@images ||= []) << "#{repo}:t1"
    image_id = c.commit(repo, "t1", message: "from ruby", changes: ["ENV DCRB=1"])
    assert_match(/\Asha256:/, image_id)
    img = client.images.get("#{repo}:t1")
    assert_equal image_id, img.id
    assert_equal ["#{repo}:t1"], img.tags
    assert_includes img.attrs["Config"]["Env"], "DCRB=1"
    out = client.containers.run("#{repo}:t1", "cat /marker", remove: true, name: cname("fromcommit"))
    assert_equal "committed\n", out
  end

  def test_top_and_diff
    c = sleeper("top")
    top = c.top
    assert_includes top["Titles"], "PID"
    assert(top["Processes"].any? { |p| p.join(" ").include?("sleep 300") })
    custom = c.top(ps_args: "-o pid,comm")
    assert_equal %w[PID COMMAND], custom["Titles"]
    assert_equal [%w[sleep]], custom["Processes"].map { |row| row.drop(1) }
    c.exec_run("touch /dcrb-added")
    assert_includes c.diff, { "Path" => "/dcrb-added", "Kind" => 1 }
  end

  def test_shared_between_threads_and_closed_while_in_use
    c = sleeper("threads")
    errors = Queue.new
    workers = 6.times.map do
      Thread.new do
        40.times do
          c.reload
          errors << "bad status" unless c.status == "running"
          errors << "bad attrs" unless c.attrs["Id"] == c.id
        end
      end
    end
    workers.each(&:join)
    assert_equal 0, errors.size

    handle = client.containers.get(c.id)
    outcomes = Queue.new
    users = 4.times.map do
      Thread.new do
        20_000.times do # until the handle is closed under it
          handle.reload
          outcomes << :ok
        rescue DockerContainers::InvalidArgument => e
          outcomes << (e.message.include?("closed") ? :closed : e)
          break
        end
      end
    end
    sleep 0.05
    handle.close
    users.each(&:join)
    seen = []
    seen << outcomes.pop until outcomes.empty?
    assert_empty seen.reject { |o| %i[ok closed].include?(o) }
    assert_includes seen, :closed
    assert_equal "running", c.reload.status # other handles are untouched
  end
end
