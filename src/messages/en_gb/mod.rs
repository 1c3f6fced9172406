//! The en-GB catalogue: plain English, as GOV.UK writes it. One section per part of the product.

pub mod interview;
pub mod screen;

/// Every en-GB section.
pub const CATALOGUE: super::Catalogue = &[interview::TEXTS, screen::TEXTS];
