# frozen_string_literal: true

module DockerContainers
  # docker-py's `client.containers`.
  class ContainerCollection
    def initialize(client)
      @client = client
    end

    # @return [Client] the client these containers come from
    attr_reader :client

    # docker-py's `containers.run(image, command = nil, **kwargs)`. `command` is a String
    # (split as a shell would) or an Array. With `detach: true` returns the started Container;
    # otherwise waits for the container's end and returns its output (a binary String; stdout,
    # plus stderr with `stderr: true`). A non-zero exit raises ContainerError with exit_status
    # and stderr. Keywords are docker-py's (environment:, ports:, volumes:, mem_limit:, name:,
    # labels:, remove:, ...); unknown ones are refused, naming the key.
    #
    # @param image [String] the image name (pulled when missing, unless pull: false)
    # @param command [String, Array<String>, nil] the command; nil: the image's default
    # @param kwargs [Hash] docker-py's run() keywords
    # @return [Container, String] the started Container with detach: true, else the output
    # @raise [ContainerError] the container exited non-zero (exit_status, stderr)
    # @raise [ImageNotFound] the image is absent and could not be pulled
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def run(image, command = nil, **kwargs)
      cmd, opts = Container.command_args(command, kwargs, "command")
      image = Call.string_arg(image, "image")
      out = FFI::MemoryPointer.new(:pointer)
      output = FFI::MemoryPointer.new(:pointer)
      detach = kwargs[:detach]
      begin
        @client.use do |p|
          Call.check(:docker_containers_run, p, image, cmd, opts, detach ? out : nil, output)
        end
      rescue ContainerError => e
        e.command = command
        e.image = image
        raise
      end
      text = Call.take_buffer(output.read_pointer)
      detach ? Container.new(@client, out.read_pointer) : (text || "".b)
    end

    # docker-py's `containers.create(image, command = nil, **kwargs)`: a created, not started,
    # Container.
    #
    # @param image [String] the image name
    # @param command [String, Array<String>, nil] the command; nil: the image's default
    # @param kwargs [Hash] docker-py's create() keywords
    # @return [Container] the created container
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def create(image, command = nil, **kwargs)
      cmd, opts = Container.command_args(command, kwargs, "command")
      image = Call.string_arg(image, "image")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_containers_create, p, image, cmd, opts, out) }
      Container.new(@client, out.read_pointer)
    end

    # A Container by id, short id or name; NotFound when there is none.
    #
    # @param id_or_name [String] full id, short id prefix or name
    # @return [Container]
    # @raise [NotFound] no such container
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def get(id_or_name)
      id_or_name = Call.string_arg(id_or_name, "container id or name")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_containers_get, p, id_or_name, out) }
      Container.new(@client, out.read_pointer)
    end

    # docker-py's `containers.list(all:, before:, since:, limit:, filters:, sparse:,
    # ignore_removed:)`: an Array of Containers (each with its full attrs).
    #
    # @param sparse [Boolean] accepted for docker-py compatibility; each entry is inspected either way
    # @param ignore_removed [Boolean] skip containers removed between list and inspect (default true)
    # @param kwargs [Hash] all:, before:, since:, limit:, filters:
    # @return [Array<Container>]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def list(sparse: false, ignore_removed: true, **kwargs)
      entries = @client.use do |p|
        Call.json(:docker_containers_list, p, Call.options(kwargs.merge(sparse: true)))
      end
      entries.filter_map do |e|
        get(e.fetch("Id"))
      rescue NotFound
        raise unless ignore_removed

        nil
      end
    end

    # docker-py's `containers.prune(filters:)`: {"ContainersDeleted" => [...],
    # "SpaceReclaimed" => n}.
    #
    # @param filters [Hash, nil] docker-py's filters ({"label" => [...]})
    # @return [Hash] {"ContainersDeleted" => [...], "SpaceReclaimed" => n}
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def prune(filters: nil)
      @client.use { |p| Call.json(:docker_containers_prune, p, Call.options(filters: filters)) }
    end
  end
end
