# Sourced by run-local.sh, bench.sh and chaos.sh (after they set REPO to the repository root): their shared options,
# build and JVM launch.
source "$REPO/local-stack/loopback-hosts.sh"

# Usage: parse_launcher_args <default data dir> "$@". Sets BUILD, DATA_DIR and ARGS (what the Java main gets).
parse_launcher_args() {
    DATA_DIR="$1"
    shift
    ARGS=()
    BUILD=1
    while (($#)); do
        case "$1" in
            --skip-build) BUILD=0 ;;
            --data-dir) ARGS+=("$1" "${2:?--data-dir needs a value}"); DATA_DIR="$(realpath -m "$2")"; shift ;;
            -h|--help) ARGS+=("$1"); BUILD=0 ;;
            *) ARGS+=("$1") ;;
        esac
        shift
    done
}

build_suite_unless_skipped() {
    if ((BUILD)); then
        echo "building the suite (mvn -q -B -DskipTests install; the first build downloads dependencies) ..."
        mvn -q -B -DskipTests install
    fi
}

# Usage: launch_java <module> <main class>. Runs the main on the module's classes and classpath.txt with JAVA_OPTS
# and ARGS, $DATA_DIR/home as user.home.
launch_java() {
    local module="$1" main_class="$2"
    local cp_file="$REPO/$module/target/classpath.txt"
    if [[ ! -f "$cp_file" || ! -d "$REPO/$module/target/classes" ]]; then
        echo "$module is not built ($cp_file missing): run without --skip-build" >&2
        exit 1
    fi
    JAVA_OPTS+=(-Duser.home="$DATA_DIR/home")
    pin_hostname_to_loopback "$REPO/$module/target/launcher-hosts"
    mkdir -p "$DATA_DIR/home"
    exec java "${JAVA_OPTS[@]}" -cp "$REPO/$module/target/classes:$(cat "$cp_file")" \
        "$main_class" ${ARGS[@]+"${ARGS[@]}"}
}
