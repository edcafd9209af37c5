#!/usr/bin/env bash
# fresh_npm: npm as a person would start it, for installs of the end-to-end tools.
# Sourced by run-e2e.sh; run on its own (`bash test/e2e/fresh-npm.sh ARGS`) it is the same command,
# which is how test/unit/e2e-install.test.ts checks it from inside `npm run`.
#
# `npm test` starts run-e2e.sh from an npm process on Node 20, which exports its state to
# every child: npm_config_user_agent ("npm/… node/v20…"), npm_config_nodedir, npm_execpath,
# npm_node_execpath, npm_package_*, npm_lifecycle_*, INIT_CWD, NODE. A nested npm reads every
# npm_config_* variable back as its own configuration, so the code-server install inherited
# Node 20's user agent and its postinstall refused ("requires node v24") although npm itself ran
# on Node 24. fresh_npm runs npm with all of that removed, so it configures itself from its own
# node, its own defaults and the user's .npmrc, as when a person types the command.
#   fresh_npm [NAME=value ...] npm-arguments...   (leading assignments are set for npm)
fresh_npm() {
  local env_args=() var
  while IFS= read -r var; do
    case "$var" in
      npm_* | NPM_CONFIG_* | INIT_CWD | NODE | NODE_OPTIONS | COREPACK_*) env_args+=(-u "$var") ;;
    esac
  done < <(compgen -e)
  while [ $# -gt 0 ] && [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do env_args+=("$1"); shift; done
  env "${env_args[@]}" npm "$@"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  fresh_npm "$@"
fi
