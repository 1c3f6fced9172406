<?php
/**
 * Test helper for scripts/test-wordpress.sh and www/test/wordpress.run.mjs; not shipped in the plugin. Runs with
 * PHP's command line against the test site: installs it, makes users, makes posts as a user would (WordPress's own
 * filtering for that user's role applies, as in the editor), and runs the plugin's Site Health test.
 *
 *   php site.php ROOT install URL ADMIN_PASSWORD AUTHOR_PASSWORD
 *   php site.php ROOT post LOGIN TITLE < content     prints {"id", "url", "content" (as saved), "unfiltered_html"}
 *   php site.php ROOT health                          prints the test's result and two made-up responses' problems
 *
 * Every command prints one line of JSON; a failure prints {"error": "..."} and exits 1.
 *
 * @package S117_Checker
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited, WordPress.Security.EscapeOutput.OutputNotEscaped -- a command-line test helper.

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php site.php ROOT install|post|health ...\n" );
	exit( 2 );
}

list( , $root, $command ) = $argv;
$args                     = array_slice( $argv, 3 );
$_SERVER['HTTP_HOST']     = '127.0.0.1';
$_SERVER['REQUEST_URI']   = '/';

/**
 * Prints a result as JSON and exits.
 *
 * @param mixed $value The result.
 * @param int   $code  The exit status.
 */
function s117_test_out( $value, $code = 0 ) {
	echo wp_json_encode( $value ), "\n";
	exit( $code );
}

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $root . '/wp-load.php';

switch ( $command ) {
	case 'install':
		list( $url, $admin_password, $author_password ) = $args;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$installed = wp_install( 'Test charity', 'admin', 'admin@example.org', false, '', wp_slash( $admin_password ) );
		$author    = wp_insert_user(
			array(
				'user_login'   => 'author',
				'user_pass'    => $author_password,
				'user_email'   => 'author@example.org',
				'display_name' => 'Alex Author',
				'role'         => 'author',
			)
		);
		if ( is_wp_error( $author ) ) {
			s117_test_out( array( 'error' => $author->get_error_message() ), 1 );
		}
		s117_test_out(
			array(
				'admin'  => $installed['user_id'],
				'author' => $author,
				'home'   => home_url( '/' ),
				'theme'  => get_stylesheet(),
			)
		);
		break;

	case 'post':
		list( $login, $title ) = $args;
		$user                  = get_user_by( 'login', $login );
		if ( ! $user ) {
			s117_test_out( array( 'error' => "no user $login" ), 1 );
		}
		wp_set_current_user( $user->ID );
		kses_init(); // As on every request: the filters for this user's role.
		$id = wp_insert_post(
			array(
				'post_title'   => $title,
				'post_content' => file_get_contents( 'php://stdin' ),
				'post_status'  => 'publish',
				'post_author'  => $user->ID,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			s117_test_out( array( 'error' => $id->get_error_message() ), 1 );
		}
		s117_test_out(
			array(
				'id'              => $id,
				'url'             => get_permalink( $id ),
				'content'         => get_post( $id )->post_content,
				'unfiltered_html' => current_user_can( 'unfiltered_html' ),
			)
		);
		break;

	case 'health':
		wp_set_current_user( 1 );
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$tests = WP_Site_Health::get_tests();
		$fake  = static function ( $type ) {
			return array(
				'response' => array( 'code' => 200 ),
				'headers'  => array( 'content-type' => $type ),
			);
		};
		s117_test_out(
			array(
				'registered' => isset( $tests['direct']['s117_checker_files'] ),
				'result'     => s117_checker_health_test(),
				'wrong'      => s117_checker_content_type_problem( 'pkg/s117_bg.wasm', $fake( 'application/octet-stream' ) ),
				'right'      => s117_checker_content_type_problem( 'pkg/s117_bg.wasm', $fake( 'application/wasm' ) ),
				'missing'    => s117_checker_content_type_problem( 's117-checker.js', array( 'response' => array( 'code' => 404 ), 'headers' => array() ) ),
			)
		);
		break;

	default:
		s117_test_out( array( 'error' => "unknown command $command" ), 1 );
}
