<?php
/**
 * Deleting the plugin removes its one option; it keeps nothing else (no tables, no files, nothing about visitors).
 *
 * @package S117_Checker
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 's117_checker_options' );
