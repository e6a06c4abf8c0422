# frozen_string_literal: true

# The C ABI of libdocker_containers, attached with the ffi gem. Nothing here is public API:
# lib/docker_containers/*.rb wrap it. Every call that may wait (the description's "blocks") is
# attached with `blocking: true`, so it runs without the GVL and other Ruby threads keep going.
require "ffi"
require_relative "ffi_table"

module DockerContainers
  # The library's major.minor this binding was written for (the soname's suffix).
  ABI_VERSION = NativeTable::SONAME.delete_prefix("libdocker_containers.so.")

  # The C functions themselves, attached from the generated table.
  # @api private
  module Native
    extend FFI::Library

    # DOCKER_CONTAINERS_LIB, else the library a platform gem carries (lib/docker_containers/libs),
    # else the build in this repository (target/release), else the installed soname.
    def self.library_path
      env = ENV["DOCKER_CONTAINERS_LIB"]
      return env if env && !env.empty?

      bundled = File.expand_path("libs/#{NativeTable::SONAME}", __dir__)
      return bundled if File.exist?(bundled)

      repo = File.expand_path("../../../../target/release/libdocker_containers.so", __dir__)
      return repo if File.exist?(repo)

      NativeTable::SONAME
    end

    begin
      ffi_lib library_path
    rescue LoadError => e
      raise LoadError, "docker_containers: cannot load the native library (#{library_path}): " \
                       "#{e.message}. Set DOCKER_CONTAINERS_LIB to the path of " \
                       "libdocker_containers.so, or install it (make install)."
    end

    # The structs, callback types and every function of the header, from the generated table
    # (ffi_table.rb, made from the ABI description): nothing here repeats a prototype.
    class Chunk < FFI::Struct
      layout(*NativeTable::STRUCTS.fetch(:docker_chunk))
    end

    class Buffer < FFI::Struct
      layout(*NativeTable::STRUCTS.fetch(:docker_buffer))
    end

    NativeTable.attach(self)
  end
end
