#!/usr/bin/env bash
# http-health [PATH] [PORT]: the health check of the CampWater images. Exits 0 when
# GET http://127.0.0.1:PORT/PATH answers 200 within 5 s, and 1 otherwise, saying why.
#
# The ASP.NET runtime image has neither curl nor wget. Rather than install one (a package download
# in every build and one more program to keep patched) or start a second .NET process every few
# seconds, this sends the one plain HTTP/1.1 request through bash's /dev/tcp: bash is in the image.
set -uo pipefail

path="${1:-/health/live}"
port="${2:-8080}"

fail() {
    echo "http-health: GET http://127.0.0.1:$port$path: $*" >&2
    exit 1
}

# On loopback a closed port refuses at once; the HEALTHCHECK's own timeout bounds everything else.
if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    fail "nothing accepts connections"
fi

printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: http-health\r\nConnection: close\r\n\r\n' "$path" "$port" >&3 ||
    fail "the connection closed before the request was sent"

status_line=""
IFS= read -r -t 5 status_line <&3 || true
exec 3<&- 3>&-
status_line="${status_line%$'\r'}"

case "$status_line" in
    "HTTP/1."?" 200"*) exit 0 ;;
    "") fail "no answer within 5 s" ;;
    *) fail "$status_line" ;;
esac
