//! The demo backend: a deterministic abstract picture from the prompt and the seed, drawn on
//! the CPU in a blink, so the platform can be tried without a GPU. It is labelled "demo"
//! wherever a model name shows.

use std::time::Duration;

use crate::{Backend, RenderContext, RenderError, RenderFuture, RenderSpec};

/// Draws abstract images; `step_delay` paces its ten progress steps (0 in tests, a little
/// in the demo site so the live progress can be watched).
#[derive(Debug, Clone, Default)]
pub struct DemoBackend {
    pub step_delay: Duration,
}

/// FNV-1a: a stable hash, the same on every machine and Rust version.
fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A small deterministic random sequence (xorshift64*).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

fn hsl(h: f32, s: f32, l: f32) -> [f32; 3] {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let hp = (h.rem_euclid(1.0)) * 6.0;
    let x = c * (1.0 - (hp.rem_euclid(2.0) - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    [r + m, g + m, b + m]
}

/// The RGB pixels of the demo picture for a prompt and seed.
fn draw(spec: &RenderSpec) -> Vec<u8> {
    let seed =
        fnv1a(spec.prompt.as_bytes(), 0xcbf2_9ce4_8422_2325) ^ (spec.seed as u64).rotate_left(17);
    let mut rng = Sequence(seed | 1);
    let base_hue = rng.unit();
    let top = hsl(base_hue, 0.55, 0.22 + 0.2 * rng.unit());
    let bottom = hsl(
        base_hue + 0.15 + 0.2 * rng.unit(),
        0.6,
        0.55 + 0.2 * rng.unit(),
    );
    let (w, h) = (spec.width as f32, spec.height as f32);
    let scale = w.min(h);
    struct Orb {
        x: f32,
        y: f32,
        r: f32,
        colour: [f32; 3],
        strength: f32,
    }
    let orbs: Vec<Orb> = (0..5)
        .map(|_| Orb {
            x: rng.unit() * w,
            y: rng.unit() * h,
            r: scale * (0.12 + 0.3 * rng.unit()),
            colour: hsl(
                base_hue + 0.5 * rng.unit() - 0.25,
                0.7,
                0.5 + 0.3 * rng.unit(),
            ),
            strength: 0.5 + 0.5 * rng.unit(),
        })
        .collect();
    let band_angle = rng.unit() * std::f32::consts::PI;
    let (ba, bb) = (band_angle.cos(), band_angle.sin());
    let band_freq = 3.0 + 6.0 * rng.unit();

    let mut rgb = Vec::with_capacity((spec.width * spec.height * 3) as usize);
    for y in 0..spec.height {
        let t = y as f32 / h;
        let row = [
            top[0] + (bottom[0] - top[0]) * t,
            top[1] + (bottom[1] - top[1]) * t,
            top[2] + (bottom[2] - top[2]) * t,
        ];
        for x in 0..spec.width {
            let (fx, fy) = (x as f32, y as f32);
            let mut c = row;
            for orb in &orbs {
                let d2 = ((fx - orb.x).powi(2) + (fy - orb.y).powi(2)) / (orb.r * orb.r);
                let k = orb.strength * (-d2).exp();
                for (channel, target) in c.iter_mut().zip(orb.colour) {
                    *channel += (target - *channel) * k;
                }
            }
            let wave = ((fx * ba + fy * bb) / scale * band_freq * std::f32::consts::TAU).sin();
            let shade = 1.0 + 0.06 * wave;
            for channel in c {
                rgb.push(((channel * shade).clamp(0.0, 1.0) * 255.0) as u8);
            }
        }
    }
    rgb
}

/// The demo picture as a PNG.
pub fn demo_png(spec: &RenderSpec) -> Result<Vec<u8>, RenderError> {
    atelier_media::encode_png(spec.width, spec.height, draw(spec))
        .map_err(|e| RenderError::permanent(e.to_string()))
}

impl Backend for DemoBackend {
    fn render<'a>(&'a self, spec: &'a RenderSpec, cx: RenderContext<'a>) -> RenderFuture<'a> {
        Box::pin(async move {
            for step in 0..10u8 {
                cx.progress(f32::from(step) / 10.0);
                if cx.stop.is_cancelled() {
                    return Err(RenderError::stopped());
                }
                if !self.step_delay.is_zero() {
                    tokio::select! {
                        () = tokio::time::sleep(self.step_delay) => {}
                        () = cx.stop.cancelled() => return Err(RenderError::stopped()),
                    }
                }
            }
            let spec_owned = spec.clone();
            let png = tokio::task::spawn_blocking(move || demo_png(&spec_owned))
                .await
                .map_err(|e| RenderError::retryable(format!("the demo renderer stopped: {e}")))??;
            cx.progress(1.0);
            Ok(png)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(prompt: &str, seed: i64) -> RenderSpec {
        RenderSpec {
            prompt: prompt.to_owned(),
            negative_prompt: String::new(),
            model: "demo".to_owned(),
            width: 96,
            height: 64,
            seed,
            job: String::new(),
            workflow: None,
        }
    }

    #[test]
    fn the_same_prompt_and_seed_draw_the_same_picture() {
        let a = draw(&spec("a lighthouse at dusk", 7));
        assert_eq!(a.len(), 96 * 64 * 3);
        assert_eq!(a, draw(&spec("a lighthouse at dusk", 7)));
        assert_ne!(a, draw(&spec("a lighthouse at dusk", 8)));
        assert_ne!(a, draw(&spec("a lighthouse at dawn", 7)));
    }

    #[test]
    fn the_png_has_the_requested_size() {
        let png = demo_png(&spec("shapes", 1)).unwrap_or_else(|e| panic!("{e:?}"));
        let (_, w, h) = atelier_media::make_thumbnail(&png).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((w, h), (96, 64));
    }
}
