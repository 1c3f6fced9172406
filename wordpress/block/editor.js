// The block "Section 117 checker" in the editor: a placeholder (the checker itself is drawn on the published page,
// by the same PHP as the shortcode) and its settings in the sidebar. Plain JavaScript, no build step.
( function ( wp ) {
	const el = wp.element.createElement;
	const { __ } = wp.i18n;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, Placeholder, SelectControl, TextControl } = wp.components;

	wp.blocks.registerBlockType( 's117/checker', {
		edit( { attributes, setAttributes } ) {
			const set = ( key ) => ( value ) => setAttributes( { [ key ]: value } );
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Checker settings', 's117-checker' ) },
						el( SelectControl, {
							label: __( 'Form', 's117-checker' ),
							value: attributes.embed,
							options: [
								{ label: __( 'On the page (takes your colours and font)', 's117-checker' ), value: '' },
								{ label: __( 'In an iframe (fully isolated)', 's117-checker' ), value: 'iframe' },
							],
							onChange: set( 'embed' ),
						} ),
						el( SelectControl, {
							label: __( 'View', 's117-checker' ),
							value: attributes.mode,
							options: [
								{ label: __( 'One question at a time (for the public)', 's117-checker' ), value: '' },
								{ label: __( 'Every question on one screen (for advisers)', 's117-checker' ), value: 'adviser' },
							],
							onChange: set( 'mode' ),
						} ),
						el( TextControl, {
							label: __( 'Quick exit', 's117-checker' ),
							help: __( 'Empty: on, going to the address in Settings → Section 117 checker. "off": no quick exit. Or a web address.', 's117-checker' ),
							value: attributes.quickExit,
							onChange: set( 'quickExit' ),
						} ),
						el( TextControl, {
							label: __( 'Storage key', 's117-checker' ),
							help: __( 'Only for two checkers on one page: give each its own word (letters, digits, - and _).', 's117-checker' ),
							value: attributes.storageKey,
							onChange: set( 'storageKey' ),
						} ),
						el( TextControl, {
							label: __( 'Check date (YYYY-MM-DD)', 's117-checker' ),
							help: __( 'Empty: the day the visitor uses it. Set a date only for demonstrations.', 's117-checker' ),
							value: attributes.checkDate,
							onChange: set( 'checkDate' ),
						} )
					)
				),
				el( Placeholder, {
					icon: 'yes-alt',
					label: __( 'Section 117 after-care checker', 's117-checker' ),
					instructions: __( 'The checker is shown on the published page. Its settings are in the sidebar.', 's117-checker' ),
				} )
			);
		},
		save: () => null,
	} );
}( window.wp ) );
