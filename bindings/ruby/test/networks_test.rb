# frozen_string_literal: true

require_relative "test_helper"

# client.networks and Network against the real engine: every network is named dcrb-...-<pid>-
# and removed in teardown (after the containers), even when a test fails.
class NetworksTest < Minitest::Test
  include DcrbTest::Helpers

  def test_create_with_options_and_get
    name = rname("net", :network)
    net = client.networks.create(name, driver: "bridge", internal: true, attachable: true,
                                       labels: { "dcrb" => "yes" },
                                       options: { "com.docker.network.bridge.enable_icc" => "true" },
                                       ipam: { driver: "default",
                                               pool_configs: [{ subnet: "10.231.7.0/24",
                                                                gateway: "10.231.7.1" }] })
    assert_kind_of DockerContainers::Network, net
    assert_match(/\A\h{64}\z/, net.id)
    assert_equal net.id[0, 12], net.short_id
    assert_equal name, net.name
    a = net.attrs
    assert_equal "bridge", a["Driver"]
    assert_equal true, a["Internal"]
    assert_equal true, a["Attachable"]
    assert_equal({ "dcrb" => "yes" }, a["Labels"])
    assert_equal "true", a["Options"]["com.docker.network.bridge.enable_icc"]
    assert_equal [{ "Subnet" => "10.231.7.0/24", "Gateway" => "10.231.7.1" }], a["IPAM"]["Config"]

    by_name = client.networks.get(name)
    by_id = client.networks.get(net.id[0, 12])
    assert_equal net, by_name
    assert_equal net, by_id
    assert_equal [net], [net, by_name, by_id].uniq
    assert_equal name, by_id.name
    assert_includes net.inspect, net.short_id
  end

  def test_connect_a_container_and_find_it_by_name_in_attrs
    name = rname("conn", :network)
    net = client.networks.create(name, ipam: { pool_configs: [{ subnet: "10.231.8.0/24" }] })
    c = sleeper("netc")
    assert_empty net.containers

    assert_nil net.connect(c, aliases: ["dcrb-alias"], ipv4_address: "10.231.8.23")
    assert_empty net.attrs["Containers"] || {}, "attrs are the last fetched ones until reload"
    net.reload
    endpoints = net.attrs["Containers"]
    assert_equal [c.id], endpoints.keys
    assert_equal c.name, endpoints[c.id]["Name"]
    assert_equal "10.231.8.23/24", endpoints[c.id]["IPv4Address"]
    assert_equal [c], net.containers

    settings = c.reload.attrs["NetworkSettings"]["Networks"][name]
    assert_includes settings["Aliases"], "dcrb-alias"
    assert_equal "10.231.8.23", settings["IPAddress"]
    # Another container on the network reaches it by its alias.
    other = sleeper("netc2")
    net.connect(other.name)
    assert_equal 0, other.exec_run("ping -c 1 -W 5 dcrb-alias").exit_code

    e = assert_raises(DockerContainers::APIError) { net.remove }
    assert_match(/active endpoints|in use/i, e.message)

    assert_nil net.disconnect(c, force: true)
    net.disconnect(other.id)
    assert_empty net.reload.attrs["Containers"] || {}
    refute_includes c.reload.attrs["NetworkSettings"]["Networks"].keys, name
    assert_raises(DockerContainers::NotFound) { net.connect("dcrb-no-such-container") }
  end

  def test_list_filters_and_greedy
    label = "dcrb-list=#{Process.pid}-#{SecureRandom.hex(3)}"
    names = Array.new(2) { |i| rname("list#{i}", :network) }
    nets = names.map { |n| client.networks.create(n, labels: { label.split("=").first => label.split("=").last }) }

    by_label = client.networks.list(filters: { label: [label] })
    assert_equal names.sort, by_label.map(&:name).sort
    assert(by_label.all? { |n| n.is_a?(DockerContainers::Network) })
    assert_equal [names[0]], client.networks.list(names: [names[0]]).map(&:name)
    assert_equal [nets[1].id], client.networks.list(ids: [nets[1].id]).map(&:id)
    assert_equal names.sort, client.networks.list(filters: { label: [label], type: "custom" }).map(&:name).sort

    c = sleeper("greedy")
    nets[0].connect(c)
    greedy = client.networks.list(names: [names[0]], greedy: true).first
    assert_equal c.name, greedy.attrs["Containers"].fetch(c.id)["Name"]
    assert_equal [c], greedy.containers
    # A listed network acts as one got by name: its handle is made on first use.
    listed = client.networks.list(names: [names[1]]).first
    listed.remove
    assert_raises(DockerContainers::NotFound) { client.networks.get(names[1]) }
    assert_raises(DockerContainers::NotFound) { nets[1].reload }
  end

  def test_prune_removes_only_unused_matching_networks
    label = "dcrb-prune-#{Process.pid}-#{SecureRandom.hex(3)}"
    unused = rname("prune-a", :network)
    used = rname("prune-b", :network)
    client.networks.create(unused, labels: { label => "1" })
    client.networks.create(used, labels: { label => "1" }).connect(sleeper("prune"))
    other = rname("prune-c", :network)
    client.networks.create(other)

    result = client.networks.prune(filters: { label: [label] })
    assert_equal [unused], result["NetworksDeleted"]
    assert_raises(DockerContainers::NotFound) { client.networks.get(unused) }
    assert_equal used, client.networks.get(used).name
    assert_equal other, client.networks.get(other).name
    assert_equal [], client.networks.prune(filters: { label: [label] })["NetworksDeleted"]
  end

  def test_errors_before_anything_is_sent
    e = assert_raises(DockerContainers::InvalidArgument) do
      client.networks.create(rname("bad", :network), drvier: "bridge")
    end
    assert_includes e.message, "drvier"
    e = assert_raises(DockerContainers::InvalidArgument) { client.networks.create(nil) }
    assert_includes e.message, "name"
    e = assert_raises(DockerContainers::InvalidArgument) { client.networks.get(42) }
    assert_includes e.message, "network"
    assert_raises(DockerContainers::NotFound) { client.networks.get("dcrb-no-such-network") }
    net = client.networks.create(rname("bad2", :network))
    e = assert_raises(DockerContainers::InvalidArgument) { net.connect(nil) }
    assert_includes e.message, "container"
    e = assert_raises(DockerContainers::InvalidArgument) { net.connect("x", alias: ["a"]) }
    assert_includes e.message, "alias"
    e = assert_raises(DockerContainers::InvalidArgument) { client.networks.list(filter: {}) }
    assert_includes e.message, "filter"
    net.close
    net.close
    assert_raises(DockerContainers::InvalidArgument) { net.reload }
  end

  def test_duplicate_name_with_check_duplicate_is_a_conflict
    name = rname("dup", :network)
    client.networks.create(name)
    assert_raises(DockerContainers::Conflict) { client.networks.create(name, check_duplicate: true) }
  end
end
