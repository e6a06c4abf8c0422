# frozen_string_literal: true

module DockerContainers
  # Every error this library raises. `code` is the library's result code (a Symbol such as
  # :not_found), `http_status` the engine's HTTP status (0 when the engine did not answer),
  # `exit_status` and `stderr` are set for a failed non-detached run (ContainerError).
  class Error < StandardError
    # @return [Symbol] the result code, such as :not_found
    attr_reader :code
    # @return [Integer] the engine's HTTP status, 0 when the engine did not answer
    attr_reader :http_status
    # @return [Integer, nil] a failed run's exit status
    attr_reader :exit_status
    # @return [String, nil] a failed run's stderr (binary)
    attr_reader :stderr

    def initialize(message = nil, code: :internal, http_status: 0, exit_status: nil, stderr: nil)
      super(message)
      @code = code
      @http_status = http_status
      @exit_status = exit_status
      @stderr = stderr
    end
  end

  # NULL, bad JSON, an unknown option key (named in the message), a value of the wrong type,
  # a closed handle.
  class InvalidArgument < Error; end
  # The engine answered with an error status (its own message is the exception's message).
  class APIError < Error; end
  # 404: no such container, exec or path.
  class NotFound < APIError; end
  # The image is absent and could not be pulled.
  class ImageNotFound < NotFound; end
  # 409: a name in use, a container in the wrong state.
  class Conflict < APIError; end
  # A non-detached run's container exited non-zero: exit_status and stderr are set, and so are
  # `command` and `image`.
  class ContainerError < Error
    # @return [String, Array<String>, nil] the command that failed
    attr_accessor :command
    # @return [String, nil] the image it ran in
    attr_accessor :image
  end
  # The engine could not be reached.
  class ConnectionError < Error; end
  # A call ran past its time limit (wait(timeout:), the client's timeout, a stream's timeout).
  class TimeoutError < Error; end
  # The call or stream was cancelled (Stream#cancel, Stream#close).
  class Cancelled < Error; end
  # A stream was stopped on purpose from this side.
  class StoppedByCallback < Error; end
  # TLS failed or is not available.
  class TLSError < Error; end
  # A stream made before fork() was used in the child.
  class Forked < Error; end
  # The engine sent something unreadable, or a stream broke off; also copy_from refusing an
  # entry that would escape the destination.
  class ProtocolError < Error; end
  # A host file could not be read or written (copy_to, copy_from, *_to_file).
  class HostIOError < Error; end
  # A bug in the native library (a caught panic).
  class InternalError < Error; end

  # Result code names (from the generated table, ffi_table.rb) -> exception class. A code the
  # header gains without a class here fails at load time.
  CLASSES = {
    DOCKER_ERR_INVALID_ARGUMENT: InvalidArgument,
    DOCKER_ERR_NOT_FOUND: NotFound,
    DOCKER_ERR_CONFLICT: Conflict,
    DOCKER_ERR_IMAGE_NOT_FOUND: ImageNotFound,
    DOCKER_ERR_CONTAINER_FAILED: ContainerError,
    DOCKER_ERR_ENGINE: APIError,
    DOCKER_ERR_CONNECTION: ConnectionError,
    DOCKER_ERR_TIMEOUT: TimeoutError,
    DOCKER_ERR_CANCELLED: Cancelled,
    DOCKER_ERR_STOPPED_BY_CALLBACK: StoppedByCallback,
    DOCKER_ERR_TLS: TLSError,
    DOCKER_ERR_FORKED: Forked,
    DOCKER_ERR_PROTOCOL: ProtocolError,
    DOCKER_ERR_IO: HostIOError,
    DOCKER_ERR_INTERNAL: InternalError
  }.freeze

  # Result codes -> [Symbol (:not_found for DOCKER_ERR_NOT_FOUND), class].
  CODES = NativeTable::RESULT.reject { |name, _| name == :DOCKER_OK }.to_h do |name, value|
    [value, [name.to_s.delete_prefix("DOCKER_ERR_").downcase.to_sym, CLASSES.fetch(name)]]
  end.freeze

  # Turn a docker_error object (which is freed here) into an exception.
  #
  # @api private
  # @param result [Integer] the docker_result code
  # @param err_ptr [FFI::Pointer] the docker_error (may be NULL)
  # @return [Error]
  def self.error_from_native(result, err_ptr)
    if err_ptr.null?
      sym, klass = CODES.fetch(result, [:internal, InternalError])
      return klass.new(Native.docker_result_str(result), code: sym)
    end
    begin
      code = Native.docker_error_code(err_ptr)
      sym, klass = CODES.fetch(code, [:internal, InternalError])
      message = Native.docker_error_message(err_ptr).read_string.force_encoding(Encoding::UTF_8)
      http = Native.docker_error_http_status(err_ptr)
      exit_status = Native.docker_error_exit_status(err_ptr)
      stderr = nil
      if code == NativeTable::RESULT.fetch(:DOCKER_ERR_CONTAINER_FAILED)
        len = FFI::MemoryPointer.new(:size_t)
        data = Native.docker_error_stderr(err_ptr, len)
        n = len.read(:size_t)
        stderr = data.null? || n.zero? ? "".b : data.read_bytes(n)
      end
      klass.new(message, code: sym, http_status: http,
                         exit_status: exit_status.negative? ? nil : exit_status, stderr: stderr)
    ensure
      Native.docker_error_free(err_ptr)
    end
  end
end
