#!/bin/sh
# Runs once, when MariaDB initializes its volume: the sidecar's user may only read.
set -eu
mariadb -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'kchat'@'%' IDENTIFIED BY '${KCHAT_DB_PASSWORD}';
GRANT SELECT ON \`${MARIADB_DATABASE}\`.* TO 'kchat'@'%';
SQL
