<?php
/**
 * Settings → Section 117 checker: brand colours and font, the default quick-exit address, and the charity's own
 * help contacts (shown first under "Help from a person" on every result).
 *
 * @package S117_Checker
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the settings page.
 */
function s117_checker_admin_menu() {
	add_options_page(
		__( 'Section 117 checker', 's117-checker' ),
		__( 'Section 117 checker', 's117-checker' ),
		'manage_options',
		's117-checker',
		's117_checker_settings_page'
	);
}

/**
 * The fields: key => [label, type, help].
 *
 * @return array<string, array{0: string, 1: string, 2: string}>
 */
function s117_checker_fields() {
	$colour = __( 'A hex colour such as #1d70b8. Leave empty for the checker\'s own.', 's117-checker' );
	return array(
		'button_colour'  => array( __( 'Button colour', 's117-checker' ), 'text', $colour ),
		'link_colour'    => array( __( 'Link colour', 's117-checker' ), 'text', $colour ),
		'focus_colour'   => array( __( 'Focus colour', 's117-checker' ), 'text', $colour . ' ' . __( 'It must stand out against the text colour.', 's117-checker' ) ),
		'text_colour'    => array( __( 'Text colour', 's117-checker' ), 'text', $colour ),
		'background'     => array( __( 'Background colour', 's117-checker' ), 'text', $colour ),
		'font_family'    => array( __( 'Font', 's117-checker' ), 'text', __( 'The checker does not take your theme\'s font. Type the font your theme uses, such as "Open Sans", Arial, sans-serif.', 's117-checker' ) ),
		'quick_exit_url' => array( __( 'Quick exit goes to', 's117-checker' ), 'url', __( 'Where "Exit this page" takes the visitor, such as a weather or news page. Leave empty for BBC Weather.', 's117-checker' ) ),
		'help_name'      => array( __( 'Your helpline\'s name', 's117-checker' ), 'text', __( 'Shown first under "Help from a person" on every result, if a phone number or web page is given too.', 's117-checker' ) ),
		'help_phone'     => array( __( 'Your helpline\'s phone number', 's117-checker' ), 'text', '' ),
		'help_hours'     => array( __( 'Opening hours', 's117-checker' ), 'text', __( 'Such as: Monday to Friday, 9am to 5pm.', 's117-checker' ) ),
		'help_url'       => array( __( 'Your help web page', 's117-checker' ), 'url', '' ),
		'help_text'      => array( __( 'Your words over the help contacts', 's117-checker' ), 'textarea', __( 'Plain text, up to 600 characters.', 's117-checker' ) ),
	);
}

/**
 * Registers the option and its fields with the Settings API.
 */
function s117_checker_register_settings() {
	register_setting(
		's117_checker',
		's117_checker_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 's117_checker_sanitize_options',
			'default'           => s117_checker_default_options(),
		)
	);
	add_settings_section( 's117_checker_brand', __( 'Your brand', 's117-checker' ), '__return_false', 's117-checker' );
	add_settings_section( 's117_checker_help', __( 'Your help contacts', 's117-checker' ), '__return_false', 's117-checker' );
	foreach ( s117_checker_fields() as $key => $field ) {
		$section = 0 === strpos( $key, 'help_' ) ? 's117_checker_help' : 's117_checker_brand';
		add_settings_field(
			's117_checker_' . $key,
			$field[0],
			's117_checker_field',
			's117-checker',
			$section,
			array(
				'label_for' => 's117_checker_' . $key,
				'key'       => $key,
			)
		);
	}
}

/**
 * Prints one field.
 *
 * @param array{label_for: string, key: string} $args The field.
 */
function s117_checker_field( $args ) {
	$key     = $args['key'];
	$field   = s117_checker_fields()[ $key ];
	$value   = s117_checker_options()[ $key ];
	$id      = 's117_checker_' . $key;
	$name    = 's117_checker_options[' . $key . ']';
	$help_id = $id . '_help';
	$aria    = '' !== $field[2] ? ' aria-describedby="' . esc_attr( $help_id ) . '"' : '';
	if ( 'textarea' === $field[1] ) {
		echo '<textarea class="large-text" rows="3" maxlength="600" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '"' . $aria . '>' . esc_textarea( $value ) . '</textarea>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $aria is escaped above.
	} else {
		echo '<input class="regular-text" type="' . esc_attr( $field[1] ) . '" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '"' . $aria . '>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $aria is escaped above.
	}
	if ( '' !== $field[2] ) {
		echo '<p class="description" id="' . esc_attr( $help_id ) . '">' . esc_html( $field[2] ) . '</p>';
	}
}

/**
 * The settings page.
 */
function s117_checker_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . esc_html__( 'Add the checker to a post or page with the block "Section 117 checker" or the shortcode [s117_checker]. These settings apply to every checker on this site. In the iframe form (embed="iframe") the colours and font are the checker\'s own.', 's117-checker' ) . '</p>';
	echo '<form method="post" action="options.php">';
	settings_fields( 's117_checker' );
	do_settings_sections( 's117-checker' );
	submit_button();
	echo '</form></div>';
}
