//! Image storage: PNGs under the data folder (never inside anything served statically),
//! named by internal ids only, each with a thumbnail made once when it is stored.
#![forbid(unsafe_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use atelier_domain::{ImageId, TenantId};
use image::{ImageFormat, ImageReader};

mod logo;
mod preview;

pub use logo::{clean_logo, LogoError, LOGO_MAX_BYTES, LOGO_MAX_SIDE};
pub use preview::{preview_mime, PREVIEW_MAX_BYTES};

/// The longest side of a thumbnail.
pub const THUMB_SIDE: u32 = 320;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the result is not a PNG image: {0}")]
    NotPng(String),
    #[error("the image is {got_w}×{got_h}, not the {want_w}×{want_h} that was asked for")]
    WrongSize {
        got_w: u32,
        got_h: u32,
        want_w: u32,
        want_h: u32,
    },
    #[error("cannot store the image: {0}")]
    Io(#[from] std::io::Error),
}

/// Where images live.
#[derive(Debug, Clone)]
pub struct ImageStorage {
    root: PathBuf,
}

/// A stored image's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredImage {
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

impl ImageStorage {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn dir(&self, tenant: TenantId) -> PathBuf {
        self.root.join(tenant.0.simple().to_string())
    }

    pub fn image_path(&self, tenant: TenantId, id: ImageId) -> PathBuf {
        self.dir(tenant).join(format!("{}.png", id.0.simple()))
    }

    /// Where the thumbnail of a `width` × `height` image is: an image no larger than a
    /// thumbnail is its own thumbnail, so no second file is written for it.
    pub fn thumb_path(&self, tenant: TenantId, id: ImageId, width: i64, height: i64) -> PathBuf {
        if needs_thumbnail(width, height) {
            self.thumb_file(tenant, id)
        } else {
            self.image_path(tenant, id)
        }
    }

    fn thumb_file(&self, tenant: TenantId, id: ImageId) -> PathBuf {
        self.dir(tenant)
            .join(format!("{}.thumb.png", id.0.simple()))
    }

    /// Checks that `png` is a PNG of the expected size, then writes it (without text chunks)
    /// and its thumbnail.
    /// Each file gets a new name (ids are never reused) and is complete before this returns;
    /// the database records the image only after that, so it never points at a half file. A
    /// crash mid-write leaves at most an unreferenced file. All of it runs in one trip to the
    /// blocking pool.
    pub async fn store(
        &self,
        tenant: TenantId,
        id: ImageId,
        png: Vec<u8>,
        expected: (u32, u32),
    ) -> Result<StoredImage, MediaError> {
        let (image, thumb) = (self.image_path(tenant, id), self.thumb_file(tenant, id));
        tokio::task::spawn_blocking(move || {
            // Whoever rendered it, the stored image carries no workflow or prompt text.
            let png = strip_png_text(&png)?;
            // The size its header declares is checked before anything is decoded: a small
            // upload may declare a huge image, and decoding it would take the node's memory.
            let (width, height) = png_size(&png)?;
            let wrong_size = |(got_w, got_h): (u32, u32)| MediaError::WrongSize {
                got_w,
                got_h,
                want_w: expected.0,
                want_h: expected.1,
            };
            if (width, height) != expected {
                return Err(wrong_size((width, height)));
            }
            let (thumbnail, width, height) = make_thumbnail(&png)?;
            if (width, height) != expected {
                return Err(wrong_size((width, height)));
            }
            write_new(&image, &png)?;
            if let Some(thumbnail) = thumbnail {
                if let Err(e) = write_new(&thumb, &thumbnail) {
                    let _ = std::fs::remove_file(&image);
                    return Err(e.into());
                }
            }
            Ok(StoredImage {
                width,
                height,
                bytes: png.len() as u64,
            })
        })
        .await
        .map_err(|e| MediaError::Io(std::io::Error::other(e.to_string())))?
    }

    /// Removes an image that was stored but not kept (its job was canceled meanwhile).
    pub async fn remove(&self, tenant: TenantId, id: ImageId) {
        let _ = tokio::fs::remove_file(self.image_path(tenant, id)).await;
        let _ = tokio::fs::remove_file(self.thumb_file(tenant, id)).await;
    }
}

/// Writes a file that must not exist yet, creating its folder the first time; removes what
/// it wrote if the write fails.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            create()?
        }
        opened => opened?,
    };
    file.write_all(bytes).inspect_err(|_| {
        let _ = std::fs::remove_file(path);
    })
}

fn needs_thumbnail(width: i64, height: i64) -> bool {
    width > i64::from(THUMB_SIDE) || height > i64::from(THUMB_SIDE)
}

/// Decodes a PNG and returns its size and a thumbnail of it (PNG), or no thumbnail when the
/// image is no larger than one.
pub fn make_thumbnail(png: &[u8]) -> Result<(Option<Vec<u8>>, u32, u32), MediaError> {
    let reader = ImageReader::with_format(Cursor::new(png), ImageFormat::Png);
    let image = reader
        .decode()
        .map_err(|e| MediaError::NotPng(e.to_string()))?;
    let (width, height) = (image.width(), image.height());
    if !needs_thumbnail(i64::from(width), i64::from(height)) {
        // Already small: the image is its own thumbnail (never scale up).
        return Ok((None, width, height));
    }
    let thumb = image.thumbnail(THUMB_SIDE, THUMB_SIDE);
    let mut out = Vec::new();
    thumb
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| MediaError::NotPng(e.to_string()))?;
    Ok((Some(out), width, height))
}

/// Encodes RGB pixels (row by row) as a PNG.
pub fn encode_png(width: u32, height: u32, rgb: Vec<u8>) -> Result<Vec<u8>, MediaError> {
    let buffer = image::RgbImage::from_raw(width, height, rgb)
        .ok_or_else(|| MediaError::NotPng("pixel buffer has the wrong length".to_owned()))?;
    let mut out = Vec::new();
    buffer
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| MediaError::NotPng(e.to_string()))?;
    Ok(out)
}

/// The PNG signature every PNG starts with.
const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The width and height a PNG's header (its first chunk, IHDR) declares, read without
/// decoding anything.
pub fn png_size(png: &[u8]) -> Result<(u32, u32), MediaError> {
    let not_png = |why: &str| MediaError::NotPng(why.to_owned());
    if !png.starts_with(PNG_SIGNATURE) {
        return Err(not_png("it does not start with the PNG signature"));
    }
    let header = png
        .get(8..24)
        .ok_or_else(|| not_png("it ends before its header"))?;
    if &header[4..8] != b"IHDR" {
        return Err(not_png("its first chunk is not IHDR"));
    }
    let side = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    Ok((side(8), side(12)))
}

/// `png` without its tEXt, iTXt and zTXt chunks: ComfyUI writes the whole workflow there
/// (prompts, model names, seeds), which is not ours to hand to whoever downloads the image.
/// The pixels are untouched; the chunks are walked, not decoded.
pub fn strip_png_text(png: &[u8]) -> Result<Vec<u8>, MediaError> {
    let not_png = |why: &str| MediaError::NotPng(why.to_owned());
    if !png.starts_with(PNG_SIGNATURE) {
        return Err(not_png("it does not start with the PNG signature"));
    }
    let mut out = Vec::with_capacity(png.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut at = PNG_SIGNATURE.len();
    loop {
        let header = png
            .get(at..at + 8)
            .ok_or_else(|| not_png("a chunk is cut short"))?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        let end = at
            .checked_add(12 + length)
            .filter(|end| *end <= png.len())
            .ok_or_else(|| not_png("a chunk is cut short"))?;
        if !matches!(kind, b"tEXt" | b"iTXt" | b"zTXt") {
            out.extend_from_slice(&png[at..end]);
        }
        at = end;
        if kind == b"IEND" {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        encode_png(w, h, vec![200; (w * h * 3) as usize]).unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn images_are_stored_by_id_with_a_thumbnail() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let (tenant, id) = (TenantId(uuid_v4()), ImageId(uuid_v4()));
        let stored = storage
            .store(tenant, id, png(640, 480), (640, 480))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((stored.width, stored.height), (640, 480));
        let thumb = std::fs::read(storage.thumb_path(tenant, id, 640, 480)).unwrap_or_default();
        let (_, tw, th) = make_thumbnail(&thumb).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((tw, th), (320, 240));
        assert!(storage.image_path(tenant, id).starts_with(dir.path()));
    }

    #[tokio::test]
    async fn a_small_image_is_its_own_thumbnail() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let (tenant, id) = (TenantId(uuid_v4()), ImageId(uuid_v4()));
        storage
            .store(tenant, id, png(320, 64), (320, 64))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let thumb = storage.thumb_path(tenant, id, 320, 64);
        assert_eq!(thumb, storage.image_path(tenant, id));
        assert!(thumb.exists());
        assert_eq!(
            std::fs::read_dir(storage.dir(tenant))
                .map(Iterator::count)
                .unwrap_or(0),
            1
        );
    }

    #[tokio::test]
    async fn wrong_sizes_and_non_pngs_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let (tenant, id) = (TenantId(uuid_v4()), ImageId(uuid_v4()));
        assert!(matches!(
            storage.store(tenant, id, png(64, 64), (128, 64)).await,
            Err(MediaError::WrongSize { .. })
        ));
        assert!(matches!(
            storage
                .store(tenant, id, b"GIF89a".to_vec(), (64, 64))
                .await,
            Err(MediaError::NotPng(_))
        ));
        assert!(!storage.image_path(tenant, id).exists());
    }

    /// A chunk as PNG lays it out (the CRC is not checked by the stripper, so any will do).
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
        out
    }

    /// Puts `extra` chunks right after the header, where PIL writes ComfyUI's metadata.
    fn with_chunks(png: &[u8], extra: &[Vec<u8>]) -> Vec<u8> {
        let mut out = png[..33].to_vec();
        for c in extra {
            out.extend_from_slice(c);
        }
        out.extend_from_slice(&png[33..]);
        out
    }

    #[tokio::test]
    async fn a_huge_declared_size_is_refused_before_anything_is_decoded() {
        // A 4×4 PNG whose header says 60000×60000: decoding it would ask for 10 GB.
        let mut bomb = png(4, 4);
        bomb[16..20].copy_from_slice(&60_000_u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&60_000_u32.to_be_bytes());
        assert_eq!(png_size(&bomb).unwrap_or_default(), (60_000, 60_000));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let stored = storage
            .store(
                TenantId(uuid::Uuid::nil()),
                ImageId(uuid::Uuid::nil()),
                bomb,
                (4, 4),
            )
            .await;
        assert!(
            matches!(stored, Err(MediaError::WrongSize { got_w: 60_000, .. })),
            "{stored:?}"
        );
    }

    #[test]
    fn text_chunks_are_stripped_and_the_picture_kept() {
        let plain = png(9, 4);
        let tagged = with_chunks(
            &plain,
            &[
                chunk(
                    b"tEXt",
                    b"prompt\0{\"3\": {\"inputs\": {\"text\": \"secret\"}}}",
                ),
                chunk(b"iTXt", b"workflow\0\0\0\0\0{}"),
                chunk(b"zTXt", b"comment\0\0x"),
            ],
        );
        let stripped = strip_png_text(&tagged).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stripped, plain);
        assert!(!stripped.windows(6).any(|w| w == b"secret"));
        let (_, w, h) = make_thumbnail(&stripped).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((w, h), (9, 4));
        // A PNG without text comes back unchanged.
        assert_eq!(strip_png_text(&plain).unwrap_or_default(), plain);
    }

    #[test]
    fn what_is_not_a_whole_png_is_refused() {
        let plain = png(4, 4);
        assert!(matches!(
            strip_png_text(b"GIF89a"),
            Err(MediaError::NotPng(_))
        ));
        assert!(matches!(
            strip_png_text(&plain[..plain.len() - 6]),
            Err(MediaError::NotPng(_))
        ));
        let mut lying = plain.clone();
        lying[33..37].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(strip_png_text(&lying), Err(MediaError::NotPng(_))));
    }

    fn uuid_v4() -> uuid::Uuid {
        uuid::Uuid::new_v4()
    }
}
