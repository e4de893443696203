//! `cargo run --example svg -- data.json members 640 > chart.svg`: the native SVG renderer.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args: Vec<String> = std::env::args().collect();
        let path = args.get(1).map_or("tests/fixtures/seed.json", String::as_str);
        let kind = args.get(2).map_or("members", String::as_str);
        let width: f64 = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(640.0);
        let json = std::fs::read_to_string(path).unwrap_or_default();
        match commune_charts::render_svg(&json, kind, width, "") {
            Ok(svg) => println!("{svg}"),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
}
