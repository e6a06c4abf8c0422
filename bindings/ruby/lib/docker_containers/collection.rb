# frozen_string_literal: true

module DockerContainers
  # docker-py's `client.containers`.
  class ContainerCollection
    def initialize(client)
      @client = client
    end

    attr_reader :client

    # docker-py's `containers.run(image, command = nil, **kwargs)`. `command` is a String
    # (split as a shell would) or an Array. With `detach: true` returns the started Container;
    # otherwise waits for the container's end and returns its output (a binary String; stdout,
    # plus stderr with `stderr: true`). A non-zero exit raises ContainerError with exit_status
    # and stderr. Keywords are docker-py's (environment:, ports:, volumes:, mem_limit:, name:,
    # labels:, remove:, ...); unknown ones are refused, naming the key.
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
    def create(image, command = nil, **kwargs)
      cmd, opts = Container.command_args(command, kwargs, "command")
      image = Call.string_arg(image, "image")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_containers_create, p, image, cmd, opts, out) }
      Container.new(@client, out.read_pointer)
    end

    # A Container by id, short id or name; NotFound when there is none.
    def get(id_or_name)
      id_or_name = Call.string_arg(id_or_name, "container id or name")
      out = FFI::MemoryPointer.new(:pointer)
      @client.use { |p| Call.check(:docker_containers_get, p, id_or_name, out) }
      Container.new(@client, out.read_pointer)
    end

    # docker-py's `containers.list(all:, before:, since:, limit:, filters:, sparse:,
    # ignore_removed:)`: an Array of Containers (each with its full attrs).
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
    def prune(filters: nil)
      @client.use { |p| Call.json(:docker_containers_prune, p, Call.options(filters: filters)) }
    end
  end
end
