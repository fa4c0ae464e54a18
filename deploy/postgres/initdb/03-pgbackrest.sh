#!/bin/sh
# pgBackRest's stanza (its repository for this cluster), made when the postgres volume is first
# initialised, so archive_command succeeds from the start. On a volume made before pgBackRest:
#   docker compose exec -u postgres postgres pgbackrest --stanza=voltura stanza-create
set -eu
pgbackrest --stanza=voltura --log-level-console=warn stanza-create
