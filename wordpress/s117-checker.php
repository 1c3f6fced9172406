<?php
/**
 * Plugin Name:       Section 117 after-care checker
 * Description:       Adds the Section 117 after-care checker to posts and pages: the shortcode [s117_checker] or the block "Section 117 checker". The checker runs in the visitor's browser; nothing is sent anywhere.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The Section 117 checker contributors
 * License:           MIT
 * License URI:       https://opensource.org/license/mit
 * Text Domain:       s117-checker
 *
 * @package S117_Checker
 */

defined( 'ABSPATH' ) || exit;

/*
 * The widget's version. Its files are in widget/<version>/, so every URL changes with the version and an update
 * never mixes an old .js with a new .wasm behind a cache. scripts/build-wordpress-plugin.sh writes this line.
 */
define( 'S117_CHECKER_VERSION', '0.1.0' );
define( 'S117_CHECKER_FILE', __FILE__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/site-health.php';

add_action( 'init', 's117_checker_init' );
add_action( 'wp_enqueue_scripts', 's117_checker_enqueue_for_post' );
add_filter( 'script_loader_tag', 's117_checker_module_tag', 10, 3 );
add_action( 'admin_menu', 's117_checker_admin_menu' );
add_action( 'admin_init', 's117_checker_register_settings' );
add_filter( 'site_status_tests', 's117_checker_site_status_tests' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 's117_checker_action_links' );

/**
 * Registers the shortcode, the block and the widget's files (enqueued only on pages that use them).
 */
function s117_checker_init() {
	add_shortcode( 's117_checker', 's117_checker_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 's117_checker_render_block' ) );
	/*
	 * No "?ver=": the version is in the folder's name, so a new version is a new address and no cache mixes them.
	 */
	wp_register_style( 's117-checker', s117_checker_asset_url( 's117-checker.css' ), array(), null );
	wp_register_script( 's117-checker', s117_checker_asset_url( 's117-checker.js' ), array(), null, true );
	wp_register_script( 's117-checker-embed', s117_checker_asset_url( 's117-embed.js' ), array(), null, true );
}

/**
 * The URL of one of the widget's files, from the plugin's own URL (so a site in a subfolder works).
 *
 * @param string $file Path inside the widget's folder, such as "s117-checker.js".
 * @return string
 */
function s117_checker_asset_url( $file ) {
	return plugins_url( 'widget/' . S117_CHECKER_VERSION . '/' . $file, S117_CHECKER_FILE );
}

/**
 * A "Settings" link beside the plugin on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function s117_checker_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=s117-checker' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 's117-checker' ) . '</a>' );
	return $links;
}
