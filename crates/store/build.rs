// `sqlx::migrate!` copies the migrations into the binary; rebuild when one is added or edited.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
