# Sourced by the scripts: puts Node 24 first on PATH, installing it from the npm registry
# (the `node` package ships the binary) when the machine's node is another major.
TAR_PUSH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE24_DIR="$TAR_PUSH_ROOT/.tools/node24"
if [ -x "$NODE24_DIR/node_modules/node/bin/node" ]; then
  export PATH="$NODE24_DIR/node_modules/node/bin:$PATH"
fi
if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  echo "installing Node 24 (npm package node@24) into .tools/node24" >&2
  mkdir -p "$NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
  export PATH="$NODE24_DIR/node_modules/node/bin:$PATH"
fi
node --version | grep -q '^v24\.' || { echo "Node 24 is not in use: $(node --version)" >&2; exit 1; }
