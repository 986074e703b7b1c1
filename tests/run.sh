#!/usr/bin/env bash
# The test command: installs the servers that the tests start as child processes (mosquitto, Redis,
# VictoriaMetrics as the InfluxDB write API, aiosmtpd as the SMTP server of the email tests), the
# browser of the UI tests, curl and mosquitto_pub (the README's examples are run as written) and
# docker-compose (which checks docker-compose.yml), builds the solution, then runs every test.
#
#   tests/run.sh                      # everything, Debug build
#   tests/run.sh --filter Mosquitto   # extra arguments go to `dotnet test`
#   CONFIGURATION=Release tests/run.sh
#
# Installing needs root or sudo and a Debian-like system (apt-get). The tests use free ports only,
# so services that the packages start on their usual ports (1883, 6379) do not get in the way.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${CONFIGURATION:-Debug}"
packages=(mosquitto mosquitto-clients redis-server victoria-metrics chromium curl)
# Without their recommended packages: docker-compose only checks docker-compose.yml (`config`), which
# needs no Docker engine, so the engine it recommends is not installed.
# python3-aiosmtpd recommends its documentation toolchain (Sphinx), which the tests do not need.
packages_without_recommends=(docker-compose python3-aiosmtpd)
# Program -> the package it comes from, checked after any install.
declare -A binaries=(
    [mosquitto]=mosquitto
    [redis-server]=redis-server
    [victoria-metrics]=victoria-metrics
    [chromium]=chromium
    [docker-compose]=docker-compose
    [curl]=curl
    [mosquitto_pub]=mosquitto-clients
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
    echo "tests/run.sh: $*" >&2
    exit 1
}

is_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

# Debian puts daemons in sbin, which is not on every user's PATH.
find_binary() {
    command -v "$1" 2>/dev/null && return 0
    local dir
    for dir in /usr/sbin /usr/local/sbin /sbin; do
        [[ -x "$dir/$1" ]] && { echo "$dir/$1"; return 0; }
    done
    return 1
}

install_missing_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        echo "tests/run.sh: no apt-get here; make sure these are installed: ${packages[*]}" >&2
        return 0
    fi

    local missing=() package
    for package in "${packages[@]}" "${packages_without_recommends[@]}"; do
        is_installed "$package" || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0

    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 ||
            fail "the packages ${missing[*]} are missing and installing them needs root or sudo; install them and run again."
        sudo=(sudo)
    fi

    echo "tests/run.sh: missing ${missing[*]}; installing"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages_without_recommends[@]}"
}

check_binaries() {
    local binary path
    for binary in "${!binaries[@]}"; do
        path="$(find_binary "$binary")" ||
            fail "'$binary' is still missing; install the Debian package '${binaries[$binary]}' (apt-get install ${binaries[$binary]})."
        echo "tests/run.sh: $binary -> $path"
    done
    # aiosmtpd is a Python module of Debian's own python3 (another python3 earlier on PATH may lack it).
    /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null ||
        fail "the SMTP server of the email tests is missing; install the Debian package 'python3-aiosmtpd' (apt-get install python3-aiosmtpd)."
    echo "tests/run.sh: aiosmtpd -> /usr/bin/python3 -m aiosmtpd"
    command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH."
}

# Adds up the per-assembly totals of the VSTest console logger into one closing line.
summarize() {
    awk '
        /^[[:space:]]+Passed:[[:space:]]+[0-9]+[[:space:]]*$/  { passed  += $2 }
        /^[[:space:]]+Failed:[[:space:]]+[0-9]+[[:space:]]*$/  { failed  += $2 }
        /^[[:space:]]+Skipped:[[:space:]]+[0-9]+[[:space:]]*$/ { skipped += $2 }
        END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
    ' "$1"
}

install_missing_packages
check_binaries

echo "tests/run.sh: dotnet $(dotnet --version), $configuration build"
dotnet build CampWater.slnx -c "$configuration"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test CampWater.slnx -c "$configuration" --no-build \
    --logger "console;verbosity=normal" \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

summarize "$log"
exit "$status"
