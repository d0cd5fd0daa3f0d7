<?php
/**
 * The base configuration for WordPress
 *
 * The wp-config.php creation script uses this file during the installation.
 * You don't have to use the web site, you can copy this file to "wp-config.php"
 * and fill in the values.
 *
 * This file contains the following configurations:
 *
 * * Database settings
 * * Secret keys
 * * Database table prefix
 * * ABSPATH
 *
 * @link https://wordpress.org/support/article/editing-wp-config-php/
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'wordpress' );

/** Database username */
define( 'DB_USER', 'wp_user' );

/** Database password */
define( 'DB_PASSWORD', 'p@ss\'w\\rd"$HOME\\\\\'{$x}\\' );

/** Database hostname */
define( 'DB_HOST', '127.0.0.1:3307' );

/** Database charset to use in creating database tables. */
define( 'DB_CHARSET', 'utf8mb4' );

/** The database collate type. Don't change this if in doubt. */
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 *
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 *
 * You can change these at any point in time to invalidate all existing cookies.
 * This will force all users to have to log in again.
 *
 * @since 2.6.0
 */
define( 'AUTH_KEY',         ')jGm``ff8hxaN1Y!G+&u;3v#Mt [GB+5S)<pZ)m]lTNLU#?A#>YxD{|T1Sb9?$F|' );
define( 'SECURE_AUTH_KEY',  'nWmcS]7YMG?x%otp>{KopDsBlV-sbbXZ=]+.Djv;6NHLv?|9B2fk(k`}uouZp0Qe' );
define( 'LOGGED_IN_KEY',    '+I&8UyF +.Uj7y5`s%;Wgb(zPd>)gS!;2ELfn$Or{Pno{yD]_d%21W~W&f9g okF' );
define( 'NONCE_KEY',        '6e}!+LVpe`u#B|)c)`i]XdMBs/3^;0iAJPu{Qy:A)ilGr(ogd(*>Ad/rO@1=m]<u' );
define( 'AUTH_SALT',        'aK<T+`o-2>`Co{a!`JB+IO=hVv0|J${+=t&JeF|x:Vu#hiFbR{*njUHY7)DI8.pO' );
define( 'SECURE_AUTH_SALT', '$i}:*z6O z e`J6cJ(mrkdlYq{(H4a.|_/%}3t_uE?>iU^1mWMmEyPDEDV]Oj^LS' );
define( 'LOGGED_IN_SALT',   '-63^1}px(aT42&X}Q4SZ-_an 81)/MsZKb.K4u=Y~!u?5;{kIE)oK6HKU]lYDwIS' );
define( 'NONCE_SALT',       '%E;X-VmLKn-,AW6iB]6k!Dd[Cmisx9KZmsnfx`V];4w*4ofsY[%=QpeM%f[q!XGj' );

/**#@-*/

/**
 * WordPress database table prefix.
 *
 * You can have multiple installations in one database if you give each
 * a unique prefix. Only numbers, letters, and underscores please!
 */
$table_prefix = 'kc7_';

/**
 * For developers: WordPress debugging mode.
 *
 * Change this to true to enable the display of notices during development.
 * It is strongly recommended that plugin and theme developers use WP_DEBUG
 * in their development environments.
 *
 * For information on other constants that can be used for debugging,
 * visit the documentation.
 *
 * @link https://wordpress.org/support/article/debugging-in-wordpress/
 */
define( 'WP_DEBUG', false );

/* Add any custom values between this line and the "stop editing" line. */
define( 'JWT_AUTH_SECRET_KEY', 'q]X&w>8|Zl#V0b^t{H!3sR$u)9Pk<M;?>2e' );
define( 'JWT_AUTH_CORS_ENABLE', true );



/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
