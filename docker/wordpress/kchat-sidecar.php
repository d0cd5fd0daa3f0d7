<?php
/**
 * Plugin Name:       Kognetiks Chatbot Interactions (kchat-sidecar)
 * Description:       Shows the Kognetiks Chatbot's interaction data from the kchat-sidecar service under Settings → Chatbot Interactions, with a chart, the Date / Count table and the CSV downloads.
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
 *                                            // optional; default: this site's own
 *                                            // /wp-json/kchat/v1, for a proxied sidecar
 *
 * The page mints a short-lived token for the current administrator on the server, in the
 * claim layout of the JWT Authentication for WP REST API plugin; the key never reaches
 * the browser.
 *
 * @package kchat-sidecar
 */

defined( 'ABSPATH' ) || exit;

const KCHAT_SIDECAR_PAGE      = 'kchat-interactions';
const KCHAT_SIDECAR_TOKEN_TTL = 900; // Seconds; the page asks again on reload.

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
 * Mints an HS256 token for a user, as the JWT Authentication plugin does.
 *
 * @param int $user_id The user.
 * @return string|WP_Error
 */
function kchat_sidecar_token( $user_id ) {
	if ( ! defined( 'JWT_AUTH_SECRET_KEY' ) || strlen( (string) JWT_AUTH_SECRET_KEY ) < 16 ) {
		return new WP_Error( 'kchat_no_key', __( 'JWT_AUTH_SECRET_KEY is not defined in wp-config.php (at least 16 characters), so the sidecar cannot be asked for data.', 'kchat-sidecar' ) );
	}
	$now    = time();
	$header = array(
		'typ' => 'JWT',
		'alg' => 'HS256',
	);
	$claims = array(
		'iss'  => untrailingslashit( get_bloginfo( 'url' ) ),
		'iat'  => $now,
		'nbf'  => $now,
		'exp'  => $now + KCHAT_SIDECAR_TOKEN_TTL,
		'data' => array( 'user' => array( 'id' => (string) $user_id ) ),
	);
	$signing = kchat_sidecar_b64url( wp_json_encode( $header ) ) . '.' . kchat_sidecar_b64url( wp_json_encode( $claims ) );
	return $signing . '.' . kchat_sidecar_b64url( hash_hmac( 'sha256', $signing, (string) JWT_AUTH_SECRET_KEY, true ) );
}

/**
 * Where the sidecar's kchat/v1 namespace is.
 *
 * @return string
 */
function kchat_sidecar_url() {
	if ( defined( 'KCHAT_SIDECAR_URL' ) && KCHAT_SIDECAR_URL ) {
		return untrailingslashit( (string) KCHAT_SIDECAR_URL );
	}
	return untrailingslashit( rest_url( 'kchat/v1' ) );
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
 * The plugin's reporting period, as the sidecar names it.
 *
 * @return string
 */
function kchat_sidecar_default_period() {
	$period = strtolower( (string) get_option( 'chatbot_chatgpt_reporting_period', 'Daily' ) );
	return in_array( $period, array( 'daily', 'weekly', 'monthly', 'yearly' ), true ) ? $period : 'daily';
}

/**
 * Hands the page's script its configuration: the sidecar's URL, a fresh token, and the
 * translated strings.
 */
function kchat_sidecar_scripts() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$token  = kchat_sidecar_token( get_current_user_id() );
	$config = array(
		'url'     => kchat_sidecar_url(),
		'token'   => is_wp_error( $token ) ? '' : $token,
		'problem' => is_wp_error( $token ) ? $token->get_error_message() : '',
		'i18n'    => array(
			'loading'      => __( 'Loading interaction data…', 'kchat-sidecar' ),
			'empty'        => __( 'No interactions were recorded in this period.', 'kchat-sidecar' ),
			'unreachable'  => __( 'The kchat-sidecar service could not be reached. Check that it is running and that KCHAT_SIDECAR_URL points at it.', 'kchat-sidecar' ),
			'refused'      => __( 'The sidecar refused this page\'s token. Check that it shares this site\'s JWT_AUTH_SECRET_KEY and home URL, then reload.', 'kchat-sidecar' ),
			'badRange'     => __( 'That date range was not accepted:', 'kchat-sidecar' ),
			'failed'       => __( 'The sidecar could not answer:', 'kchat-sidecar' ),
			'total'        => __( 'Total', 'kchat-sidecar' ),
			'chartLabel'   => __( 'Interactions per period, as a bar chart', 'kchat-sidecar' ),
			'downloading'  => __( 'Preparing the download…', 'kchat-sidecar' ),
			'downloadFail' => __( 'The download failed:', 'kchat-sidecar' ),
			/* translators: 1: first day shown, 2: last day shown (YYYY-MM-DD). */
			'downloadShown' => __( 'Download %1$s to %2$s only', 'kchat-sidecar' ),
			/* translators: 1: bucket label, 2: interaction count. */
			'barTitle'     => __( '%1$s: %2$s interactions', 'kchat-sidecar' ),
		),
	);
	wp_register_script( 'kchat-sidecar', false, array(), '0.1.0', true );
	wp_enqueue_script( 'kchat-sidecar' );
	wp_add_inline_script( 'kchat-sidecar', 'window.kchatSidecar = ' . wp_json_encode( $config ) . ';', 'before' );
	wp_add_inline_script( 'kchat-sidecar', kchat_sidecar_js() );
	wp_register_style( 'kchat-sidecar', false, array(), '0.1.0' );
	wp_enqueue_style( 'kchat-sidecar' );
	wp_add_inline_style( 'kchat-sidecar', kchat_sidecar_css() );
}

/**
 * Renders the page: the form, the places for notices, chart and table, and the download.
 */
function kchat_sidecar_render() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'kchat-sidecar' ) );
	}
	$period  = kchat_sidecar_default_period();
	$periods = array(
		'daily'   => __( 'Daily', 'kchat-sidecar' ),
		'weekly'  => __( 'Weekly', 'kchat-sidecar' ),
		'monthly' => __( 'Monthly', 'kchat-sidecar' ),
		'yearly'  => __( 'Yearly', 'kchat-sidecar' ),
	);
	?>
	<div class="wrap" id="kchat-sidecar">
		<h1><?php esc_html_e( 'Chatbot Interactions', 'kchat-sidecar' ); ?></h1>
		<div id="kchat-notices" aria-live="polite"></div>
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
	</div>
	<?php
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
		. '.kchat-downloads{display:flex;flex-wrap:wrap;gap:8px}';
}

/**
 * The page's script. It builds every element with textContent, never HTML from data.
 *
 * @return string
 */
function kchat_sidecar_js() {
	return <<<'JS'
(function () {
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

	function call(path, params) {
		var q = new URLSearchParams();
		Object.keys(params).forEach(function (k) { if (params[k]) { q.set(k, params[k]); } });
		var url = cfg.url + path + (q.toString() ? '?' + q.toString() : '');
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
		var body = err.body || {};
		if (err.status === 400 && body.data && body.data.params) {
			return t.badRange + ' ' + Object.keys(body.data.params).map(function (k) { return body.data.params[k]; }).join(' ');
		}
		return t.failed + ' ' + (body.message || ('HTTP ' + err.status));
	}

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
			document.body.setAttribute('data-kchat-state', 'loaded');
		}).catch(function (err) {
			if (mine !== latest) { return; }
			table({ buckets: [], total: '' });
			chart([]);
			showWindow(null);
			notice('error', explain(err));
			document.body.setAttribute('data-kchat-state', 'error');
		});
	}

	// range: {start, end} for those days only; null for every stored day.
	function download(range) {
		notice('info', t.downloading);
		call('/interactions/export', range || {}).then(function (resp) {
			var cd = resp.headers.get('Content-Disposition') || '';
			var m = /filename="([^"]+)"/.exec(cd);
			return resp.blob().then(function (blob) {
				var a = document.createElement('a');
				a.href = URL.createObjectURL(blob);
				a.download = m ? m[1] : 'Chatbot-ChatGPT-Interactions.csv';
				document.body.appendChild(a);
				a.click();
				setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
				notice('', '');
			});
		}).catch(function (err) { notice('error', t.downloadFail + ' ' + explain(err)); });
	}

	$('kchat-form').addEventListener('submit', function (e) { e.preventDefault(); load(); });
	$('kchat-period').addEventListener('change', function () { $('kchat-start').value = ''; load(); });
	$('kchat-download').addEventListener('click', function () { download(null); });
	$('kchat-download-window').addEventListener('click', function () { if (shown) { download(shown); } });
	load();
})();
JS;
}
