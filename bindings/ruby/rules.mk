# bindings/ruby: the Ruby binding's tests (minitest, against the real engine) and its example,
# using this tree's release build. Needs ruby, ruby-ffi, ruby-minitest (scripts/deps.d/ruby.sh).
.PHONY: ruby-test
RUBY_LIB := $(CURDIR)/$(RELEASE_DIR)/libdocker_containers.so

ruby-test: release engine
	$(call CHECK_API_TABLE,ruby)
	cd bindings/ruby && DOCKER_CONTAINERS_LIB=$(RUBY_LIB) ruby -w -Ilib -Itest \
	    -e 'Dir["test/*_test.rb"].sort.each { |f| require File.expand_path(f) }'
	cd bindings/ruby && DOCKER_CONTAINERS_LIB=$(RUBY_LIB) ruby -Ilib examples/quickstart.rb
	@left=$$(docker ps -aq --filter name=dcrb-); \
	if [ -n "$$left" ]; then echo "ruby-test: containers left behind:"; docker ps -a --filter name=dcrb-; exit 1; fi
	@left="$$(docker network ls -q --filter name=dcrb-)$$(docker volume ls -q --filter name=dcrb-)$$(docker images --format '{{.Repository}}' | grep '^dcrb-\|/dcrb-' || true)"; \
	if [ -n "$$left" ]; then echo "ruby-test: networks, volumes or images left behind:"; \
	    docker network ls --filter name=dcrb-; docker volume ls --filter name=dcrb-; docker images | grep dcrb-; exit 1; fi
	@echo "ruby-test: passed, no dcrb- containers, networks, volumes or images left"

BINDING_TESTS += ruby-test
