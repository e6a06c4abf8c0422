# frozen_string_literal: true

# Container#wait_for and Client#events against the real engine. Containers: dcevt-rb-*.
require_relative "test_helper"

class EventsTest < Minitest::Test
  include DcrbTest::Helpers

  def evname(tag)
    name = "dcevt-rb-#{tag}-#{Process.pid}-#{SecureRandom.hex(3)}"
    (@names ||= []) << name
    name
  end

  def test_wait_for_log_status_timeout_and_exit
    c = client.containers.run(DcrbTest::IMAGE, "sh -c 'echo up; sleep 300'", detach: true, name: evname("up"))
    c.wait_for(log: "^up$", status: "running", timeout: 120)
    e = assert_raises(DockerContainers::TimeoutError) { c.wait_for(status: "paused", timeout: 0.3) }
    assert_includes e.message, "status: wanted paused, last seen running"
    x = client.containers.run(DcrbTest::IMAGE, "sh -c 'echo bye >&2; sleep 1; exit 7'", detach: true,
                                                                                         name: evname("exit"))
    e = assert_raises(DockerContainers::ContainerError) { x.wait_for(log: "never", timeout: 120) }
    assert_equal 7, e.exit_status
    assert_includes e.stderr, "bye"
  end

  def test_events_with_a_block_filtered_by_container
    since = Time.now - 1
    c = client.containers.run(DcrbTest::IMAGE, "true", detach: true, name: evname("ev"))
    c.wait
    actions = []
    client.events(since: since, until: Time.now + 1, filters: { container: c.id, type: "container" }) do |ev|
      assert_equal c.id, ev["Actor"]["ID"]
      actions << ev["Action"]
    end
    assert_empty %w[create start die] - actions
  end

  def test_stats_all_sees_a_labelled_container_join_and_sample
    c = client.containers.run(DcrbTest::IMAGE, "sleep 300", detach: true, name: evname("stats"),
                                                             labels: { "dcevt.rb" => "stats" })
    seen = []
    client.stats_all(filters: { label: "dcevt.rb=stats" }) do |item|
      next unless item["id"] == c.id

      seen << item["event"]
      if item["event"] == "sample"
        assert item["stats"].key?("cpu_percent")
        break
      end
    end
    assert_equal %w[joined sample], [seen.first, seen.last]
  end
end
