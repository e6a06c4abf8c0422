# frozen_string_literal: true

module DockerContainers
  # docker-py's Volume: its name is its id; attrs as last fetched (#reload for fresh ones);
  # remove. Safe to share between threads.
  class Volume
    # @return [Client] the client this volume came from
    attr_reader :client

    # @private: made by VolumeCollection (from a native handle, or from a list entry's attrs).
    def initialize(client, ptr: nil, attrs: nil)
      @client = client
      @lock = Mutex.new
      @handle = ptr && Handle.new(ptr, :docker_volume_free, "volume")
      @attrs = attrs || load_attrs
    end

    # The inspect Hash (Name, Driver, Mountpoint, Labels, Options, Scope, CreatedAt), as last
    # fetched.
    #
    # @return [Hash]
    def attrs
      @lock.synchronize { @attrs }
    end

    # The volume's name, which is its id (docker-py's id).
    #
    # @return [String]
    def name = attrs["Name"]
    alias id name

    # The first 12 characters of the name.
    #
    # @return [String]
    def short_id = name.to_s[0, 12]

    # The volume's labels.
    #
    # @return [Hash{String => String}]
    def labels = attrs["Labels"] || {}

    # Fetch the attributes again. Returns self.
    #
    # @return [self]
    # @raise [NotFound] the volume is gone
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def reload
      use { |p| Call.check(:docker_volume_reload, p) }
      fresh = load_attrs
      @lock.synchronize { @attrs = fresh }
      self
    end

    # docker-py's remove(force: false). A volume a container uses raises Conflict.
    #
    # @param force [Boolean, nil] remove it even when in use
    # @return [nil]
    # @raise [Conflict] a container uses it
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def remove(force: nil)
      use { |p| Call.check(:docker_volume_remove, p, Call.options(force: force)) }
      nil
    end

    # Free the native handle now (the volume itself stays). Idempotent.
    #
    # @return [nil]
    def close
      @lock.synchronize { @handle }&.close
      nil
    end

    # Same volume name.
    #
    # @param other [Object]
    # @return [Boolean]
    def ==(other)
      other.is_a?(Volume) && other.name == name
    end
    alias eql? ==

    # @return [Integer] the name's hash
    def hash
      [Volume, name].hash
    end

    # @return [String] the name
    def inspect
      "#<#{self.class.name} #{name}>"
    end

    private

    # The native handle, made on first use for a volume that came from list.
    def use(&block)
      handle = @lock.synchronize do
        @handle ||= begin
          out = FFI::MemoryPointer.new(:pointer)
          @client.use { |p| Call.check(:docker_volumes_get, p, @attrs.fetch("Name"), out) }
          Handle.new(out.read_pointer, :docker_volume_free, "volume")
        end
      end
      handle.use(&block)
    end

    def load_attrs
      JSON.parse(use { |p| Call.string(:docker_volume_attrs_json, p) })
    end
  end

  # docker-py's `client.volumes`: create, get, list, prune.
  class VolumeCollection
    def initialize(client)
      @client = client
    end

    # @return [Client] the client these volumes come from
    attr_reader :client

    # docker-py's volumes.create(name = nil, driver:, driver_opts:, labels:). Without a name
    # the engine makes one up; an existing name gives that volume (the engine's behaviour).
    #
    # @param name [String, nil] the volume's name
    # @param kwargs [Hash] driver:, driver_opts: ({type: "tmpfs", device: "tmpfs"}), labels:
    # @return [Volume]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, APIError, ...)
    def create(name = nil, **kwargs)
      name = Call.string_arg(name, "name", optional: true)
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_volumes_create, p, Call.options(kwargs.merge(name: name)), out) }
      Volume.new(@client, ptr: out.read_pointer)
    end

    # A Volume by name.
    #
    # @param volume_id [String] the volume's name
    # @return [Volume]
    # @raise [NotFound] no such volume
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def get(volume_id)
      volume_id = Call.string_arg(volume_id, "volume name")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_volumes_get, p, volume_id, out) }
      Volume.new(@client, ptr: out.read_pointer)
    end

    # docker-py's volumes.list(filters:): an Array of Volumes.
    #
    # @param filters [Hash, nil] such as {label: ["a=b"], name: "x", dangling: true, driver: "local"}
    # @return [Array<Volume>]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def list(filters: nil)
      entries = @client.use { |p| Call.json(:docker_volumes_list, p, Call.options(filters: filters)) }
      entries.map { |attrs| Volume.new(@client, attrs: attrs) }
    end

    # docker-py's volumes.prune(filters:): {"VolumesDeleted" => [...], "SpaceReclaimed" => n}.
    # On Engine API 1.42 and newer only anonymous volumes go, unless filters: {all: true}.
    #
    # @param filters [Hash, nil] such as {label: ["a=b"]}
    # @return [Hash] {"VolumesDeleted" => [names], "SpaceReclaimed" => bytes}
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def prune(filters: nil)
      @client.use { |p| Call.json(:docker_volumes_prune, p, Call.options(filters: filters)) }
    end
  end
end
