# The Python binding's tests (bindings/python): pytest against the real engine with the
# library from target/release, then the quickstart example (also run by test_example.py).

PY_DIR := bindings/python

.PHONY: python-test
python-test: release engine
	$(call CHECK_API_TABLE,python)
	cd $(PY_DIR) && DOCKER_CONTAINERS_LIB=$(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so \
	    python3 -m pytest -q -p no:cacheprovider tests
	@left=$$(docker ps -aq --filter name=dcpy-); [ -z "$$left" ] || { echo "python-test: dcpy- containers left: $$left"; exit 1; }
	@echo "python-test: passed, no dcpy- containers left"

BINDING_TESTS += python-test
