//! How long one password hash takes at the cost Atelier uses (Argon2id, m=19456 KiB, t=2,
//! p=1). The target is 20-500 ms: slow for an attacker, quick enough for a person.
//!
//! Run: `cargo bench -p atelier-domain --bench password_hash`

use std::time::{Duration, Instant};

use atelier_domain::{hash_password, verify_password, HashMemory, NewPassword};

fn main() {
    let password = match NewPassword::parse("violet kettle under moonlight", &[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("benchmark password refused: {e}");
            std::process::exit(1);
        }
    };
    let samples = 25;
    let mut hashes = Vec::with_capacity(samples);
    let mut verifies = Vec::with_capacity(samples);
    let mut stored = String::new();
    // One buffer for every run, as the server keeps one per turn.
    let mut memory = HashMemory::new();
    for _ in 0..samples {
        let start = Instant::now();
        stored = match hash_password(&password, &mut memory) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("hashing failed: {e}");
                std::process::exit(1);
            }
        };
        hashes.push(start.elapsed());
        let start = Instant::now();
        assert!(verify_password(
            "violet kettle under moonlight",
            &stored,
            &mut memory
        ));
        verifies.push(start.elapsed());
    }
    report("hash", &mut hashes);
    report("verify", &mut verifies);
    println!("parameters: {}", stored.split('$').nth(3).unwrap_or("?"));
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<6} n={} min={:.1} ms median={:.1} ms p90={:.1} ms max={:.1} ms",
        samples.len(),
        ms(samples[0]),
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() * 9 / 10]),
        ms(samples[samples.len() - 1]),
    );
}
