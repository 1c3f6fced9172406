<?php
/**
 * The plugin's one option, s117_checker_options: brand colours and font, the default quick-exit address, and the
 * charity's own help contacts. Everything is checked here, when it is saved, and escaped again where it is printed.
 *
 * @package S117_Checker
 */

defined( 'ABSPATH' ) || exit;

/**
 * The brand colours, as option key => the widget's CSS custom property.
 *
 * @return array<string, string>
 */
function s117_checker_colour_properties() {
	return array(
		'text_colour'   => '--s117-text-colour',
		'background'    => '--s117-background',
		'link_colour'   => '--s117-link-colour',
		'button_colour' => '--s117-button-colour',
		'focus_colour'  => '--s117-focus-colour',
	);
}

/**
 * The help contacts, as option key => the element's attribute (shown first under "Help from a person").
 *
 * @return array<string, string>
 */
function s117_checker_help_attributes() {
	return array(
		'help_name'  => 'help-name',
		'help_phone' => 'help-phone',
		'help_hours' => 'help-hours',
		'help_url'   => 'help-url',
		'help_text'  => 'help-text',
	);
}

/**
 * Every option with its default (empty: the widget's own default).
 *
 * @return array<string, string>
 */
function s117_checker_default_options() {
	$keys = array_merge(
		array_keys( s117_checker_colour_properties() ),
		array( 'font_family', 'quick_exit_url' ),
		array_keys( s117_checker_help_attributes() )
	);
	return array_fill_keys( $keys, '' );
}

/**
 * The saved options, with defaults for anything not saved.
 *
 * @return array<string, string>
 */
function s117_checker_options() {
	$saved = get_option( 's117_checker_options', array() );
	$saved = is_array( $saved ) ? $saved : array();
	return array_merge( s117_checker_default_options(), array_intersect_key( $saved, s117_checker_default_options() ) );
}

/**
 * A CSS font-family list, or '' if it is not one: letters, digits, spaces, hyphens, commas and quotes only, so it
 * cannot end the declaration or the style element.
 *
 * @param string $value What was typed.
 * @return string
 */
function s117_checker_sanitize_font( $value ) {
	$value = trim( (string) $value );
	return preg_match( '/^[A-Za-z0-9 ,\'"-]{1,200}$/', $value ) ? $value : '';
}

/**
 * An http(s) address, or ''.
 *
 * @param string $value What was typed.
 * @return string
 */
function s117_checker_sanitize_http_url( $value ) {
	$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
	return $url ? $url : '';
}

/**
 * Checks the settings form before they are saved. Anything not valid is left empty (the widget's default), with a
 * notice naming the field.
 *
 * @param mixed $input The submitted values.
 * @return array<string, string>
 */
function s117_checker_sanitize_options( $input ) {
	$input = is_array( $input ) ? $input : array();
	$clean = s117_checker_default_options();
	foreach ( array_keys( s117_checker_colour_properties() ) as $key ) {
		$value = isset( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$clean[ $key ] = (string) sanitize_hex_color( $value );
		if ( '' !== $value && '' === $clean[ $key ] ) {
			/* translators: %s: what was typed. */
			add_settings_error( 's117_checker_options', $key, sprintf( __( '"%s" is not a colour: use a hex colour such as #1d70b8.', 's117-checker' ), $value ) );
		}
	}
	$font                 = isset( $input['font_family'] ) ? (string) $input['font_family'] : '';
	$clean['font_family'] = s117_checker_sanitize_font( $font );
	if ( '' !== trim( $font ) && '' === $clean['font_family'] ) {
		add_settings_error( 's117_checker_options', 'font_family', __( 'The font was not saved: use font names separated by commas, such as "Open Sans", Arial, sans-serif.', 's117-checker' ) );
	}
	foreach ( array( 'quick_exit_url', 'help_url' ) as $key ) {
		$value         = isset( $input[ $key ] ) ? (string) $input[ $key ] : '';
		$clean[ $key ] = s117_checker_sanitize_http_url( $value );
		if ( '' !== trim( $value ) && '' === $clean[ $key ] ) {
			/* translators: %s: what was typed. */
			add_settings_error( 's117_checker_options', $key, sprintf( __( '"%s" is not a web address: start it with https://.', 's117-checker' ), $value ) );
		}
	}
	foreach ( array( 'help_name', 'help_phone', 'help_hours' ) as $key ) {
		$clean[ $key ] = isset( $input[ $key ] ) ? sanitize_text_field( (string) $input[ $key ] ) : '';
	}
	$clean['help_text'] = isset( $input['help_text'] ) ? mb_substr( sanitize_textarea_field( (string) $input['help_text'] ), 0, 600 ) : '';
	return $clean;
}
