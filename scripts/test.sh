#!/usr/bin/env bash
# `npm test`: type-check, lint, then every Jest test (unit, workflow, API, whole-stack, browser).
# Real servers run one suite at a time (--runInBand): two cores, and each suite starts its own.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tools"
# The Temporal CLI (dev server) and Temporal's Java time-skipping test server, built/fetched once.
npx tsx -e 'require("./scripts/lib/temporal-cli").ensureTemporalCli()'
bash scripts/install-test-server.sh

echo "== type-check"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p web/tsconfig.json

echo "== lint"
npx eslint --max-warnings 0 .

echo "== tests"
mkdir -p tests/.tmp
status=0
# --forceExit: the Temporal SDK's native bridge can keep a handle open after teardown (a known SDK issue).
npx jest --runInBand --forceExit --json --outputFile=tests/.tmp/jest-results.json "$@" || status=$?
node -e '
  const r = require("./tests/.tmp/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || true
exit $status
