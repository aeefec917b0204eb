#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite: `start` prints the URL to use, `stop` ends it.
# The server refuses to run as root, so it runs as the postgres user, on loopback only.
set -euo pipefail
PGDATA=${ADVISOR_TEST_PGDATA:-/tmp/advisor-test-pg}
PGPORT=${ADVISOR_TEST_PGPORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is not installed (make system-deps installs it)" >&2; exit 1; }
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
    install -d -o postgres -g postgres -m 700 "$PGDATA"
    as_postgres "$PGBIN/initdb" --no-sync -D "$PGDATA" -U advisor -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # The port lies in Linux's ephemeral range: a passing outgoing connection may hold it for a
    # moment, so a refused bind is retried for a while before giving up with the server's log.
    for attempt in $(seq 1 20); do
      if as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o \
        "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
        start >/dev/null 2>&1; then
        break
      fi
      if [ "$attempt" = 20 ] || ! grep -q "could not bind" "$PGDATA/server.log"; then
        echo "PostgreSQL did not start:" >&2; tail -n 20 "$PGDATA/server.log" >&2; exit 1
      fi
      sleep 0.5
    done
    echo "postgresql+psycopg://advisor@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
