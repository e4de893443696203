//! `commune-charts render data.json --kind targets --width 640 --locale vi -o chart.svg`: the
//! widget's chart as a static SVG, drawn natively from the same layout (for `<noscript>`, print,
//! AMP, RSS and social cards). Arguments are parsed by hand: the dependency tree stays small.
//! Exit codes: 0 drawn, 1 invalid data (the widget's messages on stderr), 2 usage, 3 I/O.
//! Several files, a folder, `--kind all` or `--out-dir`: many charts at once (batch.rs).
#![cfg_attr(target_arch = "wasm32", allow(unused))]

// A binary's root looks for modules beside it (src/bin/), where cargo would take a file for
// another binary: this one lives in src/bin/commune-charts/.
#[cfg(not(target_arch = "wasm32"))]
#[path = "commune-charts/batch.rs"]
mod batch;

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
    commune-charts render <DATA.json | DATA.csv | DATA.tsv | -> [OPTIONS]
    commune-charts render <FILE | FOLDER>... [--kind all] [--out-dir <DIR>] [OPTIONS]

OPTIONS:
    --kind <KIND>       {KINDS}
                        (default: the data's \"chart\", else overview);
                        all: every kind the data has something to draw for (see below)
    --width <PX>        chart width in CSS pixels, 200-8192 (default: 640); the height follows
    --locale <vi|en>    the page's language; the data's own \"locale\" wins, as in the widget
                        (default: vi)
    --theme <light|dark>  colours (default: light)
    --format <svg|png>  output format (default: svg). PNG needs a build with the `png` feature:
                        cargo build --release --features png --bin commune-charts
    --scale <N>         PNG only: pixels per CSS pixel, 1-4 (default: 2)
    -o, --output <FILE | ->  where to write one chart (default: - for standard output)
    --out-dir <DIR>     where to write many charts, created if missing (default: .)
    -j, --jobs <N>      charts drawn at once (default: {CORES}, every core)
    -q, --quiet         no preview warnings, notes or summary on standard error
    -h, --help          this text
    -V, --version       the version

DATA: the widget's JSON, or a table as a CSV data-src is read (a spreadsheet's CSV or TSV, by
the file's extension; - or another name: JSON if it starts with { or [, else a table). A table's
problems are said by row and column: data.csv:4:9: row 4, column \"members\": ...

The SVG has the same layout, colours and text as the widget's canvas at that width, real <text>
elements, <title> (the data's title) and <desc> (the summary sentence screen readers hear).
Embed it for readers without JavaScript and for print:
    <noscript><img src=\"chart.svg\" alt=\"(the summary sentence)\"></noscript>

MANY CHARTS AT ONCE:
    commune-charts render provinces/ extra.json --kind all --out-dir charts/
Several files, a folder (its *.json, *.csv and *.tsv files; not its subfolders), --kind all or
--out-dir write one file per input and kind, <DIR>/<input name>-<kind>.svg (or .png), drawn on
every core. With --kind all, kinds the data has nothing for are skipped with a note. An invalid
file is reported (file:line:column: message) and the others are still written; a summary line
ends the run.

EXIT STATUS:
    0  written   1  invalid data (the same messages the widget shows)   2  usage error   3  I/O error
    Many charts: 3 if a file could not be read or written, else 1 if one was invalid, else 0.
";

    /// The parsed command line.
    #[derive(Debug)]
    #[expect(clippy::struct_excessive_bools, reason = "the command line's flags, each its own")]
    pub(crate) struct Args {
        /// Files, folders, or `-`, in the order given.
        pub(crate) inputs: Vec<String>,
        /// `-o`: one chart's file (`-`, standard output, when not given).
        pub(crate) output: Option<String>,
        /// `--out-dir`: many charts' folder.
        pub(crate) out_dir: Option<String>,
        /// Empty: the data's `chart`, else overview.
        pub(crate) kind: String,
        /// `--kind all`.
        pub(crate) all_kinds: bool,
        /// `--jobs`: threads drawing at once (every core when not given).
        pub(crate) jobs: Option<usize>,
        pub(crate) width: f64,
        pub(crate) lang: String,
        pub(crate) dark: bool,
        pub(crate) png: bool,
        pub(crate) scale: f32,
        pub(crate) quiet: bool,
    }

    impl Args {
        /// The one input of today's usage (a file or `-` to one output), or `None` for many
        /// charts at once: several inputs, a folder, `--kind all` or `--out-dir`.
        fn single(&self) -> Option<&str> {
            match self.inputs.as_slice() {
                [one] if !self.all_kinds && self.out_dir.is_none() && (one == "-" || !std::path::Path::new(one).is_dir()) => Some(one),
                _ => None,
            }
        }
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
                print!("{}", HELP.replace("{KINDS}", &kinds).replace("{CORES}", &crate::batch::cores().to_string()));
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
        match args.single() {
            Some(input) => run(&args, input),
            None => crate::batch::run(&args),
        }
    }

    fn parse(argv: &[String]) -> Result<Parsed, String> {
        let mut args = Args {
            inputs: Vec::new(),
            output: None,
            out_dir: None,
            kind: String::new(),
            all_kinds: false,
            jobs: None,
            width: 640.0,
            lang: "vi".into(),
            dark: false,
            png: false,
            scale: 2.0,
            quiet: false,
        };
        let mut command = None;
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
                    let v = value("a chart kind, or all")?;
                    args.all_kinds = v.trim() == "all";
                    if args.all_kinds {
                        args.kind = String::new();
                    } else if commune_charts::ChartKind::from_name(&v).is_none() {
                        return Err(format!(
                            "unknown chart kind {v:?}; use one of: {}, or all",
                            commune_charts::ChartKind::NAMES.join(", ")
                        ));
                    } else {
                        args.kind = v;
                    }
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
                "-o" | "--output" => args.output = Some(value("a file, or - for standard output")?),
                "--out-dir" => {
                    let v = value("a folder")?;
                    if v.is_empty() || v == "-" {
                        return Err(format!("--out-dir needs a folder, not {v:?}"));
                    }
                    args.out_dir = Some(v);
                }
                "-j" | "--jobs" => {
                    let v = value("how many charts to draw at once")?;
                    args.jobs = match v.parse::<usize>() {
                        Ok(n) if n >= 1 => Some(n),
                        _ => return Err(format!("--jobs must be a whole number from 1, not {v:?}")),
                    };
                }
                "-q" | "--quiet" => args.quiet = true,
                "-" => args.inputs.push("-".into()),
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag:?}")),
                word if command.is_none() => {
                    if word != "render" {
                        return Err(format!("unknown command {word:?}; the command is `render`"));
                    }
                    command = Some(());
                }
                path => args.inputs.push(path.to_string()),
            }
        }
        if command.is_none() {
            return Err("no command; use `commune-charts render <DATA.json | ->`".into());
        }
        if args.inputs.is_empty() {
            return Err("no data file; give a JSON, CSV or TSV file, or - for standard input".into());
        }
        if args.output.is_some() && args.single().is_none() {
            return Err("-o writes one chart; write many with --out-dir <DIR>".into());
        }
        if args.png && !cfg!(feature = "png") {
            return Err("this build has no PNG output: build it with `--features png` (resvg), \
                        or convert the SVG, or take the playground's PNG download"
                .into());
        }
        Ok(Parsed::Run(Box::new(args)))
    }

    /// Today's usage: one input, one chart, to `-o` or standard output.
    fn run(args: &Args, input: &str) -> i32 {
        let text = match read_input(input) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("commune-charts: cannot read {}: {e}", shown(input));
                return 3;
            }
        };
        // data.csv, data.tsv: a table (as a CSV data-src is), its problems by row and column.
        let data = match commune_charts::table::read_input(input, &text) {
            Ok(data) => data,
            Err(table) => {
                let locale = Locale::from_tag(&args.lang).unwrap_or_default();
                std::io::stderr().lock().write_all(table.report(shown(input), locale).as_bytes()).ok();
                return 1;
            }
        };
        let options = SvgOptions { kind: &args.kind, width: args.width, page_lang: &args.lang, dark: args.dark };
        let rendered = match render_svg_document(&data.json, &options) {
            Ok(r) => r,
            Err(RenderError::Problems(problems, locale)) => {
                std::io::stderr().lock().write_all(report(input, &data, &problems, locale).as_bytes()).ok();
                return 1;
            }
            Err(RenderError::Drawing(e)) => {
                eprintln!("commune-charts: drawing failed: {e}");
                return 3;
            }
        };
        if !args.quiet {
            for w in &rendered.warnings {
                eprintln!("{}: {}: {}", shown(input), rendered.locale.words().warning, w.message(rendered.locale));
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
        let output = args.output.as_deref().unwrap_or("-");
        let written = if output == "-" {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes).and_then(|()| out.flush())
        } else {
            std::fs::write(output, &bytes)
        };
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return 3; // `| head`: the reader left; nothing to say
            }
            eprintln!("commune-charts: cannot write {}: {e}", shown(output));
            return 3;
        }
        0
    }

    /// One input's text (many charts at once read each input through this too).
    pub(crate) fn read_input(path: &str) -> std::io::Result<String> {
        if path == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            Ok(s)
        } else {
            std::fs::read_to_string(path)
        }
    }

    pub(crate) fn shown(path: &str) -> &str {
        if path == "-" {
            "<stdin>"
        } else {
            path
        }
    }

    /// The widget's alert, as text: its heading, each problem's message prefixed
    /// `file:line:column:` (a syntax error's place, or the place of the field it names) so
    /// editors can jump there, and a syntax error's excerpt with its caret. A table's problems
    /// are at their cells (`commune_charts::table::Input::report`).
    pub(crate) fn report(input: &str, data: &commune_charts::table::Input, problems: &[Problem], locale: Locale) -> String {
        if let Some(said) = data.report(shown(input), problems, locale) {
            return said;
        }
        let json = data.json.as_str();
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
        text
    }

    #[cfg(feature = "png")]
    pub(crate) fn to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        commune_charts::png::svg_to_png(svg, scale)
    }

    #[cfg(not(feature = "png"))]
    pub(crate) fn to_png(_svg: &str, _scale: f32) -> Result<Vec<u8>, String> {
        Err("this build has no PNG output".into())
    }
}
