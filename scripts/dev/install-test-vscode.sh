#!/usr/bin/env bash
# Installs a real VS Code (code-server, VS Code 1.100.3 with a Node extension host) into the git-ignored
# .vscode-test/code-server/ so the integration and UI tests can run headlessly without internet access
# (only the npm registry and Debian apt are needed). @vscode/test-electron cannot download VS Code here.
#
# Why not a plain `npm install code-server`: its postinstall refuses to run as root without unsafe-perm,
# the `kerberos` module needs libkrb5-dev, and @vscode/ripgrep downloads a binary from GitHub. So we install
# with --ignore-scripts, rebuild only the native modules, use Debian's rg, and make the postinstall's links.
# Idempotent: a marker file records a complete install. Safe for CI (no prompts). Run from anywhere.
set -euo pipefail

CS_VERSION=4.100.3   # newest code-server that runs on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.vscode-test/code-server"
MARKER="$DEST/.complete-$CS_VERSION"
start=$SECONDS
log() { echo "[install-test-vscode] +$((SECONDS - start))s $*"; }

# --- LaTeX for the test that compiles an inserted comparison table (checked on every run: the marker
# below only records code-server). booktabs is in texlive-latex-recommended; pdflatex and natbib in -base.
if ! command -v pdflatex >/dev/null || ! kpsewhich booktabs.sty >/dev/null 2>&1; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  log "apt-get install texlive-latex-base texlive-latex-recommended"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends texlive-latex-base texlive-latex-recommended >/dev/null
fi

# --- A font with Chinese glyphs, so the UI checks' screenshots in Simplified Chinese show text rather than
# empty boxes (checked on every run, like LaTeX). WenQuanYi Micro Hei is 5 MB; Noto CJK would be 90 MB.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  log "apt-get install fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends fonts-wqy-microhei fontconfig >/dev/null
fi

if [[ -f "$MARKER" ]]; then
  echo "[install-test-vscode] code-server $CS_VERSION already installed in $DEST"
  exit 0
fi

# --- Debian packages, only those that are missing -------------------------------------------------
need=()
command -v chromium >/dev/null || need+=(chromium)           # headless browser for the workbench
command -v rg >/dev/null || need+=(ripgrep)                   # replaces @vscode/ripgrep's download
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)    # headers for the kerberos module
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
command -v python3 >/dev/null || need+=(python3)              # node-gyp
if ((${#need[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  log "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Allow native builds as root; keep npm quiet and offline-friendly.
# npm_config_yes: node-pty's post-install runs `npx node-gyp`, which would otherwise wait for a "y".
# JOBS=max lets node-gyp compile with all cores.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
  npm_config_update_notifier=false npm_config_loglevel=error JOBS=max

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{ "private": true }' > package.json

log "npm install code-server@$CS_VERSION (scripts skipped)"
npm install --no-save --ignore-scripts "code-server@$CS_VERSION" >/dev/null
CS="$DEST/node_modules/code-server"

log "rebuilding argon2 (password hashing; imported even with --auth none)"
(cd "$DEST" && npm rebuild argon2 >/dev/null)

log "installing VS Code's own dependencies (lib/vscode)"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts >/dev/null

log "rebuilding native modules"
npm rebuild kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty >/dev/null

log "using Debian's ripgrep for @vscode/ripgrep"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

# The links code-server's postinstall.sh would make (Linux variants).
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh

log "installing the built-in extensions' shared dependency (typescript)"
(cd extensions && npm install --omit=dev --ignore-scripts >/dev/null)

# Smoke test: the server must at least print its version. --config keeps it from writing ~/.config.
"$CS/out/node/entry.js" --config "$DEST/config.yaml" --version | tail -1 | sed 's/^/[install-test-vscode] /'
rm -f "$DEST/config.yaml"

touch "$MARKER"
log "done in $((SECONDS - start))s"
