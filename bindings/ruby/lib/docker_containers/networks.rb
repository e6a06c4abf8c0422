# frozen_string_literal: true

module DockerContainers
  # docker-py's Network: id, name, attrs (as last fetched: #reload for fresh ones), the
  # containers connected to it, connect, disconnect, remove. Safe to share between threads.
  class Network
    # @return [Client] the client this network came from
    attr_reader :client

    # @private: made by NetworkCollection (from a native handle, or from a list entry's attrs).
    def initialize(client, ptr: nil, attrs: nil)
      @client = client
      @lock = Mutex.new
      @handle = ptr && Handle.new(ptr, :docker_network_free, "network")
      @attrs = attrs || load_attrs
    end

    # The whole inspect (or list entry) Hash, as last fetched.
    #
    # @return [Hash]
    def attrs
      @lock.synchronize { @attrs }
    end

    # The full network id.
    #
    # @return [String]
    def id = attrs["Id"]

    # The first 12 characters of the id.
    #
    # @return [String]
    def short_id = id.to_s[0, 12]

    # The network's name.
    #
    # @return [String]
    def name = attrs["Name"]

    # The Containers connected to the network, per attrs (call #reload first for a fresh list;
    # a network from list without greedy: true has none). A container removed since is left out.
    #
    # @return [Array<Container>]
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def containers
      (attrs["Containers"] || {}).keys.filter_map do |cid|
        @client.containers.get(cid)
      rescue NotFound
        nil
      end
    end

    # Fetch the attributes again. Returns self.
    #
    # @return [self]
    # @raise [NotFound] the network is gone
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def reload
      use { |p| Call.check(:docker_network_reload, p) }
      fresh = load_attrs
      @lock.synchronize { @attrs = fresh }
      self
    end

    # docker-py's connect(container, aliases:, links:, ipv4_address:, ipv6_address:,
    # link_local_ips:, driver_opt:, mac_address:). A fixed address needs a network with a subnet
    # (ipam: at create).
    #
    # @param container [Container, String] a Container, or a container id or name
    # @param kwargs [Hash] aliases:, links:, ipv4_address:, ipv6_address:, link_local_ips:,
    #   driver_opt:, mac_address:
    # @return [nil]
    # @raise [NotFound] no such container
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, APIError, ...)
    def connect(container, **kwargs)
      ref = Network.container_ref(container)
      use { |p| Call.check(:docker_network_connect, p, ref, Call.options(kwargs)) }
      nil
    end

    # docker-py's disconnect(container, force: false).
    #
    # @param container [Container, String] a Container, or a container id or name
    # @param force [Boolean, nil] force the disconnection
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, APIError, ...)
    def disconnect(container, force: nil)
      ref = Network.container_ref(container)
      use { |p| Call.check(:docker_network_disconnect, p, ref, Call.options(force: force)) }
      nil
    end

    # Remove the network. One that containers still use raises Conflict (dockerd) or APIError.
    #
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, Conflict, ...)
    def remove
      use { |p| Call.check(:docker_network_remove, p) }
      nil
    end

    # Free the native handle now (the network itself stays). Idempotent.
    #
    # @return [nil]
    def close
      @lock.synchronize { @handle }&.close
      nil
    end

    # Same network id.
    #
    # @param other [Object]
    # @return [Boolean]
    def ==(other)
      other.is_a?(Network) && other.id == id
    end
    alias eql? ==

    # @return [Integer] the id's hash
    def hash
      [Network, id].hash
    end

    # @return [String] the short id and name
    def inspect
      "#<#{self.class.name} #{short_id} #{name}>"
    end

    # A Container's id, or the id or name given.
    #
    # @api private
    def self.container_ref(container)
      return container.id if container.is_a?(Container)

      Call.string_arg(container, "container")
    end

    private

    # The native handle, made on first use for a network that came from list.
    def use(&block)
      handle = @lock.synchronize do
        @handle ||= begin
          out = FFI::MemoryPointer.new(:pointer)
          @client.use { |p| Call.check(:docker_networks_get, p, @attrs.fetch("Id"), nil, out) }
          Handle.new(out.read_pointer, :docker_network_free, "network")
        end
      end
      handle.use(&block)
    end

    def load_attrs
      JSON.parse(use { |p| Call.string(:docker_network_attrs_json, p) })
    end
  end

  # docker-py's `client.networks`: create, get, list, prune.
  class NetworkCollection
    def initialize(client)
      @client = client
    end

    # @return [Client] the client these networks come from
    attr_reader :client

    # docker-py's networks.create(name, driver:, options:, ipam:, check_duplicate:, internal:,
    # labels:, enable_ipv6:, attachable:, scope:, ingress:). `ipam:` is docker-py's IPAMConfig
    # shape as a Hash ({driver: "default", pool_configs: [{subnet: "10.5.0.0/16", gateway:
    # "10.5.0.1", iprange:, aux_addresses:}], options: {}}) or the Engine API's IPAM object.
    #
    # @param name [String] the network's name
    # @param kwargs [Hash] driver:, options:, ipam:, internal:, labels:, attachable:, ...
    # @return [Network]
    # @raise [Conflict] the name is in use
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, APIError, ...)
    def create(name, **kwargs)
      name = Call.string_arg(name, "name")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_networks_create, p, name, Call.options(kwargs), out) }
      Network.new(@client, ptr: out.read_pointer)
    end

    # A Network by id, id prefix or name (verbose:, scope: as docker-py takes them).
    #
    # @param network_id [String] id, id prefix or name
    # @param kwargs [Hash] verbose:, scope:
    # @return [Network]
    # @raise [NotFound] no such network
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def get(network_id, **kwargs)
      network_id = Call.string_arg(network_id, "network id or name")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_networks_get, p, network_id, Call.options(kwargs), out) }
      Network.new(@client, ptr: out.read_pointer)
    end

    # docker-py's networks.list(names:, ids:, filters:, greedy:): an Array of Networks holding
    # the engine's list entries (with greedy: true, each one's inspect, containers included).
    #
    # @param kwargs [Hash] names:, ids:, filters: ({driver: "bridge", label: ["a=b"]}), greedy:
    # @return [Array<Network>]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def list(**kwargs)
      entries = @client.use { |p| Call.json(:docker_networks_list, p, Call.options(kwargs)) }
      entries.map { |attrs| Network.new(@client, attrs: attrs) }
    end

    # docker-py's networks.prune(filters:): {"NetworksDeleted" => [...]}.
    #
    # @param filters [Hash, nil] such as {label: ["a=b"], until: "10m"}
    # @return [Hash] {"NetworksDeleted" => [names]}
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def prune(filters: nil)
      @client.use { |p| Call.json(:docker_networks_prune, p, Call.options(filters: filters)) }
    end
  end
end
