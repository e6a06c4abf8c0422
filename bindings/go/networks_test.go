package dockercontainers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	dc "github.com/docker-containers/docker_containers/bindings/go"
)

// netPrefix names the networks and volumes of these tests: dcnet-go-<pid>-.
var netPrefix = fmt.Sprintf("dcnet-go-%d-", os.Getpid())

// removeNetworkLater removes the named network when the test ends, however it ends.
func removeNetworkLater(t *testing.T, c *dc.Client, n string) {
	t.Cleanup(func() {
		net, err := c.Networks().Get(context.Background(), n, nil)
		if errors.Is(err, dc.ErrNotFound) {
			return
		}
		if err != nil {
			t.Errorf("cleanup get network %s: %v", n, err)
			return
		}
		defer net.Close()
		if err := net.Remove(context.Background()); err != nil && !errors.Is(err, dc.ErrNotFound) {
			t.Errorf("cleanup remove network %s: %v", n, err)
		}
	})
}

func removeVolumeLater(t *testing.T, c *dc.Client, n string) {
	t.Cleanup(func() {
		v, err := c.Volumes().Get(context.Background(), n)
		if errors.Is(err, dc.ErrNotFound) {
			return
		}
		if err != nil {
			t.Errorf("cleanup get volume %s: %v", n, err)
			return
		}
		defer v.Close()
		if err := v.Remove(context.Background(), dc.Options{"force": true}); err != nil && !errors.Is(err, dc.ErrNotFound) {
			t.Errorf("cleanup remove volume %s: %v", n, err)
		}
	})
}

func TestNetworkConnectAliasAndVolume(t *testing.T) {
	ctx := context.Background()
	c := client(t)
	netName, volName := netPrefix+"net", netPrefix+"vol"
	// Registered before the containers' clean-up, so it runs after it (t.Cleanup is LIFO).
	removeNetworkLater(t, c, netName)
	removeVolumeLater(t, c, volName)

	net, err := c.Networks().Create(ctx, netName, dc.Options{
		"labels": map[string]string{"dcnet.go": "1"},
		"ipam": map[string]any{"pool_configs": []map[string]string{
			{"subnet": "10.213.11.0/24", "gateway": "10.213.11.1"}}},
	})
	if err != nil {
		t.Fatalf("create network: %v", err)
	}
	defer net.Close()
	if len(net.ID()) != 64 || net.Name() != netName {
		t.Fatalf("id %q, name %q", net.ID(), net.Name())
	}
	if _, err := c.Networks().Create(ctx, netPrefix+"bad", dc.Options{"drivr": "bridge"}); !errors.Is(err, dc.ErrInvalidArgument) ||
		!strings.Contains(err.Error(), `"drivr"`) {
		t.Fatalf("unknown key: %v", err)
	}
	vol, err := c.Volumes().Create(ctx, dc.Options{"name": volName, "labels": map[string]string{"dcnet.go": "1"}})
	if err != nil {
		t.Fatalf("create volume: %v", err)
	}
	defer vol.Close()
	if vol.Name() != volName || !strings.Contains(string(vol.Attrs()), `"dcnet.go":"1"`) {
		t.Fatalf("volume %q: %s", vol.Name(), vol.Attrs())
	}

	srv := runDetached(t, c, "srv", []string{"sh", "-c", "echo from-go > /v/f; sleep 300"},
		dc.Options{"volumes": []string{volName + ":/v"}})
	if err := net.Connect(ctx, srv.ID(), dc.Options{"aliases": []string{"dcnet-go-alias"}, "ipv4_address": "10.213.11.30"}); err != nil {
		t.Fatalf("connect: %v", err)
	}
	if err := net.Reload(ctx); err != nil {
		t.Fatalf("reload: %v", err)
	}
	var attrs struct {
		Containers map[string]struct{ IPv4Address string }
	}
	if err := json.Unmarshal(net.Attrs(), &attrs); err != nil || attrs.Containers[srv.ID()].IPv4Address != "10.213.11.30/24" {
		t.Fatalf("attrs %s (%v)", net.Attrs(), err)
	}
	cli := name(t, "cli")
	removeLater(t, c, cli)
	_, out, err := c.Run(ctx, image, []string{"sh", "-c", "nslookup dcnet-go-alias; while [ ! -s /v/f ]; do sleep 0.1; done; cat /v/f"},
		dc.Options{"name": cli, "remove": true, "network": netName, "volumes": []string{volName + ":/v:ro"}})
	if err != nil || !strings.Contains(string(out), "10.213.11.30") || !strings.Contains(string(out), "from-go") {
		t.Fatalf("run on the network: %v: %q", err, out)
	}
	if err := vol.Remove(ctx, nil); !errors.Is(err, dc.ErrConflict) {
		t.Fatalf("remove a used volume: %v", err)
	}
	if err := net.Remove(ctx); err == nil {
		t.Fatal("removed a network a container is on")
	}

	nets, err := c.Networks().List(ctx, dc.Options{"names": []string{netPrefix}, "filters": map[string]any{"label": "dcnet.go=1"}})
	if err != nil || len(nets) != 1 || nets[0].ID() != net.ID() {
		t.Fatalf("list networks: %v %v", nets, err)
	}
	nets[0].Close()
	vols, err := c.Volumes().List(ctx, map[string]any{"label": "dcnet.go=1", "name": netPrefix})
	if err != nil || len(vols) != 1 || vols[0].Name() != volName {
		t.Fatalf("list volumes: %v %v", vols, err)
	}
	vols[0].Close()

	if err := net.Disconnect(ctx, srv.ID(), dc.Options{"force": true}); err != nil {
		t.Fatalf("disconnect: %v", err)
	}
	if err := srv.Remove(ctx, dc.Options{"force": true}); err != nil {
		t.Fatalf("remove server: %v", err)
	}
	if err := net.Remove(ctx); err != nil {
		t.Fatalf("remove network: %v", err)
	}
	if err := vol.Remove(ctx, nil); err != nil {
		t.Fatalf("remove volume: %v", err)
	}
	if err := net.Reload(ctx); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("reload a removed network: %v", err)
	}
	if _, err := c.Volumes().Get(ctx, volName); !errors.Is(err, dc.ErrNotFound) {
		t.Fatalf("get a removed volume: %v", err)
	}
}

func TestNetworkAndVolumePruneWithALabel(t *testing.T) {
	ctx := context.Background()
	c := client(t)
	label := map[string]any{"label": "dcnet.go.prune=" + netPrefix}
	removeNetworkLater(t, c, netPrefix+"prune")
	removeVolumeLater(t, c, netPrefix+"prune")
	net, err := c.Networks().Create(ctx, netPrefix+"prune", dc.Options{"labels": map[string]string{"dcnet.go.prune": netPrefix}})
	if err != nil {
		t.Fatal(err)
	}
	net.Close()
	vol, err := c.Volumes().Create(ctx, dc.Options{"name": netPrefix + "prune", "labels": map[string]string{"dcnet.go.prune": netPrefix}})
	if err != nil {
		t.Fatal(err)
	}
	vol.Close()
	// Always with our label: an unfiltered prune would take other tests' networks and volumes.
	nr, err := c.Networks().Prune(ctx, label)
	if err != nil || len(nr.NetworksDeleted) != 1 || nr.NetworksDeleted[0] != netPrefix+"prune" {
		t.Fatalf("prune networks: %+v %v", nr, err)
	}
	vr, err := c.Volumes().Prune(ctx, label)
	if err != nil || len(vr.VolumesDeleted) != 1 || vr.VolumesDeleted[0] != netPrefix+"prune" {
		t.Fatalf("prune volumes: %+v %v", vr, err)
	}
	nr, err = c.Networks().Prune(ctx, label)
	if err != nil || nr.NetworksDeleted == nil || len(nr.NetworksDeleted) != 0 {
		t.Fatalf("second prune: %+v %v", nr, err)
	}
}
