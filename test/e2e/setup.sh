#!/usr/bin/env bash
# Installs what the real-editor tests need, only when it is missing (idempotent, fast when present):
#   - Debian packages: chromium, ripgrep, libkrb5-dev, pkg-config, neovim (neovim is for another test),
#     and g++/make/python3 for node-gyp when they are missing
#   - code-server (the real VS Code workbench, from npm) into .tools/code-server, following
#     ../shared/notes/real-vscode-e2e.md: --ignore-scripts, the inner lib/vscode dependencies,
#     a rebuild of the native modules, Debian's ripgrep instead of the GitHub download, the symlinks.
# Prints one line per step it runs; the full log is in .tools/setup.log.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$REPO/.tools/code-server"
CS="$TOOLS/node_modules/code-server"
VSCODE="$CS/lib/vscode"
MARKER="$TOOLS/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium ripgrep libkrb5-dev pkg-config neovim)

mkdir -p "$REPO/.tools"
LOG="$REPO/.tools/setup.log"
LOG_STARTED=0

step() {
  ((LOG_STARTED)) || { : >"$LOG"; LOG_STARTED=1; }
  printf 'setup: %s\n' "$*"
}
run() {
  # Runs a command with its output in the log; on failure shows the log's tail.
  if ! "$@" >>"$LOG" 2>&1; then
    echo "setup: FAILED: $*" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
}

# --- Debian packages ---------------------------------------------------------------------------
# node-gyp (the native-module rebuild below) needs a compiler, make and python3.
command -v g++ >/dev/null || APT_PACKAGES+=(g++)
command -v make >/dev/null || APT_PACKAGES+=(make)
command -v python3 >/dev/null || APT_PACKAGES+=(python3)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=(sudo); else echo "setup: need root to install ${missing[*]}" >&2; exit 1; fi
  else
    SUDO=()
  fi
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be stale; refresh them only when an install fails.
  if ! "${SUDO[@]}" apt-get install -y -q "${missing[@]}" >>"$LOG" 2>&1; then
    run "${SUDO[@]}" apt-get update -q
    run "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
  fi
fi

# --- code-server -------------------------------------------------------------------------------
if [[ -f "$MARKER" && -x "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" ]]; then
  exit 0
fi

step "npm install code-server@$CODE_SERVER_VERSION into .tools/code-server"
mkdir -p "$TOOLS"
rm -f "$TOOLS"/.installed-*
[[ -f "$TOOLS/package.json" ]] || echo '{"name":"claimlint-e2e-tools","private":true}' >"$TOOLS/package.json"
run npm install --prefix "$TOOLS" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"

step "npm install the inner VS Code dependencies"
(cd "$VSCODE" && run npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

step "npm rebuild the native modules"
(cd "$VSCODE" && npm_config_yes=true run npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog)
# argon2 (password auth) is not used with --auth none, but code-server loads it when present.
(cd "$TOOLS" && run npm rebuild argon2) || true

step "link Debian's ripgrep and the launcher symlinks"
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE/node_modules.asar"
(cd "$VSCODE/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSCODE/bin/helpers" && ln -sfn browser-linux.sh browser.sh)

run node "$CS/out/node/entry.js" --version
touch "$MARKER"
step "code-server $CODE_SERVER_VERSION ready ($(du -sh "$TOOLS" | cut -f1))"
