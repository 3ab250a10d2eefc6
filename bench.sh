#!/usr/bin/env bash
# Benchmark of the order-cancellation chain: builds, starts its own local stack (fresh databases in
# .local-stack/bench), drives it through the Dubbo APIs a client uses and prints one table: each figure, its target,
# and the database floor measured in the same run (docs/performance.md). Not part of mvn verify.
# Options: --quick (under 5 minutes once the stack is up) --skip-build --data-dir DIR --keep-stack (./bench.sh --help)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

ARGS=()
BUILD=1
DATA_DIR="$REPO/.local-stack/bench"
while (($#)); do
    case "$1" in
        --skip-build) BUILD=0 ;;
        --data-dir) ARGS+=("$1" "${2:?--data-dir needs a value}"); DATA_DIR="$(realpath -m "$2")"; shift ;;
        -h|--help) ARGS+=("$1"); BUILD=0 ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done

if ((BUILD)); then
    echo "building the suite (mvn -q -B -DskipTests install; the first build downloads dependencies) ..."
    mvn -q -B -DskipTests install
fi

CP_FILE="$REPO/consistency/target/classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$REPO/consistency/target/classes" ]]; then
    echo "consistency is not built ($CP_FILE missing): run without --skip-build" >&2
    exit 1
fi

JAVA_OPTS=(-Xms256m -Xmx1g -XX:+UseSerialGC
    --add-opens java.base/java.lang=ALL-UNNAMED
    -Dlogback.configurationFile=local-stack-logback.xml
    -Deshop.local-stack.log-dir="$REPO/consistency/target/bench-logs"
    -Deshop.repo.dir="$REPO"
    -Duser.home="$DATA_DIR/home"
    -Ddubbo.network.interface.ignored='.*'
    -Dlogging.level.org.apache.dubbo.common.utils.NetUtils=ERROR)

source "$REPO/local-stack/loopback-hosts.sh"
pin_hostname_to_loopback "$REPO/consistency/target/launcher-hosts"

mkdir -p "$DATA_DIR/home"
exec java "${JAVA_OPTS[@]}" -cp "$REPO/consistency/target/classes:$(cat "$CP_FILE")" \
    com.eshop.consistency.bench.BenchMain ${ARGS[@]+"${ARGS[@]}"}
