# frozen_string_literal: true

require_relative "test_helper"

# client.volumes and Volume against the real engine: every volume is named dcrb-...-<pid>- and
# removed in teardown (after the containers), even when a test fails.
class VolumesTest < Minitest::Test
  include DcrbTest::Helpers

  def test_create_get_and_attrs
    name = rname("vol", :volume)
    v = client.volumes.create(name, driver: "local", labels: { "dcrb" => "yes" },
                                    driver_opts: { type: "tmpfs", device: "tmpfs", o: "size=1m" })
    assert_kind_of DockerContainers::Volume, v
    assert_equal name, v.name
    assert_equal name, v.id
    assert_equal name[0, 12], v.short_id
    assert_equal({ "dcrb" => "yes" }, v.labels)
    assert_equal "local", v.attrs["Driver"]
    assert_equal({ "type" => "tmpfs", "device" => "tmpfs", "o" => "size=1m" }, v.attrs["Options"])
    assert_match(%r{\A/}, v.attrs["Mountpoint"])

    got = client.volumes.get(name)
    assert_equal v, got
    assert_equal 1, [v, got].uniq.size
    assert_equal v.attrs["CreatedAt"], got.reload.attrs["CreatedAt"]
    assert_includes got.inspect, name
    # Creating an existing name gives that volume.
    assert_equal v.attrs["CreatedAt"], client.volumes.create(name).attrs["CreatedAt"]
  end

  def test_anonymous_volume_gets_a_name_from_the_engine
    v = client.volumes.create(labels: { "dcrb-anon" => Process.pid.to_s })
    (@resources ||= []) << [:volume, v.name]
    assert_match(/\A\h{64}\z/, v.name)
    assert_equal v, client.volumes.get(v.name)
  end

  def test_in_use_volume_and_data_kept
    name = rname("data", :volume)
    v = client.volumes.create(name)
    c = sleeper("vol", volumes: { name => { "bind" => "/data", "mode" => "rw" } })
    c.exec_run("sh -c 'echo kept > /data/f'")
    e = assert_raises(DockerContainers::Conflict) { v.remove }
    assert_match(/in use/i, e.message)
    c.remove(force: true)
    out = client.containers.run(DcrbTest::IMAGE, "cat /data/f", remove: true, name: cname("vol2"),
                                                                volumes: ["#{name}:/data:ro"])
    assert_equal "kept\n", out
    assert_nil v.remove
    assert_raises(DockerContainers::NotFound) { client.volumes.get(name) }
    assert_raises(DockerContainers::NotFound) { v.reload }
  end

  def test_list_with_filters
    label = "dcrb-vlist-#{Process.pid}-#{SecureRandom.hex(3)}"
    names = Array.new(2) { |i| rname("vlist#{i}", :volume) }
    names.each { |n| client.volumes.create(n, labels: { label => "1" }) }
    listed = client.volumes.list(filters: { label: [label] })
    assert_equal names.sort, listed.map(&:name).sort
    assert(listed.all? { |v| v.is_a?(DockerContainers::Volume) && v.labels == { label => "1" } })
    assert_equal [names[0]], client.volumes.list(filters: { name: names[0] }).map(&:name)
    assert_equal [], client.volumes.list(filters: { label: ["#{label}-none"] })
    # A listed volume acts as one got by name: its handle is made on first use.
    listed.find { |v| v.name == names[1] }.remove
    assert_raises(DockerContainers::NotFound) { client.volumes.get(names[1]) }
  end

  def test_prune_removes_only_unused_matching_volumes
    label = "dcrb-vprune-#{Process.pid}-#{SecureRandom.hex(3)}"
    unused = rname("vprune-a", :volume)
    used = rname("vprune-b", :volume)
    client.volumes.create(unused, labels: { label => "1" })
    client.volumes.create(used, labels: { label => "1" })
    sleeper("vprune", volumes: ["#{used}:/data"])
    filters = { label: [label] }
    # Engine API 1.42 and newer prune only anonymous volumes unless asked for all.
    filters[:all] = true if Gem::Version.new(client.api_version) >= Gem::Version.new("1.42")

    result = client.volumes.prune(filters: filters)
    assert_equal [unused], result["VolumesDeleted"]
    assert_kind_of Integer, result["SpaceReclaimed"]
    assert_raises(DockerContainers::NotFound) { client.volumes.get(unused) }
    assert_equal used, client.volumes.get(used).name
  end

  def test_errors_before_anything_is_sent
    e = assert_raises(DockerContainers::InvalidArgument) { client.volumes.create(rname("bad", :volume), lables: {}) }
    assert_includes e.message, "lables"
    e = assert_raises(DockerContainers::InvalidArgument) { client.volumes.create(42) }
    assert_includes e.message, "name"
    e = assert_raises(DockerContainers::InvalidArgument) { client.volumes.get(nil) }
    assert_includes e.message, "volume"
    e = assert_raises(DockerContainers::InvalidArgument) { client.volumes.list(filters: "label=x") }
    assert_includes e.message, "filters"
    assert_raises(DockerContainers::NotFound) { client.volumes.get("dcrb-no-such-volume") }
    v = client.volumes.create(rname("bad2", :volume))
    e = assert_raises(DockerContainers::InvalidArgument) { v.remove(force: "yes") }
    assert_includes e.message, "force"
  end
end
