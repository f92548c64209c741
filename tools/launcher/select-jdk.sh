# Sourced by ./run and .ci/run: exports JAVA_HOME of a JDK 21 or newer (the build targets Java 21 and the
# launcher uses JDK 25's AOT caches when it runs on 25). Order: $JAVA_HOME, Temurin 25, any JDK 21-39 under
# /usr/lib/jvm (newest first), `java` on the PATH.

java_feature() {
  # "openjdk version "25.0.1" 2025-10-21" -> 25; "1.8.0_412" -> 1
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "[.-]"); print v[1]; exit }'
}

jdk_fits() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local feature
  feature=$(java_feature "$1/bin/java")
  [ -n "$feature" ] && [ "$feature" -ge 21 ] 2>/dev/null
}

select_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && jdk_fits "$JAVA_HOME"; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 \
      $(ls -d /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*-3[0-9]* 2>/dev/null | sort -V -r); do
    if jdk_fits "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if jdk_fits "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "No JDK 21 or newer found: set JAVA_HOME to one (JDK 25 recommended)." >&2
  return 1
}

select_jdk
