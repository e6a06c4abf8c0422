# frozen_string_literal: true

# The C ABI of libdocker_containers, attached with the ffi gem. Nothing here is public API:
# lib/docker_containers/*.rb wrap it. Every call that talks to the engine is attached with
# `blocking: true`, so it runs without the GVL and other Ruby threads keep going.
require "ffi"

module DockerContainers
  # The library's major.minor this binding was written for (the soname's suffix).
  ABI_VERSION = "0.1"

  module Native
    extend FFI::Library

    # DOCKER_CONTAINERS_LIB, else the build in this repository (target/release), else the
    # installed soname.
    def self.library_path
      env = ENV["DOCKER_CONTAINERS_LIB"]
      return env if env && !env.empty?

      repo = File.expand_path("../../../../target/release/libdocker_containers.so", __dir__)
      return repo if File.exist?(repo)

      "libdocker_containers.so.#{ABI_VERSION}"
    end

    begin
      ffi_lib library_path
    rescue LoadError => e
      raise LoadError, "docker_containers: cannot load the native library (#{library_path}): " \
                       "#{e.message}. Set DOCKER_CONTAINERS_LIB to the path of " \
                       "libdocker_containers.so, or install it (make install)."
    end

    class Chunk < FFI::Struct
      layout :kind, :int32, :data, :pointer, :len, :size_t
    end

    class Buffer < FFI::Struct
      layout :data, :pointer, :len, :size_t
    end

    # int64_t (*docker_read_cb)(void *userdata, uint8_t *buf, size_t cap)
    callback :read_cb, %i[pointer pointer size_t], :int64

    # Fallible calls end with `docker_error **`; all return docker_result (int32).
    def self.call(name, args, blocking: true)
      attach_function name, args + [:pointer], :int32, blocking: blocking
    end

    attach_function :docker_version, [], :string
    attach_function :docker_result_str, [:int32], :string
    attach_function :docker_error_code, [:pointer], :int32
    attach_function :docker_error_message, [:pointer], :pointer
    attach_function :docker_error_http_status, [:pointer], :int32
    attach_function :docker_error_exit_status, [:pointer], :int64
    attach_function :docker_error_stderr, %i[pointer pointer], :pointer
    attach_function :docker_error_free, [:pointer], :void
    attach_function :docker_string_free, [:pointer], :void
    attach_function :docker_buffer_free, [:pointer], :void

    # Client.
    call :docker_client_from_env, %i[string pointer]
    call :docker_client_new, %i[string pointer]
    attach_function :docker_client_free, [:pointer], :void
    call :docker_client_ping, %i[pointer]
    call :docker_client_version, %i[pointer pointer]
    call :docker_client_info, %i[pointer pointer]
    call :docker_client_api_version, %i[pointer pointer]

    # Collection.
    call :docker_containers_get, %i[pointer string pointer]
    call :docker_containers_run, %i[pointer string string string pointer pointer]
    call :docker_containers_create, %i[pointer string string string pointer]
    call :docker_containers_list, %i[pointer string pointer]
    call :docker_containers_prune, %i[pointer string pointer]

    # One container: cached attributes (no request, so no need to drop the GVL).
    attach_function :docker_container_id, [:pointer], :string
    attach_function :docker_container_free, [:pointer], :void
    call :docker_container_short_id, %i[pointer pointer], blocking: false
    call :docker_container_name, %i[pointer pointer], blocking: false
    call :docker_container_labels_json, %i[pointer pointer], blocking: false
    call :docker_container_status, %i[pointer pointer], blocking: false
    call :docker_container_health, %i[pointer pointer], blocking: false
    call :docker_container_ports_json, %i[pointer pointer], blocking: false
    call :docker_container_attrs_json, %i[pointer pointer], blocking: false
    call :docker_container_warnings_json, %i[pointer pointer], blocking: false

    # One container: requests.
    call :docker_container_image, %i[pointer pointer]
    call :docker_container_reload, %i[pointer]
    call :docker_container_start, %i[pointer]
    call :docker_container_stop, %i[pointer string]
    call :docker_container_restart, %i[pointer string]
    call :docker_container_kill, %i[pointer string]
    call :docker_container_pause, %i[pointer]
    call :docker_container_unpause, %i[pointer]
    call :docker_container_remove, %i[pointer string]
    call :docker_container_wait, %i[pointer string pointer pointer]
    call :docker_container_rename, %i[pointer string]
    call :docker_container_resize, %i[pointer uint32 uint32]
    call :docker_container_update, %i[pointer string]
    call :docker_container_commit, %i[pointer string pointer]
    call :docker_container_top, %i[pointer string pointer]
    call :docker_container_diff, %i[pointer pointer]

    # Exec.
    call :docker_container_exec_run, %i[pointer string string pointer pointer pointer]
    call :docker_container_exec_open, %i[pointer string string pointer]
    call :docker_container_exec_detached, %i[pointer string string pointer]
    call :docker_exec_inspect, %i[pointer string pointer]

    # Streams, pull form.
    call :docker_container_logs_open, %i[pointer string pointer]
    call :docker_container_logs_buffer, %i[pointer string pointer pointer]
    call :docker_container_stats_open, %i[pointer string pointer]
    call :docker_container_stats_once, %i[pointer string pointer]
    call :docker_container_attach_open, %i[pointer string pointer]
    call :docker_container_get_archive_open, %i[pointer string pointer pointer]
    call :docker_container_export_open, %i[pointer pointer]
    call :docker_stream_next, %i[pointer int64 pointer]
    call :docker_stream_write, %i[pointer pointer size_t]
    call :docker_stream_close_write, %i[pointer]
    call :docker_stream_resize, %i[pointer uint32 uint32]
    call :docker_stream_exit_code, %i[pointer pointer], blocking: false
    attach_function :docker_stream_cancel, [:pointer], :void
    attach_function :docker_stream_free, [:pointer], :void

    # Files.
    call :docker_container_put_archive, %i[pointer string pointer size_t string]
    call :docker_container_put_archive_file, %i[pointer string string string]
    call :docker_container_put_archive_reader, %i[pointer string read_cb pointer string]
    call :docker_container_get_archive_to_file, %i[pointer string string pointer]
    call :docker_container_stat_path, %i[pointer string pointer]
    call :docker_container_export_to_file, %i[pointer string]
    call :docker_container_copy_to, %i[pointer string string string]
    call :docker_container_copy_from, %i[pointer string string string]

    # Images (what tests and commit need).
    call :docker_images_inspect, %i[pointer string pointer]
    call :docker_images_exists, %i[pointer string pointer]
    call :docker_images_remove, %i[pointer string string]
  end
end
