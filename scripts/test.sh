#!/usr/bin/env bash
# `npm test`: type-check, lint, then every Jest test (unit, workflow, API, whole-stack, browser).
# Type-check, lint and the pure unit tests run side by side (none starts a server); the tests that
# start real servers then run one suite at a time (--runInBand): two cores, and each suite starts its own.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tools"
# The Temporal CLI (dev server) and Temporal's Java time-skipping test server, built/fetched once.
npx tsx -e 'require("./scripts/lib/temporal-cli").ensureTemporalCli()'
bash scripts/install-test-server.sh

out=tests/.tmp
mkdir -p "$out"
rm -f "$out"/jest-unit.json "$out"/jest-system.json "$out"/jest-system-2.json "$out"/jest-postgres.json

echo "== type-check, lint and unit tests, side by side"
(npx tsc --noEmit -p tsconfig.json && npx tsc --noEmit -p web/tsconfig.json) > "$out/type-check.log" 2>&1 &
type_check=$!
npx eslint --max-warnings 0 . > "$out/lint.log" 2>&1 &
lint=$!
# --passWithNoTests: `npm test -- tests/api/x.test.ts` names no unit test.
npx jest --selectProjects unit --passWithNoTests --json --outputFile="$out/jest-unit.json" "$@" > "$out/unit.log" 2>&1 &
unit=$!

unit_status=0
for step in type-check:$type_check lint:$lint unit:$unit; do
  name=${step%%:*}
  if wait "${step##*:}"; then echo "-- $name: passed"; cat "$out/$name.log"; continue; fi
  echo "-- $name: FAILED"
  cat "$out/$name.log"
  # A type or lint error stops here, as before; failing unit tests still let the system tests run.
  if [ "$name" = unit ]; then unit_status=1; else exit 1; fi
done

# The same suites on PostgreSQL: the API, workflow, activity, worker and data-layer suites and the
# integration suites that reach the database (query plans at volume, matching, sessions); only on a
# whole run (`npm test` without file names). TEST_DATABASE=postgres starts a real server from the
# machine's PostgreSQL binaries (tests/support/postgres.ts). Left out: the suites about SQLite
# itself, its FTS5 search index, write lock and commit wake-up (tests/db/search-index,
# concurrent-writers, tests/api/sse; PostgreSQL's wake-up has tests/db/listen-commits), and the
# suites that start their own servers or reach no database code that differs (the stacks, the
# cluster, a worker killed mid-import).
# A whole run is two Jest processes side by side, each keeping about one of the two cores busy
# (measured: 56 CPU-seconds in 65 s), each with its own prepared directory, servers and free ports:
# the SQLite browser, API, data-layer, script, worker and activity suites in one; the PostgreSQL
# run, then the SQLite workflow and integration suites, in the other. Measured on a clean clone
# (db6db6a, the PostgreSQL run beside the whole SQLite run): the SQLite browser suites took 1,231 s,
# its other suites 1,093 s (API 476, workflows 259, integration 201), PostgreSQL 1,342 s; split so,
# each process has about 1,850 s of it.
status=$unit_status
if [ $# -eq 0 ]; then
  echo "== system tests, in two processes side by side (the second's output follows the first's)"
  rm -f "$out"/jest-postgres.json "$out"/jest-system-2.json
  (
    second_status=0
    echo "== system tests on PostgreSQL"
    TEST_DATABASE=postgres npx jest --selectProjects system --runInBand --forceExit --json --outputFile="$out/jest-postgres.json" \
      tests/api/*.test.ts tests/api/auth tests/api/temporal tests/workflows tests/activities tests/worker \
      tests/db/queries tests/db/contact-keys.test.ts tests/db/rows.test.ts tests/db/read-rows.test.ts tests/db/demo-story.test.ts \
      tests/integration/query-plans.test.ts tests/integration/find-matches.test.ts tests/integration/sessions.test.ts || second_status=1
    echo "== system tests on SQLite: workflows and integration"
    npx jest --selectProjects system --runInBand --forceExit --json --outputFile="$out/jest-system-2.json" tests/workflows/ tests/integration/ || second_status=1
    exit $second_status
  ) > "$out/second.log" 2>&1 &
  second=$!
  echo "== system tests on SQLite: browser, API, data layer, scripts, worker, activities"
  # The system project's other folders (jest.config.js testMatch); the second process runs workflows/ and integration/.
  npx jest --selectProjects system --runInBand --forceExit --json --outputFile="$out/jest-system.json" \
    tests/e2e/ tests/api/ tests/db/ tests/scripts/ tests/worker/ tests/activities/ || status=1
  wait "$second" || status=1
  cat "$out/second.log"
else
  echo "== system tests (real servers, one suite at a time)"
  # --forceExit: the Temporal SDK's native bridge can keep a handle open after teardown (a known SDK issue).
  npx jest --selectProjects system --passWithNoTests --runInBand --forceExit --json --outputFile="$out/jest-system.json" "$@" || status=1
fi

node -e '
  const fs = require("node:fs");
  const runs = ["jest-unit.json", "jest-system.json", "jest-system-2.json", "jest-postgres.json"].map((file) => `tests/.tmp/${file}`).filter((file) => fs.existsSync(file)).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  const failed = sum("numFailedTests") + sum("numRuntimeErrorTestSuites");
  console.log(`${sum("numPassedTests")} passed, ${failed} failed` + (sum("numPendingTests") ? `, ${sum("numPendingTests")} skipped` : ""));
' || true
exit $status
