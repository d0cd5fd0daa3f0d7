<?php
/**
 * Builds a WordPress multisite network with WordPress's own code (Debian's wordpress
 * package), for testdata/wordpress-network.sql. make-network.sh runs it twice against an
 * empty MariaDB database and dumps the result; read that script first.
 *
 *   php make-network.php install    wp_install(), then install_network() and
 *                                   populate_network(): a subdirectory network
 *   php make-network.php populate   with MULTISITE defined: users, sites, roles, the
 *                                   chatbot's tables and data; prints the dump's header
 *
 * Two processes because WordPress decides whether it is a network once, when
 * wp-settings.php loads, from constants that cannot be undefined; the second run is
 * WordPress as the wp-config.php that network.php asks for would start it. This file is
 * that wp-config.php: it defines the constants and requires wp-settings.php itself, so
 * WordPress's directory stays as the package left it.
 *
 * Configuration (environment): KCHAT_DB_NAME, KCHAT_DB_HOST, KCHAT_DB_USER,
 * KCHAT_DB_PASSWORD, KCHAT_WP_CONTENT_DIR (a writable scratch directory), KCHAT_TODAY
 * (the site-local "today" the data end on, YYYY-MM-DD), WORDPRESS_DIR (default
 * /usr/share/wordpress).
 */

// stdout carries the dump's header; PHP's notices must not end up in it.
ini_set( 'display_errors', 'stderr' );

$phase = $argv[1] ?? '';
if ( 'install' !== $phase && 'populate' !== $phase ) {
	fwrite( STDERR, "usage: php make-network.php install|populate\n" );
	exit( 2 );
}

function env_or_die( $name, $default = null ) {
	$v = getenv( $name );
	if ( false === $v || '' === $v ) {
		if ( null === $default ) {
			fwrite( STDERR, "make-network.php: $name is not set\n" );
			exit( 2 );
		}
		return $default;
	}
	return $v;
}

// The network. Its facts are repeated in repository/repotest/netfixture; the Go tests
// check the dump against them.
const NETWORK_DOMAIN = 'network.example.test';
const NETWORK_NAME   = 'Kognetiks Network';
const JWT_SECRET     = 'network-secret-3b8e1f0c7a9d2e4f6b1c';

// Functions, not globals: this file runs in WordPress's global scope, where names such
// as $blog_id and $path are WordPress's own.
function network_users() {
	return array(
		// login => [password, e-mail]
		'netadmin'    => array( 'net-admin-pass-1', 'netadmin@example.test' ),
		'superhelper' => array( 'super-helper-pass-2', 'superhelper@example.test' ),
		'shopadmin'   => array( 'shop-admin-pass-3', 'shopadmin@example.test' ),
		'newseditor'  => array( 'news-editor-pass-4', 'newseditor@example.test' ),
		'reader'      => array( 'reader-pass-5', 'reader@example.test' ),
	);
}

// The main site, then the others in the order wpmu_create_blog numbers them (2, 3, …).
// chatbot: [days of interactions ending on "today", log sessions, reporting period];
// null: the plugin never ran there, so its tables do not exist.
function network_sites() {
	return array(
		'/' => array(
			'title'   => NETWORK_NAME,
			'options' => array( 'timezone_string' => 'Europe/Berlin', 'start_of_week' => 1 ),
			'chatbot' => array( 45, 3, 'Daily' ),
		),
		'/shop/' => array(
			'title'   => 'Shop',
			'options' => array( 'timezone_string' => 'America/New_York', 'start_of_week' => 0 ),
			'chatbot' => array( 60, 4, 'Monthly' ),
		),
		'/news/' => array(
			'title'   => 'News',
			'options' => array( 'timezone_string' => 'Asia/Kolkata', 'start_of_week' => 6 ),
			'chatbot' => array( 30, 2, 'Yearly' ),
		),
		'/docs/' => array(
			// Settings → General with "UTC-3" chosen: no named zone, only the offset.
			'title'   => 'Docs',
			'options' => array( 'timezone_string' => '', 'gmt_offset' => '-3', 'start_of_week' => 3 ),
			'chatbot' => array( 40, 1, 'Daily' ),
		),
		'/labs/' => array(
			// WordPress's defaults for a new site; the chatbot was never activated here.
			'title'   => 'Labs',
			'options' => array(),
			'chatbot' => null,
		),
	);
}

// --- wp-config.php ----------------------------------------------------------------
define( 'DB_NAME', env_or_die( 'KCHAT_DB_NAME' ) );
define( 'DB_USER', env_or_die( 'KCHAT_DB_USER', 'root' ) );
define( 'DB_PASSWORD', getenv( 'KCHAT_DB_PASSWORD' ) ?: '' );
define( 'DB_HOST', env_or_die( 'KCHAT_DB_HOST', '127.0.0.1:3306' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $k ) {
	define( $k, 'kchat-network-fixture-' . $k );
}
define( 'JWT_AUTH_SECRET_KEY', JWT_SECRET );
// A scratch wp-content: WordPress must not write into the package's directory.
define( 'WP_CONTENT_DIR', env_or_die( 'KCHAT_WP_CONTENT_DIR' ) );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ALLOW_MULTISITE', true );
$table_prefix = 'wp_';
$_SERVER['HTTP_HOST']   = NETWORK_DOMAIN;
$_SERVER['SERVER_NAME'] = NETWORK_DOMAIN;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['PHP_SELF']    = '/index.php';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

if ( 'install' === $phase ) {
	define( 'WP_INSTALLING', true );
} else {
	// What wp-admin/network.php tells the administrator to add to wp-config.php.
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', false );
	define( 'DOMAIN_CURRENT_SITE', NETWORK_DOMAIN );
	define( 'PATH_CURRENT_SITE', '/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );
}

// No mail leaves a fixture build (wp_install and wpmu_create_blog send some).
function wp_mail() {
	return true;
}

define( 'ABSPATH', rtrim( env_or_die( 'WORDPRESS_DIR', '/usr/share/wordpress' ), '/' ) . '/' );
require_once ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function fail( $what, $result ) {
	$msg = is_wp_error( $result ) ? $result->get_error_message() : var_export( $result, true );
	fwrite( STDERR, "make-network.php: $what: $msg\n" );
	exit( 1 );
}

if ( 'install' === $phase ) {
	install_network_phase();
} else {
	echo dump_header( populate_network_phase() );
}

/** Phase 1: a single site, then the network. */
function install_network_phase() {
	global $wpdb;
	if ( is_blog_installed() ) {
		fail( 'the database is not empty', DB_NAME );
	}
	list( $pass, $email ) = network_users()['netadmin'];
	wp_install( NETWORK_NAME, 'netadmin', $email, true, '', wp_slash( $pass ) );
	$home = 'http://' . NETWORK_DOMAIN;
	update_option( 'siteurl', $home );
	update_option( 'home', $home );

	// What wp-admin/network.php does when its form is sent.
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
		$wpdb->$table = $prefixed_table;
	}
	install_network();
	$result = populate_network( 1, NETWORK_DOMAIN, $email, NETWORK_NAME, '/', false );
	if ( true !== $result ) {
		fail( 'populate_network', $result );
	}
	echo "installed\n";
}

/** Phase 2: users, sites, roles, the chatbot; returns the facts. */
function populate_network_phase() {
	if ( ! is_multisite() || 1 !== get_current_blog_id() ) {
		fail( 'WordPress did not start as a network', get_current_blog_id() );
	}
	$today = env_or_die( 'KCHAT_TODAY' );
	if ( ! preg_match( '/^\d{4}-\d{2}-\d{2}$/', $today ) ) {
		fail( 'KCHAT_TODAY', $today );
	}

	$ids = array( 'netadmin' => 1 );
	foreach ( network_users() as $login => list( $pass, $email ) ) {
		if ( 'netadmin' !== $login ) {
			// The network's "Add New User": no role on any site until added to one.
			$id = wpmu_create_user( $login, $pass, $email );
			if ( ! $id ) {
				fail( "wpmu_create_user $login", $id );
			}
			$ids[ $login ] = $id;
		}
		wp_set_password( $pass, $ids[ $login ] );
	}
	grant_super_admin( $ids['superhelper'] );

	$blog_ids = array();
	foreach ( network_sites() as $path => $site ) {
		if ( '/' === $path ) {
			$blog_ids[ $path ] = get_main_site_id();
			foreach ( $site['options'] as $name => $value ) {
				update_option( $name, $value );
			}
			continue;
		}
		// Created by the super admin with their own address, as Network Admin → Sites →
		// Add New does: netadmin becomes each site's administrator. The options are
		// written by wp_initialize_site() with the rest of the site's defaults.
		$id = wpmu_create_blog( NETWORK_DOMAIN, $path, $site['title'], $ids['netadmin'], array_merge( array( 'public' => 1 ), $site['options'] ), get_current_network_id() );
		if ( is_wp_error( $id ) ) {
			fail( "wpmu_create_blog $path", $id );
		}
		$blog_ids[ $path ] = $id;
	}

	foreach ( array(
		array( '/shop/', 'shopadmin', 'administrator' ),
		array( '/news/', 'newseditor', 'editor' ),
		array( '/', 'reader', 'subscriber' ),
		array( '/shop/', 'reader', 'subscriber' ),
	) as list( $path, $login, $role ) ) {
		$r = add_user_to_blog( $blog_ids[ $path ], $ids[ $login ], $role );
		if ( true !== $r ) {
			fail( "add_user_to_blog $path $login", $r );
		}
	}

	$app = WP_Application_Passwords::create_new_application_password( $ids['shopadmin'], array( 'name' => 'kchat-fixture' ) );
	if ( is_wp_error( $app ) ) {
		fail( 'create_new_application_password', $app );
	}

	$facts = array();
	foreach ( network_sites() as $path => $site ) {
		$facts[] = site_facts( $blog_ids[ $path ], $site, $today );
	}
	return array(
		'today'                => $today,
		'users'                => $ids,
		'application_password' => array( 'user' => 'shopadmin', 'name' => 'kchat-fixture', 'password' => $app[0] ),
		'site_admins'          => get_super_admins(),
		'sites'                => $facts,
	);
}

/** The facts, as "-- " lines for the top of the dump. */
function dump_header( $f ) {
	$roles = array(
		'netadmin'    => 'super admin (populate_network) and administrator of every site',
		'superhelper' => 'super admin (grant_super_admin), no role on any site',
		'shopadmin'   => 'administrator of /shop/ only',
		'newseditor'  => 'editor of /news/ only',
		'reader'      => 'subscriber of / and /shop/',
	);
	$h = array(
		'A WordPress ' . get_bloginfo( 'version' ) . ' multisite network (Debian\'s wordpress package) built by WordPress\'s own code:',
		'testdata/wordpress-network/make-network.sh ran wp_install, install_network, populate_network,',
		'wpmu_create_user, wp_set_password, grant_super_admin, wpmu_create_blog, add_user_to_blog and',
		'WP_Application_Passwords, then made the Kognetiks Chatbot plugin\'s two tables (2.4.6 DDL) on four sites.',
		'Subdirectory network on ' . NETWORK_DOMAIN . ' (network 1), base prefix wp_, site N > 1 in wp_N_. Only the tables',
		'the sidecar reads: users, usermeta, site, sitemeta, blogs, and each site\'s options and chatbot tables.',
		"Site-local 'today' when it was made: " . $f['today'] . ' (each site\'s interactions end on that date).',
		'JWT_AUTH_SECRET_KEY of the network\'s wp-config.php (one for all sites): ' . JWT_SECRET,
		'Sites: blog_id path "blogname" home | timezone_string / gmt_offset | start_of_week | chatbot',
	);
	foreach ( $f['sites'] as $s ) {
		$line = sprintf(
			'  %d %s "%s" %s | %s / %s | %s | ',
			$s['blog_id'],
			$s['path'],
			$s['blogname'],
			$s['home'],
			'' === $s['timezone_string'] ? "''" : $s['timezone_string'],
			'' === $s['raw_gmt_offset'] ? "''" : $s['raw_gmt_offset'],
			$s['start_of_week']
		);
		if ( $s['tables'] ) {
			$line .= sprintf( '%s; interactions %d days %s..%s, total %d; log %d rows', $s['reporting_period'], $s['interaction_days'], $s['first_day'], $f['today'], $s['interaction_total'], $s['log_rows'] );
		} else {
			$line .= 'no chatbot tables (never activated there)';
		}
		$h[] = $line;
	}
	$h[] = 'Users: login / password (phpass $P$), ID, role. Super admins (site_admins): ' . implode( ', ', $f['site_admins'] );
	foreach ( $f['users'] as $login => $id ) {
		$h[] = sprintf( '  %s / %s , ID %d, %s', $login, network_users()[ $login ][0], $id, $roles[ $login ] );
	}
	$a   = $f['application_password'];
	$h[] = sprintf( 'Application password of %s, named %s: %s', $a['user'], $a['name'], $a['password'] );
	return '-- ' . implode( "\n-- ", $h ) . "\n";
}

/** The option as stored: get_option() computes gmt_offset from a named zone. */
function raw_option( $name ) {
	global $wpdb;
	return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM $wpdb->options WHERE option_name = %s", $name ) );
}

/** Gives the site the chatbot's tables if it has the chatbot; returns what it holds. */
function site_facts( $blog_id, $site, $today ) {
	switch_to_blog( $blog_id );
	$fact = array(
		'blog_id'         => $blog_id,
		'path'            => get_site( $blog_id )->path,
		'blogname'        => get_option( 'blogname' ),
		'home'            => get_option( 'home' ),
		'timezone_string' => get_option( 'timezone_string' ),
		'raw_gmt_offset'  => raw_option( 'gmt_offset' ),
		'start_of_week'   => get_option( 'start_of_week' ),
		'tables'          => null !== $site['chatbot'],
	);
	if ( null !== $site['chatbot'] ) {
		list( $days, $sessions, $period ) = $site['chatbot'];
		update_option( 'chatbot_chatgpt_reporting_period', $period );
		$fact['reporting_period'] = $period;
		$fact                    += make_chatbot_tables( $blog_id, $today, $days, $sessions );
	}
	restore_current_blog();
	return $fact;
}

/**
 * Creates the Kognetiks Chatbot's two tables for the current site, with the columns and
 * keys the plugin's own tables have (testdata/wordpress-6.1-site.sql, plugin 2.4.6), and
 * fills them: $days days of interactions ending on $today (site-local, as the plugin
 * writes them) and $sessions conversations in the log. The counts follow fixed formulas so
 * that every build writes the same numbers; returns what was written.
 */
function make_chatbot_tables( $blog_id, $today, $days, $sessions ) {
	global $wpdb;
	$collate      = $wpdb->get_charset_collate();
	$interactions = $wpdb->prefix . 'chatbot_chatgpt_interactions';
	$log          = $wpdb->prefix . 'chatbot_chatgpt_conversation_log';
	foreach ( array(
		"CREATE TABLE $interactions (
			`date` date NOT NULL,
			`count` int(11) DEFAULT NULL,
			PRIMARY KEY (`date`)
		) $collate",
		"CREATE TABLE $log (
			`id` mediumint(9) NOT NULL AUTO_INCREMENT,
			`session_id` varchar(255) NOT NULL,
			`user_id` varchar(255) DEFAULT NULL,
			`page_id` varchar(255) DEFAULT NULL,
			`interaction_time` datetime NOT NULL,
			`user_type` enum('Chatbot','Visitor','Prompt Tokens','Completion Tokens','Total Tokens') NOT NULL,
			`thread_id` varchar(255) DEFAULT NULL,
			`assistant_id` varchar(255) DEFAULT NULL,
			`assistant_name` varchar(255) DEFAULT NULL,
			`message_text` text NOT NULL,
			`sentiment_score` float DEFAULT NULL,
			PRIMARY KEY (`id`),
			KEY `session_id_index` (`session_id`),
			KEY `user_id_index` (`user_id`)
		) $collate",
	) as $ddl ) {
		if ( false === $wpdb->query( $ddl ) ) {
			fail( "creating the chatbot's tables of site $blog_id", $wpdb->last_error );
		}
	}

	// Every site has its own rhythm: site N skips every (N+3)th day, and site 3 has one
	// day whose count is NULL (the column allows it; the sidecar reads it as 0).
	$end   = new DateTimeImmutable( $today, new DateTimeZone( 'UTC' ) );
	$total = 0;
	$rows  = 0;
	$first = null;
	for ( $i = $days - 1; $i >= 0; $i-- ) {
		if ( $i > 0 && 0 === $i % ( $blog_id + 3 ) ) {
			continue;
		}
		$day   = $end->modify( "-$i days" )->format( 'Y-m-d' );
		$count = 1 + ( ( $i * ( 2 * $blog_id + 5 ) ) % ( 4 * $blog_id + 7 ) );
		if ( 3 === $blog_id && 7 === $i ) {
			$count = null;
		}
		$wpdb->insert( $interactions, array( 'date' => $day, 'count' => $count ), array( '%s', '%d' ) );
		$total += (int) $count;
		$rows++;
		$first = $first ?? $day;
	}

	$log_rows = 0;
	for ( $s = 1; $s <= $sessions; $s++ ) {
		$when    = $end->modify( '-' . ( $s * 3 ) . ' days' )->setTime( 9 + $s, 5 * $s );
		$session = sprintf( 'kognetiks_%d_%02d', $blog_id, $s );
		$visitor = 1 === $s ? 0 : 1 + $s;
		$texts   = array(
			'Visitor'           => 1 === $s && 2 === $blog_id
				? "=SUM(A1) \"quoted\", comma\nnew line 🛒"
				: sprintf( 'Question %d on site %d', $s, $blog_id ),
			'Chatbot'           => sprintf( 'Answer %d from the chatbot of site %d', $s, $blog_id ),
			'Prompt Tokens'     => (string) ( 100 * $blog_id + $s ),
			'Completion Tokens' => (string) ( 10 * $blog_id + $s ),
			'Total Tokens'      => (string) ( 110 * $blog_id + 2 * $s ),
	);
		$second = 0;
		foreach ( $texts as $type => $text ) {
			$wpdb->insert(
				$log,
				array(
					'session_id'       => $session,
					'user_id'          => (string) $visitor,
					'page_id'          => (string) ( 10 + $s ),
					'interaction_time' => $when->modify( "+$second seconds" )->format( 'Y-m-d H:i:s' ),
					'user_type'        => $type,
					'thread_id'        => 'thread_' . $session,
					'assistant_id'     => 'asst_site' . $blog_id,
					'assistant_name'   => 'Assistant of site ' . $blog_id,
					'message_text'     => $text,
					'sentiment_score'  => 'Visitor' === $type ? 0.5 : null,
				)
			);
			$second += 2;
			$log_rows++;
		}
	}
	return array(
		'interaction_days'  => $rows,
		'interaction_total' => $total,
		'first_day'         => $first,
		'log_rows'          => $log_rows,
	);
}
