#!/usr/bin/env bash
# Installs Temporal's Java time-skipping test server into .tools/temporal-test-server/ (once).
# tests/support/temporal-env.ts runs `<run> <port> --enable-time-skipping`; the wrapper execs java so stopping it ends the JVM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/temporal-test-server"
[ -x "$dir/run" ] && [ -d "$dir/lib" ] && exit 0
command -v java >/dev/null || { echo "Java 17+ is needed for the time-skipping test server" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch the time-skipping test server" >&2; exit 1; }
echo "Fetching Temporal's time-skipping test server from Maven Central…"
rm -rf "$dir" && mkdir -p "$dir"
mvn -q -B -f "$root/scripts/temporal-test-server/pom.xml" dependency:copy-dependencies -DoutputDirectory="$dir/lib"
cat > "$dir/run" <<RUN
#!/bin/sh
# C1 only and serial GC: a quick start on two cores.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
RUN
chmod +x "$dir/run"
