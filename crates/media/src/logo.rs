//! A site's logo: an upload checked by its content (a PNG, not by its name), no larger than
//! [`LOGO_MAX_BYTES`] and [`LOGO_MAX_SIDE`] on a side, decoded and encoded again so nothing
//! but its pixels is kept (no text chunk, no script hidden in one), and stored beside the
//! site's images under a new name each time, so its address can be cached for good.

use std::io::Cursor;
use std::path::PathBuf;

use atelier_domain::TenantId;
use image::{ImageFormat, ImageReader};
use uuid::Uuid;

use crate::{png_size, write_new, ImageStorage};

/// The largest logo file accepted.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;
/// The longest side a logo may have, in pixels.
pub const LOGO_MAX_SIDE: u32 = 1024;

/// Why a logo was refused.
#[derive(Debug, thiserror::Error)]
pub enum LogoError {
    #[error("the file is larger than {LOGO_MAX_BYTES} bytes")]
    TooLarge,
    #[error("the file is not a PNG image: {0}")]
    NotPng(String),
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

/// The logo's pixels as a fresh PNG, or why the upload is not one.
pub fn clean_logo(upload: &[u8]) -> Result<Vec<u8>, LogoError> {
    if upload.len() > LOGO_MAX_BYTES {
        return Err(LogoError::TooLarge);
    }
    // The size its header declares is checked before anything is decoded: a small file may
    // declare a huge image.
    let (width, height) = png_size(upload).map_err(|e| LogoError::NotPng(e.to_string()))?;
    if width == 0 || height == 0 || width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE {
        return Err(LogoError::TooManyPixels { width, height });
    }
    let image = ImageReader::with_format(Cursor::new(upload), ImageFormat::Png)
        .decode()
        .map_err(|e| LogoError::NotPng(e.to_string()))?;
    if image.width() > LOGO_MAX_SIDE || image.height() > LOGO_MAX_SIDE {
        return Err(LogoError::TooManyPixels {
            width: image.width(),
            height: image.height(),
        });
    }
    let mut out = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| LogoError::NotPng(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode_png;

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

    #[test]
    fn what_is_not_a_small_png_is_refused() {
        assert!(matches!(
            clean_logo(b"GIF89a...."),
            Err(LogoError::NotPng(_))
        ));
        assert!(matches!(
            clean_logo(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Err(LogoError::NotPng(_))
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
        assert!(matches!(clean_logo(&cut), Err(LogoError::NotPng(_))));
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
