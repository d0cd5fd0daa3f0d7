<?php
/**
 * Plugin Name:       Kognetiks Chatbot Interactions (kchat-sidecar)
 * Description:       Shows the Kognetiks Chatbot's interaction data from the kchat-sidecar service under Settings → Chatbot Interactions, with a chart, the Date / Count table and the CSV downloads; on a multisite network, every site's total under Network Admin → Chatbot Interactions.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * Text Domain:       kchat-sidecar
 *
 * Works as a regular plugin or as a must-use plugin. Configuration, in wp-config.php:
 *
 *   define( 'JWT_AUTH_SECRET_KEY', '…' );   // the key the sidecar shares (required)
 *   define( 'KCHAT_SIDECAR_URL', 'https://example.com/wp-json/kchat/v1' );
 *                                            // optional, single sites only; default:
 *                                            // this site's own /wp-json/kchat/v1, for a
 *                                            // proxied sidecar
 *
 * The page mints a short-lived token for the current administrator on the server, in the
 * claim layout of the JWT Authentication for WP REST API plugin; the key never reaches
 * the browser.
 *
 * On a multisite network, install it network-wide as a must-use plugin
 * (wp-content/mu-plugins/kchat-sidecar.php). Each site's Settings → Chatbot Interactions
 * calls that site's own /wp-json/kchat/v1 with a token issued by that site (iss = its
 * home), and super admins get Network Admin → Chatbot Interactions, which calls the main
 * site's /network/interactions/summary with a token of the main site. KCHAT_SIDECAR_URL
 * is not used on a network: the sidecar tells the sites apart by Host and path, as
 * WordPress does, so each site must call its own address (the proxy mounts the sidecar
 * under every site's path, see the README's "Networks"); one URL for all would read one
 * site and refuse the others' tokens. The kchat_sidecar_url filter ($url, $blog_id) may
 * still set a site's address, on a network or not.
 *
 * @package kchat-sidecar
 */

defined( 'ABSPATH' ) || exit;

const KCHAT_SIDECAR_PAGE         = 'kchat-interactions';
const KCHAT_SIDECAR_NETWORK_PAGE = 'kchat-network-interactions';
const KCHAT_SIDECAR_TOKEN_TTL    = 900; // Seconds; the page asks again on reload.

/**
 * Base64url without padding, as JWTs spell it.
 *
 * @param string $data Raw bytes.
 * @return string
 */
function kchat_sidecar_b64url( $data ) {
	return rtrim( strtr( base64_encode( $data ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
}

/**
 * Mints an HS256 token for a user, as the JWT Authentication plugin does: issued by the
 * current site (its home) unless another site's home is given.
 *
 * @param int    $user_id The user.
 * @param string $issuer  The issuing site's home; '' for the current site's.
 * @return string|WP_Error
 */
function kchat_sidecar_token( $user_id, $issuer = '' ) {
	if ( ! defined( 'JWT_AUTH_SECRET_KEY' ) || strlen( (string) JWT_AUTH_SECRET_KEY ) < 16 ) {
		return new WP_Error( 'kchat_no_key', __( 'JWT_AUTH_SECRET_KEY is not defined in wp-config.php (at least 16 characters), so the sidecar cannot be asked for data.', 'kchat-sidecar' ) );
	}
	$now    = time();
	$header = array(
		'typ' => 'JWT',
		'alg' => 'HS256',
	);
	$claims = array(
		'iss'  => untrailingslashit( '' === $issuer ? get_bloginfo( 'url' ) : $issuer ),
		'iat'  => $now,
		'nbf'  => $now,
		'exp'  => $now + KCHAT_SIDECAR_TOKEN_TTL,
		'data' => array( 'user' => array( 'id' => (string) $user_id ) ),
	);
	$signing = kchat_sidecar_b64url( wp_json_encode( $header ) ) . '.' . kchat_sidecar_b64url( wp_json_encode( $claims ) );
	return $signing . '.' . kchat_sidecar_b64url( hash_hmac( 'sha256', $signing, (string) JWT_AUTH_SECRET_KEY, true ) );
}

/**
 * Where the sidecar's kchat/v1 namespace is for a site (default: the current one).
 * On a network each site's own address, whatever KCHAT_SIDECAR_URL says: the sidecar
 * chooses the site from the request's Host and path (see the header).
 *
 * The default is the literal /wp-json/kchat/v1 under the site's home, where the proxy
 * mounts the sidecar (docker/nginx/kchat-sidecar.conf), not rest_url(): with plain
 * permalinks, a fresh install's default, that is /?rest_route=/kchat/v1 (and with
 * /index.php/ permalinks /index.php/wp-json/…), which PHP serves, not the sidecar.
 *
 * @param int $blog_id The site; 0 for the current one.
 * @return string
 */
function kchat_sidecar_url( $blog_id = 0 ) {
	$blog_id = $blog_id ? (int) $blog_id : get_current_blog_id();
	if ( ! is_multisite() && defined( 'KCHAT_SIDECAR_URL' ) && KCHAT_SIDECAR_URL ) {
		$url = (string) KCHAT_SIDECAR_URL;
	} else {
		$url = get_home_url( $blog_id, '/wp-json/kchat/v1' );
	}
	/**
	 * Filters the address of the sidecar's kchat/v1 namespace for a site.
	 *
	 * @param string $url     The address.
	 * @param int    $blog_id The site.
	 */
	return untrailingslashit( (string) apply_filters( 'kchat_sidecar_url', $url, $blog_id ) );
}

/**
 * Adds Settings → Chatbot Interactions, for users who may manage options.
 */
function kchat_sidecar_menu() {
	$hook = add_options_page(
		__( 'Chatbot Interactions', 'kchat-sidecar' ),
		__( 'Chatbot Interactions', 'kchat-sidecar' ),
		'manage_options',
		KCHAT_SIDECAR_PAGE,
		'kchat_sidecar_render'
	);
	add_action( 'admin_print_scripts-' . $hook, 'kchat_sidecar_scripts' );
}
add_action( 'admin_menu', 'kchat_sidecar_menu' );

/**
 * Adds Network Admin → Chatbot Interactions, for super admins: every site's total.
 */
function kchat_sidecar_network_menu() {
	$hook = add_menu_page(
		__( 'Chatbot Interactions', 'kchat-sidecar' ),
		__( 'Chatbot Interactions', 'kchat-sidecar' ),
		'manage_network_options',
		KCHAT_SIDECAR_NETWORK_PAGE,
		'kchat_sidecar_render_network',
		'dashicons-chart-bar'
	);
	add_action( 'admin_print_scripts-' . $hook, 'kchat_sidecar_network_scripts' );
}
add_action( 'network_admin_menu', 'kchat_sidecar_network_menu' );

/**
 * The network page's script: it asks the main site, whose routes the network's are, with
 * a token the main site issued (the sidecar checks iss against the site it reads).
 */
function kchat_sidecar_network_scripts() {
	if ( ! current_user_can( 'manage_network_options' ) ) {
		return;
	}
	$main = get_main_site_id();
	kchat_sidecar_enqueue(
		'network',
		kchat_sidecar_url( $main ),
		kchat_sidecar_token( get_current_user_id(), get_home_url( $main ) ),
		kchat_sidecar_network_strings( $main )
	);
}

/**
 * The network view's strings, and where each site's own page is.
 *
 * @param int $main The main site's ID.
 * @return array
 */
function kchat_sidecar_network_strings( $main ) {
	return array(
		'loading'      => __( 'Loading the network\'s interactions…', 'kchat-sidecar' ),
		'refused'      => __( 'The sidecar refused this page\'s token. Check that it shares JWT_AUTH_SECRET_KEY and the main site\'s home URL, and that you are a super admin, then reload.', 'kchat-sidecar' ),
		'noRoute'      => __( 'The sidecar does not serve network totals here. It must read this network\'s main site in network mode (see the README\'s "Networks").', 'kchat-sidecar' ),
		/* translators: 1: first day (YYYY-MM-DD), 2: last day. */
		'window'       => __( 'Interactions from %1$s to %2$s, each site\'s days as stored in its own time zone.', 'kchat-sidecar' ),
		'tableMissing' => __( 'No chatbot table', 'kchat-sidecar' ),
		'none'         => __( '—', 'kchat-sidecar' ),
		'archived'     => __( 'Archived', 'kchat-sidecar' ),
		'spam'         => __( 'Spam', 'kchat-sidecar' ),
		'deleted'      => __( 'Deleted', 'kchat-sidecar' ),
		/* translators: used between a site's states, e.g. "Archived, Spam". */
		'separator'    => __( ', ', 'kchat-sidecar' ),
		// Each site's page, from the home the sidecar gives: WordPress serves a network
		// site's admin under its home (wpmu_create_blog sets home and siteurl alike). The
		// main site's own admin URL is given, since it may live in a subdirectory.
		'sitePage'     => 'wp-admin/options-general.php?page=' . KCHAT_SIDECAR_PAGE,
		'mainSite'     => $main,
		'mainPage'     => get_admin_url( $main, 'options-general.php?page=' . KCHAT_SIDECAR_PAGE ),
		'downloadName' => 'chatbot-network-interactions-%1$s-%2$s.csv',
	);
}

/**
 * Renders the network page: the window's form, the sites' table and the download.
 */
function kchat_sidecar_render_network() {
	if ( ! current_user_can( 'manage_network_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'kchat-sidecar' ) );
	}
	$columns = array(
		'kchat-site'     => __( 'Site', 'kchat-sidecar' ),
		'kchat-path'     => __( 'Path', 'kchat-sidecar' ),
		'kchat-timezone' => __( 'Time zone', 'kchat-sidecar' ),
		'kchat-total'    => __( 'Interactions', 'kchat-sidecar' ),
		'kchat-status'   => __( 'Status', 'kchat-sidecar' ),
	);
	?>
	<div class="wrap" id="kchat-sidecar">
		<h1><?php esc_html_e( 'Chatbot Interactions', 'kchat-sidecar' ); ?></h1>
		<div id="kchat-notices" aria-live="polite"></div>
		<form id="kchat-network-form" class="kchat-form">
			<label for="kchat-network-start"><?php esc_html_e( 'From', 'kchat-sidecar' ); ?></label>
			<input type="date" id="kchat-network-start" name="start">
			<label for="kchat-network-end"><?php esc_html_e( 'To', 'kchat-sidecar' ); ?></label>
			<input type="date" id="kchat-network-end" name="end">
			<?php submit_button( __( 'Show', 'kchat-sidecar' ), 'secondary', 'kchat-network-show', false ); ?>
		</form>
		<p class="description" id="kchat-network-window"></p>
		<table class="widefat striped kchat-network-table" id="kchat-network-sites">
			<caption class="screen-reader-text"><?php esc_html_e( 'Interactions per site', 'kchat-sidecar' ); ?></caption>
			<thead><tr>
				<?php foreach ( $columns as $class => $heading ) : ?>
					<th scope="col" class="<?php echo esc_attr( $class ); ?>"><?php echo esc_html( $heading ); ?></th>
				<?php endforeach; ?>
			</tr></thead>
			<tbody></tbody>
			<tfoot><tr>
				<th scope="row" colspan="3"><?php esc_html_e( 'All sites', 'kchat-sidecar' ); ?></th>
				<td id="kchat-network-total" class="kchat-total"></td>
				<td></td>
			</tr></tfoot>
		</table>
		<p class="kchat-downloads">
			<button type="button" class="button button-primary" id="kchat-network-download" disabled><?php esc_html_e( 'Download the dates shown, per site and day', 'kchat-sidecar' ); ?></button>
		</p>
	</div>
	<?php
}

/**
 * The plugin's reporting period, as the sidecar names it.
 *
 * @return string
 */
function kchat_sidecar_default_period() {
	$period = strtolower( (string) get_option( 'chatbot_chatgpt_reporting_period', 'Daily' ) );
	return in_array( $period, array( 'daily', 'weekly', 'monthly', 'yearly' ), true ) ? $period : 'daily';
}

/**
 * Which view of the page is asked for: the interactions table (default) or Insights.
 *
 * @return string
 */
function kchat_sidecar_view() {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view choice.
	$tab = isset( $_GET['tab'] ) ? sanitize_key( wp_unslash( $_GET['tab'] ) ) : '';
	return 'insights' === $tab ? 'insights' : 'interactions';
}

/**
 * Hands the page's script its configuration: the sidecar's URL, a fresh token, the
 * user's locale for numbers, and the translated strings of the view shown.
 */
function kchat_sidecar_scripts() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$view = kchat_sidecar_view();
	kchat_sidecar_enqueue(
		$view,
		kchat_sidecar_url(),
		kchat_sidecar_token( get_current_user_id() ),
		'insights' === $view ? kchat_sidecar_insights_strings() : kchat_sidecar_interactions_strings()
	);
}

/**
 * Puts the script of a view, its configuration and the style on the page.
 *
 * @param string          $view    'interactions', 'insights' or 'network'.
 * @param string          $url     Where the sidecar's kchat/v1 namespace is.
 * @param string|WP_Error $token   The token the script sends, or why there is none.
 * @param array           $strings The view's translated strings.
 */
function kchat_sidecar_enqueue( $view, $url, $token, $strings ) {
	$config = array(
		'url'     => $url,
		'token'   => is_wp_error( $token ) ? '' : $token,
		'problem' => is_wp_error( $token ) ? $token->get_error_message() : '',
		'locale'  => str_replace( '_', '-', get_user_locale() ),
		'i18n'    => array_merge( kchat_sidecar_common_strings(), $strings ),
	);
	wp_register_script( 'kchat-sidecar', false, array(), '0.2.0', true );
	wp_enqueue_script( 'kchat-sidecar' );
	wp_add_inline_script( 'kchat-sidecar', 'window.kchatSidecar = ' . wp_json_encode( $config ) . ';', 'before' );
	wp_add_inline_script( 'kchat-sidecar', kchat_sidecar_js( $view ) );
	wp_register_style( 'kchat-sidecar', false, array(), '0.2.0' );
	wp_enqueue_style( 'kchat-sidecar' );
	wp_add_inline_style( 'kchat-sidecar', kchat_sidecar_css() );
}

/**
 * The strings both views use: notices about the sidecar and downloads.
 *
 * @return array
 */
function kchat_sidecar_common_strings() {
	return array(
		'unreachable'  => __( 'The kchat-sidecar service could not be reached. Check that it is running and that KCHAT_SIDECAR_URL points at it.', 'kchat-sidecar' ),
		'refused'      => __( 'The sidecar refused this page\'s token. Check that it shares this site\'s JWT_AUTH_SECRET_KEY and home URL, then reload.', 'kchat-sidecar' ),
		'badRange'     => __( 'That date range was not accepted:', 'kchat-sidecar' ),
		'failed'       => __( 'The sidecar could not answer:', 'kchat-sidecar' ),
		'downloading'  => __( 'Preparing the download…', 'kchat-sidecar' ),
		'downloadFail' => __( 'The download failed:', 'kchat-sidecar' ),
	);
}

/**
 * The interactions view's strings.
 *
 * @return array
 */
function kchat_sidecar_interactions_strings() {
	return array(
		'loading'       => __( 'Loading interaction data…', 'kchat-sidecar' ),
		'empty'         => __( 'No interactions were recorded in this period.', 'kchat-sidecar' ),
		'total'         => __( 'Total', 'kchat-sidecar' ),
		'chartLabel'    => __( 'Interactions per period, as a bar chart', 'kchat-sidecar' ),
		/* translators: 1: first day shown, 2: last day shown (YYYY-MM-DD). */
		'downloadShown' => __( 'Download %1$s to %2$s only', 'kchat-sidecar' ),
		/* translators: 1: bucket label, 2: interaction count. */
		'barTitle'      => __( '%1$s: %2$s interactions', 'kchat-sidecar' ),
	);
}

/**
 * Renders the page: its title, the tabs, the place for notices and the view asked for.
 */
function kchat_sidecar_render() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'kchat-sidecar' ) );
	}
	$view  = kchat_sidecar_view();
	$base  = admin_url( 'options-general.php?page=' . KCHAT_SIDECAR_PAGE );
	$views = array(
		'interactions' => array( __( 'Interactions', 'kchat-sidecar' ), $base ),
		'insights'     => array( __( 'Insights', 'kchat-sidecar' ), add_query_arg( 'tab', 'insights', $base ) ),
	);
	?>
	<div class="wrap" id="kchat-sidecar">
		<h1><?php esc_html_e( 'Chatbot Interactions', 'kchat-sidecar' ); ?></h1>
		<nav class="nav-tab-wrapper wp-clearfix" aria-label="<?php esc_attr_e( 'Chatbot Interactions views', 'kchat-sidecar' ); ?>">
			<?php foreach ( $views as $name => $tab ) : ?>
				<a href="<?php echo esc_url( $tab[1] ); ?>" class="nav-tab<?php echo $view === $name ? ' nav-tab-active' : ''; ?>"<?php echo $view === $name ? ' aria-current="page"' : ''; ?>><?php echo esc_html( $tab[0] ); ?></a>
			<?php endforeach; ?>
		</nav>
		<div id="kchat-notices" aria-live="polite"></div>
		<?php
		if ( 'insights' === $view ) {
			kchat_sidecar_render_insights();
		} else {
			kchat_sidecar_render_interactions();
		}
		?>
	</div>
	<?php
}

/**
 * The interactions view: the form, chart, table and the downloads.
 */
function kchat_sidecar_render_interactions() {
	$period  = kchat_sidecar_default_period();
	$periods = array(
		'daily'   => __( 'Daily', 'kchat-sidecar' ),
		'weekly'  => __( 'Weekly', 'kchat-sidecar' ),
		'monthly' => __( 'Monthly', 'kchat-sidecar' ),
		'yearly'  => __( 'Yearly', 'kchat-sidecar' ),
	);
	?>
	<form id="kchat-form" class="kchat-form">
		<label for="kchat-period"><?php esc_html_e( 'Reporting period', 'kchat-sidecar' ); ?></label>
		<select id="kchat-period" name="period">
			<?php foreach ( $periods as $value => $label ) : ?>
				<option value="<?php echo esc_attr( $value ); ?>" <?php selected( $period, $value ); ?>><?php echo esc_html( $label ); ?></option>
			<?php endforeach; ?>
		</select>
		<label for="kchat-start"><?php esc_html_e( 'From', 'kchat-sidecar' ); ?></label>
		<input type="date" id="kchat-start" name="start">
		<label for="kchat-end"><?php esc_html_e( 'To', 'kchat-sidecar' ); ?></label>
		<input type="date" id="kchat-end" name="end">
		<?php submit_button( __( 'Show', 'kchat-sidecar' ), 'secondary', 'kchat-show', false ); ?>
	</form>
	<div id="kchat-chart" class="kchat-chart"></div>
	<table class="widefat striped kchat-table" id="kchat-table">
		<caption class="screen-reader-text"><?php esc_html_e( 'Interactions per period', 'kchat-sidecar' ); ?></caption>
		<thead><tr><th scope="col"><?php esc_html_e( 'Date', 'kchat-sidecar' ); ?></th><th scope="col"><?php esc_html_e( 'Count', 'kchat-sidecar' ); ?></th></tr></thead>
		<tbody></tbody>
		<tfoot><tr><th scope="row"><?php esc_html_e( 'Total', 'kchat-sidecar' ); ?></th><td id="kchat-total"></td></tr></tfoot>
	</table>
	<p class="kchat-downloads">
		<?php // As the plugin's own button: every stored day, whatever the dates shown. ?>
		<button type="button" class="button button-primary" id="kchat-download"><?php esc_html_e( 'Download Interaction Data', 'kchat-sidecar' ); ?></button>
		<button type="button" class="button" id="kchat-download-window" disabled><?php esc_html_e( 'Download the dates shown only', 'kchat-sidecar' ); ?></button>
	</p>
	<?php
}

/**
 * The Insights view: period and type, the cards, the three lists with the unanswered
 * questions' download, and the weekday chart. The script fills them.
 */
function kchat_sidecar_render_insights() {
	$periods = array(
		'today'   => __( 'Today', 'kchat-sidecar' ),
		'week'    => __( 'This Week', 'kchat-sidecar' ),
		'month'   => __( 'This Month', 'kchat-sidecar' ),
		'quarter' => __( 'This Quarter', 'kchat-sidecar' ),
		'year'    => __( 'This Year', 'kchat-sidecar' ),
	);
	$types   = array(
		'visitor' => __( 'Visitor', 'kchat-sidecar' ),
		'chatbot' => __( 'Chatbot', 'kchat-sidecar' ),
		'all'     => __( 'All', 'kchat-sidecar' ),
	);
	$lists   = array(
		'kchat-pages'      => array( __( 'Top pages', 'kchat-sidecar' ), array( __( 'Page', 'kchat-sidecar' ), __( 'Conversations', 'kchat-sidecar' ) ) ),
		'kchat-assistants' => array( __( 'Top assistants', 'kchat-sidecar' ), array( __( 'Assistant', 'kchat-sidecar' ), __( 'Conversations', 'kchat-sidecar' ) ) ),
		'kchat-unanswered' => array( __( 'Top unanswered questions', 'kchat-sidecar' ), array( __( 'Question', 'kchat-sidecar' ), __( 'Count', 'kchat-sidecar' ), __( 'Last seen', 'kchat-sidecar' ) ) ),
	);
	?>
	<form id="kchat-insights-form" class="kchat-form">
		<label for="kchat-insights-period"><?php esc_html_e( 'Period', 'kchat-sidecar' ); ?></label>
		<select id="kchat-insights-period" name="period">
			<?php foreach ( $periods as $value => $label ) : ?>
				<option value="<?php echo esc_attr( $value ); ?>" <?php selected( 'month', $value ); ?>><?php echo esc_html( $label ); ?></option>
			<?php endforeach; ?>
		</select>
		<label for="kchat-insights-type"><?php esc_html_e( 'Sentiment of', 'kchat-sidecar' ); ?></label>
		<select id="kchat-insights-type" name="type">
			<?php foreach ( $types as $value => $label ) : ?>
				<option value="<?php echo esc_attr( $value ); ?>" <?php selected( 'visitor', $value ); ?>><?php echo esc_html( $label ); ?></option>
			<?php endforeach; ?>
		</select>
	</form>
	<p class="description" id="kchat-insights-window"></p>
	<h2 class="screen-reader-text"><?php esc_html_e( 'Figures of the period', 'kchat-sidecar' ); ?></h2>
	<div class="kchat-cards" id="kchat-cards"></div>
	<div class="kchat-lists">
		<?php foreach ( $lists as $id => $list ) : ?>
			<section class="kchat-list">
				<h2><?php echo esc_html( $list[0] ); ?></h2>
				<table class="widefat striped" id="<?php echo esc_attr( $id ); ?>">
					<thead><tr>
						<?php foreach ( $list[1] as $heading ) : ?>
							<th scope="col"><?php echo esc_html( $heading ); ?></th>
						<?php endforeach; ?>
					</tr></thead>
					<tbody></tbody>
				</table>
				<?php if ( 'kchat-unanswered' === $id ) : ?>
					<p class="kchat-downloads"><button type="button" class="button" id="kchat-download-unanswered"><?php esc_html_e( 'Download unanswered questions', 'kchat-sidecar' ); ?></button></p>
				<?php endif; ?>
			</section>
		<?php endforeach; ?>
	</div>
	<h2><?php esc_html_e( 'Interactions by day of the week', 'kchat-sidecar' ); ?></h2>
	<p class="description" id="kchat-weekdays-caption"></p>
	<div id="kchat-weekdays" class="kchat-chart kchat-weekdays"></div>
	<?php
}

/**
 * The Insights view's strings: labels, number formats, the cards' words.
 *
 * @return array
 */
function kchat_sidecar_insights_strings() {
	global $wp_locale;
	$abbrev = array();
	$names  = array();
	for ( $day = 0; $day < 7; $day++ ) {
		$names[]  = $wp_locale->get_weekday( $day );
		$abbrev[] = $wp_locale->get_weekday_abbrev( $wp_locale->get_weekday( $day ) );
	}
	return array(
		'loading'        => __( 'Loading insights…', 'kchat-sidecar' ),
		'empty'          => __( 'No conversations were recorded in this period.', 'kchat-sidecar' ),
		'nothing'        => __( 'Nothing in this period.', 'kchat-sidecar' ),
		'none'           => __( '—', 'kchat-sidecar' ),
		'noComparison'   => __( 'no comparison', 'kchat-sidecar' ),
		'up'             => __( 'up', 'kchat-sidecar' ),
		'down'           => __( 'down', 'kchat-sidecar' ),
		'unchanged'      => __( 'unchanged', 'kchat-sidecar' ),
		'vs'             => array(
			'today'   => __( 'vs. the same part of yesterday', 'kchat-sidecar' ),
			'week'    => __( 'vs. the same part of last week', 'kchat-sidecar' ),
			'month'   => __( 'vs. the same part of last month', 'kchat-sidecar' ),
			'quarter' => __( 'vs. the same part of last quarter', 'kchat-sidecar' ),
			'year'    => __( 'vs. the same part of last year', 'kchat-sidecar' ),
		),
		/* translators: 1: the period's start (YYYY-MM-DD HH:MM), 2: the site's time zone, 3: start of the same part of the previous period, 4: its end. */
		'window'         => __( 'Since %1$s (%2$s), compared with %3$s to %4$s.', 'kchat-sidecar' ),
		/* translators: %s: a number. */
		'percent'        => __( '%s%%', 'kchat-sidecar' ),
		/* translators: %s: a difference of percentages, in percentage points. */
		'points'         => __( '%s pts', 'kchat-sidecar' ),
		/* translators: %s: hours. */
		'hoursValue'     => __( '%s h', 'kchat-sidecar' ),
		/* translators: %s: seconds. */
		'seconds'        => __( '%s s', 'kchat-sidecar' ),
		/* translators: 1: minutes, 2: seconds. */
		'minutes'        => __( '%1$s min %2$s s', 'kchat-sidecar' ),
		/* translators: 1: hours, 2: minutes. */
		'hours'          => __( '%1$s h %2$s min', 'kchat-sidecar' ),
		/* translators: 1: days, 2: hours. */
		'days'           => __( '%1$s d %2$s h', 'kchat-sidecar' ),
		/* translators: %s: a page's ID, for a page without a title. */
		'pageFallback'   => __( 'Page #%s', 'kchat-sidecar' ),
		'whose'          => array(
			'visitor' => __( 'visitor messages', 'kchat-sidecar' ),
			'chatbot' => __( 'chatbot messages', 'kchat-sidecar' ),
			'all'     => __( 'all messages', 'kchat-sidecar' ),
		),
		'cards'          => kchat_sidecar_card_strings(),
		'weekdayNames'   => $names,
		'weekdayAbbrev'  => $abbrev,
		'weekdaysLabel'  => __( 'Average interactions per day, by day of the week, as a bar chart', 'kchat-sidecar' ),
		/* translators: 1: first day, 2: last day (YYYY-MM-DD), 3: the site's time zone. */
		'weekdaysWindow' => __( 'Average interactions per day from %1$s to %2$s (%3$s).', 'kchat-sidecar' ),
		/* translators: 1: weekday name, 2: average interactions a day, 3: days counted, 4: interactions in all, 5: share of all (worded to need no plural). */
		'weekdayTitle'   => __( '%1$s: average %2$s a day (days: %3$s; interactions: %4$s; share: %5$s)', 'kchat-sidecar' ),
		'downloadName'   => 'Chatbot-ChatGPT-Unanswered-Questions.csv',
	);
}

/**
 * Each Insights card's title and the words around its figures.
 *
 * @return array
 */
function kchat_sidecar_card_strings() {
	return array(
		'conversations'    => array( 'title' => __( 'Conversations', 'kchat-sidecar' ) ),
		'unique_visitors'  => array(
			'title'  => __( 'Unique visitors', 'kchat-sidecar' ),
			/* translators: 1: logged-in users, 2: anonymous visitors. */
			'detail' => __( '%1$s logged in · %2$s anonymous', 'kchat-sidecar' ),
		),
		'messages'         => array(
			'title'  => __( 'Messages', 'kchat-sidecar' ),
			/* translators: 1: visitor messages, 2: chatbot messages. */
			'detail' => __( '%1$s from visitors · %2$s from the chatbot', 'kchat-sidecar' ),
		),
		'duration'         => array(
			'title'  => __( 'Conversation length (median)', 'kchat-sidecar' ),
			/* translators: 1: mean length, 2: 90th percentile length. */
			'detail' => __( 'mean %1$s · 90th percentile %2$s', 'kchat-sidecar' ),
		),
		'tokens'           => array(
			'title'    => __( 'Tokens', 'kchat-sidecar' ),
			/* translators: 1: prompt tokens, 2: completion tokens, 3: tokens per conversation. */
			'detail'   => __( '%1$s prompt · %2$s completion · %3$s per conversation', 'kchat-sidecar' ),
			/* translators: %s: how many token rows hold no number (worded to need no plural). */
			'unparsed' => __( 'token rows not counted: %s', 'kchat-sidecar' ),
		),
		'avg_turns'        => array(
			'title'  => __( 'Average turns', 'kchat-sidecar' ),
			'detail' => __( 'visitor messages per conversation', 'kchat-sidecar' ),
		),
		'engagement_rate'  => array(
			'title'  => __( 'Engagement rate', 'kchat-sidecar' ),
			'detail' => __( 'of conversations have 3 or more visitor messages or last 5 minutes or more', 'kchat-sidecar' ),
		),
		'sentiment'        => array(
			'title'  => __( 'Average sentiment', 'kchat-sidecar' ),
			/* translators: %s: how many messages have a sentiment score (worded to need no plural). */
			'detail' => __( 'messages scored: %s', 'kchat-sidecar' ),
			/* translators: %s: the share of those scores that are 0. */
			'zero'   => __( ', %s of them 0', 'kchat-sidecar' ),
		),
		'positive_share'   => array(
			'title'  => __( 'Positive conversations', 'kchat-sidecar' ),
			'detail' => __( 'of conversations with a sentiment score', 'kchat-sidecar' ),
		),
		'resolved_rate'    => array(
			'title'  => __( 'Resolved rate', 'kchat-sidecar' ),
			'detail' => __( 'of conversations had no fallback reply', 'kchat-sidecar' ),
		),
		'time_saved_hours' => array(
			'title'  => __( 'Time saved', 'kchat-sidecar' ),
			'detail' => __( 'estimated from the number of conversations', 'kchat-sidecar' ),
		),
		/* translators: 1: what a card says, 2: whose messages it reads, e.g. "visitor messages". */
		'whoseFormat'      => __( '%1$s (%2$s)', 'kchat-sidecar' ),
	);
}

/**
 * The page's style.
 *
 * @return string
 */
function kchat_sidecar_css() {
	return '.kchat-form{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:12px 0}'
		. '.kchat-chart svg{display:block;max-width:100%;height:auto;background:#fff;border:1px solid #c3c4c7;margin:12px 0}'
		. '.kchat-chart .bar{fill:#2271b1}.kchat-chart text{font-size:11px;fill:#1d2327}'
		. '.kchat-table{max-width:480px}.kchat-table td:last-child,.kchat-table th:last-child{text-align:right}'
		. '.kchat-downloads{display:flex;flex-wrap:wrap;gap:8px}'
		. '.kchat-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin:12px 0}'
		. '.kchat-card{background:#fff;border:1px solid #c3c4c7;box-shadow:0 1px 1px rgba(0,0,0,.04);padding:12px 16px}'
		. '.kchat-card h3{margin:0 0 6px;font-size:13px;font-weight:600;color:#50575e}'
		. '.kchat-card p{margin:4px 0}.kchat-card-value{font-size:24px;line-height:1.3;font-weight:600;color:#1d2327}'
		// Arrows stay neutral: more is not better for every figure (tokens, length).
		. '.kchat-card-detail,.kchat-trend{color:#50575e}.kchat-arrow{font-weight:600;color:#1d2327}'
		. '.kchat-lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px;align-items:start}'
		. '.kchat-list td:not(:first-child),.kchat-list th:not(:first-child){text-align:right;white-space:nowrap}'
		. '.kchat-list td:first-child{overflow-wrap:anywhere}'
		. '.kchat-weekdays svg{max-width:720px}'
		. '.kchat-network-table{max-width:960px}.kchat-network-table .kchat-total{text-align:right;white-space:nowrap}'
		. '.kchat-network-table .kchat-path{overflow-wrap:anywhere}';
}

/**
 * The page's script: the helpers both views share, then the view's own part. It builds
 * every element with textContent, never HTML from data.
 *
 * @param string $view 'interactions', 'insights' or 'network'.
 * @return string
 */
function kchat_sidecar_js( $view ) {
	$parts = array(
		'interactions' => 'kchat_sidecar_js_interactions',
		'insights'     => 'kchat_sidecar_js_insights',
		'network'      => 'kchat_sidecar_js_network',
	);
	$part  = call_user_func( $parts[ $view ] );
	return "(function () {\n" . kchat_sidecar_js_common() . $part . "})();\n";
}

/**
 * The script's shared part: configuration, notices, calls to the sidecar, the
 * explanation of a failure and downloads.
 *
 * @return string
 */
function kchat_sidecar_js_common() {
	return <<<'JS'
	var cfg = window.kchatSidecar, t = cfg.i18n;
	var $ = function (id) { return document.getElementById(id); };
	var SVG = 'http://www.w3.org/2000/svg';

	function notice(kind, text) {
		var box = $('kchat-notices');
		box.textContent = '';
		if (!text) { return; }
		var div = document.createElement('div');
		// "inline" keeps WordPress's common.js from moving the notice out of this box
		// (it relocates every other .notice under the page title, out of our reach).
		div.className = 'notice inline notice-' + kind;
		div.setAttribute('data-kchat-notice', kind);
		var p = document.createElement('p');
		p.textContent = text;
		div.appendChild(p);
		box.appendChild(div);
	}

	// endpoint is the address of a route under the configured base, which may carry a
	// query of its own (a kchat_sidecar_url filter's ?lang=…, or WordPress's
	// ?rest_route=/kchat/v1, whose route then goes into rest_route, as rest_url() does).
	function endpoint(path, params) {
		var u = new URL(cfg.url, window.location.href);
		var route = u.searchParams.get('rest_route');
		if (route !== null) {
			u.searchParams.set('rest_route', route.replace(/\/+$/, '') + path);
		} else {
			u.pathname = u.pathname.replace(/\/+$/, '') + path;
		}
		Object.keys(params).forEach(function (k) { if (params[k]) { u.searchParams.set(k, params[k]); } });
		return u.toString();
	}

	function call(path, params) {
		var url;
		try { url = endpoint(path, params); } catch (e) { return Promise.reject({ kind: 'unreachable' }); }
		return fetch(url, { headers: { Authorization: 'Bearer ' + cfg.token } }).catch(function () {
			throw { kind: 'unreachable' };
		}).then(function (resp) {
			if (resp.ok) { return resp; }
			return resp.json().catch(function () { return {}; }).then(function (body) {
				throw { kind: 'http', status: resp.status, body: body };
			});
		});
	}

	function explain(err) {
		if (err.kind === 'unreachable') { return t.unreachable; }
		if (err.status === 401 || err.status === 403) { return t.refused; }
		// A view may say what a missing route means for it (the network's, say).
		if (err.status === 404 && t.noRoute) { return t.noRoute; }
		var body = err.body || {};
		if (err.status === 400 && body.data && body.data.params) {
			return t.badRange + ' ' + Object.keys(body.data.params).map(function (k) { return body.data.params[k]; }).join(' ');
		}
		return t.failed + ' ' + (body.message || ('HTTP ' + err.status));
	}

	function done(state) { document.body.setAttribute('data-kchat-state', state); }

	// fmt fills a translated string's %s, %1$s… and %% as PHP's sprintf would.
	function fmt(s) {
		var args = arguments, next = 0;
		return s.replace(/%(?:(\d+)\$)?([s%])/g, function (m, n, c) {
			return c === '%' ? '%' : String(args[n ? +n : ++next]);
		});
	}

	// number formats as the user's locale does (thousands separators and all).
	var formats = {};
	function number(x, decimals) {
		if (!formats[decimals]) {
			var opts = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
			try { formats[decimals] = new Intl.NumberFormat(cfg.locale, opts); } catch (e) { formats[decimals] = new Intl.NumberFormat(undefined, opts); }
		}
		return formats[decimals].format(x);
	}
	function count(x) { return number(x, 0); }
	function missing(x) { return x === null || x === undefined; }

	// el makes an element, its text set as text, never as HTML.
	function el(tag, className, text) {
		var e = document.createElement(tag);
		if (className) { e.className = className; }
		if (text !== undefined) { e.textContent = text; }
		return e;
	}

	// Fetches an export and hands it to the browser under the sidecar's file name, or
	// under ownName when the page names the file itself.
	function download(path, params, fallbackName, ownName) {
		notice('info', t.downloading);
		call(path, params).then(function (resp) {
			var cd = resp.headers.get('Content-Disposition') || '';
			var m = /filename="([^"]+)"/.exec(cd);
			return resp.blob().then(function (blob) {
				var a = document.createElement('a');
				a.href = URL.createObjectURL(blob);
				a.download = ownName || (m ? m[1] : fallbackName);
				document.body.appendChild(a);
				a.click();
				setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
				notice('', '');
			});
		}).catch(function (err) { notice('error', t.downloadFail + ' ' + explain(err)); });
	}

JS;
}

/**
 * The interactions view's script: chart, table and the two downloads.
 *
 * @return string
 */
function kchat_sidecar_js_interactions() {
	return <<<'JS'
	function params() {
		return { period: $('kchat-period').value, start: $('kchat-start').value, end: $('kchat-end').value };
	}

	function chart(buckets) {
		var box = $('kchat-chart');
		box.textContent = '';
		if (!buckets.length) { return; }
		var max = Math.max.apply(null, buckets.map(function (b) { return b.count; }).concat([1]));
		var w = Math.max(900, buckets.length * 28), h = 200, pad = 40, bw = (w - pad) / buckets.length;
		var svg = document.createElementNS(SVG, 'svg');
		svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (h + 40));
		svg.setAttribute('role', 'img');
		svg.setAttribute('aria-label', t.chartLabel);
		var every = Math.ceil(buckets.length / 24);
		buckets.forEach(function (b, i) {
			var bh = Math.round((b.count / max) * (h - 20));
			var r = document.createElementNS(SVG, 'rect');
			r.setAttribute('class', 'bar');
			r.setAttribute('x', pad + i * bw + 2);
			r.setAttribute('y', h - bh);
			r.setAttribute('width', Math.max(1, bw - 4));
			r.setAttribute('height', bh);
			var title = document.createElementNS(SVG, 'title');
			title.textContent = t.barTitle.replace('%1$s', b.label).replace('%2$s', b.count);
			r.appendChild(title);
			svg.appendChild(r);
			if (i % every === 0) {
				var label = document.createElementNS(SVG, 'text');
				label.setAttribute('x', pad + i * bw + bw / 2);
				label.setAttribute('y', h + 16);
				label.setAttribute('text-anchor', 'middle');
				label.textContent = b.label;
				svg.appendChild(label);
			}
		});
		var axis = document.createElementNS(SVG, 'text');
		axis.setAttribute('x', 2);
		axis.setAttribute('y', 14);
		axis.textContent = String(max);
		svg.appendChild(axis);
		box.appendChild(svg);
	}

	function table(data) {
		var body = $('kchat-table').tBodies[0];
		body.textContent = '';
		data.buckets.forEach(function (b) {
			var tr = document.createElement('tr');
			var d = document.createElement('td');
			d.textContent = b.label;
			var c = document.createElement('td');
			c.textContent = String(b.count);
			tr.appendChild(d);
			tr.appendChild(c);
			body.appendChild(tr);
		});
		$('kchat-total').textContent = String(data.total);
	}

	// Only the latest request may draw: a slow answer to an earlier choice must not
	// overwrite a later one.
	var latest = 0;

	// The window the table shows, as the sidecar answered it; dates typed into the form
	// but not yet shown are not it.
	var shown = null;

	function showWindow(data) {
		shown = data ? { start: data.start, end: data.end } : null;
		var b = $('kchat-download-window');
		b.disabled = !shown;
		if (shown) { b.textContent = t.downloadShown.replace('%1$s', shown.start).replace('%2$s', shown.end); }
	}

	function load() {
		if (!cfg.token) { notice('error', cfg.problem); return; }
		var mine = ++latest;
		notice('info', t.loading);
		call('/interactions/summary', params()).then(function (resp) { return resp.json(); }).then(function (data) {
			if (mine !== latest) { return; }
			$('kchat-start').value = data.start;
			$('kchat-end').value = data.end;
			$('kchat-period').value = data.period;
			table(data);
			chart(data.buckets);
			showWindow(data);
			notice(data.total === 0 ? 'warning' : '', data.total === 0 ? t.empty : '');
			done('loaded');
		}).catch(function (err) {
			if (mine !== latest) { return; }
			table({ buckets: [], total: '' });
			chart([]);
			showWindow(null);
			notice('error', explain(err));
			done('error');
		});
	}

	var csvName = 'Chatbot-ChatGPT-Interactions.csv';
	$('kchat-form').addEventListener('submit', function (e) { e.preventDefault(); load(); });
	$('kchat-period').addEventListener('change', function () { $('kchat-start').value = ''; load(); });
	// The plugin's button: every stored day. The second: the window shown only.
	$('kchat-download').addEventListener('click', function () { download('/interactions/export', {}, csvName); });
	$('kchat-download-window').addEventListener('click', function () { if (shown) { download('/interactions/export', shown, csvName); } });
	load();

JS;
}

/**
 * The Insights view's script: cards with trends, the three lists, the weekday chart and
 * the unanswered questions' download.
 *
 * @return string
 */
function kchat_sidecar_js_insights() {
	return <<<'JS'
	function decimal(x, decimals) { return missing(x) ? t.none : number(x, decimals); }
	function percent(x) { return missing(x) ? t.none : fmt(t.percent, number(x, 1)); }
	function human(x) {
		if (missing(x)) { return t.none; }
		var s = Math.round(x);
		if (s < 60) { return fmt(t.seconds, s); }
		if (s < 3600) { return fmt(t.minutes, Math.floor(s / 60), s % 60); }
		if (s < 86400) { return fmt(t.hours, Math.floor(s / 3600), Math.floor(s % 3600 / 60)); }
		return fmt(t.days, Math.floor(s / 86400), Math.floor(s % 86400 / 3600));
	}
	function dig(v, path) {
		return path.split('.').reduce(function (o, k) { return o === null || o === undefined ? o : o[k]; }, v);
	}

	// One card per figure: its value and detail from `current`, its trend from `trends`
	// (unit "%" a relative change, "pts" percentage points, "" a plain difference).
	var CARDS = [
		{ metric: 'conversations', trend: 'conversations', unit: '%', value: function (c) { return count(c.conversations); } },
		{ metric: 'unique_visitors', trend: 'unique_visitors', unit: '%', value: function (c) { return count(c.unique_visitors); },
			detail: function (c, d) { return fmt(d.detail, count(c.logged_in_users), count(c.anonymous_visitors)); } },
		{ metric: 'messages', trend: 'messages.total', unit: '%', value: function (c) { return count(c.messages.total); },
			detail: function (c, d) { return fmt(d.detail, count(c.messages.visitor), count(c.messages.chatbot)); } },
		{ metric: 'duration', trend: 'duration_seconds.median', unit: '%', value: function (c) { return human(c.duration_seconds.median); },
			detail: function (c, d) { return fmt(d.detail, human(c.duration_seconds.mean), human(c.duration_seconds.p90)); } },
		{ metric: 'tokens', trend: 'tokens.total', unit: '%', value: function (c) { return count(c.tokens.total); },
			detail: function (c, d) {
				var s = fmt(d.detail, count(c.tokens.prompt), count(c.tokens.completion), decimal(c.tokens.per_conversation, 1));
				return c.tokens.unparsed_rows > 0 ? s + ' · ' + fmt(d.unparsed, count(c.tokens.unparsed_rows)) : s;
			} },
		{ metric: 'avg_turns', trend: 'avg_turns', unit: '%', value: function (c) { return decimal(c.avg_turns, 2); },
			detail: function (c, d) { return d.detail; } },
		{ metric: 'engagement_rate', trend: 'engagement_rate', unit: 'pts', value: function (c) { return percent(c.engagement_rate); },
			detail: function (c, d) { return d.detail; } },
		{ metric: 'sentiment', trend: 'sentiment.average', unit: '', value: function (c) { return decimal(c.sentiment.average, 3); },
			detail: function (c, d, whose) {
				var s = fmt(d.detail, count(c.sentiment.scored));
				if (!missing(c.sentiment.zero_share)) { s += fmt(d.zero, percent(c.sentiment.zero_share)); }
				return fmt(t.cards.whoseFormat, s, whose);
			} },
		{ metric: 'positive_share', trend: 'sentiment.positive_share', unit: 'pts', value: function (c) { return percent(c.sentiment.positive_share); },
			detail: function (c, d, whose) { return fmt(t.cards.whoseFormat, d.detail, whose); } },
		{ metric: 'resolved_rate', trend: 'resolved_rate', unit: 'pts', value: function (c) { return percent(c.resolved_rate); },
			detail: function (c, d) { return d.detail; } },
		{ metric: 'time_saved_hours', trend: 'time_saved_hours', unit: '%', value: function (c) { return fmt(t.hoursValue, number(c.time_saved_hours, 1)); },
			detail: function (c, d) { return d.detail; } }
	];

	function trendLine(v, unit, period) {
		var p = el('p', 'kchat-trend');
		if (missing(v)) {
			p.classList.add('kchat-none');
			p.textContent = t.noComparison;
			return p;
		}
		var a = Math.abs(v);
		var change = unit === '%' ? fmt(t.percent, number(a, 1)) : unit === 'pts' ? fmt(t.points, number(a, 1)) : number(a, 3);
		var dir = v > 0 ? 'up' : v < 0 ? 'down' : 'unchanged';
		p.classList.add('kchat-' + dir);
		var arrow = el('span', 'kchat-arrow', { up: '▲', down: '▼', unchanged: '—' }[dir]);
		arrow.setAttribute('role', 'img');
		arrow.setAttribute('aria-label', t[dir]);
		p.appendChild(arrow);
		p.appendChild(document.createTextNode(' '));
		p.appendChild(el('span', 'kchat-change', change));
		p.appendChild(document.createTextNode(' '));
		p.appendChild(el('span', 'kchat-vs', t.vs[period] || ''));
		return p;
	}

	function clock(local) { return local.slice(0, 16).replace('T', ' '); }

	function cards(data) {
		var box = $('kchat-cards');
		box.textContent = '';
		$('kchat-insights-window').textContent = '';
		if (!data) { return; }
		var w = data.windows;
		// The current window's end is the period's, ahead of now; its start says enough.
		$('kchat-insights-window').textContent = fmt(t.window, clock(w.current.start), data.timezone,
			clock(w.previous_to_date.start), clock(w.previous_to_date.end));
		var whose = t.whose[data.type] || data.type;
		CARDS.forEach(function (c) {
			var words = t.cards[c.metric];
			var card = el('div', 'kchat-card');
			card.setAttribute('data-metric', c.metric);
			card.appendChild(el('h3', '', words.title));
			card.appendChild(el('p', 'kchat-card-value', c.value(data.current)));
			if (c.detail) { card.appendChild(el('p', 'kchat-card-detail', c.detail(data.current, words, whose))); }
			card.appendChild(trendLine(dig(data.trends, c.trend), c.unit, data.period));
			box.appendChild(card);
		});
	}

	// list fills one of the three tables; row(item) gives its cells, each a string or a node.
	function list(id, items, row) {
		var body = $(id).tBodies[0];
		body.textContent = '';
		if (!items) { return; }
		if (!items.length) {
			var td = el('td', 'kchat-nothing', t.nothing);
			td.colSpan = $(id).tHead.rows[0].cells.length;
			body.appendChild(el('tr')).appendChild(td);
			return;
		}
		items.forEach(function (item) {
			var tr = body.appendChild(el('tr'));
			row(item).forEach(function (cell) {
				var td = tr.appendChild(el('td'));
				if (typeof cell === 'string') { td.textContent = cell; } else { td.appendChild(cell); }
			});
		});
	}

	function pageCell(p) {
		var title = missing(p.title) || p.title === '' ? fmt(t.pageFallback, p.page_id) : p.title;
		if (missing(p.url) || !/^https?:\/\//i.test(p.url)) { return title; }
		var a = el('a', '', title);
		a.setAttribute('href', p.url);
		return a;
	}

	function pages(items) {
		list('kchat-pages', items, function (p) { return [pageCell(p), count(p.conversations)]; });
	}
	function assistants(items) {
		list('kchat-assistants', items, function (a) { return [missing(a.name) ? a.assistant_id : a.name, count(a.conversations)]; });
	}
	function unanswered(items) {
		list('kchat-unanswered', items, function (q) { return [q.text, count(q.count), q.last_seen.replace('T', ' ')]; });
	}

	function weekdays(data) {
		var box = $('kchat-weekdays');
		box.textContent = '';
		$('kchat-weekdays-caption').textContent = data ? fmt(t.weekdaysWindow, data.start, data.end, data.timezone) : '';
		if (!data) { return; }
		var days = data.weekdays;
		var max = Math.max.apply(null, days.map(function (d) { return d.average || 0; }).concat([0]));
		var w = 700, h = 200, top = 24, bw = w / days.length;
		var svg = document.createElementNS(SVG, 'svg');
		svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (h + 30));
		svg.setAttribute('role', 'img');
		svg.setAttribute('aria-label', t.weekdaysLabel);
		days.forEach(function (d, i) {
			var g = document.createElementNS(SVG, 'g');
			g.setAttribute('class', 'day');
			g.setAttribute('data-weekday', d.weekday);
			var bh = max > 0 ? Math.round(((d.average || 0) / max) * (h - top)) : 0;
			var x = i * bw;
			var r = document.createElementNS(SVG, 'rect');
			r.setAttribute('class', 'bar');
			r.setAttribute('x', x + 8);
			r.setAttribute('y', h - bh);
			r.setAttribute('width', bw - 16);
			r.setAttribute('height', bh);
			var title = document.createElementNS(SVG, 'title');
			title.textContent = fmt(t.weekdayTitle, t.weekdayNames[d.weekday], decimal(d.average, 2), count(d.days), count(d.total), percent(d.share));
			r.appendChild(title);
			g.appendChild(r);
			var value = document.createElementNS(SVG, 'text');
			value.setAttribute('class', 'value');
			value.setAttribute('x', x + bw / 2);
			value.setAttribute('y', h - bh - 6);
			value.setAttribute('text-anchor', 'middle');
			value.textContent = decimal(d.average, 2);
			g.appendChild(value);
			var label = document.createElementNS(SVG, 'text');
			label.setAttribute('class', 'label');
			label.setAttribute('x', x + bw / 2);
			label.setAttribute('y', h + 18);
			label.setAttribute('text-anchor', 'middle');
			label.textContent = t.weekdayAbbrev[d.weekday];
			g.appendChild(label);
			svg.appendChild(g);
		});
		box.appendChild(svg);
	}

	function period() { return $('kchat-insights-period').value; }

	// Cards and lists are drawn by the latest request for each: a slow answer to an
	// earlier choice must not overwrite a later one. A type change asks for the cards
	// only, so the lists of a period chosen just before must still be drawn.
	var cardsSeq = 0, listsSeq = 0, latest = 0, lists = Promise.resolve([]);

	// part fetches one route and draws it (null on failure) while isLatest(); it answers
	// the failure's explanation, or '' when there is none.
	function part(path, params, draw, isLatest) {
		return call(path, params).then(function (resp) { return resp.json(); }).then(function (data) {
			if (isLatest()) { draw(data); }
			return '';
		}, function (err) {
			if (isLatest()) { draw(null); }
			return explain(err);
		});
	}

	// load asks for the cards and, unless only the type changed, the lists and the chart;
	// the latest load sums up, once the lists on screen have arrived too.
	function load(cardsOnly) {
		if (!cfg.token) { notice('error', cfg.problem); done('error'); return; }
		var mine = ++latest, c = ++cardsSeq, p = period(), empty = false;
		notice('info', t.loading);
		var cardsDone = part('/insights', { period: p, type: $('kchat-insights-type').value }, function (data) {
			empty = !!data && data.current.conversations === 0 && data.current.messages.total === 0;
			cards(data);
		}, function () { return c === cardsSeq; });
		if (!cardsOnly) {
			var l = ++listsSeq, isLatest = function () { return l === listsSeq; };
			lists = Promise.all([
				part('/insights/pages', { period: p }, pages, isLatest),
				part('/insights/assistants', { period: p }, assistants, isLatest),
				part('/insights/unanswered', { period: p }, unanswered, isLatest),
				part('/interactions/weekdays', {}, weekdays, isLatest)
			]);
		}
		Promise.all([cardsDone, lists]).then(function (r) {
			if (mine !== latest) { return; }
			var problems = [r[0]].concat(r[1]).filter(function (s, i, all) { return s && all.indexOf(s) === i; });
			if (problems.length) {
				notice('error', problems.join(' '));
				done('error');
				return;
			}
			notice(empty ? 'warning' : '', empty ? t.empty : '');
			done('loaded');
		});
	}

	$('kchat-insights-form').addEventListener('submit', function (e) { e.preventDefault(); load(false); });
	$('kchat-insights-period').addEventListener('change', function () { load(false); });
	$('kchat-insights-type').addEventListener('change', function () { load(true); });
	$('kchat-download-unanswered').addEventListener('click', function () {
		download('/insights/unanswered/export', { period: period() }, t.downloadName);
	});
	load(false);

JS;
}

/**
 * The network view's script: every site's total for the window, and the download of
 * the window's days per site.
 *
 * @return string
 */
function kchat_sidecar_js_network() {
	return <<<'JS'

	// A site's title as text. WordPress stores blogname HTML-escaped (sanitize_option()
	// runs esc_html on it: "&amp;", "&#039;", "&lt;") and prints it as HTML; here its
	// entities are decoded in a parsed document, which runs and loads nothing, and the
	// result is set as text.
	function siteTitle(stored) {
		return new DOMParser().parseFromString(stored, 'text/html').documentElement.textContent;
	}

	// The site's own Chatbot Interactions page, when its home is a web address and it has
	// the chatbot's table: without it the page could only say so, as the Interactions
	// column already does.
	function siteCell(site) {
		var td = el('td', 'kchat-site');
		var name = site.name === '' ? site.path : siteTitle(site.name);
		var href = site.table_missing ? ''
			: site.blog_id === t.mainSite ? t.mainPage
			: (site.home && /^https?:\/\//i.test(site.home) ? site.home.replace(/\/+$/, '') + '/' + t.sitePage : '');
		if (!href) { td.textContent = name; return td; }
		var a = el('a', '', name);
		a.setAttribute('href', href);
		td.appendChild(a);
		return td;
	}

	function totalCell(site) {
		var td = el('td', 'kchat-total');
		td.setAttribute('data-total', missing(site.total) ? '' : String(site.total));
		td.textContent = missing(site.total) ? (site.table_missing ? t.tableMissing : t.none) : count(site.total);
		return td;
	}

	function status(site) {
		return ['archived', 'spam', 'deleted'].filter(function (f) { return site[f]; })
			.map(function (f) { return t[f]; }).join(t.separator);
	}

	function table(data) {
		var body = $('kchat-network-sites').tBodies[0];
		body.textContent = '';
		var total = $('kchat-network-total');
		total.textContent = '';
		total.setAttribute('data-total', '');
		if (!data) { return; }
		data.sites.forEach(function (site) {
			var tr = body.appendChild(el('tr'));
			tr.setAttribute('data-blog-id', String(site.blog_id));
			tr.appendChild(siteCell(site));
			tr.appendChild(el('td', 'kchat-path', site.path));
			tr.appendChild(el('td', 'kchat-timezone', site.timezone));
			tr.appendChild(totalCell(site));
			tr.appendChild(el('td', 'kchat-status', status(site)));
		});
		total.setAttribute('data-total', String(data.total));
		total.textContent = count(data.total);
	}

	// The window the table shows, as the sidecar answered it; dates typed into the form
	// but not yet shown are not it.
	var shown = null;

	function showWindow(data) {
		shown = data ? { start: data.start, end: data.end } : null;
		var w = $('kchat-network-window');
		w.textContent = shown ? fmt(t.window, shown.start, shown.end) : '';
		w.setAttribute('data-start', shown ? shown.start : '');
		w.setAttribute('data-end', shown ? shown.end : '');
		$('kchat-network-download').disabled = !shown;
	}

	// Only the latest request may draw: a slow answer to an earlier window must not
	// overwrite a later one.
	var latest = 0;

	function load() {
		if (!cfg.token) { notice('error', cfg.problem); done('error'); return; }
		var mine = ++latest;
		notice('info', t.loading);
		var params = { start: $('kchat-network-start').value, end: $('kchat-network-end').value };
		call('/network/interactions/summary', params).then(function (resp) { return resp.json(); }).then(function (data) {
			if (mine !== latest) { return; }
			$('kchat-network-start').value = data.start;
			$('kchat-network-end').value = data.end;
			table(data);
			showWindow(data);
			notice('', '');
			done('ready');
		}).catch(function (err) {
			if (mine !== latest) { return; }
			table(null);
			showWindow(null);
			notice('error', explain(err));
			done('error');
		});
	}

	$('kchat-network-form').addEventListener('submit', function (e) { e.preventDefault(); load(); });
	$('kchat-network-download').addEventListener('click', function () {
		if (!shown) { return; }
		var name = fmt(t.downloadName, shown.start, shown.end);
		download('/network/interactions/export', shown, name, name);
	});
	load();

JS;
}
