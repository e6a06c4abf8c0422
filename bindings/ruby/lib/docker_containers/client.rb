# frozen_string_literal: true

module DockerContainers
  # A client for one engine (docker-py's DockerClient). Safe to share between threads.
  # Free it with #close, or let the garbage collector do it; containers made from it keep
  # working after it is closed.
  class Client
    # docker-py's `docker.from_env()`: DOCKER_HOST, DOCKER_API_VERSION, DOCKER_TLS_VERIFY and
    # DOCKER_CERT_PATH, plus the options `version`, `timeout`, `user_agent`, `max_pool_size`.
    #
    # @param options [Hash] version:, timeout:, user_agent:, max_pool_size:, podman:, tls_*
    # @return [Client]
    # @raise [ConnectionError, TLSError, InvalidArgument]
    def self.from_env(**options)
      out = FFI::MemoryPointer.new(:pointer)
      Call.check(:docker_client_from_env, Call.options(options), out)
      allocate.tap { |c| c.send(:adopt, out.read_pointer) }
    end

    # Open a client, yield it, close it at the end of the block.
    #
    # @param options [Hash] as for #initialize
    # @yieldparam client [Client]
    # @return [Client, Object] the client without a block, else the block's value
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def self.open(**options)
      client = new(**options)
      return client unless block_given?

      begin
        yield client
      ensure
        client.close
      end
    end

    # docker-py's `DockerClient(base_url:, version:, timeout:, user_agent:, max_pool_size:)`.
    # The environment is not read. Unknown keywords are refused, naming the key.
    #
    # @param options [Hash] base_url:, version:, timeout:, tls:, ...
    # @raise [InvalidArgument] an unknown keyword
    def initialize(**options)
      out = FFI::MemoryPointer.new(:pointer)
      Call.check(:docker_client_new, Call.options(options), out)
      adopt(out.read_pointer)
    end

    # true when the engine answers; raises (ConnectionError, ...) otherwise.
    #
    # @return [true]
    # @raise [ConnectionError] the engine does not answer
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def ping
      use { |p| Call.check(:docker_client_ping, p) }
      true
    end

    # The engine's `GET /version` as a Hash.
    #
    # @return [Hash] the engine's version document
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def version
      use { |p| Call.json(:docker_client_version, p) }
    end

    # The engine's `GET /info` as a Hash.
    #
    # @return [Hash] the engine's system information
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def info
      use { |p| Call.json(:docker_client_info, p) }
    end

    # docker-py's events(since:, until:, filters:): the engine's events as Hashes, yielded to
    # the block or as a Stream (an Enumerable). Without until: it runs until the block breaks
    # or the Stream is closed.
    #
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError (with a block)
    # @param kwargs [Hash] since:, until:, filters:
    # @yieldparam event [Hash]
    # @return [Stream, nil]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def events(idle_timeout: nil, **kwargs, &block)
      out = FFI::MemoryPointer.new(:pointer)
      use { |p| Call.check(:docker_client_events_open, p, Call.options(kwargs), out) }
      s = Stream.new(out.read_pointer, shape: :json, what: "events stream", idle_timeout: idle_timeout)
      return s unless block

      begin
        s.each(&block)
      ensure
        s.close
      end
      nil
    end

    # What `docker stats` shows for many containers (not in docker-py): Hashes
    # {"event" => "joined" | "sample" | "left", "id", "name", ...} for every running container or
    # those filters: (containers.list's) selects, yielded to the block or as a Stream.
    #
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError (with a block)
    # @param kwargs [Hash] filters:
    # @yieldparam item [Hash]
    # @return [Stream, nil]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def stats_all(idle_timeout: nil, **kwargs, &block)
      out = FFI::MemoryPointer.new(:pointer)
      use { |p| Call.check(:docker_client_stats_open, p, Call.options(kwargs), out) }
      s = Stream.new(out.read_pointer, shape: :json, what: "stats stream", idle_timeout: idle_timeout)
      return s unless block

      begin
        s.each(&block)
      ensure
        s.close
      end
      nil
    end

    # The Engine API version in use, such as "1.41".
    #
    # @return [String] such as "1.41"
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def api_version
      use { |p| Call.string(:docker_client_api_version, p) }
    end

    # client.containers.run / create / get / list / prune.
    #
    # @return [ContainerCollection]
    def containers
      @containers ||= ContainerCollection.new(self)
    end

    # client.images.pull / get / list / tag / remove / exists?.
    #
    # @return [ImageCollection]
    def images
      @images ||= ImageCollection.new(self)
    end

    # client.networks.create / get / list / prune.
    #
    # @return [NetworkCollection]
    def networks
      @networks ||= NetworkCollection.new(self)
    end

    # client.volumes.create / get / list / prune.
    #
    # @return [VolumeCollection]
    def volumes
      @volumes ||= VolumeCollection.new(self)
    end

    # Free the native client (calls in flight in other threads finish first). Idempotent.
    #
    # @return [nil]
    def close
      @handle.close
      nil
    end

    # Whether #close was called.
    #
    # @return [Boolean]
    def closed?
      @handle.closed?
    end

    # @return [String] a short description, without engine calls
    def inspect
      "#<#{self.class.name}#{closed? ? ' closed' : ''}>"
    end

    # @private
    def use(&block)
      @handle.use(&block)
    end

    private

    def adopt(ptr)
      @handle = Handle.new(ptr, :docker_client_free, "client")
    end
  end
end
