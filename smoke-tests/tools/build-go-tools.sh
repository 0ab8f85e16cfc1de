#!/usr/bin/env bash
# Builds, pinned and from source, the programs the deploy smoke tests run: the OpenTelemetry
# Collector (with exactly the components of deploy/otel-collector/builder.yaml), Prometheus 3 and
# Alertmanager. Each lands once per machine in the cache directory (AITAP_TOOLS_CACHE, default
# ~/.cache/aitap-tools/<version>); a later run finds it there and builds nothing.
set -euo pipefail

BUILDER_VERSION=v0.165.0
PROMETHEUS_VERSION=v0.316.0   # Prometheus 3.16
ALERTMANAGER_VERSION=v0.35.0
# where Prometheus projects keep the release that --version prints
RELEASE_VAR=github.com/prometheus/common/version.Version

repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${AITAP_TOOLS_CACHE:-$HOME/.cache/aitap-tools}
mkdir -p "$cache"
# one build at a time: a second Maven run waits for the first one's binaries instead of racing it
exec 9>"$cache/.lock"
flock 9
command -v go >/dev/null || { echo "build-go-tools: Go is needed to build the collector, Prometheus and Alertmanager" >&2; exit 1; }
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0

# A program is rebuilt only when its recipe changes: the directory name carries a digest of it.
recipe_dir() { # name, recipe text
  local digest
  digest=$(printf '%s' "$2" | sha256sum | cut -c1-12)
  echo "$cache/$1-$digest"
}

build_collector() {
  local recipe dir
  recipe="$BUILDER_VERSION $(cat "$repo/deploy/otel-collector/builder.yaml")"
  dir=$(recipe_dir otelcol "$recipe")
  if [ ! -x "$dir/otelcol-aitap" ]; then
    echo "build-go-tools: building the OpenTelemetry Collector into $dir" >&2
    local work; work=$(mktemp -d)
    GOBIN="$work/bin" go install "go.opentelemetry.io/collector/cmd/builder@$BUILDER_VERSION"
    sed "s|output_path: .*|output_path: $work/dist|" "$repo/deploy/otel-collector/builder.yaml" > "$work/builder.yaml"
    "$work/bin/builder" --config "$work/builder.yaml" >&2
    mkdir -p "$dir"
    cp "$work/dist/otelcol-aitap" "$dir/otelcol-aitap.tmp" && mv "$dir/otelcol-aitap.tmp" "$dir/otelcol-aitap"
    rm -rf "$work"
  fi
  ln -sfn "$dir/otelcol-aitap" "$cache/otelcol-aitap"
}

# Builds one main package of a Prometheus project in a throw-away module that requires it, so the
# version is pinned by go.mod like any dependency.
build_go_main() { # name, module, version, package, build tags, release it reports
  local name=$1 module=$2 version=$3 package=$4 tags=$5 release=$6 dir
  dir=$(recipe_dir "$name" "$module@$version $package $tags $release")
  if [ ! -x "$dir/$name" ]; then
    echo "build-go-tools: building $name $version into $dir" >&2
    local work; work=$(mktemp -d)
    (
      cd "$work"
      go mod init "aitap.local/build/$name" >/dev/null 2>&1
      go get "$module@$version" >&2
      go build -trimpath -ldflags="-s -w -X $RELEASE_VAR=$release" -tags "$tags" -o "$work/$name" "$package"
    )
    mkdir -p "$dir"
    cp "$work/$name" "$dir/$name.tmp" && mv "$dir/$name.tmp" "$dir/$name"
    rm -rf "$work"
  fi
  ln -sfn "$dir/$name" "$cache/$name"
}

# Alertmanager's module embeds its web UI from ui/app/dist, which is built by npm and so is not in
# the module's source: the build gets a one-page placeholder there (the tests need the API only).
build_alertmanager() {
  local module=github.com/prometheus/alertmanager dir
  dir=$(recipe_dir alertmanager "$module@$ALERTMANAGER_VERSION placeholder-ui ${ALERTMANAGER_VERSION#v}")
  if [ ! -x "$dir/alertmanager" ]; then
    echo "build-go-tools: building alertmanager $ALERTMANAGER_VERSION into $dir" >&2
    local work source; work=$(mktemp -d)
    source=$(cd "$work" && go mod download -json "$module@$ALERTMANAGER_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    cp -r "$source" "$work/src" && chmod -R u+w "$work/src"
    for ui in elm mantine; do
      mkdir -p "$work/src/ui/app/dist/$ui"
      echo '<!doctype html><title>Alertmanager</title><p>Web UI not built; the API is at /api/v2.' > "$work/src/ui/app/dist/$ui/index.html"
    done
    (cd "$work/src" && go build -trimpath -ldflags="-s -w -X $RELEASE_VAR=${ALERTMANAGER_VERSION#v}" -o "$work/alertmanager" ./cmd/alertmanager)
    mkdir -p "$dir"
    cp "$work/alertmanager" "$dir/alertmanager.tmp" && mv "$dir/alertmanager.tmp" "$dir/alertmanager"
    chmod -R u+w "$work" && rm -rf "$work"
  fi
  ln -sfn "$dir/alertmanager" "$cache/alertmanager"
}

build_collector
# The tests configure static targets only: leaving out the cloud service discoveries (Kubernetes,
# AWS, Azure, GCE, …) takes most of Prometheus' dependencies out of the build.
build_go_main prometheus github.com/prometheus/prometheus "$PROMETHEUS_VERSION" github.com/prometheus/prometheus/cmd/prometheus remove_all_sd 3.16.0
build_alertmanager
echo "$cache"
