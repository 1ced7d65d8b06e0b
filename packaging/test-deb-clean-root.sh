#!/usr/bin/env bash
# The Debian package in a clean Debian 12 root: debootstrap from Debian's mirror, then
# `apt-get install ./biaxial-studio_*.deb` (which must pull every dependency by itself), then
# `biaxial continue` with the installed default model and the studio's --screenshot under Xvfb,
# inside the root. Needs root (chroot) and Debian's packages reachable; takes minutes.
# usage: sudo packaging/test-deb-clean-root.sh [PACKAGE.deb [ROOT_DIR]]
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=${1:-$(ls -t build/biaxial-studio_*.deb | head -1)}
ROOT=${2:-/tmp/biaxial-clean-root}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
command -v debootstrap > /dev/null || apt-get install -y -q debootstrap > /dev/null
if [ ! -x "$ROOT/bin/bash" ]; then
    echo "debootstrap: a minimal Debian 12 in $ROOT ..."
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" > "$ROOT.debootstrap.log" 2>&1
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp "$DEB" "$ROOT/tmp/"
# A seed to continue, written by the package's own tool after installing.
mount --bind /proc "$ROOT/proc"
trap 'umount "$ROOT/proc" || true' EXIT
chroot "$ROOT" /bin/bash -euo pipefail -c "
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q > /dev/null
    apt-get install -y -q /tmp/$(basename "$DEB") xvfb xauth > /tmp/install.log 2>&1 || { tail -20 /tmp/install.log; exit 1; }
    echo 'installed:'; dpkg -l biaxial-studio | tail -1
    biaxial continue --empty --bars 2 --out /tmp/new.mid
    biaxial continue --seed /tmp/new.mid --bars 2 --out /tmp/more.mid
    cd /tmp && xvfb-run -a -s '-screen 0 1280x800x24' biaxial-studio --no-sound --screenshot /tmp/studio.png /tmp/more.mid
    ls -la /tmp/studio.png
"
cp "$ROOT/tmp/studio.png" "${SHOT:-/tmp/clean-root-studio.png}"
echo "clean-root test passed: $(basename "$DEB") installed with its dependencies, biaxial continue and the studio ran"
