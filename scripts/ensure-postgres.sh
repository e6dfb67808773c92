#!/usr/bin/env bash
# The store's integration test runs two viewers on one real PostgreSQL server, started by the test itself in a
# temporary directory. It needs the server binaries (initdb, pg_ctl, postgres); install Debian's package when allowed.
# Without them the test skips and says why, so this script never fails the run.
set -uo pipefail
for dir in "${PG_BIN:-}" /usr/lib/postgresql/*/bin; do
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then exit 0; fi
done
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "No PostgreSQL server found: installing Debian's postgresql package for the store's integration test."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null && exit 0
  echo "Installing postgresql failed: the two-instance store test will be skipped." >&2
  exit 0
fi
echo "No PostgreSQL server found (initdb, pg_ctl): the two-instance store test will be skipped. Install it (e.g. 'apt-get install postgresql') or set PG_BIN." >&2
exit 0
