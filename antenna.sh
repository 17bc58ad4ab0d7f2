#!/usr/bin/env bash
# Runs the antenna reference service with one command on a fresh machine:
#   ./antenna.sh serve                          # embedded PostgreSQL in ./data/antenna-pg, demo data on first start
#   ./antenna.sh seed --occurrences 100000 --reset
#   ./antenna.sh --help
# It builds antenna/target/antenna.jar when it is missing or older than the sources, finds a JDK 21+
# by itself (JAVA_HOME, then the system's JVM folders, then `java` on the PATH), and runs the jar.
# JVM options: ANTENNA_JAVA_OPTS="-Xmx2g" ./antenna.sh serve
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/antenna/target/antenna.jar"
MIN_JAVA=21

fail() {
  echo "antenna: $*" >&2
  exit 1
}

# The major version of the JDK in folder $1 (its release file), or of the java binary $2.
java_major() {
  local home=$1 bin=${2:-$1/bin/java} version=""
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [[ -z "$version" && -x "$bin" ]]; then
    version=$("$bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "${version:-0}"
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME") >= MIN_JAVA )); then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  local best="" best_version=0 home version
  for home in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -x "$home/bin/java" ]] || continue
    version=$(java_major "$home")
    if (( version >= MIN_JAVA && version > best_version )); then
      best="$home/bin/java"
      best_version=$version
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return
  fi
  if command -v java >/dev/null 2>&1; then
    local path_java
    path_java=$(command -v java)
    if (( $(java_major "$(dirname "$(dirname "$(readlink -f "$path_java")")")" "$path_java") >= MIN_JAVA )); then
      echo "$path_java"
      return
    fi
  fi
  fail "no JDK $MIN_JAVA or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, /opt/java/* and the PATH). Install one, or set JAVA_HOME to it."
}

# True when the jar is missing or a source or build file of antenna or of a module it uses is newer.
needs_build() {
  [[ -f "$JAR" ]] || return 0
  local newer
  newer=$(find "$ROOT/pom.xml" "$ROOT/ferry-core" "$ROOT/ferry-processor" "$ROOT/ferry-observe" "$ROOT/antenna" \
      \( -path '*/target' -o -path '*/src/test' \) -prune -o -type f -newer "$JAR" -print -quit 2>/dev/null)
  [[ -n "$newer" ]]
}

JAVA=$(find_java)
if needs_build; then
  echo "antenna: building the service (./mvnw -pl antenna -am install), about a minute the first time..." >&2
  (cd "$ROOT" && ./mvnw -q -B -pl antenna -am install -Dmaven.test.skip=true) || fail "the build failed (see above)"
  [[ -f "$JAR" ]] || fail "the build did not produce $JAR"
fi
# A JVM out of memory exits (for its supervisor to restart it) rather than serve on in an unknown state.
# shellcheck disable=SC2086 # ANTENNA_JAVA_OPTS is a list of options
exec "$JAVA" -XX:+ExitOnOutOfMemoryError ${ANTENNA_JAVA_OPTS:-} -jar "$JAR" "$@"
