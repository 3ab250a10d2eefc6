#!/usr/bin/env bash
# Chaos run of the consistency suite: builds, starts its own local stack (fresh databases, fault injection on,
# short pay timeout, scan every few seconds), runs N orders through seeded random interleavings of the real APIs
# under every fault class in turn, checks every invariant, prints the table; exit code 1 on any violation.
# Options: --orders 5000 --minutes 15 --faults all|none|<comma list> --seed S --workers N --skip-build
#          (./chaos.sh --help for all)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

source "$REPO/local-stack/launcher.sh"
parse_launcher_args "$REPO/.local-stack/chaos" "$@"
build_suite_unless_skipped

JAVA_OPTS=(-Xms128m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    --add-opens java.base/java.lang=ALL-UNNAMED
    -Dlogback.configurationFile=local-stack-logback.xml
    -Deshop.local-stack.log-dir="$REPO/consistency/target/chaos-logs"
    -Deshop.repo.dir="$REPO"
    -Ddubbo.network.interface.ignored='.*'
    -Dlogging.level.org.apache.dubbo.common.utils.NetUtils=ERROR)
mkdir -p "$DATA_DIR/logs"
launch_java consistency com.eshop.consistency.ChaosMain
