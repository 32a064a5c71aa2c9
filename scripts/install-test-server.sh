#!/usr/bin/env bash
# Installs Temporal's Java time-skipping test server into .tools/temporal-test-server/ (once).
# @temporalio/testing runs `<run> <port>`; the wrapper must exec java so SIGKILL at teardown ends the JVM.
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
# C1 only and serial GC: the SDK gives the server 5 s to answer, tight on two cores.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
RUN
chmod +x "$dir/run"
