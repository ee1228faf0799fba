#!/usr/bin/env bash
# The newcomer's way in: a real 3-node swarm on this machine, seeded, with swarmtui on it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/app.cjs ] || node scripts/build.mjs
if [ "$(id -u)" != 0 ]; then
  echo "demo: the local lab swarm needs root (network namespaces, dockerd); try: sudo npm run demo" >&2
  echo "      or point swarmtui at your own manager: npx swarmtui --host ssh://you@manager" >&2
  exit 1
fi
bash lab/lab.sh up --nodes 3
bash lab/lab.sh seed
exec dist/swarmtui.js --host "unix://${SWARMTUI_LAB_RUN:-/run/stlab}/node1.sock" "$@"
