#!/usr/bin/env bash
# Install uv, the resolver the audit asks whether a spec can install, into a venv in the repo's .cache/
# (never the user's home). The audit finds it there; REPRO_AUDIT_UV names another.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION="0.13.9"
venv=".cache/uv"
if [ -x "$venv/bin/uv" ] && [ "$("$venv/bin/uv" --version | cut -d' ' -f2)" = "$UV_VERSION" ]; then exit 0; fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "uv==$UV_VERSION"
"$venv/bin/uv" --version
