//! Previews of renders in progress (ComfyUI's sampler frames): the newest one per job, kept
//! beside the site's images until the job ends, so every node serves the same picture.

use std::path::PathBuf;

use atelier_domain::{JobId, TenantId};

use crate::{ImageStorage, MediaError};

/// The largest preview kept; ComfyUI's are small JPEGs.
pub const PREVIEW_MAX_BYTES: usize = 1024 * 1024;

/// The image type of `bytes` when it is one a preview may be.
pub fn preview_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

impl ImageStorage {
    fn preview_path(&self, tenant: TenantId, job: JobId) -> PathBuf {
        self.dir(tenant)
            .join("previews")
            .join(format!("{}.preview", job.0.simple()))
    }

    /// Keeps `bytes` as the job's newest preview: a JPEG or PNG of at most
    /// [`PREVIEW_MAX_BYTES`], written whole before it replaces the one before.
    pub async fn put_preview(
        &self,
        tenant: TenantId,
        job: JobId,
        bytes: Vec<u8>,
    ) -> Result<(), MediaError> {
        if bytes.len() > PREVIEW_MAX_BYTES {
            return Err(MediaError::NotPng(format!(
                "a preview is at most {PREVIEW_MAX_BYTES} bytes"
            )));
        }
        if preview_mime(&bytes).is_none() {
            return Err(MediaError::NotPng(
                "a preview is a JPEG or a PNG".to_owned(),
            ));
        }
        let path = self.preview_path(tenant, job);
        let scratch = path.with_extension(format!("{}.part", uuid::Uuid::new_v4().simple()));
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        tokio::fs::write(&scratch, &bytes).await?;
        if let Err(e) = tokio::fs::rename(&scratch, &path).await {
            let _ = tokio::fs::remove_file(&scratch).await;
            return Err(e.into());
        }
        Ok(())
    }

    /// The job's newest preview and its type, if there is one.
    pub async fn preview(&self, tenant: TenantId, job: JobId) -> Option<(Vec<u8>, &'static str)> {
        let bytes = tokio::fs::read(self.preview_path(tenant, job)).await.ok()?;
        let mime = preview_mime(&bytes)?;
        Some((bytes, mime))
    }

    /// Removes previews not replaced for `older_than` (their jobs ended without a report
    /// that removed them: a deadline, a lost worker); returns how many.
    pub async fn sweep_previews(&self, older_than: std::time::Duration) -> usize {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || {
            let mut removed = 0;
            let Ok(tenants) = std::fs::read_dir(&root) else {
                return 0;
            };
            for tenant in tenants.flatten() {
                let Ok(files) = std::fs::read_dir(tenant.path().join("previews")) else {
                    continue;
                };
                for file in files.flatten() {
                    let stale = file
                        .metadata()
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|at| at.elapsed().ok())
                        .is_some_and(|age| age > older_than);
                    if stale && std::fs::remove_file(file.path()).is_ok() {
                        removed += 1;
                    }
                }
            }
            removed
        })
        .await
        .unwrap_or(0)
    }

    /// Forgets the job's preview (it ended).
    pub async fn remove_preview(&self, tenant: TenantId, job: JobId) {
        let _ = tokio::fs::remove_file(self.preview_path(tenant, job)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_newest_preview_is_kept_until_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let storage = ImageStorage::new(dir.path());
        let (tenant, job) = (TenantId(uuid::Uuid::nil()), JobId(uuid::Uuid::now_v7()));
        assert!(storage.preview(tenant, job).await.is_none());
        let png = crate::encode_png(2, 2, vec![0; 12]).unwrap_or_else(|e| panic!("{e}"));
        storage
            .put_preview(tenant, job, png.clone())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        storage
            .put_preview(tenant, job, jpeg.clone())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            storage.preview(tenant, job).await,
            Some((jpeg, "image/jpeg"))
        );
        let refused = storage.put_preview(tenant, job, b"<svg>".to_vec()).await;
        assert!(refused.is_err());
        storage.remove_preview(tenant, job).await;
        assert!(storage.preview(tenant, job).await.is_none());
    }
}
