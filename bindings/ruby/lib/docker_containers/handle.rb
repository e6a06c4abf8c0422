# frozen_string_literal: true

require "json"

module DockerContainers
  # Calling the C functions: the error slot, owned strings and buffers, options as JSON.
  # @api private
  module Call
    module_function

    # Call a fallible function; on failure raise the exception built from its error object.
    def check(fn, *args)
      err = FFI::MemoryPointer.new(:pointer)
      rc = Native.public_send(fn, *args, err)
      raise DockerContainers.error_from_native(rc, err.read_pointer) unless rc.zero?

      nil
    end

    # A call whose last output is a `char **` string the library owns: returns a UTF-8 String.
    def string(fn, *args)
      out = FFI::MemoryPointer.new(:pointer)
      check(fn, *args, out)
      take_string(out.read_pointer)
    end

    def json(fn, *args)
      JSON.parse(string(fn, *args))
    end

    # Read and free a library string (NULL gives nil).
    def take_string(ptr)
      return nil if ptr.null?

      begin
        ptr.read_string.force_encoding(Encoding::UTF_8)
      ensure
        Native.docker_string_free(ptr)
      end
    end

    # Read and free a library buffer (NULL gives nil); the bytes come back as a binary String.
    def take_buffer(ptr)
      return nil if ptr.null?

      begin
        buf = Native::Buffer.new(ptr)
        buf[:len].zero? ? "".b : buf[:data].read_bytes(buf[:len])
      ensure
        Native.docker_buffer_free(ptr)
      end
    end

    # Keyword arguments as the library's JSON options: nil values are left out (as docker-py
    # treats None), Time values become unix seconds. Empty gives nil (the defaults).
    def options(opts)
      return nil if opts.nil? || opts.empty?

      h = {}
      opts.each do |k, v|
        next if v.nil?

        h[k.to_s] = v.is_a?(Time) ? v.to_f : v
      end
      h.empty? ? nil : JSON.generate(h)
    rescue JSON::GeneratorError => e
      raise InvalidArgument.new("options cannot be sent as JSON: #{e.message}",
                                code: :invalid_argument)
    end

    # A String argument for C: Symbols are accepted, nil only when `optional`.
    def string_arg(value, what, optional: false)
      return nil if value.nil? && optional
      raise InvalidArgument.new("#{what} must be a String, got #{value.nil? ? "nil" : value.class}", code: :invalid_argument) \
        unless value.is_a?(String) || value.is_a?(Symbol)

      s = value.to_s
      raise InvalidArgument.new("#{what} contains a NUL byte", code: :invalid_argument) if s.include?("\0")

      s
    end
  end

  # A native handle with its free function: freed by #close, or by the garbage collector when
  # the Ruby object goes away. #use counts calls in flight, so a #close from another thread
  # waits for them to finish before the handle is freed (it is freed by the last user).
  # @api private
  class Handle
    CODE_OF = { InvalidArgument => :invalid_argument, Cancelled => :cancelled }.freeze

    def initialize(ptr, free_fn, what, closed_error: InvalidArgument)
      raise InternalError.new("#{what}: the library returned NULL", code: :internal) if ptr.null?

      @ptr = FFI::AutoPointer.new(ptr, Native.method(free_fn))
      @what = what
      @users = 0
      @closed = false
      @lock = Mutex.new
      @closed_error = closed_error
    end

    def use
      @lock.synchronize do
        raise @closed_error.new("#{@what} is closed", code: CODE_OF[@closed_error]) if @closed

        @users += 1
      end
      begin
        yield @ptr
      ensure
        @lock.synchronize do
          @users -= 1
          free_now if @closed && @users.zero?
        end
      end
    end

    # Run a call that is safe alongside any other (a cancel) while the pointer is still alive.
    def live
      @lock.synchronize { yield @ptr unless @freed }
    end

    # Close: the block (if any) runs first, with the pointer, while it is still alive.
    def close
      @lock.synchronize do
        return false if @closed

        yield @ptr if block_given?
        @closed = true
        free_now if @users.zero?
      end
      true
    end

    def closed?
      @closed
    end

    private

    def free_now
      @freed = true
      @ptr.free
    end
  end
end
