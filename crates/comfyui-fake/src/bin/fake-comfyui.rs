//! Serves the fake ComfyUI on 127.0.0.1, for trying `atelier worker --backend comfyui` by
//! hand: `cargo run -p atelier-comfyui-fake -- [PORT] [NODE_DELAY_MS]` (8188 and 0 unless
//! given). Its checkpoint is `sd15.safetensors`.

use std::time::Duration;

use atelier_comfyui_fake::{start, FakeOptions};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let number = |arg: Option<String>, default: u64| -> std::io::Result<u64> {
        arg.map_or(Ok(default), |a| {
            a.parse()
                .map_err(|_| std::io::Error::other(format!("not a number: {a}")))
        })
    };
    let port = u16::try_from(number(args.next(), 8188)?)
        .map_err(|_| std::io::Error::other("the port is out of range"))?;
    let delay = number(args.next(), 0)?;
    let fake = start(FakeOptions {
        port,
        node_delay: Duration::from_millis(delay),
        ..FakeOptions::default()
    })
    .await?;
    println!("fake ComfyUI on {} (node delay {delay} ms)", fake.url);
    fake.wait().await;
    Ok(())
}
