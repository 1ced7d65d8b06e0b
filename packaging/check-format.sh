#!/usr/bin/env bash
# Every C++ source follows the committed .clang-format (clang-format 14, Debian 12's). Lists the
# files that do not and fails; `packaging/check-format.sh --fix` formats them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tracked and new (untracked, not ignored) sources alike.
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
    echo "check-format: not formatted with .clang-format (run packaging/check-format.sh --fix):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "check-format: ${#files[@]} sources follow .clang-format"
