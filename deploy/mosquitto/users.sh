#!/usr/bin/env bash
# Creates and changes the users of the broker in its password file (mosquitto_passwd -b), for the
# rules in ./acl. Run from anywhere; reload the broker afterwards so it reads the file again:
#   docker compose kill -s HUP mosquitto
#
#   users.sh init                    the users of the system itself: campwater (the silos, password
#                                    MQTT_INGEST_PASSWORD) and healthcheck (MQTT_HEALTHCHECK_PASSWORD),
#                                    taken from the environment or else from the .env of the repository
#   users.sh sensor CAMP TANK [PW]   the sensor of one tank: user "CAMP/tanks/TANK", which may publish
#                                    only to campwater/CAMP/tanks/TANK/level and .../quality; without PW
#                                    a random password is made; prints "username password"
#   users.sh point-sensor CAMP POINT [PW]
#                                    a water quality sensor at a water point: user "CAMP/points/POINT"
#   users.sh user NAME [PW]          another user named in ./acl (lorawan, observer); same output
#   users.sh remove NAME             deletes a user
#
# Environment: PASSWORD_FILE (default: passwd beside this script), MOSQUITTO_PASSWD (the program;
# default mosquitto_passwd from PATH, else the one in the eclipse-mosquitto:2 image through docker).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
password_file="${PASSWORD_FILE:-$here/passwd}"
# Camp and tank ids as in the registry file (docs/registry.md).
id_pattern='^[a-z0-9_-]{1,64}$'

fail() {
    echo "users.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

random_password() {
    # 24 random bytes as hex: no character that a shell, a URL or a connection string treats specially.
    od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

mosquitto_passwd_cmd() {
    if [[ -n "${MOSQUITTO_PASSWD:-}" ]]; then
        "$MOSQUITTO_PASSWD" "$@"
    elif command -v mosquitto_passwd >/dev/null 2>&1; then
        mosquitto_passwd "$@"
    elif command -v docker >/dev/null 2>&1; then
        # The file's folder is mounted; the last argument that names the file is rewritten to it.
        local folder args=() arg
        folder="$(dirname "$password_file")"
        for arg in "$@"; do
            [[ "$arg" == "$password_file" ]] && arg="/work/$(basename "$password_file")"
            args+=("$arg")
        done
        docker run --rm -u "$(id -u):$(id -g)" -v "$folder:/work" eclipse-mosquitto:2 mosquitto_passwd "${args[@]}"
    else
        fail "neither mosquitto_passwd (Debian package mosquitto) nor docker is installed."
    fi
}

ensure_file() {
    if [[ ! -e "$password_file" ]]; then
        (umask 077 && : >"$password_file")
        echo "users.sh: created $password_file" >&2
    fi
}

set_user() {
    local name="$1" password="$2"
    [[ "$name" != *:* && "$name" != *[+#]* && -n "$name" ]] || fail "'$name' is not a usable user name (no ':', '+' or '#')."
    [[ -n "$password" ]] || fail "the password of '$name' is empty."
    ensure_file
    mosquitto_passwd_cmd -b "$password_file" "$name" "$password"
}

env_value() {
    # The variable from the environment, else its line in the repository's .env.
    local name="$1" value="${!1:-}" env_file
    env_file="$(cd "$here/../.." && pwd)/.env"
    if [[ -z "$value" && -f "$env_file" ]]; then
        value="$(sed -n "s/^$name=//p" "$env_file" | tail -n 1)"
        value="${value%\"}"; value="${value#\"}"; value="${value%\'}"; value="${value#\'}"
    fi
    [[ -n "$value" ]] || fail "$name is not set (in the environment or in $env_file)."
    printf '%s' "$value"
}

command="${1:-}"
case "$command" in
    init)
        set_user campwater "$(env_value MQTT_INGEST_PASSWORD)"
        set_user healthcheck "$(env_value MQTT_HEALTHCHECK_PASSWORD)"
        echo "users.sh: campwater and healthcheck set in $password_file" >&2
        ;;
    sensor)
        (($# == 3 || $# == 4)) || usage
        [[ "$2" =~ $id_pattern ]] || fail "camp id '$2' is not 1-64 of a-z 0-9 - _."
        [[ "$3" =~ $id_pattern ]] || fail "tank id '$3' is not 1-64 of a-z 0-9 - _."
        password="${4:-$(random_password)}"
        set_user "$2/tanks/$3" "$password"
        echo "$2/tanks/$3 $password"
        ;;
    point-sensor)
        (($# == 3 || $# == 4)) || usage
        [[ "$2" =~ $id_pattern ]] || fail "camp id '$2' is not 1-64 of a-z 0-9 - _."
        [[ "$3" =~ $id_pattern ]] || fail "point id '$3' is not 1-64 of a-z 0-9 - _."
        password="${4:-$(random_password)}"
        set_user "$2/points/$3" "$password"
        echo "$2/points/$3 $password"
        ;;
    user)
        (($# == 2 || $# == 3)) || usage
        password="${3:-$(random_password)}"
        set_user "$2" "$password"
        echo "$2 $password"
        ;;
    remove)
        (($# == 2)) || usage
        [[ -f "$password_file" ]] || fail "$password_file does not exist."
        mosquitto_passwd_cmd -D "$password_file" "$2"
        ;;
    *)
        usage
        ;;
esac
