#!/bin/sh
# Rebuilds testdata/wordpress-network.sql: a WordPress multisite network made by
# WordPress's own code (make-network.php, run with php-cli over Debian's wordpress
# package) in a scratch MariaDB database, dumped as mysqldump writes it, one row a line.
#
#   testdata/wordpress-network/make-network.sh [output]     (default: testdata/wordpress-network.sql)
#
# Needs php-cli, php-mysql, Debian's wordpress package (or WORDPRESS_DIR) and a MariaDB
# or MySQL server where KCHAT_DB_USER may create a database: KCHAT_DB_HOST (default
# 127.0.0.1:3306), KCHAT_DB_USER (root), KCHAT_DB_PASSWORD (empty). KCHAT_TODAY (default
# 2026-12-02) is the date the chatbot's data end on; keep it to keep the numbers that
# repository/repotest/netfixture states. Password hashes, the application password and
# the registration times change with every build: after rebuilding, copy the new
# application password from the header into netfixture and run go test ./repository/...
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../wordpress-network.sql}
export KCHAT_DB_HOST="${KCHAT_DB_HOST:-127.0.0.1:3306}"
export KCHAT_DB_USER="${KCHAT_DB_USER:-root}"
export KCHAT_DB_PASSWORD="${KCHAT_DB_PASSWORD:-}"
export KCHAT_TODAY="${KCHAT_TODAY:-2026-12-02}"
export KCHAT_DB_NAME="kchat_network_build_$$"

host=${KCHAT_DB_HOST%:*}
port=${KCHAT_DB_HOST##*:}
[ "$port" != "$KCHAT_DB_HOST" ] || port=3306
# The password goes through the environment, not the command line.
export MYSQL_PWD="$KCHAT_DB_PASSWORD"
client() { "$@" -h"$host" -P"$port" -u"$KCHAT_DB_USER"; }

scratch=$(mktemp -d)
cleanup() {
	client mariadb -e "DROP DATABASE IF EXISTS \`$KCHAT_DB_NAME\`" || true
	rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

# WordPress's wp-content, but writable and private: themes from the package, nothing
# else (no languages, no plugins: the chatbot's tables are made by make-network.php).
mkdir "$scratch/wp-content"
ln -s "${WORDPRESS_DIR:-/usr/share/wordpress}/wp-content/themes" "$scratch/wp-content/themes"
export KCHAT_WP_CONTENT_DIR="$scratch/wp-content"

client mariadb -e "CREATE DATABASE \`$KCHAT_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
php "$here/make-network.php" install >/dev/null
php "$here/make-network.php" populate >"$scratch/header.sql"

# The tables the sidecar reads, as in testdata/wordpress-6.1-site.sql: the network's
# (users, user meta, network, network meta, sites) and each site's options and chatbot
# tables. WordPress makes the others again (make_db_current_silent on each site). Every
# table costs a loading test a CREATE TABLE, about 0.1 s on MariaDB.
tables=$(client mariadb -N -e "SHOW TABLES" "$KCHAT_DB_NAME" |
	grep -E '^wp_(users|usermeta|site|sitemeta|blogs|([0-9]+_)?(options|chatbot_chatgpt_interactions|chatbot_chatgpt_conversation_log))$')

# mysqldump's own statements, without its comments and dates; then each table's rows
# gathered into one INSERT with a row a line, as testdata/wordpress-6.1-site.sql has
# them (with --skip-extended-insert every line is one whole row, so the merge needs no
# SQL parsing).
client mariadb-dump --skip-comments --skip-extended-insert --order-by-primary \
	--single-transaction "$KCHAT_DB_NAME" $tables >"$scratch/dump.sql"
awk '
	function flush() { if (table != "") { print rows ";"; table = "" } }
	match($0, /^INSERT INTO `[^`]+` VALUES \(/) {
		head = substr($0, 1, RLENGTH - 1)
		row = substr($0, RLENGTH, length($0) - RLENGTH)   # "(...)" without the ";"
		if (head == table) { rows = rows ",\n" row } else { flush(); table = head; rows = head "\n" row }
		next
	}
	{ flush(); print }
	END { flush() }
' "$scratch/dump.sql" >"$scratch/rows.sql"

cat "$scratch/header.sql" "$scratch/rows.sql" >"$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
