//! commune-charts: bar charts of commune party-congress results.
//!
//! The pipeline (see ARCHITECTURE.md): JSON text -> [`spec`] -> [`model`] -> [`layout`] ->
//! [`draw`] (any plotters backend) and [`layout::Layout::hit`]. Everything here is pure and runs
//! natively; only `web` (wasm32) touches the DOM.

pub mod describe;
pub mod draw;
pub mod explain;
/// Finding a commune by name: folding and ranking for the search box of long charts.
pub mod find;
/// The playground's image module (render/): a request -> the command-line program's SVG.
#[cfg(any(not(target_arch = "wasm32"), feature = "svg"))]
pub mod image;
pub mod interact;
pub mod json;
pub mod layout;
/// Vietnamese letters folded for matching names (highlight) and searching them.
pub mod letters;
pub mod locale;
pub mod model;
/// Problems' places from their paths: explanations and the CLI call it (the widget does not).
pub mod place;
#[cfg(all(feature = "png", not(target_arch = "wasm32")))]
pub mod png;
pub mod preview;
pub mod problem;
pub mod spec;
/// Order, mean and median, ranks and sections: numbers about the communes as a whole.
pub mod stats;
/// CSV, TSV and pasted tables → the widget's JSON, with each cell's place: explanations and the
/// CLI only (the widget's wasm asks the explanations module to convert a table).
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub mod table;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod theme;

/// The wasm heap (single-threaded: no atomics): see Cargo.toml for why talc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

pub use locale::Locale;
pub use model::{ChartKind, Model};
pub use problem::Problem;

/// The chart kind to draw: the element's attribute if set, else the data's `chart`, else overview.
pub fn resolve_kind(attribute: &str, model: Option<&Model>) -> Result<ChartKind, Problem> {
    let attribute = attribute.trim();
    if attribute.is_empty() {
        return Ok(model.and_then(|m| m.chart).unwrap_or(ChartKind::Overview));
    }
    ChartKind::from_name(attribute).ok_or_else(|| {
        Problem::at("data-commune-chart", problem::ProblemKind::UnknownKind { value: attribute.to_string(), allowed: ChartKind::NAMES })
    })
}

/// The chart's language: the data's `locale`, else the page's `<html lang>`, else Vietnamese.
pub fn resolve_locale(model: Option<&Model>, page_lang: &str) -> Locale {
    model.and_then(|m| m.locale).or_else(|| Locale::from_tag(page_lang)).unwrap_or_default()
}

/// Everything needed to show one chart, or the problems to show instead.
pub struct Prepared {
    pub model: Model,
    pub kind: ChartKind,
    pub locale: Locale,
}

/// Text + attribute + page language -> a model ready to lay out, or problems with the locale to
/// say them in.
pub fn prepare(json: &str, kind_attribute: &str, page_lang: &str) -> Result<Prepared, (Vec<Problem>, Locale)> {
    // Invalid data still speaks the language it asked for, if it can be read (from the one parse).
    let said_in = |tag: Option<String>| tag.and_then(|t| Locale::from_tag(&t)).unwrap_or_else(|| resolve_locale(None, page_lang));
    let spec = spec::parse_with_locale(json).map_err(|(p, tag)| (p, said_in(tag)))?;
    let model = model::validate(&spec).map_err(|p| (p, said_in(spec.locale.clone())))?;
    let locale = resolve_locale(Some(&model), page_lang);
    let kind = resolve_kind(kind_attribute, Some(&model)).map_err(|p| (vec![p], locale))?;
    model::check_drawable(&model, kind).map_err(|p| (vec![p], locale))?;
    Ok(Prepared { model, kind, locale })
}

/// Native one-call rendering: JSON -> the bare SVG drawing (light theme, estimated text widths),
/// or the problems' messages, one per line.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_svg(json: &str, kind_attribute: &str, width: f64, page_lang: &str) -> Result<String, String> {
    let options = SvgOptions { kind: kind_attribute, width, page_lang, dark: false };
    let (_, l) = prepare_layout(json, &options).map_err(|e| match e {
        RenderError::Problems(problems, locale) => problems.iter().map(|p| p.message(locale)).collect::<Vec<_>>().join("\n"),
        RenderError::Drawing(message) => message,
    })?;
    draw::to_svg(&l)
}

/// How to render a standalone chart (the command-line program's options).
#[derive(Clone, Copy, Debug)]
pub struct SvgOptions<'a> {
    /// As `data-commune-chart`: empty takes the data's `chart`, else overview.
    pub kind: &'a str,
    /// CSS pixels, as the widget's width.
    pub width: f64,
    /// As the page's `<html lang>`: the data's own `locale` wins, as in the widget.
    pub page_lang: &'a str,
    pub dark: bool,
}

/// A standalone SVG document and what it was drawn from.
pub struct RenderedSvg {
    pub svg: String,
    /// The geometry the SVG was drawn from (the one the canvas draws at this width).
    pub layout: layout::Layout,
    pub locale: Locale,
    /// What `<title>` and `<desc>` say (unescaped): the chart's title and its summary sentence.
    pub title: String,
    pub desc: String,
    /// The preview warnings (duplicate names…) the widget shows journalists.
    pub warnings: Vec<Problem>,
}

/// Why no SVG came out.
#[derive(Debug)]
pub enum RenderError {
    /// What the widget's alert would say, in this language.
    Problems(Vec<Problem>, Locale),
    /// The SVG backend failed (not expected with a string target).
    Drawing(String),
}

/// Native static fallback: JSON -> an accessible SVG document (`<title>`, `<desc>` with the
/// summary sentence, `role="img"`, `lang`), or the problems the widget would show. The
/// command-line program and the playground's image module ([`image`], render/) both call it.
#[cfg(any(not(target_arch = "wasm32"), feature = "svg"))]
pub fn render_svg_document(json: &str, options: &SvgOptions) -> Result<RenderedSvg, RenderError> {
    let (p, l) = prepare_layout(json, options)?;
    let title = chart_title(&p.model, p.locale);
    let desc = describe::summary(&p.model, p.kind, p.locale);
    let meta = draw::SvgMeta { title: &title, desc: &desc, lang: p.locale.tag() };
    let svg = draw::to_svg_document(&l, &meta).map_err(RenderError::Drawing)?;
    // The widget's preview warnings: the model's, then numbers as written (a thousands dot).
    let mut warnings = preview::warnings(&p.model, p.kind);
    warnings.extend(preview::number_warnings(json, &p.model));
    Ok(RenderedSvg { svg, layout: l, locale: p.locale, title, desc, warnings })
}

/// Text -> the model and its layout at `options.width`, natively (estimated text widths).
#[cfg(any(not(target_arch = "wasm32"), feature = "svg"))]
fn prepare_layout(json: &str, options: &SvgOptions) -> Result<(Prepared, layout::Layout), RenderError> {
    let p = prepare(json, options.kind, options.page_lang).map_err(|(problems, locale)| RenderError::Problems(problems, locale))?;
    let theme = if options.dark { theme::Theme::dark() } else { theme::Theme::light() };
    let input = layout::LayoutInput {
        model: &p.model,
        kind: p.kind,
        locale: p.locale,
        width: options.width,
        theme: &theme,
        measure: &text::ApproxMeasure,
    };
    let l = layout::layout(&input);
    Ok((p, l))
}

/// The data's title, or a plain name for an untitled chart.
pub fn chart_title(model: &Model, locale: Locale) -> String {
    match &model.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => locale.words().default_title.to_string(),
    }
}

/// The ABI of the modules a page fetches only when it needs them (explain/: what an invalid chart
/// says and CSV tables; render/: the playground's images): no wasm-bindgen, no imports, three
/// exports. JavaScript writes a request (UTF-8 JSON text) into the buffer `$alloc(len)` returns,
/// calls `$call()`, and reads `$len()` bytes of the answer at the pointer it returns; `$respond`
/// turns the request text into the answer text (an empty answer: the request was unreadable).
/// Pointers are handed out, never dereferenced: no `unsafe`. One use per crate (its statics).
#[macro_export]
macro_rules! text_module_abi {
    (alloc: $alloc:ident, call: $call:ident, len: $len:ident, respond: $respond:path) => {
        ::std::thread_local! {
            static INPUT: ::std::cell::RefCell<Vec<u8>> = const { ::std::cell::RefCell::new(Vec::new()) };
            static OUTPUT: ::std::cell::RefCell<String> = const { ::std::cell::RefCell::new(String::new()) };
        }

        /// A buffer of `len` bytes for the request; valid until the next call.
        #[no_mangle]
        pub extern "C" fn $alloc(len: usize) -> *mut u8 {
            INPUT.with(|input| {
                let mut input = input.borrow_mut();
                input.clear();
                input.resize(len, 0);
                input.as_mut_ptr()
            })
        }

        /// Answers the request in the buffer; returns where the answer is (`$len()` bytes).
        #[no_mangle]
        pub extern "C" fn $call() -> *const u8 {
            // Invalid UTF-8 cannot come from TextEncoder; an empty answer says so.
            let answer = INPUT.with(|input| ::std::str::from_utf8(&input.borrow()).map($respond).unwrap_or_default());
            OUTPUT.with(|output| {
                let mut output = output.borrow_mut();
                *output = answer;
                output.as_ptr()
            })
        }

        /// The length in bytes of the last answer.
        #[no_mangle]
        pub extern "C" fn $len() -> usize {
            OUTPUT.with(|output| output.borrow().len())
        }
    };
}
