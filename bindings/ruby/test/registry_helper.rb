# frozen_string_literal: true

# A minimal Docker registry (the v2 pull endpoints: /v2/, manifests, blobs) on 127.0.0.1,
# serving one image made here (one layer with one file) under every name but the tag "nope".
# No registry is reachable from these machines, and dockerd treats 127.0.0.0/8 registries as
# insecure (plain HTTP), so this is what lets images.pull run for real. Not a fake engine:
# dockerd does the pull.
require "socket"
require "digest"
require "json"
require "rubygems/package"
require "stringio"

class DcrbRegistry
  attr_reader :port, :requests

  def initialize(file_name:, body:)
    layer = tar_of(file_name, body)
    config = JSON.generate("architecture" => "amd64", "os" => "linux",
                           "config" => { "Cmd" => ["sh"], "Labels" => { "dcrb.pulled" => "yes" } },
                           "rootfs" => { "type" => "layers", "diff_ids" => [digest(layer)] })
    @blobs = { digest(layer) => layer, digest(config) => config }
    @manifest = JSON.generate(
      "schemaVersion" => 2,
      "mediaType" => "application/vnd.docker.distribution.manifest.v2+json",
      "config" => { "mediaType" => "application/vnd.docker.container.image.v1+json",
                    "size" => config.bytesize, "digest" => digest(config) },
      "layers" => [{ "mediaType" => "application/vnd.docker.image.rootfs.diff.tar",
                     "size" => layer.bytesize, "digest" => digest(layer) }]
    )
    @requests = []
    @server = TCPServer.new("127.0.0.1", 0)
    @port = @server.addr[1]
    @thread = Thread.new { serve }
  end

  def close
    @thread.kill
    @server.close
  end

  private

  def digest(bytes) = "sha256:#{Digest::SHA256.hexdigest(bytes)}"

  def tar_of(name, body)
    io = StringIO.new("".b)
    Gem::Package::TarWriter.new(io) { |t| t.add_file_simple(name, 0o644, body.bytesize) { |f| f.write(body) } }
    io.string
  end

  def serve
    loop do
      sock = @server.accept
      Thread.new(sock) { |s| answer(s) }
    end
  rescue IOError, SystemCallError
    nil
  end

  def answer(sock)
    # dockerd tries TLS first (a handshake starts with byte 0x16): closing makes it use HTTP.
    first = sock.read(1)
    return unless first&.match?(/[A-Z]/)

    line = first + sock.gets.to_s

    verb, path, = line.split(" ")
    while (h = sock.gets) && h != "\r\n"; end
    @requests << "#{verb} #{path}"
    status, type, body, extra = route(path)
    head = ["HTTP/1.1 #{status}", "Content-Type: #{type}", "Content-Length: #{body.bytesize}",
            "Docker-Distribution-API-Version: registry/2.0", "Connection: close", *extra]
    sock.write("#{head.join("\r\n")}\r\n\r\n")
    sock.write(body) unless verb == "HEAD"
  rescue IOError, SystemCallError
    nil
  ensure
    sock.close
  end

  def route(path)
    case path
    when "/v2/", "/v2" then ["200 OK", "application/json", "{}"]
    when %r{\A/v2/.+/manifests/nope\z}
      ["404 Not Found", "application/json",
       JSON.generate("errors" => [{ "code" => "MANIFEST_UNKNOWN", "message" => "manifest unknown" }])]
    when %r{\A/v2/.+/manifests/} then
      ["200 OK", "application/vnd.docker.distribution.manifest.v2+json", @manifest,
       ["Docker-Content-Digest: #{digest(@manifest)}"]]
    when %r{\A/v2/.+/blobs/(sha256:\h+)\z}
      blob = @blobs[Regexp.last_match(1)]
      blob ? ["200 OK", "application/octet-stream", blob] : ["404 Not Found", "application/json", "{}"]
    else ["404 Not Found", "application/json", "{}"]
    end
  end
end
