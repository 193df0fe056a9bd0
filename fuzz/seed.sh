#!/usr/bin/env bash
# Seeds the fuzz corpora from the project's own C programs (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")"
for target in pipeline mutate; do
    mkdir -p "corpus/$target"
    find ../programs ../tests/c ../benches -name '*.c' 2>/dev/null | while read -r f; do
        cp "$f" "corpus/$target/seed_$(echo "$f" | sed 's|^\.\./||; s|/|_|g')"
    done
done
echo "seeded: $(ls corpus/mutate | wc -l) files per target"
