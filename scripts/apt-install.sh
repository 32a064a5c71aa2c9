#!/usr/bin/env bash
# apt-get install of Debian packages that waits while another apt or dpkg holds apt's locks (a
# second CI run on the same fresh machine, unattended upgrades) instead of failing at once.
# Usage: bash scripts/apt-install.sh <package>...
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
attempts=60
for attempt in $(seq 1 "$attempts"); do
  if output=$( { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@"; } 2>&1 ); then
    printf '%s\n' "$output"
    exit 0
  fi
  printf '%s\n' "$output"
  if ! grep -q -e "Could not get lock" -e "Unable to lock" <<<"$output"; then exit 1; fi
  echo "apt is busy in another process; trying again in 10 s ($attempt/$attempts)"
  sleep 10
done
exit 1
