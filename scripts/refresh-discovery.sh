#!/bin/sh
# Replaces reference/dataproc-v1-discovery.json with a newer discovery document and prints its revision.
#   scripts/refresh-discovery.sh                 download it from Google
#   scripts/refresh-discovery.sh PATH_OR_URL     copy a file, or download another URL
# Then: python3 scripts/gen-spark-schemas.py && npm test, and note the revision in reference/README.md.
set -eu
source="${1:-https://dataproc.googleapis.com/\$discovery/rest?version=v1}"
target="$(dirname "$0")/../reference/dataproc-v1-discovery.json"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
case "$source" in
  http://* | https://*) curl --fail --silent --show-error --location "$source" -o "$tmp" ;;
  *) cp "$source" "$tmp" ;;
esac
revision="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["name"]=="dataproc" and d["version"]=="v1", "not the Dataproc v1 discovery document"; print(d["revision"])' "$tmp")"
cp "$tmp" "$target"
echo "reference/dataproc-v1-discovery.json: revision $revision"
