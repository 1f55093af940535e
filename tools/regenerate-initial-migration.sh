#!/usr/bin/env bash
# Before the first release only: rewrites Data/Migrations/20261123000000_Initial.cs from the current model.
# After a release, never edit a shipped migration: add a new one (draft it with tools/Portal.MigrationDraft).
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/Portal.Web/Data/Migrations/20261123000000_Initial.cs
tmp=$(mktemp -d)
mv "$file" "$tmp/"
trap 'if [ ! -f "$file" ]; then mv "$tmp/$(basename "$file")" "$file"; fi' EXIT
dotnet run --project tools/Portal.MigrationDraft "$@" > "$tmp/draft.cs"
python3 tools/wrap_initial_migration.py "$tmp/draft.cs" "$file"
echo "rewrote $file"
