#!/bin/bash
SELECTION=$(find "${BACKUP_DIR}" -maxdepth 1 \( -type d -o -type f \) \( -name '*.zst' -o -name 'mysql' \) -printf '%f\n' | sort)
find /var/backups -name 'mysql*' -prune -o -print
