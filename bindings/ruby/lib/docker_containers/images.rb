# frozen_string_literal: true

module DockerContainers
  # The few image calls containers need: `client.images.get/exists?/remove` (no pull here: a
  # missing image is pulled by containers.run / create themselves).
  class ImageCollection
    def initialize(client)
      @client = client
    end

    # The image's inspect Hash; NotFound when absent.
    #
    # @param name [String] image name or id
    # @return [Hash] the inspect document
    # @raise [NotFound] no such image
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def get(name)
      @client.use { |p| Call.json(:docker_images_inspect, p, Call.string_arg(name, "image")) }
    end

    # Whether the image is present.
    #
    # @param name [String] image name or id
    # @return [Boolean]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def exists?(name)
      out = FFI::MemoryPointer.new(:bool)
      @client.use { |p| Call.check(:docker_images_exists, p, Call.string_arg(name, "image"), out) }
      out.read(:bool)
    end

    # remove(name, force:, noprune:)
    #
    # @param name [String] image name or id
    # @param kwargs [Hash] force:, noprune:
    # @return [nil]
    # @raise [DockerContainers::Error] the library's error (NotFound, ConnectionError, ...)
    def remove(name, **kwargs)
      @client.use do |p|
        Call.check(:docker_images_remove, p, Call.string_arg(name, "image"), Call.options(kwargs))
      end
      nil
    end
  end
end
