//! The QR code of a `upi://pay` link, drawn on the server as inline SVG: the content
//! security policy allows no script to draw one in the browser, and an inline drawing
//! needs no image route of its own.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::AppError;

/// An `<svg>` element of `link`'s QR code: one unit per module, with the four-module quiet
/// zone scanners need, dark on light whatever the theme's colours. Its size is the page's
/// to set (CSS).
pub(super) fn svg(link: &str) -> Result<String, AppError> {
    // Level M survives a smudged or glaring screen and keeps a UPI link's code small.
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M)
        .map_err(|e| AppError::Internal(format!("the payment QR code could not be made: {e}")))?;
    let drawing = code
        .render::<svg::Color<'_>>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inside an HTML page the XML declaration before <svg> is out of place.
    let element = drawing
        .find("<svg")
        .map(|start| &drawing[start..])
        .ok_or_else(|| AppError::Internal("the QR code drawing has no <svg>".to_owned()))?;
    // The amount and UPI ID stand beside the code as text; the drawing itself says nothing
    // a screen reader could use.
    Ok(element.replacen(
        "<svg ",
        "<svg class=\"qr-code\" aria-hidden=\"true\" focusable=\"false\" ",
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawing_is_an_inline_svg_of_unit_modules() {
        let drawing = svg("upi://pay?pa=shop@okaxis&pn=Shop&am=149.00&cu=INR&tn=AT23456789")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(drawing.starts_with("<svg class=\"qr-code\""), "{drawing}");
        assert!(drawing.ends_with("</svg>"), "{drawing}");
        assert!(!drawing.contains("<?xml"));
        assert!(!drawing.contains("style="), "the CSP forbids inline styles");
    }
}
