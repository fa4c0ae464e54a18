#!/bin/sh
# The least-privilege role the apps connect as (voltura_app; see /voltura/app-role.sql).
# Runs once when the postgres volume is first initialised; safe to run again on an existing one:
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/02-app-role.sh
set -eu
: "${VOLTURA_APP_PASSWORD:?set POSTGRES_APP_PASSWORD in .env}"
psql --no-psqlrc --username "${POSTGRES_USER:-voltura}" --dbname "${POSTGRES_DB:-voltura}" \
  --set app_password="$VOLTURA_APP_PASSWORD" \
  --set owner="${POSTGRES_USER:-voltura}" \
  --set dbname="${POSTGRES_DB:-voltura}" \
  --file /voltura/app-role.sql
