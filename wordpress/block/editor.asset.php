<?php
/**
 * The editor script's dependencies (what a build tool would write; this script needs no build).
 *
 * @package S117_Checker
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
