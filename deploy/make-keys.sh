#!/bin/sh
# Makes the key ring (format voltura-keys/1) for docker compose at deploy/secrets/voltura-keys.json:
# one key that seals the secrets owners set in the console, one that encrypts backups. Refuses to
# overwrite an existing file (losing it loses every sealed secret and every backup).
#   sh deploy/make-keys.sh
# Then copy the file somewhere safe, apart from the backups (deploy/README.md, "Keys").
set -eu
file="$(dirname "$0")/secrets/voltura-keys.json"
if [ -e "$file" ]; then
  echo "$file exists: keep it (npm run keys:rotate adds keys to it)" >&2
  exit 1
fi
day="$(date -u +%Y%m%d)"
sid="s-$day-$(openssl rand -hex 3)"
bid="b-$day-$(openssl rand -hex 3)"
umask 077
mkdir -p "$(dirname "$file")"
cat > "$file" <<JSON
{
  "format": "voltura-keys/1",
  "secrets": { "current": "$sid", "keys": { "$sid": "$(openssl rand -base64 32)" } },
  "backup": { "current": "$bid", "keys": { "$bid": "$(openssl rand -base64 32)" } }
}
JSON
# The apps run as uid 1000 (node) in their containers.
if [ "$(id -u)" = "0" ]; then chown 1000:1000 "$file"; fi
echo "wrote $file (keys $sid, $bid)"
