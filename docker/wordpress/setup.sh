#!/bin/sh
# One-shot set-up of the Compose stack's WordPress, run by the wordpress:cli container in
# the site's directory (the wordpress container's files volume). It installs WordPress,
# installs and activates the Kognetiks Chatbot plugin, activates the bridge plugin and
# sets pretty permalinks. Every step checks first, so running it again changes nothing.
# The chatbot's activation creates its tables, which is what the sidecar waits for.
set -eu

say() { printf 'kchat setup: %s\n' "$*"; }

# The wordpress container copies WordPress into the volume and writes wp-config.php on
# its first start; wp-cli can do nothing before both are there.
tries=0
until [ -s wp-config.php ] && [ -f wp-includes/version.php ]; do
	tries=$((tries + 1))
	if [ "$tries" -gt "${KCHAT_SETUP_WAIT:-150}" ]; then
		say "no WordPress with a wp-config.php in $(pwd); is the wordpress service running?" >&2
		exit 1
	fi
	sleep 2
done

# "not installed" and "database not answering yet" both exit 1 here; in the second case
# the install below fails too, and Compose runs this script again (restart: on-failure).
if wp core is-installed; then
	say "WordPress is already installed"
else
	wp core install --skip-email \
		--url="$WORDPRESS_URL" \
		--title="$WORDPRESS_TITLE" \
		--admin_user="$WORDPRESS_ADMIN_USER" \
		--admin_password="$WORDPRESS_ADMIN_PASSWORD" \
		--admin_email="$WORDPRESS_ADMIN_EMAIL"
fi

if ! wp plugin is-installed chatbot-chatgpt; then
	wp plugin install chatbot-chatgpt
fi
for plugin in chatbot-chatgpt kchat-sidecar; do
	if wp plugin is-active "$plugin"; then
		say "$plugin is already active"
	else
		wp plugin activate "$plugin"
	fi
done

# Make sure the table the sidecar reads is there: the plugin creates it on activation
# (and on version checks); if it has not, ask the plugin's own function once, and fail
# loudly rather than leave the sidecar unready without a word.
wp eval '
global $wpdb;
$table = $wpdb->prefix . "chatbot_chatgpt_interactions";
$exists = function () use ( $wpdb, $table ) {
	return $wpdb->get_var( $wpdb->prepare( "SHOW TABLES LIKE %s", $wpdb->esc_like( $table ) ) ) === $table;
};
if ( ! $exists() && function_exists( "create_chatbot_chatgpt_interactions_table" ) ) {
	create_chatbot_chatgpt_interactions_table();
}
if ( ! $exists() ) {
	WP_CLI::error( "$table is missing after activating the Kognetiks Chatbot plugin." );
}
WP_CLI::success( "$table is there." );
'

if [ "$(wp option get permalink_structure)" != '/%postname%/' ]; then
	wp rewrite structure '/%postname%/'
fi

say "done: $WORDPRESS_URL/wp-admin/options-general.php?page=kchat-interactions"
