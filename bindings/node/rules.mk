# The Node binding's tests (bindings/node): `make node-test` builds the library, starts the
# engine when needed, installs the locked npm dependencies when node_modules is missing, then
# runs node's test runner (with --expose-gc for the memory test) against target/release.
# The quickstart example runs as one of the tests (test/example.test.js).

NODE_DIR := bindings/node

.PHONY: node-test
node-test: release engine
	$(call CHECK_API_TABLE,node)
	@command -v node >/dev/null || { echo "node-test: node is not installed (bash scripts/install-deps.sh)"; exit 1; }
	cd $(NODE_DIR) && { [ -d node_modules/koffi ] || npm ci --no-audit --no-fund; }
	cd $(NODE_DIR) && DOCKER_CONTAINERS_LIB=$(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so \
	    node --expose-gc --test test/*.test.js

BINDING_TESTS += node-test
