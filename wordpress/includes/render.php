<?php
/**
 * The shortcode [s117_checker] and the block "s117/checker": both print the same markup, from the same settings,
 * and enqueue the widget's files only on the pages that use them.
 *
 * @package S117_Checker
 */

defined( 'ABSPATH' ) || exit;

/**
 * The shortcode [s117_checker quick_exit="" mode="" storage_key="" check_date="" embed=""].
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function s117_checker_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'quick_exit'  => '',
			'mode'        => '',
			'storage_key' => '',
			'check_date'  => '',
			'embed'       => '',
		),
		$atts,
		's117_checker'
	);
	return s117_checker_render( $atts );
}

/**
 * The block's render callback: its attributes are the shortcode's, in camelCase.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function s117_checker_render_block( $attributes ) {
	$get = static function ( $key ) use ( $attributes ) {
		return isset( $attributes[ $key ] ) && is_string( $attributes[ $key ] ) ? $attributes[ $key ] : '';
	};
	return s117_checker_render(
		array(
			'quick_exit'  => $get( 'quickExit' ),
			'mode'        => $get( 'mode' ),
			'storage_key' => $get( 'storageKey' ),
			'check_date'  => $get( 'checkDate' ),
			'embed'       => $get( 'embed' ),
		)
	);
}

/**
 * The element's attributes from the shortcode's (or block's) settings and the plugin's options. Values that are not
 * valid are left out, so the widget uses its default.
 *
 * @param array<string, string> $atts The settings: quick_exit, mode, storage_key, check_date.
 * @return array<string, string> Attribute name => value ('' for an attribute with no value).
 */
function s117_checker_attributes( $atts ) {
	$options = s117_checker_options();
	$attrs   = array();
	$exit    = strtolower( trim( (string) $atts['quick_exit'] ) );
	if ( ! in_array( $exit, array( 'off', 'no', 'false', '0' ), true ) ) {
		$url                 = s117_checker_sanitize_http_url( $atts['quick_exit'] );
		$attrs['quick-exit'] = $url ? $url : $options['quick_exit_url'];
	}
	if ( 'adviser' === strtolower( trim( (string) $atts['mode'] ) ) ) {
		$attrs['mode'] = 'adviser';
	}
	if ( preg_match( '/^[A-Za-z0-9_-]{1,40}$/', (string) $atts['storage_key'] ) ) {
		$attrs['storage-key'] = $atts['storage_key'];
	}
	if ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', (string) $atts['check_date'] ) ) {
		$attrs['as-at'] = $atts['check_date'];
	}
	foreach ( s117_checker_help_attributes() as $key => $name ) {
		if ( '' !== $options[ $key ] ) {
			$attrs[ $name ] = $options[ $key ];
		}
	}
	return $attrs;
}

/**
 * The markup: the element (or, with embed="iframe", the container that s117-embed.js turns into an iframe) around a
 * fallback that stays if the checker cannot load, and says what to do then.
 *
 * @param array<string, string> $atts The settings.
 * @return string
 */
function s117_checker_render( $atts ) {
	$attrs   = s117_checker_attributes( $atts );
	$section = '<a href="https://www.legislation.gov.uk/ukpga/1983/20/section/117">' . esc_html__( 'section 117 of the Mental Health Act 1983', 's117-checker' ) . '</a>';
	if ( 'iframe' === strtolower( trim( (string) $atts['embed'] ) ) ) {
		wp_enqueue_script( 's117-checker-embed' );
		$html = '<div data-s117-embed';
		if ( ! isset( $attrs['quick-exit'] ) ) {
			$attrs['quick-exit'] = 'off'; // The quick exit is on by default in the iframe.
		}
		foreach ( $attrs as $name => $value ) {
			$html .= ' data-' . $name . '="' . esc_attr( $value ) . '"';
		}
		$page = '<a href="' . esc_url( s117_checker_asset_url( 'embed.html' ) ) . '">' . esc_html__( 'the checker on its own page', 's117-checker' ) . '</a>';
		/* translators: %s: a link to the checker on its own page. */
		$fallback = sprintf( esc_html__( 'The checker loads here. If this message stays, open %s.', 's117-checker' ), $page );
		return $html . '><p>' . $fallback . '</p></div>';
	}
	wp_enqueue_style( 's117-checker' );
	s117_checker_brand_style();
	wp_enqueue_script( 's117-checker' );
	$html = '<s117-checker';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . ( '' === $value ? '' : '="' . esc_attr( $value ) . '"' );
	}
	/* translators: %s: a link to section 117 of the Mental Health Act 1983 on legislation.gov.uk. */
	$fallback = sprintf( esc_html__( 'The checker is loading. It needs JavaScript and WebAssembly. If this message stays, your browser or this website may have blocked it: try another browser, or read %s.', 's117-checker' ), $section );
	return $html . '><p>' . $fallback . '</p></s117-checker>';
}

/**
 * The brand colours and font from the settings, as the widget's CSS custom properties on the element (once a page).
 */
function s117_checker_brand_style() {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done    = true;
	$options = s117_checker_options();
	$css     = '';
	foreach ( s117_checker_colour_properties() as $key => $property ) {
		$colour = sanitize_hex_color( $options[ $key ] );
		if ( $colour ) {
			$css .= $property . ':' . $colour . ';';
		}
	}
	$font = s117_checker_sanitize_font( $options['font_family'] );
	if ( '' !== $font ) {
		$css .= '--s117-font-family:' . $font . ';';
	}
	if ( '' !== $css ) {
		wp_add_inline_style( 's117-checker', 's117-checker{' . $css . '}' );
	}
}

/**
 * On a post or page that uses the checker, the stylesheet goes in the head (the scripts are added when the
 * shortcode or block is drawn, in the footer). Nothing is loaded on other pages.
 */
function s117_checker_enqueue_for_post() {
	$post = is_singular() ? get_post() : null;
	if ( ! $post ) {
		return;
	}
	if ( s117_checker_uses_element( $post->post_content ) ) {
		wp_enqueue_style( 's117-checker' );
		s117_checker_brand_style();
	}
}

/**
 * Whether content has a checker drawn on the page (a shortcode or block not in the iframe form, which needs no
 * stylesheet on the page).
 *
 * @param string $content A post's content.
 * @return bool
 */
function s117_checker_uses_element( $content ) {
	if ( has_shortcode( $content, 's117_checker' ) && preg_match_all( '/' . get_shortcode_regex( array( 's117_checker' ) ) . '/', $content, $found, PREG_SET_ORDER ) ) {
		foreach ( $found as $shortcode ) {
			$atts = shortcode_parse_atts( $shortcode[3] );
			if ( ! is_array( $atts ) || ! isset( $atts['embed'] ) || 'iframe' !== strtolower( (string) $atts['embed'] ) ) {
				return true;
			}
		}
	}
	return has_block( 's117/checker', $content ) && s117_checker_blocks_use_element( parse_blocks( $content ) );
}

/**
 * Whether any of these blocks, or the blocks inside them, is the checker not in the iframe form.
 *
 * @param array $blocks Parsed blocks.
 * @return bool
 */
function s117_checker_blocks_use_element( $blocks ) {
	foreach ( $blocks as $block ) {
		if ( 's117/checker' === $block['blockName'] && ( ! isset( $block['attrs']['embed'] ) || 'iframe' !== $block['attrs']['embed'] ) ) {
			return true;
		}
		if ( ! empty( $block['innerBlocks'] ) && s117_checker_blocks_use_element( $block['innerBlocks'] ) ) {
			return true;
		}
	}
	return false;
}

/**
 * The widget's scripts are ES modules: print them as <script type="module"> (WordPress 6.1 has no API for modules),
 * marked so that the optimisation plugins that read these attributes leave them alone.
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's URL, with ?ver=.
 * @return string
 */
function s117_checker_module_tag( $tag, $handle, $src ) {
	if ( 's117-checker' !== $handle && 's117-checker-embed' !== $handle ) {
		return $tag;
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="' . esc_attr( $handle ) . '-js" data-cfasync="false" data-no-optimize="1" data-no-defer="1" data-no-minify="1"></script>' . "\n";
}
