#!/usr/bin/env bash
# Bytes a first visit moves for a page's static files, as is and compressed
# (issue 17, item 11): scripts/first_load.sh [BASE_URL] [PATH]
# e.g. scripts/first_load.sh http://127.0.0.1:8080 /login
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
path="${2:-/login}"
size() { curl -s -H "accept-encoding: $2" "$base$1" | wc -c; }
total=(0 0 0)
printf '| File | As is | brotli | gzip |\n|---|---:|---:|---:|\n'
for u in $(curl -s "$base$path" | grep -oE '/static/v/[^"]+' | sort -u); do
  raw=$(size "$u" identity); br=$(size "$u" br); gz=$(size "$u" gzip)
  total=($((total[0] + raw)) $((total[1] + br)) $((total[2] + gz)))
  printf '| `%s` | %s B | %s B | %s B |\n' "${u#/static/v/*/}" "$raw" "$br" "$gz"
done
printf '| **First load** | **%s B** | **%s B** | **%s B** |\n' "${total[@]}"
