#!/usr/bin/env bash
# Chaos run of the consistency suite: builds, starts its own local stack (fresh databases, fault injection on,
# short pay timeout, scan every few seconds), runs N orders through seeded random interleavings of the real APIs
# under every fault class in turn, checks every invariant, prints the table; exit code 1 on any violation.
# Options: --orders 5000 --minutes 15 --faults all|none|<comma list> --seed S --workers N --skip-build
#          (./chaos.sh --help for all)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

ARGS=()
BUILD=1
DATA_DIR="$REPO/.local-stack/chaos"
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

JAVA_OPTS=(-Xms128m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    --add-opens java.base/java.lang=ALL-UNNAMED
    -Dlogback.configurationFile=local-stack-logback.xml
    -Deshop.local-stack.log-dir="$REPO/consistency/target/chaos-logs"
    -Deshop.repo.dir="$REPO"
    -Duser.home="$DATA_DIR/home"
    -Ddubbo.network.interface.ignored='.*'
    -Dlogging.level.org.apache.dubbo.common.utils.NetUtils=ERROR)

source "$REPO/local-stack/loopback-hosts.sh"
pin_hostname_to_loopback "$REPO/consistency/target/launcher-hosts"

mkdir -p "$DATA_DIR/home" "$DATA_DIR/logs"
exec java "${JAVA_OPTS[@]}" -cp "$REPO/consistency/target/classes:$(cat "$CP_FILE")" \
    com.eshop.consistency.ChaosMain ${ARGS[@]+"${ARGS[@]}"}
