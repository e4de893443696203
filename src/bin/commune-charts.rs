//! `commune-charts render data.json --kind targets --width 640 --locale vi -o chart.svg`: the
//! widget's chart as a static SVG, drawn natively from the same layout (for `<noscript>`, print,
//! AMP, RSS and social cards). Arguments are parsed by hand: the dependency tree stays small.
//! Exit codes: 0 drawn, 1 invalid data (the widget's messages on stderr), 2 usage, 3 I/O.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{Read, Write};

    use commune_charts::{render_svg_document, Locale, Problem, RenderError, SvgOptions};

    const HELP: &str = "\
commune-charts: the widget's bar chart as a static SVG file, drawn without a browser.

USAGE:
    commune-charts render <DATA.json | -> [OPTIONS]

OPTIONS:
    --kind <KIND>       {KINDS}
                        (default: the data's \"chart\", else overview)
    --width <PX>        chart width in CSS pixels, 200-8192 (default: 640); the height follows
    --locale <vi|en>    the page's language; the data's own \"locale\" wins, as in the widget
                        (default: vi)
    --theme <light|dark>  colours (default: light)
    --format <svg|png>  output format (default: svg). PNG needs a build with the `png` feature:
                        cargo build --release --features png --bin commune-charts
    --scale <N>         PNG only: pixels per CSS pixel, 1-4 (default: 2)
    -o, --output <FILE | ->  where to write (default: - for standard output)
    -q, --quiet         no preview warnings on standard error
    -h, --help          this text
    -V, --version       the version

The SVG has the same layout, colours and text as the widget's canvas at that width, real <text>
elements, <title> (the data's title) and <desc> (the summary sentence screen readers hear).
Embed it for readers without JavaScript and for print:
    <noscript><img src=\"chart.svg\" alt=\"(the summary sentence)\"></noscript>

EXIT STATUS:
    0  written   1  invalid data (the same messages the widget shows)   2  usage error   3  I/O error
";

    /// The parsed command line.
    #[derive(Debug)]
    struct Args {
        input: String,
        output: String,
        kind: String,
        width: f64,
        lang: String,
        dark: bool,
        png: bool,
        scale: f32,
        quiet: bool,
    }

    enum Parsed {
        Run(Box<Args>),
        Help,
        Version,
    }

    pub fn main() -> i32 {
        let argv: Vec<String> = std::env::args().skip(1).collect();
        let args = match parse(&argv) {
            Ok(Parsed::Run(args)) => args,
            Ok(Parsed::Help) => {
                // The kinds from the one list the widget reads (`ChartKind::NAMES`).
                let kinds = match commune_charts::ChartKind::NAMES.split_last() {
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                };
                print!("{}", HELP.replace("{KINDS}", &kinds));
                return 0;
            }
            Ok(Parsed::Version) => {
                println!("commune-charts {}", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            Err(message) => {
                eprintln!("commune-charts: {message}\nTry `commune-charts --help`.");
                return 2;
            }
        };
        run(&args)
    }

    fn parse(argv: &[String]) -> Result<Parsed, String> {
        let mut args = Args {
            input: String::new(),
            output: "-".into(),
            kind: String::new(),
            width: 640.0,
            lang: "vi".into(),
            dark: false,
            png: false,
            scale: 2.0,
            quiet: false,
        };
        let mut command = None;
        let mut input = None;
        let mut i = 0;
        while let Some(arg) = argv.get(i) {
            i += 1;
            // `--width=640` and `--width 640` both work.
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = |what: &str| -> Result<String, String> {
                if let Some(v) = inline.clone() {
                    return Ok(v);
                }
                let v = argv.get(i).cloned().ok_or_else(|| format!("{name} needs a value ({what})"))?;
                i += 1;
                Ok(v)
            };
            match name {
                "-h" | "--help" | "help" if command.is_none() || name != "help" => return Ok(Parsed::Help),
                "-V" | "--version" => return Ok(Parsed::Version),
                "--kind" => {
                    let v = value("a chart kind")?;
                    if commune_charts::ChartKind::from_name(&v).is_none() {
                        return Err(format!("unknown chart kind {v:?}; use one of: {}", commune_charts::ChartKind::NAMES.join(", ")));
                    }
                    args.kind = v;
                }
                "--width" => {
                    let v = value("CSS pixels")?;
                    args.width = match v.trim().trim_end_matches("px").parse::<f64>() {
                        Ok(w) if (200.0..=8192.0).contains(&w) => w.floor(),
                        _ => return Err(format!("--width must be a number of CSS pixels from 200 to 8192, not {v:?}")),
                    };
                }
                "--locale" | "--lang" => {
                    let v = value("vi or en")?;
                    if Locale::from_tag(&v).is_none() {
                        return Err(format!("unknown locale {v:?}; use vi or en"));
                    }
                    args.lang = v;
                }
                "--theme" => {
                    args.dark = match value("light or dark")?.as_str() {
                        "light" => false,
                        "dark" => true,
                        other => return Err(format!("unknown theme {other:?}; use light or dark")),
                    };
                }
                "--format" => {
                    args.png = match value("svg or png")?.as_str() {
                        "svg" => false,
                        "png" => true,
                        other => return Err(format!("unknown format {other:?}; use svg or png")),
                    };
                }
                "--scale" => {
                    let v = value("1 to 4")?;
                    args.scale = match v.parse::<f32>() {
                        Ok(s) if (1.0..=4.0).contains(&s) => s,
                        _ => return Err(format!("--scale must be a number from 1 to 4, not {v:?}")),
                    };
                }
                "-o" | "--output" => args.output = value("a file, or - for standard output")?,
                "-q" | "--quiet" => args.quiet = true,
                "-" => set_input(&mut input, "-")?,
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag:?}")),
                word if command.is_none() => {
                    if word != "render" {
                        return Err(format!("unknown command {word:?}; the command is `render`"));
                    }
                    command = Some(());
                }
                path => set_input(&mut input, path)?,
            }
        }
        if command.is_none() {
            return Err("no command; use `commune-charts render <DATA.json | ->`".into());
        }
        args.input = input.ok_or("no data file; give a JSON file, or - for standard input")?;
        if args.png && !cfg!(feature = "png") {
            return Err("this build has no PNG output: build it with `--features png` (resvg), \
                        or convert the SVG, or take the playground's PNG download"
                .into());
        }
        Ok(Parsed::Run(Box::new(args)))
    }

    fn set_input(input: &mut Option<String>, path: &str) -> Result<(), String> {
        if let Some(first) = input {
            return Err(format!("one data file at a time (got {first:?} and {path:?})"));
        }
        *input = Some(path.to_string());
        Ok(())
    }

    fn run(args: &Args) -> i32 {
        let json = match read_input(&args.input) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("commune-charts: cannot read {}: {e}", shown(&args.input));
                return 3;
            }
        };
        let options = SvgOptions { kind: &args.kind, width: args.width, page_lang: &args.lang, dark: args.dark };
        let rendered = match render_svg_document(&json, &options) {
            Ok(r) => r,
            Err(RenderError::Problems(problems, locale)) => {
                report(&args.input, &json, &problems, locale);
                return 1;
            }
            Err(RenderError::Drawing(e)) => {
                eprintln!("commune-charts: drawing failed: {e}");
                return 3;
            }
        };
        if !args.quiet {
            for w in &rendered.warnings {
                eprintln!("{}: {}: {}", shown(&args.input), rendered.locale.words().warning, w.message(rendered.locale));
            }
        }
        let bytes = if args.png {
            match to_png(&rendered.svg, args.scale) {
                Ok(png) => png,
                Err(e) => {
                    eprintln!("commune-charts: PNG: {e}");
                    return 3;
                }
            }
        } else {
            rendered.svg.into_bytes()
        };
        let written = if args.output == "-" {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes).and_then(|()| out.flush())
        } else {
            std::fs::write(&args.output, &bytes)
        };
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return 3; // `| head`: the reader left; nothing to say
            }
            eprintln!("commune-charts: cannot write {}: {e}", shown(&args.output));
            return 3;
        }
        0
    }

    fn read_input(path: &str) -> std::io::Result<String> {
        if path == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            Ok(s)
        } else {
            std::fs::read_to_string(path)
        }
    }

    fn shown(path: &str) -> &str {
        if path == "-" {
            "<stdin>"
        } else {
            path
        }
    }

    /// The widget's alert, as text: its heading, each problem's message prefixed
    /// `file:line:column:` (a syntax error's place, or the place of the field it names) so
    /// editors can jump there, and a syntax error's excerpt with its caret.
    fn report(input: &str, json: &str, problems: &[Problem], locale: Locale) {
        let mut err = std::io::stderr().lock();
        let mut text = format!("{}: {}\n", shown(input), locale.words().cannot_draw);
        // Each search reads the text: the first 100 problems get their place (a file with
        // thousands of problems would otherwise take minutes).
        for (i, p) in problems.iter().enumerate() {
            let located = || if i < 100 { commune_charts::place::locate(json, &p.path) } else { None };
            match p.line_column().or_else(located) {
                Some((line, column)) => text.push_str(&format!("{}:{line}:{column}: {}\n", shown(input), p.message(locale))),
                None => text.push_str(&format!("{}\n", p.message(locale))),
            }
            if let Some(excerpt) = p.excerpt() {
                for l in excerpt.lines() {
                    text.push_str(&format!("    {l}\n"));
                }
            }
        }
        err.write_all(text.as_bytes()).ok();
    }

    #[cfg(feature = "png")]
    fn to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        commune_charts::png::svg_to_png(svg, scale)
    }

    #[cfg(not(feature = "png"))]
    fn to_png(_svg: &str, _scale: f32) -> Result<Vec<u8>, String> {
        Err("this build has no PNG output".into())
    }
}
