# frozen_string_literal: true

module DockerContainers
  # A pull stream (logs, stats, attach, exec output, archives): an Enumerator over its chunks,
  # read only as fast as it is consumed, so memory stays flat whatever the stream's size.
  #
  # Logs, attach and exec streams yield `kind, chunk` (kind :stdout, :stderr or :console for a
  # tty; chunk a binary String); stats streams yield one Hash per sample; archive streams yield
  # binary String chunks of tar. Leaving #each early (break, an exception, take(n)) cancels and
  # frees the stream; so does #close, from any thread. An abandoned stream is freed by the
  # garbage collector.
  class Stream < Enumerator
    # docker_stream_kind values (the generated table) -> :stdin, :stdout, ..., :end, :data.
    KINDS = NativeTable::STREAM_KIND.to_h do |name, value|
      [value, name.to_s.delete_prefix("DOCKER_STREAM_").downcase.to_sym]
    end.freeze
    END_KIND = NativeTable::STREAM_KIND.fetch(:DOCKER_STREAM_END)
    # How long one native wait lasts: between two, Ruby can deliver interrupts (Thread#raise,
    # Ctrl-C) to a thread blocked on a quiet stream.
    POLL_MS = 200

    # The exit code of an exec stream, once it has ended.
    #
    # @return [Integer, nil] nil before the end, and for other streams
    attr_reader :exit_code

    # Made by the library's *_open functions; `shape` is :pair, :data or :json.
    # `idle_timeout` (seconds): #each and #next raise TimeoutError after that long without data.
    def initialize(ptr, shape: :pair, what: "stream", exec: false, idle_timeout: nil)
      @handle = Handle.new(ptr, :docker_stream_free, what, closed_error: Cancelled)
      @shape = shape
      @exec = exec
      @ended = false
      @exit_code = nil
      @idle_timeout = idle_timeout && Float(idle_timeout)
      @chunk = Native::Chunk.new
      @read_lock = Mutex.new
      super() { |y| pump(y) }
    end

    # The next chunk as [kind, bytes], or nil at the end. `timeout` (seconds): raise
    # TimeoutError when nothing comes in time (nothing is lost: call again). Blocks without the
    # GVL.
    #
    # @param timeout [Numeric, nil] seconds to wait; nil: for ever
    # @return [Array(Symbol, String), nil] kind and bytes, nil at the end
    # @raise [TimeoutError] nothing came within timeout
    # @raise [Cancelled] the stream was cancelled or closed
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def read_chunk(timeout: nil)
      # One reader at a time (the chunk is lent until the next call); the bytes are copied
      # while the handle is in use, so a #close from another thread cannot free them first.
      @read_lock.synchronize do
        return nil if @ended || @handle.closed?

        deadline = timeout && (now + timeout)
        loop do
          wait = POLL_MS
          wait = ((deadline - now) * 1000).ceil.clamp(0, POLL_MS) if deadline
          begin
            item = @handle.use do |p|
              Call.check(:docker_stream_next, p, wait, @chunk)
              kind = @chunk[:kind]
              len = @chunk[:len]
              next :end if kind == END_KIND

              [KINDS.fetch(kind, kind), len.zero? ? "".b : @chunk[:data].read_bytes(len)]
            end
          rescue TimeoutError
            raise TimeoutError.new("no data from the stream within #{timeout} s", code: :timeout) \
              if deadline && now >= deadline

            next
          end
          return item unless item == :end

          finish
          return nil
        end
      end
    end

    # Write bytes to the process's stdin (attach_socket, interactive exec).
    #
    # @param data [String] the bytes
    # @return [Integer] how many bytes were written
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def write(data)
      data = data.to_s
      buf = FFI::MemoryPointer.new(:uint8, [data.bytesize, 1].max)
      buf.put_bytes(0, data)
      @handle.use { |p| Call.check(:docker_stream_write, p, buf, data.bytesize) }
      data.bytesize
    end
    alias << write

    # End stdin (a half-close: the process reads end of file, its output keeps coming).
    #
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def close_write
      @handle.use { |p| Call.check(:docker_stream_close_write, p) }
      nil
    end

    # Resize the tty behind the stream.
    #
    # @param height [Integer] rows
    # @param width [Integer] columns
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def resize(height:, width:)
      @handle.use { |p| Call.check(:docker_stream_resize, p, Integer(height), Integer(width)) }
      nil
    end

    # Stop the stream from any thread: a reader blocked on it raises Cancelled promptly.
    #
    # @return [nil]
    def cancel
      @handle.live { |p| Native.docker_stream_cancel(p) }
      nil
    end

    # Cancel and free the stream (a reader in another thread finishes first). Idempotent.
    #
    # @return [nil]
    def close
      @handle.close { |p| Native.docker_stream_cancel(p) unless @ended }
      nil
    end

    # Whether #close was called.
    #
    # @return [Boolean]
    def closed?
      @handle.closed?
    end

    # Whether the stream has been read to its end.
    #
    # @return [Boolean]
    def ended?
      @ended
    end

    # @return [String] whether the stream is open
    def inspect
      "#<#{self.class.name} #{@handle.closed? ? 'closed' : 'open'}>"
    end

    private

    def now
      Process.clock_gettime(Process::CLOCK_MONOTONIC)
    end

    def finish
      @ended = true
      return unless @exec

      out = FFI::MemoryPointer.new(:int64)
      @handle.use { |p| Call.check(:docker_stream_exit_code, p, out) }
      @exit_code = out.read(:int64)
    end

    def pump(yielder)
      while (item = read_chunk(timeout: @idle_timeout))
        kind, data = item
        case @shape
        when :pair then yielder.yield(kind, data)
        when :data then yielder << data
        when :json then yielder << JSON.parse(data)
        end
      end
      self
    ensure
      close
    end
  end
end
