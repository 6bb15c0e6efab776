#!/usr/bin/env bash
# Make a container engine answer: install Debian's docker.io and debootstrap when missing, start dockerd
# when no daemon answers, then build the local Python base images once (bookworm's Python 3.11, the default;
# bullseye's 3.9, which the tests' spec that states 3.9 builds on). Idempotent; used by .ci/run.
#
# Env: REPRO_AUDIT_DOCKERD_WAIT (seconds to wait for dockerd, default 60).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WAIT="${REPRO_AUDIT_DOCKERD_WAIT:-60}"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi

missing=()
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
command -v dockerd >/dev/null 2>&1 || { [[ " ${missing[*]-} " == *" docker.io "* ]] || missing+=(docker.io); }
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ensure-engine: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "ensure-engine: starting dockerd"
  # Background daemon; its log sits in /tmp so a failure can be read.
  $SUDO sh -c 'nohup dockerd >/tmp/repro-audit-dockerd.log 2>&1 &'
  waited=0
  until docker info >/dev/null 2>&1; do
    if [ "$waited" -ge "$WAIT" ]; then
      tail -n 20 /tmp/repro-audit-dockerd.log >&2 || true
      echo "ensure-engine: dockerd did not answer within ${WAIT}s (log: /tmp/repro-audit-dockerd.log)" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
fi
echo "ensure-engine: docker answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"

"$HERE/build-base-image.sh"
"$HERE/build-base-image.sh" bullseye
