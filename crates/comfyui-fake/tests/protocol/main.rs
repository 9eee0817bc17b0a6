//! The fake speaks ComfyUI's protocol: status codes, bodies and socket messages as a real
//! ComfyUI 0.3.64 sends them.

mod routes;
mod runs;
mod support;
