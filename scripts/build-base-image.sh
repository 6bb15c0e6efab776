#!/usr/bin/env bash
# Build, once, a local Python base image from a Debian suite (no image registry is needed or reachable).
#
# Usage: scripts/build-base-image.sh [SUITE] [TAG]
#   SUITE: bookworm (Python 3.11, the default) or bullseye (Python 3.9); trixie (3.13) works as well.
#   TAG:   default repro-audit/python-base:<SUITE>-git-gl
# The image is debootstrap's minimal suite with python3, pip and venv, `python` on PATH and pip allowed
# to install system-wide (EXTERNALLY-MANAGED removed: the image exists to be pip-installed into). The
# host's CA bundle is copied in so pip works behind a TLS-inspecting proxy as the host does.
# It also holds what real solutions' installs and imports take for granted on a full image: git (pip's
# `git+https://` requirements) and the libraries opencv-python loads (libGL.so.1 from libgl1, libgthread from
# libglib2.0-0, libSM, libXext and libXrender for older wheels). The tag says so: an image cached under the
# old tag (`bookworm`, without them) is never taken for this one.
# The image is labelled with its Python (`org.repro-audit.python=3.9`): the audit reads the label of each
# image named with --base-image to pick the one whose Python the spec states.
# Idempotent: when the tag exists it prints it and exits (an older image without the label gets it first).
set -euo pipefail

SUITE="${1:-${REPRO_AUDIT_BASE_SUITE:-bookworm}}"
DEFAULT_TAG="repro-audit/python-base:$SUITE-git-gl"
# REPRO_AUDIT_BASE_IMAGE names the default (bookworm) image, as the tests read it.
[ "$SUITE" = bookworm ] && DEFAULT_TAG="${REPRO_AUDIT_BASE_IMAGE:-$DEFAULT_TAG}"
TAG="${2:-$DEFAULT_TAG}"
MIRROR="${REPRO_AUDIT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
LABEL=org.repro-audit.python
# git for pip's VCS requirements; what opencv-python's wheels load from the system.
EXTRA=git,libgl1,libglib2.0-0,libsm6,libxext6,libxrender1

if docker image inspect "$TAG" >/dev/null 2>&1; then
  if [ -z "$(docker image inspect --format "{{index .Config.Labels \"$LABEL\"}}" "$TAG" 2>/dev/null)" ]; then
    # Made before images carried the label: ask its Python once and add the label (no new layer).
    PY="$(docker run --rm --network none --entrypoint python3 "$TAG" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    printf 'FROM %s\nLABEL %s=%s\n' "$TAG" "$LABEL" "$PY" | DOCKER_BUILDKIT=0 docker build -q -t "$TAG" - >/dev/null
    echo "base image $TAG labelled $LABEL=$PY"
  fi
  echo "base image $TAG exists"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  echo "build-base-image: debootstrap is missing (apt-get install debootstrap, or run scripts/ensure-engine.sh)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

ROOTFS="$(mktemp -d "${TMPDIR:-/tmp}/repro-audit-rootfs.XXXXXX")"
cleanup() { $SUDO rm -rf --one-file-system "$ROOTFS"; }
trap cleanup EXIT

echo "debootstrap $SUITE into $ROOTFS (a few minutes, once)"
$SUDO debootstrap --variant=minbase --include=python3,python3-pip,python3-venv,ca-certificates,$EXTRA \
  "$SUITE" "$ROOTFS" "$MIRROR" >"$ROOTFS.log" 2>&1 || {
  tail -n 40 "$ROOTFS.log" >&2
  echo "build-base-image: debootstrap failed (log: $ROOTFS.log)" >&2
  exit 1
}
rm -f "$ROOTFS.log"

# The suite's Python, from the interpreter it installed (python3 -> python3.9).
PY="$(readlink "$ROOTFS/usr/bin/python3" | sed -n 's/^python\([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p')"
if [ -z "$PY" ]; then
  echo "build-base-image: cannot tell the Python of $SUITE (/usr/bin/python3 -> $(readlink "$ROOTFS/usr/bin/python3"))" >&2
  exit 1
fi

# pip into the system interpreter is the point of this image (PEP 668 marker removed).
$SUDO rm -f "$ROOTFS"/usr/lib/python3*/EXTERNALLY-MANAGED
[ -e "$ROOTFS/usr/bin/python" ] || $SUDO ln -s python3 "$ROOTFS/usr/bin/python"
# Trust what the host trusts (a proxy's CA included); the bundle is public certificates only.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  $SUDO cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
fi
# Smaller image: package lists and caches are not needed at run time.
$SUDO rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/cache/apt/archives/*.deb

CERT=/etc/ssl/certs/ca-certificates.crt
$SUDO tar --numeric-owner -C "$ROOTFS" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV PYTHONDONTWRITEBYTECODE=1' \
  --change 'ENV PIP_DISABLE_PIP_VERSION_CHECK=1' \
  --change "ENV PIP_CERT=$CERT" \
  --change "ENV SSL_CERT_FILE=$CERT" \
  --change "ENV REQUESTS_CA_BUNDLE=$CERT" \
  --change "LABEL $LABEL=$PY" \
  --change 'CMD ["python3"]' \
  - "$TAG" >/dev/null
echo "base image $TAG built (Python $PY)"
