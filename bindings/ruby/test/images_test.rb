# frozen_string_literal: true

require_relative "test_helper"
require_relative "registry_helper"

# client.images and Image against the real engine. New names are tags of dc-test/busybox
# under the repository dcrb-img-<pid>-..., removed in teardown even when a test fails.
class ImagesTest < Minitest::Test
  include DcrbTest::Helpers

  def repo(tag)
    "#{DcrbTest::PREFIX}img-#{tag}-#{Process.pid}-#{SecureRandom.hex(3)}"
  end

  def mine(ref)
    (@images ||= []) << ref
    ref
  end

  def test_get_gives_an_image_model
    img = client.images.get(DcrbTest::IMAGE)
    assert_kind_of DockerContainers::Image, img
    assert_match(/\Asha256:\h{64}\z/, img.id)
    assert_equal img.id[0, 19], img.short_id
    assert_includes img.tags, DcrbTest::IMAGE
    assert_kind_of Hash, img.labels
    assert_equal img.id, img.attrs["Id"]
    assert_equal img, client.images.get(img.id)
    assert_equal img, client.images.get(img.short_id.delete_prefix("sha256:"))
    assert_same img, img.reload
    assert_includes img.inspect, img.short_id
    # container.image is the same model.
    assert_equal img, sleeper("img").image
  end

  def test_missing_image_is_image_not_found
    e = assert_raises(DockerContainers::ImageNotFound) { client.images.get("dcrb-no-such-image:nope") }
    assert_kind_of DockerContainers::NotFound, e
    assert_equal 404, e.http_status
    assert_includes e.message, "dcrb-no-such-image"
    refute client.images.exists?("dcrb-no-such-image:nope")
    assert client.images.exists?(DcrbTest::IMAGE)
    assert_raises(DockerContainers::ImageNotFound) { client.images.remove("dcrb-no-such-image:nope") }
    assert_raises(DockerContainers::ImageNotFound) do
      client.images.tag("dcrb-no-such-image:nope", repo("x"), "t")
    end
  end

  def test_tag_reload_and_remove
    img = client.images.get(DcrbTest::IMAGE)
    r = repo("tag")
    mine("#{r}:t1")
    mine("#{r}:latest")
    assert_equal true, img.tag(r, "t1")
    refute_includes img.tags, "#{r}:t1", "tags are the last fetched ones until reload"
    assert_includes img.reload.tags, "#{r}:t1"
    assert_equal img, client.images.get("#{r}:t1")
    assert client.images.tag(DcrbTest::IMAGE, r, force: true)
    assert client.images.exists?("#{r}:latest")

    # Removing one name leaves the image and its other names.
    assert_nil client.images.remove("#{r}:t1")
    refute client.images.exists?("#{r}:t1")
    assert client.images.exists?(DcrbTest::IMAGE)
    # By id, an image with several names (or one a container uses) is only removed with force:
    # (which this test must not use: it would untag dc-test/busybox too).
    e = assert_raises(DockerContainers::Conflict) { client.images.get("#{r}:latest").remove }
    assert_match(/unable to delete/, e.message)
    assert_equal 409, e.http_status
    client.images.remove("#{r}:latest")
    refute_includes img.reload.tags, "#{r}:latest"
  end

  def test_list_by_name_all_and_filters
    r = repo("list")
    mine("#{r}:a")
    mine("#{r}:b")
    client.images.tag(DcrbTest::IMAGE, r, "a")
    client.images.tag(DcrbTest::IMAGE, r, "b")
    listed = client.images.list(name: r)
    assert_equal 1, listed.size, "one image under both names"
    assert_equal ["#{r}:a", "#{r}:b"], listed.first.tags.grep(/\A#{r}:/).sort
    assert_equal client.images.get(DcrbTest::IMAGE), listed.first
    assert_equal listed, client.images.list(filters: { reference: "#{r}:a" })
    assert_equal [], client.images.list(name: "#{r}-none")
    everything = client.images.list(all: true)
    assert_includes everything, listed.first
    # Filter names are the engine's to judge (it answers 400, naming the filter).
    e = assert_raises(DockerContainers::APIError) { client.images.list(filters: { bogus_filter: "x" }) }
    assert_includes e.message, "bogus_filter"
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.list(nmae: r) }
    assert_includes e.message, "nmae"
  end

  # Only an image of this test matches the label: the filter is checked with list first, so a
  # prune that ignored it could not run here (it would remove every unused image of the engine).
  def test_prune_by_label
    label = "dcrb.prune=#{Process.pid}-#{SecureRandom.hex(3)}"
    r = repo("prune")
    mine("#{r}:p")
    c = sleeper("prune")
    id = c.commit(r, "p", changes: ["LABEL #{label}"])
    c.remove(force: true)
    filters = { dangling: false, label: [label] }
    assert_equal [id], client.images.list(filters: filters).map(&:id)
    result = client.images.prune(filters: filters)
    assert_includes result["ImagesDeleted"], { "Untagged" => "#{r}:p" }
    assert_includes result["ImagesDeleted"], { "Deleted" => id }
    assert_kind_of Integer, result["SpaceReclaimed"]
    refute client.images.exists?(id)
    assert client.images.exists?(DcrbTest::IMAGE)
    assert_equal [], client.images.prune(filters: filters)["ImagesDeleted"]
  end

  def test_pull_errors_and_progress_wiring
    items = []
    e = assert_raises(DockerContainers::Error) do
      client.images.pull("127.0.0.1:1/dcrb-no-such-image", tag: "x", timeout: 60) { |item| items << item }
    end
    assert_includes e.message, "127.0.0.1:1"
    refute_kind_of DockerContainers::InvalidArgument, e
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.pull("busybox", bogus: 1) }
    assert_includes e.message, "bogus"
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.pull(nil) }
    assert_includes e.message, "repository"
  end

  def test_pull_from_a_local_registry_with_progress
    registry = DcrbRegistry.new(file_name: "dcrb-pulled.txt", body: "pulled from ruby\n")
    r = "127.0.0.1:#{registry.port}/#{repo('pull')}"
    mine("#{r}:v1")
    items = []
    img = client.images.pull(r, tag: "v1") { |item| items << item }
    assert_kind_of DockerContainers::Image, img
    assert_equal ["#{r}:v1"], img.tags
    assert_equal({ "dcrb.pulled" => "yes" }, img.labels)
    assert(items.all? { |i| i.is_a?(Hash) })
    statuses = items.map { |i| i["status"] }
    assert_includes statuses, "Pull complete"
    assert(statuses.any? { |st| st.to_s.include?("Downloaded newer image for #{r}:v1") }, statuses.inspect)
    assert(registry.requests.any? { |q| q.include?("/manifests/v1") })
    c = client.containers.create("#{r}:v1", "x", name: cname("pulled"))
    stream, = c.get_archive("/dcrb-pulled.txt")
    assert_equal({ "dcrb-pulled.txt" => "pulled from ruby\n" }, untar(stream.to_a.join))

    # A tag the registry does not have: dockerd 20.10 answers 500 with the registry's message
    # (docker-py raises APIError there too); newer engines answer 404, which is ImageNotFound.
    e = assert_raises(DockerContainers::APIError) { client.images.pull(r, tag: "nope") }
    assert_includes e.message, "manifest unknown"
    assert_kind_of DockerContainers::ImageNotFound, e if e.http_status == 404

    # Pulling what is there already: no download, the same image (tag: from the reference).
    again = client.images.pull("#{r}:v1")
    assert_equal img, again

    # An exception in the block stops the pull and comes out of pull.
    mine("#{r}:v2")
    stop = Class.new(StandardError)
    seen = 0
    assert_raises(stop) do
      client.images.pull(r, tag: "v2") do |_item|
        seen += 1
        raise stop, "enough"
      end
    end
    assert_equal 1, seen
  ensure
    registry&.close
  end

  def test_reference_parsing
    ref = DockerContainers::ImageCollection.method(:reference)
    assert_equal "busybox:latest", ref.call("busybox", nil)
    assert_equal "busybox:1.36", ref.call("busybox:1.36", nil)
    assert_equal "busybox:2", ref.call("busybox:1.36", "2")
    assert_equal "host:5000/app:latest", ref.call("host:5000/app", nil)
    assert_equal "host:5000/app:v1", ref.call("host:5000/app:v1", nil)
    assert_equal "app@sha256:abc", ref.call("app", "sha256:abc")
    assert_equal "app@sha256:abc", ref.call("app@sha256:abc", nil)
  end

  def test_bad_arguments
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.get(nil) }
    assert_includes e.message, "image"
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.tag(DcrbTest::IMAGE, nil) }
    assert_includes e.message, "repository"
    e = assert_raises(DockerContainers::InvalidArgument) { client.images.remove(DcrbTest::IMAGE, forse: true) }
    assert_includes e.message, "forse"
  end
end
