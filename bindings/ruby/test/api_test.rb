# frozen_string_literal: true

# The binding against the ABI description (api/docker_containers.api.json): every function of
# the header is attached from the generated table, every result code has an exception class,
# and the soname and version agree.
require "json"
require "minitest/autorun"
require "docker_containers"

class ApiTest < Minitest::Test
  API = File.expand_path("../../../api/docker_containers.api.json", __dir__)

  def description
    @description ||= JSON.parse(File.read(API))
  end

  def test_every_function_is_bound
    names = description["functions"].map { |f| f["name"].to_sym }
    refute_empty names
    missing = names - DockerContainers::NativeTable::FUNCTIONS.keys
    assert_empty missing, "functions of the header not in the Ruby table"
    extra = DockerContainers::NativeTable::FUNCTIONS.keys - names
    assert_empty extra, "functions in the Ruby table the header no longer has"
    names.each do |name|
      assert DockerContainers::Native.respond_to?(name), "#{name} is not attached"
    end
  end

  def test_parameter_counts_match_the_description
    description["functions"].each do |fn|
      args, = DockerContainers::NativeTable::FUNCTIONS.fetch(fn["name"].to_sym)
      assert_equal fn["params"].size, args.size, fn["name"]
    end
  end

  def test_every_result_code_has_an_exception
    result = description["enums"].find { |e| e["name"] == "docker_result" }
    values = result["values"].to_h { |v| [v["name"].to_sym, v["value"]] }
    assert_equal values, DockerContainers::NativeTable::RESULT
    values.each do |name, value|
      next if name == :DOCKER_OK

      sym, klass = DockerContainers::CODES.fetch(value)
      assert_equal name.to_s.delete_prefix("DOCKER_ERR_").downcase.to_sym, sym
      assert klass <= DockerContainers::Error
    end
  end

  def test_soname_and_version
    assert_equal description["soname"], DockerContainers::NativeTable::SONAME
    assert_equal description["version"], DockerContainers.library_version
  end
end
