#!/usr/bin/env bash
# Builds the Debian package from the build folder (packaging/build.sh first) and shows what it
# holds and needs. The binaries find their data beside them (<prefix>/bin/../share/biaxial-studio),
# so a build configured for /usr/local packages for /usr unchanged.
# usage: packaging/make-deb.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
(cd "$BUILD" && cpack -G DEB > cpack.log)
deb=$(ls -t "$BUILD"/biaxial-studio_*.deb | head -1)
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends Suggests Section
dpkg-deb -c "$deb" | awk '{print $6}' | grep -E 'bin/|\.desktop|metainfo|man1|default-model|icons' | sed 's/^/  /'
