//! The en-GB catalogue: plain English, as GOV.UK writes it. One section per part of the product.

pub mod decision;
pub mod input;
pub mod interview;
pub mod letter;
#[cfg(feature = "cli")]
pub mod result;
pub mod screen;
#[cfg(feature = "cli")]
pub mod screen_page;
#[cfg(feature = "cli")]
pub mod widget;

/// Every en-GB section.
pub const CATALOGUE: super::Catalogue = &[
    interview::TEXTS,
    decision::TEXTS,
    input::TEXTS,
    letter::TEXTS,
    screen::TEXTS,
    #[cfg(feature = "cli")]
    widget::TEXTS,
    #[cfg(feature = "cli")]
    result::TEXTS,
    #[cfg(feature = "cli")]
    screen_page::TEXTS,
];
