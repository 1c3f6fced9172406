<?php
/**
 * A Site Health test (Tools → Site Health): fetches the widget's WebAssembly and main module from this site and
 * warns if the server sends them with the wrong Content-Type. The only request the plugin makes is this one, to
 * its own files on this site, when an administrator opens Site Health.
 *
 * @package S117_Checker
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the test.
 *
 * @param array $tests Site Health's tests.
 * @return array
 */
function s117_checker_site_status_tests( $tests ) {
	$tests['direct']['s117_checker_files'] = array(
		'label' => __( 'Section 117 checker files', 's117-checker' ),
		'test'  => 's117_checker_health_test',
	);
	return $tests;
}

/**
 * The files to check, with a pattern their Content-Type must match and the type to ask the host for.
 *
 * @return array<string, array{0: string, 1: string}>
 */
function s117_checker_health_files() {
	return array(
		'pkg/s117_bg.wasm' => array( '#^application/wasm\b#i', 'application/wasm' ),
		's117-checker.js'  => array( '#^(text|application)/(x-)?(javascript|ecmascript)\b#i', 'text/javascript' ),
	);
}

/**
 * What is wrong with the response for one file, or '' if nothing is.
 *
 * @param string          $file     The file, inside the widget's folder.
 * @param array|\WP_Error $response What wp_remote_get() returned.
 * @return string
 */
function s117_checker_content_type_problem( $file, $response ) {
	$want = s117_checker_health_files()[ $file ];
	if ( is_wp_error( $response ) ) {
		/* translators: 1: a file name, 2: the error. */
		return sprintf( __( '%1$s could not be fetched from this site to check it: %2$s', 's117-checker' ), $file, $response->get_error_message() );
	}
	$code = (int) wp_remote_retrieve_response_code( $response );
	if ( 200 !== $code ) {
		/* translators: 1: a file name, 2: an HTTP status code. */
		return sprintf( __( '%1$s could not be fetched from this site (HTTP status %2$d): check that the plugin\'s folder is complete and that your server lets browsers fetch it.', 's117-checker' ), $file, $code );
	}
	$type = (string) wp_remote_retrieve_header( $response, 'content-type' );
	if ( ! preg_match( $want[0], trim( $type ) ) ) {
		/* translators: 1: a file name, 2: the Content-Type the server sent, 3: the one it should send. */
		return sprintf( __( '%1$s is served as "%2$s". Ask your host to serve it as %3$s.', 's117-checker' ), $file, '' === $type ? __( 'no type', 's117-checker' ) : $type, $want[1] );
	}
	return '';
}

/**
 * The test: "good" if both files come back with the right type, otherwise "recommended" with what to ask the host.
 *
 * @return array
 */
function s117_checker_health_test() {
	$problems = array();
	foreach ( array_keys( s117_checker_health_files() ) as $file ) {
		$response = wp_remote_get(
			s117_checker_asset_url( $file ),
			array(
				'timeout'             => 10,
				'limit_response_size' => 4096,
				'sslverify'           => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own loopback filter.
			)
		);
		$problem = s117_checker_content_type_problem( $file, $response );
		if ( '' !== $problem ) {
			$problems[] = $problem;
		}
	}
	$result = array(
		'label'       => __( 'The Section 117 checker\'s files are served correctly', 's117-checker' ),
		'status'      => 'good',
		'badge'       => array(
			'label' => __( 'Section 117 checker', 's117-checker' ),
			'color' => 'blue',
		),
		'description' => '<p>' . esc_html__( 'The WebAssembly is served as application/wasm and the script as JavaScript.', 's117-checker' ) . '</p>',
		'actions'     => '',
		'test'        => 's117_checker_files',
	);
	if ( $problems ) {
		$result['label']       = __( 'The Section 117 checker\'s files may not be served correctly', 's117-checker' );
		$result['status']      = 'recommended';
		$result['badge']['color'] = 'orange';
		$result['description'] = '<p>' . implode( '</p><p>', array_map( 'esc_html', $problems ) ) . '</p><p>' . esc_html__( 'With the wrong type, browsers may refuse the checker or load it slowly, and visitors see only "The checker is loading".', 's117-checker' ) . '</p>';
	}
	return $result;
}
