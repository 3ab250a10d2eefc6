#!/usr/bin/env bash
# Runs the whole order-cancellation suite on this machine without Docker: MariaDB, Redis, ZooKeeper,
# RocketMQ, Seata TC and the seven services, all on 127.0.0.1. Ctrl-C stops everything.
# Options: --reset --infra-only --no-demo --pay-timeout PT20S --scan-interval PT10S --skip-build
#          (see local-stack/README-local-stack.md, or ./run-local.sh --help)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$(pwd)"

source "$REPO/local-stack/launcher.sh"
parse_launcher_args "$REPO/.local-stack" "$@"

if ((BUILD)) && [[ " ${ARGS[*]-} " == *" --infra-only "* ]]; then
    echo "building the local stack (mvn -q -B -DskipTests install -pl local-stack/seata-tc,local-stack -am) ..."
    mvn -q -B -DskipTests install -pl local-stack/seata-tc,local-stack -am
else
    build_suite_unless_skipped
fi

JAVA_OPTS=(-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Dlogback.configurationFile=local-stack-logback.xml
    -Ddubbo.network.interface.ignored='.*')
launch_java local-stack com.eshop.stack.LocalStackMain
