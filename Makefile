# kg: common tasks. `make test` is what CI runs (.ci/run -> scripts/test.sh).

GO ?= go

.PHONY: all build test test-short vet bench neo4j-fetch neo4j-start neo4j-stop neo4j-status neo4j-reset demo clean

all: build

build:
	$(GO) build -o bin/kg ./cmd/kg

# Full suite (go vet + go test ./..., integration tests included) against a
# local Neo4j that it starts and stops if none is running.
test:
	scripts/test.sh

# Unit tests only, no Neo4j needed.
test-short:
	$(GO) test -short ./...

vet:
	$(GO) vet ./...

# Performance figures (extraction, load, end-to-end ingest, export/import) on a
# private Neo4j of its own; printed and written to bench/out/bench.txt.
bench:
	scripts/bench.sh

neo4j-fetch:
	scripts/neo4j.sh fetch

neo4j-start:
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop

neo4j-status:
	scripts/neo4j.sh status

neo4j-reset:
	scripts/neo4j.sh reset

demo:
	bash scripts/demo.sh

clean:
	rm -rf bin
