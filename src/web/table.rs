//! The data table: every number of the chart as text, in a wrapper that is visually hidden until
//! the reader presses the toggle (screen readers always read it). A big table is shown a page of
//! [`PAGE_ROWS`] rows at a time with previous/next buttons, so a 10,000-commune chart holds about
//! 700 table nodes rather than 50,000; styling is the shared sheet's, not per-node styles. It
//! knows what it shows, so new data rewrites only the cells that changed.

use web_sys::{Document, HtmlElement};

use super::chart::Inner;
use super::dom::element;
use crate::Locale;

/// Rows on one page of the table.
pub(crate) const PAGE_ROWS: usize = 100;

pub(crate) struct Table {
    pub(crate) wrapper: HtmlElement,
    #[expect(clippy::struct_field_names, reason = "the <table> element, beside its wrapper, body and pager")]
    table: HtmlElement,
    body: HtmlElement,
    /// The pager (only for more than one page): previous, next, and "rows 1–100 of 10,000".
    pub(crate) prev: HtmlElement,
    pub(crate) next: HtmlElement,
    pager: HtmlElement,
    range: HtmlElement,
    locale: Locale,
    /// Caption and header as shown: a change rebuilds the table.
    key: Option<(Option<String>, Vec<String>)>,
    /// The rows of the page shown, with their texts.
    shown: Vec<(HtmlElement, Vec<String>)>,
    rows: Vec<Vec<String>>,
    page: usize,
    /// Whether the reader opened it (the pager's buttons are in the tab order only then).
    pub(crate) open: bool,
}

impl Table {
    pub(crate) fn new(document: &Document, locale: Locale) -> Option<Table> {
        let wrapper = element(document, "div", "tw sr")?;
        let table = element(document, "table", "")?;
        wrapper.append_child(&table).ok()?;
        let body = element(document, "tbody", "")?;
        let pager = element(document, "div", "pg")?;
        let (prev_text, next_text) = (locale.words().previous_page, locale.words().next_page);
        let button = |text: &str| -> Option<HtmlElement> {
            let b = element(document, "button", "")?;
            b.set_attribute("type", "button").ok();
            b.set_text_content(Some(text));
            pager.append_child(&b).ok()?;
            Some(b)
        };
        let (prev, next) = (button(prev_text)?, button(next_text)?);
        let range = element(document, "span", "")?;
        range.set_attribute("aria-live", "polite").ok();
        pager.append_child(&range).ok()?;
        Some(Table {
            wrapper,
            table,
            body,
            prev,
            next,
            pager,
            range,
            locale,
            key: None,
            shown: Vec::new(),
            rows: Vec::new(),
            page: 0,
            open: false,
        })
    }

    /// New contents: the same page stays (if it still exists), with only changed cells rewritten.
    pub(crate) fn set(&mut self, document: &Document, title: Option<String>, head: Vec<String>, rows: Vec<Vec<String>>) {
        let key = Some((title, head));
        if key != self.key {
            self.table.set_text_content(None);
            self.body.set_text_content(None);
            self.shown.clear();
            if let Some((title, head)) = &key {
                if let Some((t, caption)) = title.as_ref().zip(element(document, "caption", "")) {
                    caption.set_text_content(Some(t));
                    self.table.append_child(&caption).ok();
                }
                if let Some(tr) = row(document, head, true) {
                    self.table.append_child(&tr).ok();
                }
            }
            self.table.append_child(&self.body).ok();
            self.key = key;
        }
        self.rows = rows;
        self.show_page(document, self.page);
    }

    fn pages(&self) -> usize {
        self.rows.len().div_ceil(PAGE_ROWS).max(1)
    }

    /// The indices of the rows on the page shown.
    fn page_rows(&self) -> std::ops::Range<usize> {
        let start = self.page * PAGE_ROWS;
        start..self.rows.len().min(start + PAGE_ROWS)
    }

    /// Moves by `delta` pages (the pager's buttons).
    pub(crate) fn turn(&mut self, document: &Document, delta: isize) {
        let page = self.page.saturating_add_signed(delta).min(self.pages() - 1);
        if page != self.page {
            self.show_page(document, page);
        }
    }

    /// Brings the body in line with page `page`: rewrites changed cells, adds or removes rows.
    fn show_page(&mut self, document: &Document, page: usize) {
        self.page = page.min(self.pages() - 1);
        let want = self.rows.get(self.page_rows()).unwrap_or(&[]);
        for (i, cells) in want.iter().enumerate() {
            if let Some((tr, shown)) = self.shown.get_mut(i) {
                if shown != cells {
                    fill(tr, cells, shown);
                    shown.clone_from(cells);
                }
            } else if let Some(tr) = row(document, cells, false) {
                self.body.append_child(&tr).ok();
                self.shown.push((tr, cells.clone()));
            }
        }
        for (tr, _) in self.shown.drain(want.len().min(self.shown.len())..) {
            tr.remove();
        }
        self.update_pager();
    }

    /// The pager is there only for more than one page; its buttons are focusable by Tab only
    /// while the table is shown (screen readers reach them in the hidden table either way).
    fn update_pager(&self) {
        if self.pages() <= 1 {
            self.pager.remove();
            return;
        }
        let start = self.page * PAGE_ROWS;
        let end = self.rows.len().min(start + PAGE_ROWS);
        if self.pager.parent_node().is_none() {
            self.wrapper.append_child(&self.pager).ok();
        }
        let total = self.rows.len() as u64;
        let (a, b) = (self.locale.format_int(start as u64 + 1), self.locale.format_int(end as u64));
        let [rows, dash, of] = self.locale.words().rows_range;
        self.range.set_text_content(Some(&crate::cat!(rows, a, dash, b, of, self.locale.format_int(total))));
        let tab = if self.open { "0" } else { "-1" };
        for (b, disabled) in [(&self.prev, self.page == 0), (&self.next, self.page + 1 >= self.pages())] {
            b.set_attribute("tabindex", tab).ok();
            if disabled {
                b.set_attribute("disabled", "").ok();
            } else {
                b.remove_attribute("disabled").ok();
            }
        }
    }

    /// Shows or hides the table for sighted readers.
    pub(crate) fn set_open(&mut self, open: bool) {
        self.open = open;
        self.wrapper.set_class_name(if open { "tw" } else { "tw sr" });
        self.update_pager();
    }
}

/// A new row, its cells' text set (the first cell is the row's header).
fn row(document: &Document, cells: &[String], header: bool) -> Option<HtmlElement> {
    let tr = element(document, "tr", "")?;
    for (i, c) in cells.iter().enumerate() {
        let cell = element(document, if header || i == 0 { "th" } else { "td" }, "")?;
        cell.set_attribute("scope", if header { "col" } else { "row" }).ok();
        cell.set_text_content(Some(c));
        tr.append_child(&cell).ok()?;
    }
    Some(tr)
}

/// Sets the text of `tr`'s cells to `cells`, skipping those equal to `shown`.
fn fill(tr: &HtmlElement, cells: &[String], shown: &[String]) {
    let mut cell = tr.first_element_child();
    for (i, text) in cells.iter().enumerate() {
        let Some(c) = cell else { return };
        if shown.get(i) != Some(text) {
            c.set_text_content(Some(text));
        }
        cell = c.next_element_sibling();
    }
}

/// The toggle and the pager's buttons.
impl Inner {
    pub(crate) fn toggle_table(&mut self) {
        let Some(d) = &mut self.drawn else { return };
        let words = self.prepared.as_ref().map_or(Locale::Vi, |p| p.locale).words();
        let (show_text, hide_text) = (words.show_table, words.hide_table);
        let (Some(table), Some(toggle)) = (d.table.as_mut(), &d.toggle) else { return };
        let open = !table.open;
        toggle.set_attribute("aria-expanded", if open { "true" } else { "false" }).ok();
        toggle.set_text_content(Some(if open { hide_text } else { show_text }));
        table.set_open(open);
    }

    pub(crate) fn turn_page(&mut self, delta: isize) {
        if let Some(t) = self.drawn.as_mut().and_then(|d| d.table.as_mut()) {
            t.turn(&self.document, delta);
        }
    }
}
