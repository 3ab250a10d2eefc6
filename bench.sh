#!/usr/bin/env bash
# Benchmark of the order-cancellation chain: builds, starts its own local stack (fresh databases in
# .local-stack/bench), drives it through the Dubbo APIs a client uses and prints one table: each figure, its target,
# and the database floor measured in the same run (docs/performance.md). Not part of mvn verify.
# Options: --quick (under 5 minutes once the stack is up) --skip-build --data-dir DIR --keep-stack (./bench.sh --help)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

source "$REPO/local-stack/launcher.sh"
parse_launcher_args "$REPO/.local-stack/bench" "$@"
build_suite_unless_skipped

JAVA_OPTS=(-Xms256m -Xmx1g -XX:+UseSerialGC
    --add-opens java.base/java.lang=ALL-UNNAMED
    -Dlogback.configurationFile=local-stack-logback.xml
    -Deshop.local-stack.log-dir="$REPO/consistency/target/bench-logs"
    -Deshop.repo.dir="$REPO"
    -Ddubbo.network.interface.ignored='.*'
    -Dlogging.level.org.apache.dubbo.common.utils.NetUtils=ERROR)
launch_java consistency com.eshop.consistency.bench.BenchMain
