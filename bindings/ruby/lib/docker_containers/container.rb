# frozen_string_literal: true

module DockerContainers
  # exec_run's result: exit_code (nil while a stream is still to be read) and output (a binary
  # String, [stdout, stderr] with demux, a Stream with stream: true, nil when a block took it).
  ExecResult = Struct.new(:exit_code, :output)

  # container.image: the image's id and tags.
  Image = Struct.new(:id, :tags)

  # An exec started with exec_run(detach: true).
  class Exec
    # @return [String] the exec's id
    attr_reader :id

    def initialize(client, id)
      @client = client
      @id = id
    end

    # The exec's inspect Hash (Running, ExitCode, ...).
    #
    # @return [Hash]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def inspect_exec
      @client.use { |p| Call.json(:docker_exec_inspect, p, @id) }
    end

    # Whether the exec's process still runs.
    #
    # @return [Boolean]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def running?
      inspect_exec["Running"]
    end

    # The exit code, or nil while it runs.
    #
    # @return [Integer, nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def exit_code
      info = inspect_exec
      info["Running"] ? nil : info["ExitCode"]
    end
  end

  # docker-py's Container. Attribute readers (name, status, labels, ...) read what was last
  # fetched: call #reload for fresh ones. Safe to share between threads.
  class Container
    # String command -> the C argument; Array command -> the options key `key`.
    #
    # @api private
    def self.command_args(command, kwargs, key)
      case command
      when nil then [nil, Call.options(kwargs)]
      when String, Symbol then [Call.string_arg(command, key), Call.options(kwargs)]
      when Array then [nil, Call.options(kwargs.merge(key.to_sym => command.map(&:to_s)))]
      else
        raise InvalidArgument.new("#{key} must be a String or an Array, got #{command.class}",
                                  code: :invalid_argument)
      end
    end

    # @return [String] the full container id (never changes)
    attr_reader :id
    # @return [Client] the client this handle came from
    attr_reader :client

    # @private: made by ContainerCollection.
    def initialize(client, ptr)
      @client = client
      @handle = Handle.new(ptr, :docker_container_free, "container")
      @id = Native.docker_container_id(ptr).dup.freeze
    end

    # The first 12 characters of the id.
    #
    # @return [String]
    def short_id = text(:docker_container_short_id)
    # The name, without its leading slash.
    #
    # @return [String]
    def name = text(:docker_container_name)
    # "created", "running", "paused", "exited", ...
    #
    # @return [String]
    def status = text(:docker_container_status)
    # "healthy", "unhealthy", "starting" or "unknown".
    #
    # @return [String]
    def health = text(:docker_container_health)
    # @return [Hash{String => String}]
    def labels = JSON.parse(text(:docker_container_labels_json))
    # docker-py's ports shape.
    #
    # @return [Hash{String => Array<Hash>, nil}]
    def ports = JSON.parse(text(:docker_container_ports_json))
    # The whole inspect document, as last fetched.
    #
    # @return [Hash]
    def attrs = JSON.parse(text(:docker_container_attrs_json))
    # The engine's warnings from create or the last update.
    #
    # @return [Array<String>]
    def warnings = JSON.parse(text(:docker_container_warnings_json))

    # The container's image (asks the engine).
    #
    # @return [Image] id and tags (tags empty when the image is gone)
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def image
      h = JSON.parse(text(:docker_container_image))
      Image.new(h["Id"], h["RepoTags"] || [])
    end

    # Fetch the attributes again. Returns self.
    #
    # @return [self]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def reload
      call(:docker_container_reload)
      self
    end

    # Start it (a running container is not an error).
    #
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def start
      call(:docker_container_start)
      nil
    end

    # stop(timeout: seconds, signal: name)
    #
    # @param kwargs [Hash] timeout:, signal:
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def stop(**kwargs)
      call(:docker_container_stop, Call.options(kwargs))
      nil
    end

    # restart(timeout: seconds, signal: name)
    #
    # @param kwargs [Hash] timeout:, signal:
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def restart(**kwargs)
      call(:docker_container_restart, Call.options(kwargs))
      nil
    end

    # kill(signal = nil) or kill(signal: ...): nil is SIGKILL; a name ("TERM", :SIGUSR1) or a
    # number.
    #
    # @param sig [String, Symbol, Integer, nil] the signal, positionally
    # @param signal [String, Symbol, Integer, nil] the signal, by keyword
    # @return [nil]
    # @raise [Conflict] the container is not running
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def kill(sig = nil, signal: sig)
      call(:docker_container_kill, signal&.to_s)
      nil
    end

    # Pause its processes.
    #
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def pause
      call(:docker_container_pause)
      nil
    end

    # Unpause its processes.
    #
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def unpause
      call(:docker_container_unpause)
      nil
    end

    # remove(v:, link:, force:)
    #
    # @param kwargs [Hash] v:, link:, force:
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def remove(**kwargs)
      call(:docker_container_remove, Call.options(kwargs))
      nil
    end

    # wait(timeout:, condition:): {"StatusCode" => n, "Error" => ...}. Past `timeout`
    # seconds: TimeoutError. Blocks without the GVL.
    #
    # @param kwargs [Hash] timeout:, condition:
    # @return [Hash]
    # @raise [TimeoutError] past the timeout
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def wait(**kwargs)
      out = FFI::MemoryPointer.new(:pointer)
      call(:docker_container_wait, Call.options(kwargs), nil, out)
      JSON.parse(Call.take_string(out.read_pointer))
    end

    # Block until every condition holds (docker_container_wait_for): status: ("running",
    # "exited", "removed"...), healthy: true, log: (a regular expression String, or a Hash
    # with pattern, stream, times), port: (80, or a Hash with port, http_path, http_status),
    # exec: (a command that must exit 0). Blocks without the GVL.
    #
    # @param timeout [Numeric, nil] seconds; past them TimeoutError naming what did not hold
    # @param conditions [Hash] status:, healthy:, log:, port:, exec:
    # @return [nil]
    # @raise [TimeoutError] past the timeout
    # @raise [ContainerError] the container exited, was removed or turned unhealthy
    # @raise [DockerContainers::Error] the library's error (NotFound, InvalidArgument, ...)
    def wait_for(timeout: nil, **conditions)
      ms = timeout.nil? ? -1 : [(timeout * 1000).to_i, 0].max
      call(:docker_container_wait_for, Call.options(conditions) || "{}", ms, nil)
      nil
    end

    # Rename the container.
    #
    # @param name [String] the new name
    # @return [nil]
    # @raise [Conflict] the name is in use
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def rename(name)
      call(:docker_container_rename, Call.string_arg(name, "name"))
      nil
    end

    # resize(height, width) of the container's tty.
    #
    # @param rows [Integer, nil] the height, positionally
    # @param columns [Integer, nil] the width, positionally
    # @param height [Integer] rows, by keyword
    # @param width [Integer] columns, by keyword
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def resize(rows = nil, columns = nil, height: rows, width: columns)
      call(:docker_container_resize, dimension(height, "height"), dimension(width, "width"))
      nil
    end

    # docker-py's update(**kwargs) (mem_limit:, cpu_shares:, restart_policy:, ...): returns
    # {"Warnings" => [...]}.
    #
    # @param kwargs [Hash] docker-py's update() keywords
    # @return [Hash]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def update(**kwargs)
      call(:docker_container_update, Call.options(kwargs))
      { "Warnings" => warnings }
    end

    # commit(repository = nil, tag = nil, message:, author:, changes:, conf:, pause:): the new
    # image's id.
    #
    # @param repository [String, nil]
    # @param tag [String, nil]
    # @param kwargs [Hash] message:, author:, changes:, conf:, pause:
    # @return [String] the image id
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def commit(repository = nil, tag = nil, **kwargs)
      opts = kwargs.merge(repository: repository, tag: tag)
      out = FFI::MemoryPointer.new(:pointer)
      call(:docker_container_commit, Call.options(opts), out)
      Call.take_string(out.read_pointer)
    end

    # top(ps_args: "aux"): {"Titles" => [...], "Processes" => [[...], ...]}.
    #
    # @param ps_args [String, nil] ps options
    # @return [Hash]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def top(ps_args: nil)
      json(:docker_container_top, Call.options(ps_args: ps_args))
    end

    # [{"Path" => "/x", "Kind" => 1}, ...] (0 modified, 1 added, 2 deleted).
    #
    # @return [Array<Hash>]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def diff
      json(:docker_container_diff)
    end

    # docker-py's exec_run(cmd, stdout:, stderr:, stdin:, tty:, privileged:, user:,
    # environment:, workdir:, demux:, stream:, socket:, detach:). `cmd` is a String (split as a
    # shell would) or an Array.
    # - plain: ExecResult(exit_code, output); with demux, output is [stdout, stderr].
    # - with a block: yields kind, chunk as output comes; returns ExecResult(exit_code, nil).
    # - stream: true: ExecResult(nil, Stream); the Stream's exit_code is set once read to its end.
    # - socket: true: an interactive Stream (write, close_write, resize, exit_code).
    # - detach: true: an Exec (id, exit_code, inspect_exec).
    #
    # @param cmd [String, Array<String>] the command
    # @param stream [Boolean] return the output as a Stream
    # @param socket [Boolean] return an interactive Stream
    # @param detach [Boolean] start it and return an Exec
    # @param demux [Boolean] stdout and stderr apart
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError
    # @yieldparam kind [Symbol] :stdout, :stderr or :console
    # @yieldparam chunk [String] the bytes
    # @return [ExecResult, Stream, Exec]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def exec_run(cmd, stream: false, socket: false, detach: false, demux: false, idle_timeout: nil,
                 **kwargs, &block)
      if detach
        c, opts = Container.command_args(cmd, kwargs, "cmd")
        out = FFI::MemoryPointer.new(:pointer)
        call(:docker_container_exec_detached, c, opts, out)
        return Exec.new(@client, Call.take_string(out.read_pointer))
      end
      if socket
        c, opts = Container.command_args(cmd, kwargs, "cmd")
        return open_stream(:docker_container_exec_open, c, opts, shape: :pair, what: "exec stream", exec: true,
                                                                  idle_timeout: idle_timeout)
      end
      if stream || block
        c, opts = Container.command_args(cmd, { stdin: false }.merge(kwargs), "cmd")
        s = open_stream(:docker_container_exec_open, c, opts, shape: :pair, what: "exec stream", exec: true,
                                                               idle_timeout: idle_timeout)
        return ExecResult.new(nil, s) unless block

        s.each(&block)
        return ExecResult.new(s.exit_code, nil)
      end

      c, opts = Container.command_args(cmd, kwargs.merge(demux: demux || nil), "cmd")
      code = FFI::MemoryPointer.new(:int64)
      out = FFI::MemoryPointer.new(:pointer)
      err = FFI::MemoryPointer.new(:pointer)
      call(:docker_container_exec_run, c, opts, code, out, demux ? err : nil)
      stdout = Call.take_buffer(out.read_pointer) || "".b
      stderr = demux ? (Call.take_buffer(err.read_pointer) || "".b) : nil
      ExecResult.new(code.read(:int64), demux ? [stdout, stderr] : stdout)
    end

    # Streams (logs, stats, attach, exec output) take `idle_timeout:` (seconds): reading raises
    # TimeoutError after that long without data.
    #
    # docker-py's logs(stdout:, stderr:, timestamps:, tail:, since:, until:, follow:, stream:).
    # With a block, or with stream: or follow: true, the output comes as it is read: the block
    # gets kind (:stdout, :stderr, :console) and chunk; without a block a Stream (an
    # Enumerator) is returned. Otherwise: the logs as one binary String ([stdout, stderr] with
    # demux: true).
    #
    # @param stream [Boolean] return a Stream
    # @param follow [Boolean] keep reading as the container writes
    # @param demux [Boolean] [stdout, stderr] apart (gathered form)
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError
    # @param kwargs [Hash] stdout:, stderr:, timestamps:, tail:, since:, until:
    # @yieldparam kind [Symbol]
    # @yieldparam chunk [String]
    # @return [String, Array(String, String), Stream, nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def logs(stream: false, follow: false, demux: false, idle_timeout: nil, **kwargs, &block)
      if block || stream || follow
        s = open_stream(:docker_container_logs_open, Call.options(kwargs.merge(follow: follow || nil)),
                        shape: :pair, what: "logs stream", idle_timeout: idle_timeout)
        return s unless block

        s.each(&block)
        return nil
      end
      out = FFI::MemoryPointer.new(:pointer)
      err = FFI::MemoryPointer.new(:pointer)
      call(:docker_container_logs_buffer, Call.options(kwargs.merge(demux: demux || nil)), out,
           demux ? err : nil)
      stdout = Call.take_buffer(out.read_pointer) || "".b
      demux ? [stdout, Call.take_buffer(err.read_pointer) || "".b] : stdout
    end

    # docker-py's stats(stream: true): samples as Hashes (the engine's, plus "derived" with
    # cpu_percent, memory_usage, ...), yielded to the block or as a Stream. stream: false: one
    # sample (one_shot: false waits for a second reading so cpu_percent is meaningful).
    #
    # @param stream [Boolean] samples as they come (true) or one sample (false)
    # @param decode [Object] accepted for docker-py compatibility: samples are always Hashes
    # @param one_shot [Boolean, nil] with stream: false, false waits for a second reading
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError
    # @yieldparam sample [Hash]
    # @return [Hash, Stream, nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def stats(stream: true, decode: nil, one_shot: nil, idle_timeout: nil, &block)
      _ = decode # samples are always decoded
      unless stream
        return json(:docker_container_stats_once, Call.options(one_shot: one_shot))
      end

      s = open_stream(:docker_container_stats_open, nil, shape: :json, what: "stats stream",
                                                         idle_timeout: idle_timeout)
      return s unless block

      s.each(&block)
      nil
    end

    # docker-py's attach(stdout:, stderr:, logs:, stream:, detach_keys:): the output as it
    # comes, to the block (kind, chunk) or as a Stream.
    #
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError
    # @param kwargs [Hash] stdout:, stderr:, logs:, stream:, detach_keys:
    # @yieldparam kind [Symbol]
    # @yieldparam chunk [String]
    # @return [Stream, nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def attach(idle_timeout: nil, **kwargs, &block)
      s = open_stream(:docker_container_attach_open, Call.options({ stdin: false }.merge(kwargs)),
                      shape: :pair, what: "attach stream", idle_timeout: idle_timeout)
      return s unless block

      s.each(&block)
      nil
    end

    # docker-py's attach_socket(): a Stream both ways (write, close_write, resize); the
    # container needs stdin_open: true.
    #
    # @param idle_timeout [Numeric, nil] seconds of silence before TimeoutError
    # @param kwargs [Hash] as for #attach, stdin: defaulting to true
    # @return [Stream]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def attach_socket(idle_timeout: nil, **kwargs)
      open_stream(:docker_container_attach_open, Call.options(kwargs), shape: :pair, what: "attach stream",
                                                                       idle_timeout: idle_timeout)
    end

    # docker-py's put_archive(path, data): extract a tar into the existing directory `path`.
    # `data`: a String of tar bytes, a File (streamed from its path) or any IO-like object with
    # #read (streamed, 64 KiB at a time). Options: no_overwrite_dir_non_dir:, copy_uid_gid:.
    #
    # @param path [String] an existing directory in the container
    # @param data [String, File, #read] the tar
    # @param kwargs [Hash] no_overwrite_dir_non_dir:, copy_uid_gid:
    # @return [true]
    # @raise [NotFound] no such container or path
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def put_archive(path, data, **kwargs)
      path = Call.string_arg(path, "path")
      opts = Call.options(kwargs)
      if data.is_a?(String)
        buf = FFI::MemoryPointer.new(:uint8, [data.bytesize, 1].max)
        buf.put_bytes(0, data)
        call(:docker_container_put_archive, path, buf, data.bytesize, opts, nil, nil)
      elsif data.is_a?(File) && data.respond_to?(:to_path) && File.file?(data.to_path) && data.pos.zero?
        call(:docker_container_put_archive_file, path, data.to_path, opts, nil, nil)
      elsif data.respond_to?(:read)
        put_archive_io(path, data, opts)
      else
        raise InvalidArgument.new("put_archive: data must be a String or an IO, got #{data.class}",
                                  code: :invalid_argument)
      end
      true
    end

    # docker-py's get_archive(path): without a block, [Stream of tar chunks, stat Hash]; with a
    # block, yields each tar chunk and returns the stat; with `to:` an IO (written to) or a
    # host file path (created or truncated), returns the stat.
    #
    # @param path [String] the path in the container
    # @param to [IO, String, nil] an IO, or a host file path, to write the tar to
    # @yieldparam chunk [String] tar bytes
    # @return [Array(Stream, Hash), Hash] [stream, stat], or the stat
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def get_archive(path, to: nil, &block)
      path = Call.string_arg(path, "path")
      stat = FFI::MemoryPointer.new(:pointer)
      if to.is_a?(String)
        call(:docker_container_get_archive_to_file, path, to, nil, nil, stat)
        return JSON.parse(Call.take_string(stat.read_pointer))
      end
      s = open_stream(:docker_container_get_archive_open, path, shape: :data, what: "archive stream",
                                                                stat: stat)
      info = JSON.parse(Call.take_string(stat.read_pointer))
      return [s, info] unless block || to

      s.each { |chunk| block ? block.call(chunk) : to.write(chunk) }
      info
    end

    # The stat of a path in the container: {"name", "size", "mode", "mtime", "is_dir", ...}.
    #
    # @param path [String] the path in the container
    # @return [Hash]
    # @raise [NotFound] no such path
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def stat_path(path)
      json(:docker_container_stat_path, Call.string_arg(path, "path"))
    end

    # docker-py's export(): the filesystem as tar chunks: to the block, into `to` (an IO, or a
    # host file path), or as a Stream when neither is given.
    #
    # @param to [IO, String, nil] an IO, or a host file path
    # @yieldparam chunk [String] tar bytes
    # @return [Stream, nil] a Stream when neither `to` nor a block is given
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def export(to = nil, &block)
      if to.is_a?(String)
        call(:docker_container_export_to_file, to, nil, nil)
        return nil
      end
      s = open_stream(:docker_container_export_open, shape: :data, what: "export stream")
      return s unless block || to

      s.each { |chunk| block ? block.call(chunk) : to.write(chunk) }
      nil
    end

    # `docker cp HOST_PATH CONTAINER:PATH` (follow_link:, copy_uid_gid:).
    #
    # @param host_path [String]
    # @param container_path [String]
    # @param kwargs [Hash] follow_link:, copy_uid_gid:
    # @return [nil]
    # @raise [HostIOError] the host side failed
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def copy_to(host_path, container_path, **kwargs)
      call(:docker_container_copy_to, Call.string_arg(host_path, "host_path"),
           Call.string_arg(container_path, "container_path"), Call.options(kwargs), nil, nil)
      nil
    end

    # `docker cp CONTAINER:PATH HOST_PATH` (follow_link:, archive:). Never writes outside
    # host_path.
    #
    # @param container_path [String]
    # @param host_path [String]
    # @param kwargs [Hash] follow_link:, archive:
    # @return [nil]
    # @raise [ProtocolError] an entry would land outside host_path
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def copy_from(container_path, host_path, **kwargs)
      call(:docker_container_copy_from, Call.string_arg(container_path, "container_path"),
           Call.string_arg(host_path, "host_path"), Call.options(kwargs), nil, nil)
      nil
    end

    # Free the native handle now (the container itself is untouched). Idempotent.
    #
    # @return [nil]
    def close
      @handle.close
      nil
    end

    # Same container id.
    #
    # @param other [Object]
    # @return [Boolean]
    def ==(other)
      other.is_a?(Container) && other.id == id
    end
    alias eql? ==

    # @return [Integer] the id's hash
    def hash
      id.hash
    end

    # @return [String] the short id
    def inspect
      "#<#{self.class.name} #{id[0, 12]}>"
    end

    private

    def call(fn, *args)
      @handle.use { |p| Call.check(fn, p, *args) }
    end

    def text(fn, *args)
      @handle.use { |p| Call.string(fn, p, *args) }
    end

    def json(fn, *args)
      JSON.parse(text(fn, *args))
    end

    def dimension(v, what)
      n = Integer(v, exception: false)
      raise InvalidArgument.new("resize: #{what} must be a positive Integer, got #{v.inspect}", code: :invalid_argument) \
        unless n && n.positive? && n < 2**32

      n
    end

    def open_stream(fn, *args, shape:, what:, exec: false, stat: nil, idle_timeout: nil)
      out = FFI::MemoryPointer.new(:pointer)
      if stat
        call(fn, *args, out, stat)
      else
        call(fn, *args, out)
      end
      Stream.new(out.read_pointer, shape: shape, what: what, exec: exec, idle_timeout: idle_timeout)
    end

    def put_archive_io(path, io, opts)
      failure = nil
      # Runs on this thread with the GVL taken back, between Rust frames: nothing may unwind out
      # of it, so exceptions are kept for later and interrupts (Thread#raise, Timeout) wait.
      reader = proc do |_userdata, buf, cap|
        Thread.handle_interrupt(Object => :never) do
          chunk = io.read(cap)
          if chunk.nil? || chunk.empty?
            0
          else
            n = [chunk.bytesize, cap].min
            buf.put_bytes(0, chunk, 0, n)
            n
          end
        rescue Exception => e # rubocop:disable Lint/RescueException
          failure = e
          -1
        end
      end
      begin
        call(:docker_container_put_archive_reader, path, reader, nil, opts, nil, nil)
      rescue StoppedByCallback
        raise failure if failure

        raise
      end
      raise failure if failure
    end
  end
end
