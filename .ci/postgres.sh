#!/usr/bin/env bash
# Installs (from apt) and starts a local PostgreSQL for the alerts service's tests, with role tarn/tarn and database
# tarn_test on 127.0.0.1:5432. Idempotent: safe to run when it is already installed and running.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL from apt..."
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
VERSION=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
CLUSTER=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "$VERSION" ]; then
  VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
  CLUSTER=main
  $SUDO pg_createcluster "$VERSION" "$CLUSTER"
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start
fi
psql_as_postgres() {
  if [ -n "$SUDO" ]; then sudo -u postgres psql -v ON_ERROR_STOP=1 -qtA "$@"; else runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; fi
}
for _ in $(seq 1 30); do
  if psql_as_postgres -c "select 1" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
if [ "$(psql_as_postgres -c "select 1 from pg_roles where rolname='tarn'")" != "1" ]; then
  psql_as_postgres -c "create role tarn login password 'tarn'"
fi
if [ "$(psql_as_postgres -c "select 1 from pg_database where datname='tarn_test'")" != "1" ]; then
  psql_as_postgres -c "create database tarn_test owner tarn"
fi
echo "PostgreSQL $VERSION/$CLUSTER is up: jdbc:postgresql://127.0.0.1:5432/tarn_test (user tarn)"
