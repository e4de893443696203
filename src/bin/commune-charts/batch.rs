//! Many charts at once: `commune-charts render provinces/ extra.json --kind all --out-dir charts/`.
//!
//! The inputs (files, `-`, and each folder's data files) and the kinds asked for make one list of
//! (input, kind) jobs, taken in turn by one thread per core from a shared counter. A job reads its
//! input (once per input: the first job to need it reads it, the others wait), draws and writes
//! `<out-dir>/<input stem>-<kind>.svg`. Messages are gathered and said in input order once every
//! job is done, so the output (files and standard error) is the same whatever the thread count.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use commune_charts::problem::ProblemKind;
use commune_charts::table::Input as Data;
use commune_charts::{render_svg_document, ChartKind, Locale, Problem, RenderError, SvgOptions};

use crate::native::{read_input, report, shown, to_png, Args};

/// A folder stands for its files with these extensions (any case), not its subfolders nor its
/// hidden files. Each is read as a single file is: JSON, or a table (CSV, TSV).
const DATA_EXTENSIONS: &[&str] = &["json", "csv", "tsv"];

/// Threads when `--jobs` is not given: every core.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// One data file of the batch.
struct Input {
    /// As given, or its folder joined with its name: how messages name it.
    path: String,
    /// Output names start with it: `<stem>-<kind>.svg`.
    stem: String,
    /// Read once, by the first job that needs it: its JSON (a table's made from it).
    data: OnceLock<Result<Data, Unread>>,
}

/// Why an input was not read: the file (an I/O error), or the table in it (its report).
enum Unread {
    Io(String),
    Table(String),
}

/// One chart to draw: an input and a kind (`None`: the data's `chart`, else overview).
struct Job {
    input: usize,
    kind: Option<ChartKind>,
}

enum Outcome {
    /// Written; the preview warnings (empty with `-q`).
    Wrote(Vec<String>),
    /// `--kind all` and nothing of this kind in the data: a note, not an error.
    Skipped(ChartKind, String),
    /// What the widget's alert would say (the same for every kind of a file, said once).
    Invalid(Vec<Problem>, Locale),
    Unreadable(Unread),
    /// Drawn, not written (PNG, disk): an I/O error.
    Failed(String),
}

/// A usage error (exit 2), said as the argument parser says its own.
fn usage(message: &str) -> i32 {
    eprintln!("commune-charts: {message}\nTry `commune-charts --help`.");
    2
}

pub(crate) fn run(args: &Args) -> i32 {
    let start = Instant::now();
    let mut io_errors = 0;

    // Inputs: files and `-` as given, folders as their data files in name order.
    let mut inputs = Vec::new();
    for arg in &args.inputs {
        match folder_files(arg) {
            Ok(None) => inputs.push(input(arg.clone())),
            Ok(Some(files)) if files.is_empty() => {
                eprintln!("commune-charts: {arg}: no data files (*.{}) in this folder", DATA_EXTENSIONS.join(", *."));
                io_errors += 1;
            }
            Ok(Some(files)) => inputs.extend(files.into_iter().map(input)),
            Err(e) => {
                eprintln!("commune-charts: cannot read {arg}: {e}");
                io_errors += 1;
            }
        }
    }

    // Nothing is drawn before the names are known to be safe: no input twice, no two inputs
    // writing the same files, no output overwriting an input.
    let out_dir = PathBuf::from(args.out_dir.as_deref().unwrap_or("."));
    let ext = if args.png { "png" } else { "svg" };
    if let Err(message) = check_names(&inputs, &out_dir, ext) {
        return usage(&message);
    }
    if !inputs.is_empty() {
        if let Err(e) = std::fs::create_dir_all(&out_dir) {
            eprintln!("commune-charts: cannot create {}: {e}", out_dir.display());
            return 3;
        }
    }

    let kinds: Vec<Option<ChartKind>> = if args.all_kinds {
        ChartKind::NAMES.iter().filter_map(|n| ChartKind::from_name(n)).map(Some).collect()
    } else {
        vec![ChartKind::from_name(&args.kind)]
    };
    let jobs: Vec<Job> = (0..inputs.len()).flat_map(|input| kinds.iter().map(move |&kind| Job { input, kind })).collect();
    let threads = args.jobs.unwrap_or_else(cores).min(jobs.len()).max(1);
    let outcomes = in_parallel(jobs.len(), threads, |i| match jobs.get(i).and_then(|job| Some((job, inputs.get(job.input)?))) {
        Some((job, input)) => draw(args, input, job.kind, &out_dir, ext),
        None => Outcome::Failed("no such job".into()),
    });

    // Said in input order, each input's messages together.
    let mut err = String::new();
    let (mut charts, mut files, mut skipped, mut invalid) = (0, 0, 0, 0);
    for (index, input) in inputs.iter().enumerate() {
        let mine = jobs.iter().zip(&outcomes).filter(|(job, _)| job.input == index).map(|(_, o)| o);
        let (mut wrote, mut said_invalid, mut said_unreadable) = (0, false, false);
        let mut warnings: Vec<&String> = Vec::new();
        for outcome in mine {
            match outcome {
                Some(Outcome::Wrote(w)) => {
                    wrote += 1;
                    warnings.extend(w.iter().filter(|w| !warnings.contains(w)).collect::<Vec<_>>());
                }
                Some(Outcome::Skipped(kind, message)) => {
                    skipped += 1;
                    if !args.quiet {
                        err.push_str(&format!("{}: skipped {}: {message}\n", shown(&input.path), kind.name()));
                    }
                }
                Some(Outcome::Invalid(problems, locale)) if !said_invalid => {
                    said_invalid = true;
                    if let Some(Ok(data)) = input.data.get() {
                        err.push_str(&report(&input.path, data, problems, *locale));
                    }
                }
                Some(Outcome::Unreadable(Unread::Table(said))) if !said_invalid => {
                    said_invalid = true;
                    err.push_str(said);
                }
                Some(Outcome::Unreadable(Unread::Io(e))) if !said_unreadable => {
                    said_unreadable = true;
                    err.push_str(&format!("commune-charts: cannot read {}: {e}\n", shown(&input.path)));
                }
                // Said once per file.
                Some(Outcome::Invalid(..) | Outcome::Unreadable(_)) => {}
                Some(Outcome::Failed(e)) => {
                    io_errors += 1;
                    err.push_str(&format!("commune-charts: {e}\n"));
                }
                None => {
                    io_errors += 1;
                    err.push_str(&format!("commune-charts: {}: a chart was not drawn (a thread failed)\n", shown(&input.path)));
                }
            }
        }
        for w in warnings {
            err.push_str(w);
            err.push('\n');
        }
        charts += wrote;
        files += usize::from(wrote > 0);
        invalid += usize::from(said_invalid);
        io_errors += usize::from(said_unreadable);
    }
    if !args.quiet {
        err.push_str(&summary(charts, files, start.elapsed().as_secs_f64(), threads, skipped, invalid, io_errors));
    }
    std::io::stderr().lock().write_all(err.as_bytes()).ok();
    match (io_errors > 0, invalid > 0) {
        (true, _) => 3,
        (false, true) => 1,
        (false, false) => 0,
    }
}

fn input(path: String) -> Input {
    let stem = if path == "-" {
        "stdin".to_string()
    } else {
        Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    };
    Input { path, stem, data: OnceLock::new() }
}

/// A folder's data files in name order, or `None` for a file (or `-`, or a path that does not
/// exist: reading it says why).
fn folder_files(arg: &str) -> std::io::Result<Option<Vec<String>>> {
    if arg == "-" || !Path::new(arg).is_dir() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(arg)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let data = path.extension().is_some_and(|e| DATA_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)));
        if data && !name.starts_with('.') && path.is_file() {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    files.sort();
    Ok(Some(files))
}

/// No input twice, no two inputs with one name (`a/x.json`, `b/x.json`: both `x-members.svg`;
/// names compared ignoring case, as macOS and Windows file systems do), no chart written over an
/// input.
fn check_names(inputs: &[Input], out_dir: &Path, ext: &str) -> Result<(), String> {
    let same_file =
        |path: &str| if path == "-" { PathBuf::from("-") } else { std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path)) };
    let mut seen: HashMap<PathBuf, &str> = HashMap::new();
    let mut stems: HashMap<String, &str> = HashMap::new();
    for input in inputs {
        if let Some(first) = seen.insert(same_file(&input.path), &input.path) {
            return Err(if first == input.path {
                format!("{first:?} is given twice")
            } else {
                format!("{first:?} and {:?} are the same file", input.path)
            });
        }
        if let Some(first) = stems.insert(input.stem.to_lowercase(), &input.path) {
            let stem = Path::new(first).file_stem().map_or(input.stem.clone(), |s| s.to_string_lossy().into_owned());
            return Err(format!(
                "{first:?} and {:?} would both be written as {stem}-<kind>.{ext}; render them into different --out-dir folders",
                input.path
            ));
        }
    }
    for input in inputs {
        for kind in ChartKind::NAMES {
            let out = out_dir.join(format!("{}-{kind}.{ext}", input.stem));
            if let Some(data) = std::fs::canonicalize(&out).ok().and_then(|c| seen.get(&c)) {
                return Err(format!("{} would be written over the data file {data:?}; choose another --out-dir", out.display()));
            }
        }
    }
    Ok(())
}

/// One chart: read (once per input), draw, write.
fn draw(args: &Args, input: &Input, kind: Option<ChartKind>, out_dir: &Path, ext: &str) -> Outcome {
    let data = match input.data.get_or_init(|| load(args, &input.path)) {
        Ok(data) => data,
        Err(Unread::Io(e)) => return Outcome::Unreadable(Unread::Io(e.clone())),
        Err(Unread::Table(said)) => return Outcome::Unreadable(Unread::Table(said.clone())),
    };
    let options = SvgOptions {
        kind: match kind {
            Some(k) => k.name(),
            None => &args.kind,
        },
        width: args.width,
        page_lang: &args.lang,
        dark: args.dark,
    };
    let rendered = match render_svg_document(&data.json, &options) {
        Ok(r) => r,
        Err(RenderError::Problems(problems, locale)) => {
            let nothing = |p: &Problem| matches!(p.kind, ProblemKind::NothingToDraw { .. });
            return match kind {
                Some(kind) if args.all_kinds && !problems.is_empty() && problems.iter().all(nothing) => {
                    Outcome::Skipped(kind, problems.iter().map(|p| p.message(locale)).collect::<Vec<_>>().join("; "))
                }
                _ => Outcome::Invalid(problems, locale),
            };
        }
        Err(RenderError::Drawing(e)) => return Outcome::Failed(format!("{}: drawing failed: {e}", shown(&input.path))),
    };
    let warnings = if args.quiet {
        Vec::new()
    } else {
        let word = rendered.locale.words().warning;
        rendered.warnings.iter().map(|w| format!("{}: {word}: {}", shown(&input.path), w.message(rendered.locale))).collect()
    };
    let file = out_dir.join(format!("{}-{}.{ext}", input.stem, rendered.layout.kind.name()));
    let bytes = if args.png {
        match to_png(&rendered.svg, args.scale) {
            Ok(png) => png,
            Err(e) => return Outcome::Failed(format!("{}: PNG: {e}", file.display())),
        }
    } else {
        rendered.svg.into_bytes()
    };
    match std::fs::write(&file, bytes) {
        Ok(()) => Outcome::Wrote(warnings),
        Err(e) => Outcome::Failed(format!("cannot write {}: {e}", file.display())),
    }
}

/// An input's JSON: as it is, or made from its table (CSV, TSV).
fn load(args: &Args, path: &str) -> Result<Data, Unread> {
    let text = read_input(path).map_err(|e| Unread::Io(e.to_string()))?;
    commune_charts::table::read_input(path, &text)
        .map_err(|table| Unread::Table(table.report(shown(path), Locale::from_tag(&args.lang).unwrap_or_default())))
}

/// `work(0)`…`work(n - 1)` on `threads` threads (this one included), each taking the next index
/// from a shared counter; the results in index order (`None`: a thread that could not finish).
fn in_parallel<T: Send>(n: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<Option<T>> {
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                return done;
            }
            done.push((i, work(i)));
        }
    };
    let mut results: Vec<Option<T>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        // A thread the system refuses is one fewer: this one still takes every job left.
        let helpers: Vec<_> = (1..threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok()).collect();
        let mut done = worker();
        for helper in helpers {
            done.extend(helper.join().unwrap_or_default());
        }
        for (i, result) in done {
            if let Some(slot) = results.get_mut(i) {
                *slot = Some(result);
            }
        }
    });
    results
}

/// `wrote 196 charts from 34 files in 0.52 s on 2 threads; 42 skipped (nothing to draw); 1 file invalid`.
fn summary(charts: usize, files: usize, seconds: f64, threads: usize, skipped: usize, invalid: usize, io_errors: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let time = if seconds < 1.0 { format!("{seconds:.2}") } else { format!("{seconds:.1}") };
    let mut line = format!(
        "wrote {} from {} in {time} s on {}",
        plural(charts, "chart", "charts"),
        plural(files, "file", "files"),
        plural(threads, "thread", "threads")
    );
    if skipped > 0 {
        line.push_str(&format!("; {skipped} skipped (nothing to draw)"));
    }
    if invalid > 0 {
        line.push_str(&format!("; {} invalid", plural(invalid, "file", "files")));
    }
    if io_errors > 0 {
        line.push_str(&format!("; {}", plural(io_errors, "I/O error", "I/O errors")));
    }
    line.push('\n');
    line
}
