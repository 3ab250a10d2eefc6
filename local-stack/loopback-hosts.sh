# Sourced by local-stack/launcher.sh. docs/local-stack-notes.md "Network": where the hostname resolves off loopback, pin it (and
# localhost) to 127.0.0.1 for the launcher JVM. Usage: pin_hostname_to_loopback <hosts file>; appends to JAVA_OPTS.
pin_hostname_to_loopback() {
    local host
    host="$(hostname)"
    if getent ahosts "$host" 2>/dev/null | awk '{print $1}' | grep -qvE '^(127\.|::1$)'; then
        mkdir -p "$(dirname "$1")"
        printf '127.0.0.1 localhost %s\n::1 localhost\n' "$host" > "$1"
        JAVA_OPTS+=(-Djdk.net.hosts.file="$1")
    fi
}
