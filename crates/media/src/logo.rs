//! A site's logo: an upload checked by its content (a PNG, JPEG or WebP, never judged by its
//! name), no larger than [`LOGO_MAX_BYTES`] and [`LOGO_MAX_SIDE`] on a side, decoded and
//! encoded again as a PNG so nothing but its pixels is kept (no text chunk, no EXIF, no
//! script hidden in either), and stored beside the site's images under a new name each
//! time, so its address can be cached for good.

use std::io::Cursor;
use std::path::PathBuf;

use atelier_domain::TenantId;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use uuid::Uuid;

use crate::{write_new, ImageStorage};

/// The largest logo file accepted.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;
/// The longest side a logo may have, in pixels.
pub const LOGO_MAX_SIDE: u32 = 1024;
/// The kinds of file a logo may arrive as: what phones and design tools export.
const LOGO_KINDS: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];
/// The most a decoder may allocate for a logo: a 1024 × 1024 image of four 16-bit channels
/// is 8 MiB, and the decoders' own buffers fit in the rest. The declared size is checked
/// first; this bounds whatever a decoder does after that.
const DECODE_MAX_ALLOC: u64 = 64 * 1024 * 1024;

/// Why a logo was refused.
#[derive(Debug, thiserror::Error)]
pub enum LogoError {
    #[error("the file is larger than {LOGO_MAX_BYTES} bytes")]
    TooLarge,
    #[error("the file is not a PNG, JPEG or WebP image")]
    NotAccepted,
    #[error("the image cannot be read: {0}")]
    Unreadable(String),
    #[error("the image is {width}×{height}; a logo is at most {LOGO_MAX_SIDE} on a side")]
    TooManyPixels { width: u32, height: u32 },
    #[error("cannot store the logo: {0}")]
    Io(#[from] std::io::Error),
}

impl ImageStorage {
    /// Where the logo stored as `id` is.
    pub fn logo_path(&self, tenant: TenantId, id: Uuid) -> PathBuf {
        self.dir(tenant)
            .join("brand")
            .join(format!("logo-{}.png", id.simple()))
    }

    /// Checks, cleans and stores an uploaded logo; the id it is stored as.
    pub async fn store_logo(&self, tenant: TenantId, upload: Vec<u8>) -> Result<Uuid, LogoError> {
        let id = Uuid::now_v7();
        let path = self.logo_path(tenant, id);
        tokio::task::spawn_blocking(move || {
            let png = clean_logo(&upload)?;
            write_new(&path, &png)?;
            Ok(id)
        })
        .await
        .map_err(|e| LogoError::Io(std::io::Error::other(e.to_string())))?
    }

    /// Removes a logo no longer in use; one already gone is no matter.
    pub async fn remove_logo(&self, tenant: TenantId, id: Uuid) {
        let _ = tokio::fs::remove_file(self.logo_path(tenant, id)).await;
    }
}

/// The logo's pixels as a fresh PNG, or why the upload is not a logo we take.
pub fn clean_logo(upload: &[u8]) -> Result<Vec<u8>, LogoError> {
    if upload.len() > LOGO_MAX_BYTES {
        return Err(LogoError::TooLarge);
    }
    // Judged by its first bytes alone: a name or a declared type is whatever the sender says.
    let format = image::guess_format(upload).map_err(|_| LogoError::NotAccepted)?;
    if !LOGO_KINDS.contains(&format) {
        return Err(LogoError::NotAccepted);
    }
    let unreadable = |e: image::ImageError| LogoError::Unreadable(e.to_string());
    let mut limits = Limits::default();
    limits.max_alloc = Some(DECODE_MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    reader.limits(limits);
    // Making the decoder reads the header alone; the size it declares is checked before a
    // pixel is decoded, since a small file may declare a huge image.
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 || width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE {
        return Err(LogoError::TooManyPixels { width, height });
    }
    // A phone's photo is often stored sideways with an EXIF note to turn it; the note does
    // not survive the PNG, so the turn is made here.
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    image.apply_orientation(orientation);
    let mut out = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(unreadable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{encode_png, png_size};

    fn png(w: u32, h: u32) -> Vec<u8> {
        encode_png(w, h, vec![90; (w * h * 3) as usize]).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `png` with a tEXt chunk (valid CRC) carrying `text`, right after the header.
    fn with_text(png: &[u8], text: &[u8]) -> Vec<u8> {
        let mut body = b"tEXt".to_vec();
        body.extend_from_slice(text);
        let mut chunk = ((text.len()) as u32).to_be_bytes().to_vec();
        chunk.extend_from_slice(&body);
        chunk.extend_from_slice(&crc32(&body).to_be_bytes());
        let mut out = png[..33].to_vec();
        out.extend_from_slice(&chunk);
        out.extend_from_slice(&png[33..]);
        out
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffff_u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_script_in_a_text_chunk_does_not_survive() {
        let tagged = with_text(&png(16, 8), b"Comment\0<script>alert(1)</script>");
        let clean = clean_logo(&tagged).unwrap_or_else(|e| panic!("{e}"));
        assert!(!clean.windows(8).any(|w| w == b"<script>"));
        assert!(!clean.windows(4).any(|w| w == b"tEXt"));
        assert_eq!(png_size(&clean).unwrap_or_default(), (16, 8));
    }

    /// A `w` × `h` image with a different colour in each half, so a turn shows.
    fn two_tone(w: u32, h: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([250, 20, 20])
            } else {
                image::Rgb([20, 20, 250])
            }
        }))
    }

    /// A baseline JPEG of `image`, with `exif` (a TIFF structure) in an APP1 segment.
    fn jpeg(image: &DynamicImage, exif: Vec<u8>) -> Vec<u8> {
        use image::ImageEncoder;
        let mut out = Vec::new();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95);
        encoder
            .set_exif_metadata(exif)
            .unwrap_or_else(|e| panic!("{e}"));
        encoder
            .write_image(
                image.as_bytes(),
                image.width(),
                image.height(),
                image.color().into(),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    /// A lossless WebP of `image`.
    fn webp(image: &DynamicImage) -> Vec<u8> {
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::WebP)
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    /// A little-endian EXIF structure: the orientation tag set to `orientation`, then an
    /// ImageDescription holding `text`.
    fn exif(orientation: u16, text: &[u8]) -> Vec<u8> {
        let mut out = b"II*\0".to_vec();
        out.extend_from_slice(&8u32.to_le_bytes());
        out.extend_from_slice(&2u16.to_le_bytes());
        // Orientation: SHORT, one value, held in the entry itself.
        out.extend_from_slice(&0x0112u16.to_le_bytes());
        out.extend_from_slice(&3u16.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&orientation.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        // ImageDescription: ASCII, stored after the directory (2 + 2 × 12 + 4 bytes on).
        out.extend_from_slice(&0x010Eu16.to_le_bytes());
        out.extend_from_slice(&2u16.to_le_bytes());
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(&(8u32 + 2 + 24 + 4).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(text);
        out
    }

    /// The decoded PNG `clean_logo` gave, checked to be one.
    fn decoded(clean: &[u8]) -> image::RgbImage {
        assert!(clean.starts_with(b"\x89PNG\r\n\x1a\n"));
        image::load_from_memory_with_format(clean, ImageFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_rgb8()
    }

    #[test]
    fn a_jpeg_logo_comes_out_as_a_png_without_its_exif() {
        let upload = jpeg(&two_tone(16, 8), exif(1, b"<script>alert(1)</script>\0"));
        assert!(upload.windows(8).any(|w| w == b"<script>"));
        let clean = clean_logo(&upload).unwrap_or_else(|e| panic!("{e}"));
        assert!(!clean.windows(8).any(|w| w == b"<script>"));
        assert!(!clean.windows(4).any(|w| w == b"eXIf" || w == b"Exif"));
        let pixels = decoded(&clean);
        assert_eq!(pixels.dimensions(), (16, 8));
        assert!(pixels.get_pixel(1, 4)[0] > 200, "the left half stays red");
        assert!(
            pixels.get_pixel(14, 4)[2] > 200,
            "the right half stays blue"
        );
    }

    #[test]
    fn a_phone_photo_stored_sideways_is_turned_upright() {
        // Orientation 6: the stored pixels are to be turned a quarter clockwise to be seen.
        let upload = jpeg(&two_tone(16, 8), exif(6, b"phone\0"));
        let pixels = decoded(&clean_logo(&upload).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(pixels.dimensions(), (8, 16));
        assert!(
            pixels.get_pixel(4, 1)[0] > 200,
            "the left half is now on top"
        );
        assert!(
            pixels.get_pixel(4, 14)[2] > 200,
            "the right half is now below"
        );
    }

    #[test]
    fn a_webp_logo_comes_out_as_a_png() {
        let upload = webp(&two_tone(12, 6));
        assert!(upload.starts_with(b"RIFF"));
        let pixels = decoded(&clean_logo(&upload).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(pixels.dimensions(), (12, 6));
        assert_eq!(pixels.get_pixel(0, 0).0, [250, 20, 20]);
        assert_eq!(pixels.get_pixel(11, 5).0, [20, 20, 250]);
    }

    #[test]
    fn a_gif_or_a_text_file_is_refused_whatever_it_is_called() {
        // A whole 1 × 1 GIF: a real image, of a kind a logo may not be.
        let gif = b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;";
        assert!(matches!(clean_logo(gif), Err(LogoError::NotAccepted)));
        assert!(matches!(
            clean_logo(
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            ),
            Err(LogoError::NotAccepted)
        ));
        assert!(matches!(
            clean_logo(b"logo.png\n"),
            Err(LogoError::NotAccepted)
        ));
        assert!(matches!(clean_logo(b""), Err(LogoError::NotAccepted)));
    }

    #[test]
    fn what_is_not_a_small_whole_image_is_refused() {
        assert!(matches!(
            clean_logo(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Err(LogoError::Unreadable(_))
        ));
        assert!(matches!(
            clean_logo(&vec![0; LOGO_MAX_BYTES + 1]),
            Err(LogoError::TooLarge)
        ));
        assert!(matches!(
            clean_logo(&png(LOGO_MAX_SIDE + 8, 8)),
            Err(LogoError::TooManyPixels { .. })
        ));
        let mut cut = png(8, 8);
        cut.truncate(cut.len() - 20);
        assert!(matches!(clean_logo(&cut), Err(LogoError::Unreadable(_))));
        let mut cut = jpeg(&two_tone(64, 64), Vec::new());
        cut.truncate(cut.len() / 2);
        assert!(matches!(clean_logo(&cut), Err(LogoError::Unreadable(_))));
    }

    /// `bytes` with the big-endian u16 at `at` set to `value`.
    fn set_u16_be(mut bytes: Vec<u8>, at: usize, value: u16) -> Vec<u8> {
        bytes[at..at + 2].copy_from_slice(&value.to_be_bytes());
        bytes
    }

    #[test]
    fn a_header_declaring_a_huge_image_is_refused_before_decoding() {
        // Each file holds the pixels of an 8 × 8 image but says it is far larger: decoding
        // would fail (or take the node's memory), so the size refusal proves the header was
        // read first.
        let mut huge_png = png(8, 8);
        huge_png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        huge_png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        // IHDR's checksum covers its type and fields, so it is made again.
        let crc = crc32(&huge_png[12..29]);
        huge_png[29..33].copy_from_slice(&crc.to_be_bytes());
        let small = jpeg(&two_tone(8, 8), Vec::new());
        let sof = small
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .unwrap_or_else(|| panic!("no baseline frame header"));
        // SOF0: marker, length (2), precision (1), height (2), width (2).
        let huge_jpeg = set_u16_be(set_u16_be(small, sof + 5, 20_000), sof + 7, 20_000);
        // VP8L (lossless WebP) packs width − 1 and height − 1 in 14 bits each, after its
        // signature byte at 20.
        let mut huge_webp = webp(&two_tone(8, 8));
        assert_eq!(&huge_webp[12..16], b"VP8L");
        let packed: u32 = 15_999 | (15_999 << 14);
        let rest = u32::from_le_bytes([0, 0, 0, huge_webp[24]]) & 0xF000_0000;
        huge_webp[21..25].copy_from_slice(&(packed | rest).to_le_bytes());
        for (kind, upload, side) in [
            ("png", huge_png, 20_000),
            ("jpeg", huge_jpeg, 20_000),
            ("webp", huge_webp, 16_000),
        ] {
            match clean_logo(&upload) {
                Err(LogoError::TooManyPixels { width, height }) => {
                    assert_eq!((width, height), (side, side), "{kind}");
                }
                other => panic!("{kind}: {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn a_logo_is_stored_under_a_new_name_each_time() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let tenant = TenantId(Uuid::nil());
        let first = storage.store_logo(tenant, png(8, 8)).await;
        let second = storage.store_logo(tenant, png(8, 8)).await;
        let (first, second) = match (first, second) {
            (Ok(a), Ok(b)) => (a, b),
            other => panic!("{other:?}"),
        };
        assert_ne!(first, second);
        assert!(storage.logo_path(tenant, first).exists());
        storage.remove_logo(tenant, first).await;
        assert!(!storage.logo_path(tenant, first).exists());
    }
}
