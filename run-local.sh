#!/usr/bin/env bash
# Runs the whole order-cancellation suite on this machine without Docker: MariaDB, Redis, ZooKeeper,
# RocketMQ, Seata TC and the seven services, all on 127.0.0.1. Ctrl-C stops everything.
# Options: --reset --infra-only --no-demo --pay-timeout PT20S --scan-interval PT10S --skip-build
#          (see local-stack/README-local-stack.md, or ./run-local.sh --help)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

ARGS=()
BUILD=1
INFRA_ONLY=0
DATA_DIR="$REPO/.local-stack"
while (($#)); do
    case "$1" in
        --skip-build) BUILD=0 ;;
        --infra-only) INFRA_ONLY=1; ARGS+=("$1") ;;
        --data-dir) ARGS+=("$1" "${2:?--data-dir needs a value}"); DATA_DIR="$(realpath -m "$2")"; shift ;;
        -h|--help) ARGS+=("$1"); BUILD=0 ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done

if ((BUILD)); then
    if ((INFRA_ONLY)); then
        echo "building the local stack (mvn -q -B -DskipTests install -pl local-stack/seata-tc,local-stack -am) ..."
        mvn -q -B -DskipTests install -pl local-stack/seata-tc,local-stack -am
    else
        echo "building the suite (mvn -q -B -DskipTests install; the first build downloads dependencies) ..."
        mvn -q -B -DskipTests install
    fi
fi

CP_FILE="$REPO/local-stack/target/classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$REPO/local-stack/target/classes" ]]; then
    echo "local-stack is not built ($CP_FILE missing): run without --skip-build" >&2
    exit 1
fi

JAVA_OPTS=(-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Dlogback.configurationFile=local-stack-logback.xml
    -Duser.home="$DATA_DIR/home"
    -Ddubbo.network.interface.ignored='.*')

source "$REPO/local-stack/loopback-hosts.sh"
pin_hostname_to_loopback "$REPO/local-stack/target/launcher-hosts"

mkdir -p "$DATA_DIR/home"
exec java "${JAVA_OPTS[@]}" -cp "$REPO/local-stack/target/classes:$(cat "$CP_FILE")" \
    com.eshop.stack.LocalStackMain ${ARGS[@]+"${ARGS[@]}"}
