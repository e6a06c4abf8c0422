# frozen_string_literal: true

require_relative "test_helper"

class ClientTest < Minitest::Test
  include DcrbTest::Helpers

  def test_from_env_ping_version_info
    assert_equal true, client.ping
    v = client.version
    assert_kind_of Hash, v
    assert_match(/\A\d+\.\d+\z/, v["ApiVersion"])
    info = client.info
    assert_kind_of Integer, info["Containers"]
    assert_match(/\A1\.\d+\z/, client.api_version)
    assert_match(/\A0\.1\.\d+\z/, DockerContainers.library_version)
  end

  def test_new_with_keywords_pins_the_version
    c = DockerContainers::Client.new(base_url: "unix:///var/run/docker.sock", version: "1.40", timeout: 30)
    assert_equal "1.40", c.api_version
    assert c.ping
  ensure
    c&.close
  end

  def test_unknown_keyword_is_named
    e = assert_raises(DockerContainers::InvalidArgument) { DockerContainers::Client.new(base_urll: "x") }
    assert_includes e.message, "base_urll"
    assert_equal :invalid_argument, e.code
  end

  def test_unreachable_engine_is_a_connection_error
    c = DockerContainers::Client.new(base_url: "unix:///tmp/dcrb-no-such-#{Process.pid}.sock")
    e = assert_raises(DockerContainers::ConnectionError) { c.ping }
    assert_includes e.message, "dcrb-no-such"
    assert_equal 0, e.http_status
  ensure
    c&.close
  end

  def test_close_is_idempotent_and_containers_outlive_the_client
    c = DockerContainers.from_env
    ct = c.containers.run(DcrbTest::IMAGE, "sleep 60", detach: true, name: cname("close"))
    c.close
    c.close
    assert c.closed?
    e = assert_raises(DockerContainers::InvalidArgument) { c.ping }
    assert_match(/closed/, e.message)
    assert_equal "running", ct.reload.status
  end

  def test_open_with_a_block_closes
    seen = nil
    DockerContainers::Client.open { |c| seen = c; assert c.ping }
    assert seen.closed?
  end

  def test_error_hierarchy
    assert_operator DockerContainers::Error, :<, StandardError
    assert_operator DockerContainers::NotFound, :<, DockerContainers::APIError
    assert_operator DockerContainers::ImageNotFound, :<, DockerContainers::NotFound
    assert_operator DockerContainers::Conflict, :<, DockerContainers::APIError
    assert_operator DockerContainers::ContainerError, :<, DockerContainers::Error
    assert_operator DockerContainers::TimeoutError, :<, DockerContainers::Error
  end
end
