<?php
/**
 * Asks WordPress itself which site it serves for each request: reads "host<TAB>uri"
 * lines on stdin and prints one blog_id a line (0 when WordPress finds none), having
 * turned the Host and REQUEST_URI into a domain and path as ms-settings.php does and
 * called ms_load_current_site_and_network() as it does. The network is the one in the
 * database; DOMAIN_CURRENT_SITE and PATH_CURRENT_SITE are left undefined, so WordPress
 * finds it in wp_site. wpnetwork's php_test.go runs this.
 *
 * Environment: KCHAT_DB_NAME, KCHAT_DB_HOST, KCHAT_DB_USER, KCHAT_DB_PASSWORD,
 * KCHAT_SUBDOMAIN (1 or empty), KCHAT_WP_CONTENT_DIR (an empty directory), WORDPRESS_DIR.
 */

ini_set( 'display_errors', 'stderr' );

define( 'DB_NAME', getenv( 'KCHAT_DB_NAME' ) );
define( 'DB_USER', getenv( 'KCHAT_DB_USER' ) ?: 'root' );
define( 'DB_PASSWORD', getenv( 'KCHAT_DB_PASSWORD' ) ?: '' );
define( 'DB_HOST', getenv( 'KCHAT_DB_HOST' ) ?: '127.0.0.1:3306' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_CONTENT_DIR', getenv( 'KCHAT_WP_CONTENT_DIR' ) );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', '1' === getenv( 'KCHAT_SUBDOMAIN' ) );
$table_prefix = 'wp_';

// WordPress boots for the main site, which wp_blogs must hold.
$_SERVER['HTTP_HOST']   = getenv( 'KCHAT_BOOT_HOST' );
$_SERVER['SERVER_NAME'] = $_SERVER['HTTP_HOST'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['PHP_SELF']    = '/index.php';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

define( 'ABSPATH', rtrim( getenv( 'WORDPRESS_DIR' ) ?: '/usr/share/wordpress', '/' ) . '/' );
require_once ABSPATH . 'wp-settings.php';

while ( false !== ( $line = fgets( STDIN ) ) ) {
	list( $host, $uri ) = explode( "\t", rtrim( $line, "\n" ) );
	// ms-settings.php, as it turns the request into $domain and $path.
	$domain = strtolower( stripslashes( $host ) );
	if ( ':80' === substr( $domain, -3 ) ) {
		$domain = substr( $domain, 0, -3 );
	} elseif ( ':443' === substr( $domain, -4 ) ) {
		$domain = substr( $domain, 0, -4 );
	}
	list( $path ) = explode( '?', stripslashes( $uri ) );

	$GLOBALS['current_site'] = null;
	$GLOBALS['current_blog'] = null;
	wp_cache_flush();
	$found = ms_load_current_site_and_network( $domain, $path, is_subdomain_install() );
	echo ( true === $found ? (int) $GLOBALS['current_blog']->blog_id : 0 ), "\n";
}
