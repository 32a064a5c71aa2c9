#!/usr/bin/env bash
# Installs what `npm run start:cluster` runs besides Node, each only when missing:
#   .tools/cluster/temporal-server     go.temporal.io/server/cmd/server@v1.29.1
#   .tools/cluster/temporal-sql-tool   go.temporal.io/server/cmd/tools/sql@v1.29.1 (its schema tool)
#   .tools/cluster/caddy               github.com/caddyserver/caddy/v2/cmd/caddy@v2.11.9 (the proxy)
#   .tools/cluster/temporal-ui-server  github.com/temporalio/ui-server/v2/cmd/server@v2.42.1 (Web UI;
#                                      optional: the cluster runs without it, ops then use the CLI)
#   PostgreSQL 15 server binaries      Debian's `postgresql` package (/usr/lib/postgresql/15/bin)
# The Go builds share Go's module and build caches with the Temporal CLI's: the server takes about
# 7.5 CPU-minutes the first time, seconds once cached. They run at low priority (nice).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/cluster"
mkdir -p "$dir"

build() { # build <name> <module@version>
  local name=$1 module=$2 version=${2##*@}
  if [ -x "$dir/$name" ] && [ -f "$dir/$name.version" ] && [ "$(cat "$dir/$name.version")" = "$module" ]; then return 0; fi
  command -v go >/dev/null || { echo "Go ≥ 1.25 is needed to build $name ($module)" >&2; exit 1; }
  echo "Building $name: go install $module (minutes the first time)…"
  local tmp start
  tmp="$(mktemp -d)"
  start=$(date +%s)
  # Explicit returns: `set -e` does not apply inside a function called with `||`.
  if ! GOBIN="$tmp" nice -n 10 go install "$module"; then rm -rf "$tmp"; return 1; fi
  mv "$tmp"/* "$dir/$name" || return 1
  rmdir "$tmp"
  echo "$module" > "$dir/$name.version"
  echo "Built $name $version in $(( $(date +%s) - start )) s"
}

build temporal-server go.temporal.io/server/cmd/server@v1.29.1 || exit 1
build temporal-sql-tool go.temporal.io/server/cmd/tools/sql@v1.29.1 || exit 1
build caddy github.com/caddyserver/caddy/v2/cmd/caddy@v2.11.9 || exit 1
# The Web UI the Temporal CLI 1.5.1 embeds (2.42.1); later tags ask for a newer Go than 1.26.8.
build temporal-ui-server github.com/temporalio/ui-server/v2/cmd/server@v2.42.1 || echo "The Temporal Web UI server did not build: the cluster runs without it (use the temporal CLI)" >&2

if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "Installing PostgreSQL 15 (apt-get install postgresql)…"
  bash "$(dirname "$0")/apt-install.sh" postgresql
fi
