//! The pictures the fake makes: real PNGs of the requested size and colour, with the graph in
//! a `prompt` tEXt chunk as ComfyUI's SaveImage writes it, and the small previews a sampler
//! sends.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};

/// A `width` × `height` PNG of one colour.
pub(crate) fn solid_png(width: u32, height: u32, rgb: [u8; 3]) -> Result<Vec<u8>, String> {
    let picture = RgbImage::from_pixel(width, height, Rgb(rgb));
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// A sampler's preview at `step` of `steps`: a small square fading from grey to `rgb`.
pub(crate) fn preview_png(rgb: [u8; 3], step: u64, steps: u64) -> Result<Vec<u8>, String> {
    let t = step as f32 / steps.max(1) as f32;
    let mix = |c: u8| (128.0 + (f32::from(c) - 128.0) * t) as u8;
    solid_png(32, 32, [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])])
}

/// CRC-32 (ISO-HDLC), as PNG chunks carry it.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for part in parts {
        for byte in *part {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                let mask = (crc & 1).wrapping_neg();
                crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
            }
        }
    }
    !crc
}

/// `png` with a tEXt chunk for each `(keyword, text)` right after its header, where PIL puts
/// them. The text must be Latin-1; ComfyUI's is ASCII JSON.
pub(crate) fn with_text(png: &[u8], texts: &[(&str, String)]) -> Vec<u8> {
    // Signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC).
    let after_header = 8 + 25;
    if png.len() < after_header {
        return png.to_vec();
    }
    let mut out =
        Vec::with_capacity(png.len() + texts.iter().map(|t| t.1.len() + 32).sum::<usize>());
    out.extend_from_slice(&png[..after_header]);
    for (keyword, text) in texts {
        let mut data = keyword.as_bytes().to_vec();
        data.push(0);
        data.extend_from_slice(text.as_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(b"tEXt");
        out.extend_from_slice(&data);
        out.extend_from_slice(&crc32(&[b"tEXt", &data]).to_be_bytes());
    }
    out.extend_from_slice(&png[after_header..]);
    out
}

/// JSON as Python's `json.dumps` writes it: `", "` and `": "` between items, and every
/// character beyond ASCII escaped.
pub(crate) fn python_json(value: &serde_json::Value) -> String {
    use serde_json::Value;
    fn escape(s: &str, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::String(s) => escape(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(item, out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (key, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    escape(key, out);
                    out.push_str(": ");
                    write(item, out);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// The tEXt chunks of a PNG, as (keyword, text): what a test reads to see the graph that
/// ComfyUI wrote into its file.
pub fn png_text(png: &[u8]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let length = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]) as usize;
        let kind = &png[at + 4..at + 8];
        let Some(data) = png.get(at + 8..at + 8 + length) else {
            break;
        };
        if kind == b"tEXt" {
            if let Some(split) = data.iter().position(|b| *b == 0) {
                found.push((
                    String::from_utf8_lossy(&data[..split]).into_owned(),
                    data[split + 1..].iter().map(|b| char::from(*b)).collect(),
                ));
            }
        }
        at += 12 + length;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_pngs() {
        // The CRC of an IEND chunk, as every PNG ends.
        assert_eq!(crc32(&[b"IEND"]), 0xAE42_6082);
    }

    #[test]
    fn text_chunks_go_in_and_the_picture_still_decodes() {
        let png = solid_png(7, 5, [255, 0, 0]).unwrap_or_else(|e| panic!("{e}"));
        let tagged = with_text(&png, &[("prompt", "{\"1\": {}}".to_owned())]);
        assert_eq!(
            png_text(&tagged),
            vec![("prompt".to_owned(), "{\"1\": {}}".to_owned())]
        );
        let decoded = image::load_from_memory_with_format(&tagged, ImageFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((decoded.width(), decoded.height()), (7, 5));
    }

    #[test]
    fn json_is_written_as_python_writes_it() {
        let value = serde_json::json!({"a": [1, "é"], "b": {"c": null}});
        assert_eq!(
            python_json(&value),
            r#"{"a": [1, "\u00e9"], "b": {"c": null}}"#
        );
    }
}
