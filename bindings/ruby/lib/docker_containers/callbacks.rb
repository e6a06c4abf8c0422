# frozen_string_literal: true

module DockerContainers
  # Ruby blocks as C callbacks (pull progress, copy progress). The library runs them on the
  # calling thread, with the GVL taken back, between Rust frames: nothing may unwind out of
  # them, so an exception is kept, the callback asks the library to stop (non-zero), and the
  # exception is raised again once the call has returned. Interrupts (Thread#raise, Timeout)
  # wait until the callback is done.
  # @api private
  module Callbacks
    module_function

    # Run `body` (a block taking the FFI callback, or nil when `user` is nil) with a C callback
    # that calls `adapter.call(*c_args)` and answers 0, or stops on an exception. `cb` is a local
    # of this frame, so the callback is not collected before the call returns.
    def guarded(user, adapter)
      return yield(nil) if user.nil?

      failure = nil
      cb = proc do |*args|
        Thread.handle_interrupt(Object => :never) do
          adapter.call(*args)
          0
        rescue Exception => e # rubocop:disable Lint/RescueException
          failure ||= e
          1
        end
      end
      begin
        result = yield cb
      rescue StoppedByCallback
        raise failure if failure

        raise
      end
      raise failure if failure

      result
    end

    # A docker_transfer_cb for a (done, total) progress callable: total nil when unknown.
    def transfer(progress, &body)
      check_callable(progress, "progress")
      adapter = progress && lambda do |_userdata, done, total|
        progress.call(done, total.negative? ? nil : total)
      end
      guarded(progress, adapter, &body)
    end

    # A docker_progress_cb giving each pull progress item to `block` as a Hash.
    def pull_progress(block, &body)
      adapter = block && lambda do |_userdata, data, len|
        block.call(JSON.parse(len.zero? ? "{}" : data.read_bytes(len).force_encoding(Encoding::UTF_8)))
      end
      guarded(block, adapter, &body)
    end

    def check_callable(value, what)
      return if value.nil? || value.respond_to?(:call)

      raise InvalidArgument.new("#{what} must respond to #call (a Proc, a Method), got #{value.class}",
                                code: :invalid_argument)
    end
  end
end
