# frozen_string_literal: true

module DockerContainers
  # docker-py's Image: id, short_id, tags, labels, attrs (the inspect Hash as last fetched:
  # #reload for fresh ones), tag, remove. Holds no native handle: each operation names the
  # image by its id.
  class Image
    # @return [Client] the client this image came from
    attr_reader :client

    # @private: made by ImageCollection and Container#image from an inspect Hash.
    def initialize(client, attrs)
      @client = client
      @attrs = attrs
      @lock = Mutex.new
    end

    # The inspect Hash, as last fetched.
    #
    # @return [Hash]
    def attrs
      @lock.synchronize { @attrs }
    end

    # The image id ("sha256:...").
    #
    # @return [String]
    def id = attrs["Id"]

    # docker-py's short_id: "sha256:" and the first 12 hex digits (the first 12 characters for
    # an id without that prefix).
    #
    # @return [String]
    def short_id
      i = id.to_s
      i.start_with?("sha256:") ? i[0, 19] : i[0, 12]
    end

    # The image's "repository:tag" names (untagged: []).
    #
    # @return [Array<String>]
    def tags
      (attrs["RepoTags"] || []).reject { |t| t == "<none>:<none>" }
    end

    # The image's labels (Config.Labels).
    #
    # @return [Hash{String => String}]
    def labels
      attrs.dig("Config", "Labels") || {}
    end

    # Fetch the attributes again. Returns self.
    #
    # @return [self]
    # @raise [ImageNotFound] the image is gone
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def reload
      fresh = @client.images.inspect_image(id)
      @lock.synchronize { @attrs = fresh }
      self
    end

    # docker-py's Image.tag(repository, tag = nil, force: false): name the image
    # "repository:tag" as well. Returns true (as docker-py does); #tags shows the new name after
    # #reload.
    #
    # @param repository [String] such as "myrepo/app"
    # @param tag [String, nil] such as "v1" (the engine's default: "latest")
    # @param force [Boolean, nil] accepted as docker-py takes it
    # @return [true]
    # @raise [ImageNotFound] the image is gone
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, APIError, ...)
    def tag(repository, tag = nil, force: nil)
      @client.images.tag(id, repository, tag, force: force)
    end

    # docker-py's Image.remove(force:, noprune:) (by id: with force: true this untags every name).
    #
    # @param kwargs [Hash] force:, noprune:
    # @return [nil]
    # @raise [Conflict] a container uses it, or it has several names (without force:)
    # @raise [DockerContainers::Error] the library's error (ImageNotFound, ConnectionError, ...)
    def remove(**kwargs)
      @client.images.remove(id, **kwargs)
    end

    # Same image id.
    #
    # @param other [Object]
    # @return [Boolean]
    def ==(other)
      other.is_a?(Image) && other.id == id
    end
    alias eql? ==

    # @return [Integer] the id's hash
    def hash
      [Image, id].hash
    end

    # @return [String] the short id and tags
    def inspect
      names = tags.empty? ? "" : " #{tags.join(', ')}"
      "#<#{self.class.name} #{short_id}#{names}>"
    end
  end

  # docker-py's `client.images`: pull, get, list, tag, remove, prune, exists?.
  class ImageCollection
    def initialize(client)
      @client = client
    end

    # @return [Client] the client these images come from
    attr_reader :client

    # docker-py's images.pull(repository, tag:, platform:): pull and return the Image.
    # `repository` may carry its tag ("busybox:1.36") or digest ("x@sha256:..."); without
    # either, tag: defaults to "latest". The block gets each progress item the engine sends, as
    # a Hash ({"status" => "Downloading", "id" => ..., "progressDetail" => {...}}); an
    # exception raised in it stops the pull and is raised again here.
    #
    # @param repository [String] such as "busybox" or "registry:5000/app:v1"
    # @param tag [String, nil] the tag (or "sha256:..." digest)
    # @param platform [String, nil] such as "linux/amd64"
    # @param kwargs [Hash] timeout: (seconds for the whole pull)
    # @yieldparam item [Hash] one progress item
    # @return [Image]
    # @raise [ImageNotFound] no such image in the registry
    # @raise [DockerContainers::Error] the library's error (APIError, ConnectionError, ...)
    def pull(repository, tag: nil, platform: nil, **kwargs, &block)
      ref = ImageCollection.reference(Call.string_arg(repository, "repository"),
                                      Call.string_arg(tag, "tag", optional: true))
      opts = Call.options(kwargs.merge(platform: platform))
      Callbacks.pull_progress(block) do |cb|
        image_call { @client.use { |p| Call.check(:docker_images_pull, p, ref, opts, cb, nil) } }
      end
      get(ref)
    end

    # An Image by name ("repo:tag"), id or id prefix.
    #
    # @param name [String] image name or id
    # @return [Image]
    # @raise [ImageNotFound] no such image
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def get(name)
      Image.new(@client, inspect_image(name))
    end

    # The image's inspect Hash.
    #
    # @param name [String] image name or id
    # @return [Hash]
    # @raise [ImageNotFound] no such image
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def inspect_image(name)
      name = Call.string_arg(name, "image")
      image_call { @client.use { |p| Call.json(:docker_images_inspect, p, name) } }
    end

    # docker-py's images.list(name:, all:, filters:): an Array of Images (each inspected, as
    # docker-py does; an image removed in between is left out).
    #
    # @param name [String, nil] only this repository (a reference filter: "busybox", "app:*")
    # @param kwargs [Hash] all: (intermediate images too), filters: ({dangling: true,
    #   label: ["a=b"], reference: "x*"}); an unknown key is refused, naming it
    # @return [Array<Image>]
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def list(name: nil, **kwargs)
      name = Call.string_arg(name, "name", optional: true)
      opts = Call.options(kwargs.merge(name: name))
      entries = @client.use { |p| Call.json(:docker_images_list, p, opts) }
      entries.filter_map do |e|
        get(e.fetch("Id"))
      rescue NotFound
        nil
      end
    end

    # docker-py's images tag (APIClient.tag(image, repository, tag, force:)): name `image`
    # "repository:tag" as well.
    #
    # @param image [String] image name or id
    # @param repository [String] such as "myrepo/app"
    # @param tag [String, nil] such as "v1" (the engine's default: "latest")
    # @param force [Boolean, nil] accepted as docker-py takes it
    # @return [true]
    # @raise [ImageNotFound] no such image
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, APIError, ...)
    def tag(image, repository, tag = nil, force: nil)
      image = Call.string_arg(image, "image")
      repository = Call.string_arg(repository, "repository")
      opts = Call.options(tag: Call.string_arg(tag, "tag", optional: true), force: force)
      image_call { @client.use { |p| Call.check(:docker_images_tag, p, image, repository, opts) } }
      true
    end

    # Whether the image is present.
    #
    # @param name [String] image name or id
    # @return [Boolean]
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def exists?(name)
      out = FFI::MemoryPointer.new(:bool)
      @client.use { |p| Call.check(:docker_images_exists, p, Call.string_arg(name, "image"), out) }
      out.read(:bool)
    end

    # docker-py's images.remove(image, force:, noprune:).
    #
    # @param name [String] image name or id
    # @param kwargs [Hash] force:, noprune:
    # @return [nil]
    # @raise [ImageNotFound] no such image
    # @raise [Conflict] a container uses it (without force:)
    # @raise [DockerContainers::Error] the library's error (ConnectionError, ...)
    def remove(name, **kwargs)
      name = Call.string_arg(name, "image")
      image_call do
        @client.use { |p| Call.check(:docker_images_remove, p, name, Call.options(kwargs)) }
      end
      nil
    end

    # docker-py's images.prune(filters:): remove unused images (only dangling ones unless
    # filters: {dangling: false}): {"ImagesDeleted" => [{"Untagged" | "Deleted" => ...}],
    # "SpaceReclaimed" => n}.
    #
    # @param filters [Hash, nil] such as {dangling: false, label: ["a=b"], until: "24h"}
    # @return [Hash] {"ImagesDeleted" => [...], "SpaceReclaimed" => bytes}
    # @raise [DockerContainers::Error] the library's error (InvalidArgument, ConnectionError, ...)
    def prune(filters: nil)
      @client.use { |p| Call.json(:docker_images_prune, p, Call.options(filters: filters)) }
    end

    # docker-py's parse_repository_tag, then its default: "repo:tag", or "repo@sha256:...".
    #
    # @api private
    def self.reference(repository, tag)
      repo, own = split_reference(repository)
      tag ||= own || "latest"
      tag.start_with?("sha256:") ? "#{repo}@#{tag}" : "#{repo}:#{tag}"
    end

    # "repo:tag" -> ["repo", "tag"]; "repo@sha256:x" -> ["repo", "sha256:x"]; a registry's port
    # ("host:5000/repo") is not a tag.
    #
    # @api private
    def self.split_reference(repository)
      repo, digest = repository.split("@", 2)
      return [repo, digest] if digest

      head, sep, last = repository.rpartition(":")
      sep.empty? || last.include?("/") ? [repository, nil] : [head, last]
    end

    private

    # A 404 from an image call is the image's absence: ImageNotFound (still a NotFound).
    def image_call
      yield
    rescue NotFound => e
      raise if e.is_a?(ImageNotFound)

      raise ImageNotFound.new(e.message, code: e.code, http_status: e.http_status)
    end
  end
end
