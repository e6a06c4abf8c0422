# frozen_string_literal: true

require_relative "test_helper"

# Library-returned strings, buffers, errors, handles and streams are all freed: 10,000 rounds
# of calls leave the process's RSS where it was. Bounds: 2 MiB for the calls (measured: 0 to
# 0.7 MiB; not freeing the two error objects of a round grows it by 3.3 MiB, not freeing
# strings by 64 MiB), 4 MiB for the streams (measured: 0 to 1.7 MiB), whose connections must
# all be closed as well.
class MemoryTest < Minitest::Test
  include DcrbTest::Helpers

  BOUND_KIB = 2 * 1024
  STREAM_BOUND_KIB = 4 * 1024
  ROUNDS = 10_000

  def settled_rss
    3.times { GC.start(full_mark: true, immediate_sweep: true) }
    rss_kib
  end

  def churn(c, missing, rounds)
    rounds.times do |i|
      c.name
      c.status
      c.short_id
      c.labels
      c.attrs
      c.reload
      begin
        client.containers.get(missing)
      rescue DockerContainers::NotFound
        nil
      end
      begin
        c.exec_run("true", bogus: i)
      rescue DockerContainers::InvalidArgument
        nil
      end
      client.containers.get(c.id).close if (i % 10).zero?
    end
  end

  def test_10000_calls_keep_rss_flat
    c = sleeper("mem", labels: { "dcrb.mem" => "x" * 200 })
    missing = "dcrb-missing-#{Process.pid}"
    churn(c, missing, 1000) # warm-up: heaps, caches, connection pool
    before = settled_rss
    churn(c, missing, ROUNDS)
    after = settled_rss
    growth = after - before
    puts "\nmemory: #{ROUNDS} rounds of 8 calls: RSS #{before} KiB -> #{after} KiB (#{growth} KiB, bound #{BOUND_KIB} KiB)"
    assert_operator growth, :<, BOUND_KIB
  end

  # Network and volume handles (freed by close or by the collector), image models and the
  # ImageNotFound of a missing image.
  def model_churn(net, vol, rounds)
    rounds.times do |i|
      n = client.networks.get(net)
      n.reload.attrs
      n.close if i.even?
      client.volumes.get(vol).attrs
      client.images.get(DcrbTest::IMAGE).tags
      begin
        client.images.get("dcrb-missing-image-#{Process.pid}")
      rescue DockerContainers::ImageNotFound
        nil
      end
    end
  end

  def test_3000_rounds_of_networks_volumes_images_keep_rss_flat
    net = rname("memnet", :network)
    vol = rname("memvol", :volume)
    client.networks.create(net, labels: { "dcrb.mem" => "x" * 200 })
    client.volumes.create(vol)
    model_churn(net, vol, 300)
    before = settled_rss
    model_churn(net, vol, 3000)
    after = settled_rss
    growth = after - before
    puts "\nmemory: 3000 rounds of network, volume and image calls: RSS #{before} KiB -> #{after} KiB " \
         "(#{growth} KiB, bound #{BOUND_KIB} KiB)"
    assert_operator growth, :<, BOUND_KIB
  end

  # Streams left early: a block that breaks, an enumerator read with next and then closed.
  def stream_churn(c, rounds)
    rounds.times do |i|
      if i.even?
        c.logs(follow: true, tail: 1) { break }
      else
        s = c.logs(follow: true, tail: 1)
        s.next
        s.close
      end
    end
  end

  def test_1000_streams_left_early
    c = sleeper("memstream", ["sh", "-c", "while true; do echo tick; sleep 0.01; done"])
    sleep 0.3
    base = socket_count
    # Warm-up as long as the measured run: the runtime's worker threads each get their malloc
    # arena and caches during it, however the machine's load spreads the streams over them.
    stream_churn(c, 1000)
    before = settled_rss
    stream_churn(c, 1000)
    after = settled_rss
    growth = after - before
    puts "\nmemory: 1000 log streams: RSS #{before} KiB -> #{after} KiB (#{growth} KiB, bound #{STREAM_BOUND_KIB} KiB)"
    assert_operator growth, :<, STREAM_BOUND_KIB
    # Not equal: connections of earlier tests' clients, kept alive by handles the collector
    # frees only now, may close during the run. A stream that kept its connection would add
    # one for each of 2,000 rounds.
    assert_operator socket_count, :<=, base, "every stream's connection is closed"
  end
end
