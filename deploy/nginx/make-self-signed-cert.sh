#!/usr/bin/env bash
# Writes a self-signed certificate to deploy/nginx/certs/{fullchain,privkey}.pem, the files
# nginx loads. For a first run or a shop LAN: browsers warn until it is trusted. For a public
# host, put a real certificate (e.g. Let's Encrypt's fullchain.pem and privkey.pem) there instead.
# Usage: deploy/nginx/make-self-signed-cert.sh [host]   (default: $PUBLIC_HOST, else localhost)
set -euo pipefail

host="${1:-${PUBLIC_HOST:-localhost}}"
dir="${CERT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/certs}"
command -v openssl >/dev/null || { echo "openssl is required (apt-get install openssl)" >&2; exit 1; }

if [[ "$host" =~ ^[0-9]+(\.[0-9]+){3}$ ]]; then san="IP:$host"; else san="DNS:$host"; fi
[[ "$host" == localhost ]] || san="$san,DNS:localhost"

mkdir -p "$dir"
umask 077
openssl req -x509 -nodes -newkey rsa:2048 -sha256 -days 825 \
  -subj "/CN=$host" -addext "subjectAltName=$san,IP:127.0.0.1" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 644 "$dir/fullchain.pem"
echo "Wrote $dir/fullchain.pem and privkey.pem for $host (valid 825 days)."
