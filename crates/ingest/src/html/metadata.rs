//! Article metadata from a parsed page: headline, publication date, authors, outlet,
//! canonical address and declared language.
//!
//! Headline, authors and outlet are taken in order of reliability: JSON-LD
//! (`NewsArticle`, `BlogPosting`, …), then `<meta>` tags (OpenGraph, `article:*`, Dublin
//! Core, `name=author`, …), then microdata (`itemprop`), then the page's own markup
//! (`<h1>`, `<title>`, `rel=author`, byline classes). The publication date prefers what a
//! reader sees: a date written just below the headline or in a date-classed element, then
//! the address (`/2020/05/31/`), `<time pubdate>`, microdata, `<meta>`, JSON-LD, any `<time>`,
//! a date in the headline, the first date in the body text; modification dates only when
//! nothing else is found. Relative dates ("2 hours ago") are not resolved.

use super::dom::{Dom, NodeData, NodeId, Tag, NONE};
use crate::dates;
use serde_json::Value;

/// Metadata found on a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Which evidence gave the date (`json-ld`, `meta`, `url`, `near-title`, …).
    pub published_from: &'static str,
    /// Bylines.
    pub authors: Vec<String>,
    /// Site name.
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Declared language.
    pub language: Option<String>,
    /// The article text a JSON-LD article object carries (`articleBody`), as written there.
    pub article_body: Option<String>,
}

/// Everything collected in one pass over the page.
#[derive(Default)]
struct Evidence {
    lang: Option<String>,
    title_tag: Option<String>,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    json_ld: Vec<Value>,
    itemprop_dates: Vec<String>,
    itemprop_authors: Vec<String>,
    itemprop_headline: Option<String>,
    times: Vec<(String, bool)>,
    h1: Vec<String>,
    byline_texts: Vec<String>,
    rel_authors: Vec<String>,
    date_texts: Vec<String>,
}

fn class_and_id(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    for (name, value) in dom.attrs_of(id) {
        if matches!(name, "class" | "id" | "itemprop" | "rel") {
            s.push(' ');
            s.push_str(value);
        }
    }
    s.make_ascii_lowercase();
    s
}

fn collect(dom: &Dom) -> Evidence {
    let mut ev = Evidence::default();
    for id in dom.descendants(dom.root()) {
        let NodeData::Element { tag, .. } = dom.data(id) else { continue };
        match tag {
            Tag::HTML if ev.lang.is_none() => {
                ev.lang = dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang")).map(str::to_string);
            }
            Tag::TITLE
                if ev.title_tag.is_none() && !dom.is_within(id, dom.find(Tag::SVG).unwrap_or(NONE)) =>
            {
                let t = dom.inner_text(id);
                if !t.is_empty() {
                    ev.title_tag = Some(t);
                }
            }
            Tag::META => {
                let key = dom
                    .attr(id, "property")
                    .or_else(|| dom.attr(id, "name"))
                    .or_else(|| dom.attr(id, "itemprop"))
                    .or_else(|| dom.attr(id, "http-equiv"));
                if let (Some(key), Some(content)) = (key, dom.attr(id, "content")) {
                    let content = content.trim();
                    if !content.is_empty() {
                        ev.metas.push((key.trim().to_ascii_lowercase(), content.to_string()));
                    }
                }
                if ev.lang.is_none()
                    && dom.attr(id, "http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                {
                    ev.lang = dom.attr(id, "content").map(str::to_string);
                }
            }
            Tag::LINK => {
                let rel = dom.attr(id, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && ev.canonical.is_none() {
                    ev.canonical = dom.attr(id, "href").map(|h| h.trim().to_string());
                }
            }
            Tag::SCRIPT
                if dom
                    .attr(id, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw = dom.raw_text(id);
                if let Some(v) = parse_json_ld(&raw) {
                    ev.json_ld.push(v);
                }
            }
            Tag::TIME => {
                let value =
                    dom.attr(id, "datetime").map(str::to_string).unwrap_or_else(|| dom.inner_text(id));
                let marked = dom.attr(id, "pubdate").is_some()
                    || class_and_id(dom, id).contains("publish")
                    || dom.attr(id, "itemprop").is_some_and(|p| p.contains("datePublished"));
                if ev.times.len() < 20 {
                    ev.times.push((value, marked));
                }
            }
            Tag::H1 if ev.h1.len() < 5 => {
                let t = dom.inner_text(id);
                if !t.is_empty() {
                    ev.h1.push(t);
                }
            }
            _ => {}
        }
        if let Some(prop) = dom.attr(id, "itemprop") {
            let prop = prop.to_ascii_lowercase();
            if prop.contains("datepublished") || prop.contains("datecreated") {
                let v = dom
                    .attr(id, "content")
                    .or_else(|| dom.attr(id, "datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| dom.inner_text(id));
                ev.itemprop_dates.push(v);
            } else if prop.split_whitespace().any(|p| p == "author" || p == "creator") && tag != Tag::META {
                let name = dom
                    .descendants(id)
                    .find(|&n| dom.attr(n, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name")))
                    .map(|n| dom.attr(n, "content").map(str::to_string).unwrap_or_else(|| dom.inner_text(n)))
                    .unwrap_or_else(|| dom.inner_text(id));
                if name.len() < 200 {
                    ev.itemprop_authors.push(name);
                }
            } else if prop == "headline" && ev.itemprop_headline.is_none() && tag != Tag::META {
                ev.itemprop_headline = Some(dom.inner_text(id));
            }
        }
        if matches!(tag, Tag::A | Tag::LINK)
            && dom.attr(id, "rel").is_some_and(|r| r.to_ascii_lowercase().contains("author"))
        {
            let t = dom.inner_text(id);
            if !t.is_empty() && t.len() < 100 {
                ev.rel_authors.push(t);
            }
        }
        if matches!(tag, Tag::HTML | Tag::BODY | Tag::META | Tag::LINK | Tag::SCRIPT) {
            continue;
        }
        let ci = class_and_id(dom, id);
        if ci.len() > 1 {
            if (ci.contains("byline") || ci.contains("author") || ci.contains("autor"))
                && ev.byline_texts.len() < 10
            {
                let t = dom.inner_text_upto(id, 300);
                if !t.is_empty() && t.len() < 200 {
                    ev.byline_texts.push(t);
                }
            }
            if ["date", "time", "publish", "posted", "datum", "meta", "byline"].iter().any(|k| ci.contains(k))
                && ev.date_texts.len() < 30
            {
                let t = dom.inner_text_upto(id, 300);
                if !t.is_empty() && t.len() < 300 {
                    ev.date_texts.push(t);
                }
            }
        }
    }
    ev
}

/// Parse a JSON-LD script, forgiving HTML comment markers and CDATA wrappers.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let s = raw.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s);
    let s = s.trim().trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim();
    serde_json::from_str(s).ok()
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "report",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "posting",
    "review",
    "recipe",
    "howto",
];

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

/// Every JSON object in a JSON-LD value (top level, arrays and `@graph`), bounded.
fn objects(v: &Value, out: &mut Vec<Value>) {
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        if out.len() > 200 {
            return;
        }
        match v {
            Value::Array(a) => todo.extend(a.iter().rev()),
            Value::Object(o) => {
                out.push(v.clone());
                if let Some(g) = o.get("@graph") {
                    todo.push(g);
                }
                if let Some(m) = o.get("mainEntity") {
                    todo.push(m);
                }
            }
            _ => {}
        }
    }
}

fn json_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| json_str(Some(x))),
        Value::Object(o) => json_str(o.get("name")).or_else(|| json_str(o.get("@value"))),
        _ => None,
    }
}

fn json_names(v: Option<&Value>, graph: &[Value], out: &mut Vec<String>) {
    let Some(v) = v else { return };
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => {
            for x in a.iter().take(20) {
                json_names(Some(x), graph, out);
            }
        }
        Value::Object(o) => {
            if let Some(name) = json_str(o.get("name")) {
                out.push(name);
            } else if let Some(id) = o.get("@id").and_then(Value::as_str) {
                if let Some(target) = graph
                    .iter()
                    .find(|g| g.get("@id").and_then(Value::as_str) == Some(id) && g.get("name").is_some())
                {
                    if let Some(name) = json_str(target.get("name")) {
                        out.push(name);
                    }
                }
            }
        }
        _ => {}
    }
}

struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    /// `datePublished` of a web page object (not an article): often when the page was made.
    page_published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    site_name: Option<String>,
    language: Option<String>,
    body: Option<String>,
}

fn read_json_ld(values: &[Value]) -> JsonLd {
    let mut all = Vec::new();
    for v in values {
        objects(v, &mut all);
    }
    let mut ld = JsonLd {
        headline: None,
        published: None,
        page_published: None,
        modified: None,
        authors: Vec::new(),
        publisher: None,
        site_name: None,
        language: None,
        body: None,
    };
    let articles: Vec<&Value> =
        all.iter().filter(|o| types_of(o).iter().any(|t| ARTICLE_TYPES.contains(&t.as_str()))).collect();
    let pages: Vec<&Value> = all.iter().filter(|o| types_of(o).iter().any(|t| t.ends_with("page"))).collect();
    for o in articles.iter().chain(pages.iter()) {
        let is_article = types_of(o).iter().any(|t| ARTICLE_TYPES.contains(&t.as_str()));
        if ld.headline.is_none() && is_article {
            ld.headline = json_str(o.get("headline")).or_else(|| json_str(o.get("name")));
        }
        let published = || json_str(o.get("datePublished")).or_else(|| json_str(o.get("dateCreated")));
        if is_article && ld.published.is_none() {
            ld.published = published();
        } else if !is_article && ld.page_published.is_none() {
            ld.page_published = published();
        }
        if ld.modified.is_none() {
            ld.modified = json_str(o.get("dateModified"));
        }
        if ld.body.is_none() && is_article {
            ld.body = json_str(o.get("articleBody")).or_else(|| steps_text(o));
        }
        if ld.authors.is_empty() && is_article {
            json_names(o.get("author").or_else(|| o.get("creator")), &all, &mut ld.authors);
        }
        if ld.publisher.is_none() {
            ld.publisher = json_str(o.get("publisher"));
        }
        if ld.language.is_none() {
            ld.language = json_str(o.get("inLanguage"));
        }
    }
    for o in &all {
        let t = types_of(o);
        if t.iter().any(|t| t == "website") && ld.site_name.is_none() {
            ld.site_name = json_str(o.get("name"));
        }
        if ld.publisher.is_none() && t.iter().any(|t| t == "organization" || t == "newsmediaorganization") {
            ld.publisher = json_str(o.get("name"));
        }
    }
    ld
}

/// The text of a recipe or how-to object: its description, ingredients and steps, one a line
/// (steps may be strings, `HowToStep`s with `text`, or `HowToSection`s holding steps).
fn steps_text(o: &Value) -> Option<String> {
    fn walk(v: &Value, out: &mut Vec<String>, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
            Value::Object(m) => {
                if let Some(t) = m.get("text") {
                    walk(t, out, depth + 1);
                } else if let Some(items) = m.get("itemListElement") {
                    walk(items, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut lines = Vec::new();
    let mut steps = Vec::new();
    for key in ["recipeIngredient", "recipeInstructions", "step"] {
        if let Some(v) = o.get(key) {
            walk(v, &mut steps, 0);
        }
    }
    if steps.is_empty() {
        return None;
    }
    if let Some(d) = json_str(o.get("description")) {
        lines.push(d);
    }
    lines.extend(steps);
    // Pieces written as markup (descriptions often are) are read as markup, so every piece
    // becomes a paragraph of its own.
    if lines.iter().any(|l| l.contains("</")) {
        return Some(
            lines.iter().map(|l| if l.contains("</") { l.clone() } else { format!("<p>{l}</p>") }).collect(),
        );
    }
    Some(lines.join("\n"))
}

impl Evidence {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.metas.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str()))
    }
}

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "date-published",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "published_time",
    "article_date_original",
    "original-publish-date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "created",
];

const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
];

/// The first date written in the text that follows the page's first `<h1>` (within a
/// couple of thousand bytes): where bylines and datelines sit.
fn date_near_heading(dom: &Dom, slash: dates::SlashOrder) -> Option<String> {
    let h1 = dom.find(Tag::H1)?;
    let root = dom.root();
    let mut cur = h1;
    let mut seen = 0usize;
    while cur != NONE && seen < 2000 {
        match dom.data(cur) {
            NodeData::Element { tag: Tag::SCRIPT | Tag::STYLE | Tag::NOSCRIPT | Tag::TEMPLATE, .. } => {
                cur = dom.next_skipping_children(cur, root);
                continue;
            }
            NodeData::Element { .. } => {
                if let Some(dt) = dom.attr(cur, "datetime").and_then(dates::find_date) {
                    return Some(dt);
                }
            }
            NodeData::Text { .. } => {
                let t = dom.text(cur);
                if t.len() < 300 {
                    if let Some(d) = dates::find_calendar_date_with(t, slash) {
                        return Some(d.iso());
                    }
                }
                seen += t.len();
            }
            NodeData::Document => {}
        }
        cur = dom.next_in(cur, root);
    }
    None
}

/// The first date written in the visible text of the page body (not in navigation, asides
/// or footers, which hold copyright years and other articles' dates).
fn date_in_body(dom: &Dom, slash: dates::SlashOrder) -> Option<String> {
    let root = dom.find(Tag::BODY).unwrap_or(dom.root());
    let mut cur = root;
    while cur != NONE {
        match dom.data(cur) {
            NodeData::Element {
                tag:
                    Tag::SCRIPT | Tag::STYLE | Tag::NOSCRIPT | Tag::TEMPLATE | Tag::NAV | Tag::FOOTER | Tag::ASIDE,
                ..
            } => {
                cur = dom.next_skipping_children(cur, root);
                continue;
            }
            NodeData::Text { .. } => {
                let t = dom.text(cur);
                if t.len() < 300 {
                    if let Some(d) = dates::find_calendar_date_with(t, slash) {
                        return Some(d.iso());
                    }
                }
            }
            _ => {}
        }
        cur = dom.next_in(cur, root);
    }
    None
}

/// A date from the address: `/2020/05/31/`, `/2020-05-31`, `/20200531/`.
fn url_date(url: &str) -> Option<String> {
    let b = url.as_bytes();
    for i in 0..b.len() {
        if b[i] != b'/' {
            continue;
        }
        let rest = &url[i + 1..];
        let digits = |s: &str, n: usize| s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
        if digits(rest, 4) && rest.as_bytes().get(4).is_some_and(|c| *c == b'/' || *c == b'-' || *c == b'_') {
            let sep = rest.as_bytes()[4];
            let r2 = &rest[5..];
            if digits(r2, 2) && r2.as_bytes().get(2) == Some(&sep) && digits(&r2[3..], 2) {
                let after = r2.as_bytes().get(5);
                if after.is_none_or(|c| !c.is_ascii_digit()) {
                    let (y, m, d) = (rest[..4].parse().ok()?, r2[..2].parse().ok()?, r2[3..5].parse().ok()?);
                    if let Some(date) = dates::Date::new(y, m, d) {
                        return Some(date.iso());
                    }
                }
            }
        }
        if digits(rest, 8) && rest.as_bytes().get(8).is_none_or(|c| !c.is_ascii_digit()) {
            let (y, m, d) = (rest[..4].parse().ok()?, rest[4..6].parse().ok()?, rest[6..8].parse().ok()?);
            if let Some(date) = dates::Date::new(y, m, d) {
                return Some(date.iso());
            }
        }
    }
    None
}

fn clean_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " • "];

fn loose_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The headline part of a `<title>`: drop a site-name part at either end.
fn clean_title(raw: &str, site: Option<&str>, host: Option<&str>) -> String {
    let raw = clean_space(raw);
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = raw.rfind(sep) {
            let (head, tail) = (&raw[..pos], &raw[pos + sep.len()..]);
            let tail_key = loose_key(tail);
            let matches_site = site.is_some_and(|s| {
                let k = loose_key(s);
                !k.is_empty() && (k == tail_key || k.contains(&tail_key) || tail_key.contains(&k))
            }) || host
                .is_some_and(|h| !tail_key.is_empty() && loose_key(h).contains(&tail_key));
            if matches_site || tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
        if let Some(pos) = raw.find(sep) {
            let (head, tail) = (&raw[..pos], &raw[pos + sep.len()..]);
            let head_key = loose_key(head);
            let matches_site = site.is_some_and(|s| !head_key.is_empty() && loose_key(s) == head_key)
                || host.is_some_and(|h| !head_key.is_empty() && loose_key(h).contains(&head_key));
            if matches_site {
                return tail.trim().to_string();
            }
        }
    }
    raw
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// Words that introduce a byline.
const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "von ",
    "text: ",
    "text ",
    "autor: ",
    "autorin: ",
    "author: ",
    "written by ",
    "posted by ",
    "verfasst von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "geschrieben von ",
    "ein beitrag von ",
    "veröffentlicht von ",
];

/// Clean a byline into author names; empty when it does not look like names.
pub fn clean_authors(raw: &str) -> Vec<String> {
    let mut s = clean_space(raw);
    for _ in 0..2 {
        let lower = s.to_lowercase();
        if let Some(p) = BYLINE_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
            s = s[p.len()..].trim().to_string();
        }
    }
    // Cut off trailing dates, roles and sources.
    for cut in [" | ", " - ", " – ", " — ", "•", "·", "\u{2022}", " on ", " am ", " updated ", " published "]
    {
        if let Some(pos) = s.to_lowercase().find(cut) {
            if pos > 0 {
                s.truncate(pos);
            }
        }
    }
    let mut names = Vec::new();
    let unified = s.replace(" and ", ",").replace(" und ", ",").replace(" & ", ",").replace(';', ",");
    for part in unified.split(',') {
        let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        let words = name.split_whitespace().count();
        if name.is_empty()
            || words > 5
            || name.len() > 60
            || name.contains("http")
            || name.contains('@')
            || name.chars().filter(char::is_ascii_digit).count() > 0
        {
            continue;
        }
        if !names.iter().any(|n: &String| n.eq_ignore_ascii_case(name)) {
            names.push(name.to_string());
        }
    }
    names
}

/// Date evidence in the order it is trusted. Visible dates (next to the headline, in
/// date-classed elements) agree with what readers see more often than machine-readable ones,
/// which are often modification or indexing times; the latter come next.
pub const DATE_ORDER: [&str; 13] = [
    "near-title",
    "date-class",
    "url",
    "time-marked",
    "itemprop",
    "meta",
    "json-ld",
    "json-ld-page",
    "time",
    "title",
    "body-text",
    "json-ld-modified",
    "meta-modified",
];

/// What a page offers as date evidence, read on demand (some sources walk the whole page).
struct DateFinder<'a> {
    dom: &'a Dom,
    ev: &'a Evidence,
    ld: &'a JsonLd,
    page_url: Option<&'a str>,
    url: Option<&'a str>,
    title: Option<&'a str>,
}

impl DateFinder<'_> {
    /// Slashed dates are month first only on American English pages.
    fn slash(&self) -> dates::SlashOrder {
        let lang = self.ev.lang.as_deref().unwrap_or("").trim().to_ascii_lowercase();
        if lang == "en" || lang.starts_with("en-us") || lang.starts_with("en_us") {
            dates::SlashOrder::MonthFirst
        } else {
            dates::SlashOrder::DayFirst
        }
    }

    /// The date one named source gives, if any.
    fn source(&self, name: &str) -> Option<String> {
        let ev = self.ev;
        match name {
            "near-title" => date_near_heading(self.dom, self.slash()),
            "date-class" => ev.date_texts.iter().find_map(|t| dates::find_date(t)),
            "url" => self.page_url.and_then(url_date).or_else(|| self.url.and_then(url_date)),
            "time-marked" => {
                ev.times.iter().filter(|(_, marked)| *marked).find_map(|(t, _)| dates::find_date(t))
            }
            "itemprop" => ev.itemprop_dates.iter().find_map(|d| dates::find_date(d)),
            "meta" => ev.meta(PUBLISHED_KEYS).and_then(dates::find_date),
            "json-ld" => self.ld.published.as_deref().and_then(dates::find_date),
            "json-ld-page" => self.ld.page_published.as_deref().and_then(dates::find_date),
            "time" => ev.times.iter().find_map(|(t, _)| dates::find_date(t)),
            "title" => self.title.and_then(dates::find_calendar_date).map(dates::Date::iso),
            "body-text" => date_in_body(self.dom, self.slash()),
            "json-ld-modified" => self.ld.modified.as_deref().and_then(dates::find_date),
            "meta-modified" => ev.meta(MODIFIED_KEYS).and_then(dates::find_date),
            _ => None,
        }
    }
}

/// Evidence in [`DATE_ORDER`] that is studied but not used as a publication date: a web
/// page object's `datePublished` is when the page was made, a modification date is not a
/// publication date. The other sources speak of publication, in [`DATE_ORDER`]'s order of trust.
const NOT_PUBLICATION: [&str; 3] = ["json-ld-page", "json-ld-modified", "meta-modified"];

/// Choose among the dates the sources give: the calendar day most sources agree on, ties
/// going to the most trusted source; the value of the most trusted source giving that day.
fn pick_date<'e>(evidence: &'e [(&'static str, String)]) -> Option<(&'static str, &'e str)> {
    fn day(d: &str) -> &str {
        d.get(..10).unwrap_or(d)
    }
    let votes = |d: &str| evidence.iter().filter(|(_, e)| day(e) == day(d)).count();
    let best = evidence.iter().map(|(_, d)| votes(d)).max()?;
    evidence.iter().find(|(_, d)| votes(d) == best).map(|(name, d)| (*name, d.as_str()))
}

/// Every date source that gives a date on this page, in [`DATE_ORDER`] (for studying which
/// evidence to trust; [`extract`] votes among the publication sources).
pub fn date_evidence(dom: &Dom, url: Option<&str>) -> Vec<(&'static str, String)> {
    let ev = collect(dom);
    let ld = read_json_ld(&ev.json_ld);
    let meta = extract(dom, url);
    let found = DateFinder {
        dom,
        ev: &ev,
        ld: &ld,
        page_url: meta.url.as_deref(),
        url,
        title: meta.title.as_deref(),
    };
    DATE_ORDER.iter().filter_map(|name| found.source(name).map(|d| (*name, d))).collect()
}

/// Extract metadata from a page.
pub fn extract(dom: &Dom, url: Option<&str>) -> Meta {
    let ev = collect(dom);
    let ld = read_json_ld(&ev.json_ld);
    let canonical = ev
        .canonical
        .clone()
        .filter(|c| c.starts_with("http"))
        .or_else(|| ev.meta(&["og:url"]).filter(|u| u.starts_with("http")).map(str::to_string));
    let page_url = canonical.clone().or_else(|| url.map(str::to_string));
    let host = page_url.as_deref().and_then(host_of).map(str::to_string);

    let outlet = ev
        .meta(&["og:site_name"])
        .map(str::to_string)
        .or(ld.site_name.clone())
        .or(ld.publisher.clone())
        .or_else(|| {
            ev.meta(&["application-name", "twitter:site", "publisher", "dc.publisher"]).map(str::to_string)
        })
        .map(|s| clean_space(s.trim_start_matches('@')))
        .filter(|s| !s.is_empty() && s.len() < 120);

    let title = ld
        .headline
        .clone()
        .or_else(|| {
            ev.meta(&["og:title", "twitter:title", "dc.title", "title", "headline"]).map(str::to_string)
        })
        .or_else(|| ev.itemprop_headline.clone())
        .map(|t| {
            let t = clean_space(&t);
            clean_title(&t, outlet.as_deref(), host.as_deref())
        })
        .or_else(|| {
            let tag = ev.title_tag.as_deref().map(|t| clean_title(t, outlet.as_deref(), host.as_deref()));
            match (ev.h1.first(), tag) {
                (Some(h1), Some(tag)) if ev.h1.len() == 1 && loose_key(&tag).contains(&loose_key(h1)) => {
                    Some(clean_space(h1))
                }
                (_, Some(tag)) => Some(tag),
                (Some(h1), None) => Some(clean_space(h1)),
                (None, None) => None,
            }
        })
        .filter(|t| !t.is_empty());

    let found =
        DateFinder { dom, ev: &ev, ld: &ld, page_url: page_url.as_deref(), url, title: title.as_deref() };
    let evidence: Vec<(&'static str, String)> = DATE_ORDER
        .iter()
        .filter(|name| !NOT_PUBLICATION.contains(name))
        .filter_map(|name| found.source(name).map(|d| (*name, d)))
        .collect();
    let (published, published_from) = match pick_date(&evidence) {
        Some((name, d)) => (Some(d.to_string()), name),
        None => (None, "none"),
    };

    let mut authors = Vec::new();
    for raw in &ld.authors {
        authors.extend(clean_authors(raw));
    }
    if authors.is_empty() {
        if let Some(a) =
            ev.meta(&["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"])
        {
            if !a.starts_with("http") {
                authors = clean_authors(a);
            }
        }
    }
    for source in [&ev.itemprop_authors, &ev.rel_authors, &ev.byline_texts] {
        if !authors.is_empty() {
            break;
        }
        for raw in source.iter() {
            authors.extend(clean_authors(raw));
            if !authors.is_empty() {
                break;
            }
        }
    }
    if let Some(site) = &outlet {
        authors.retain(|a| !a.eq_ignore_ascii_case(site));
    }

    let language = ev
        .lang
        .clone()
        .or(ld.language.clone())
        .or_else(|| ev.meta(&["og:locale", "language", "dc.language"]).map(str::to_string))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());

    Meta { title, published, published_from, authors, outlet, url: page_url, language, article_body: ld.body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str, url: Option<&str>) -> Meta {
        extract(&Dom::parse(html), url)
    }

    #[test]
    fn json_ld_first() {
        let html = r##"<html lang="en-GB"><head><title>Ignored | Site</title>
            <meta property="og:site_name" content="The Daily">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Storm hits coast","datePublished":"2022-03-14T09:30:00Z",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@id":"#p2"}]},
              {"@type":"Person","@id":"#p2","name":"Bo Chen"}]}</script></head><body></body></html>"##;
        let m = meta(html, None);
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.published.as_deref(), Some("2022-03-14T09:30:00Z"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(m.outlet.as_deref(), Some("The Daily"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn meta_tags_and_title_cleaning() {
        let html = r#"<head><title>Storm hits coast | The Daily</title>
            <meta name="author" content="By Ann Lee and Bo Chen">
            <meta property="article:published_time" content="2021-05-31">
            <link rel="canonical" href="https://daily.example/storm"></head>"#;
        let m = meta(html, Some("https://other.example/x"));
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(m.published.as_deref(), Some("2021-05-31"));
        assert_eq!(m.url.as_deref(), Some("https://daily.example/storm"));
    }

    #[test]
    fn dates_vote_and_modification_dates_are_not_publication_dates() {
        // A date printed under the headline loses when the page's own markup agrees on another.
        let html = r#"<head><meta property="article:published_time" content="2021-03-02T10:00:00+01:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-02"}</script>
            </head><body><h1>Neue Brücke</h1><p>Stand: 14. März 2021</p>
            <span class="date">2. März 2021</span><p>Text</p></body>"#;
        let m = meta(html, None);
        assert_eq!(m.published.as_deref(), Some("2021-03-02"));
        assert_eq!(m.published_from, "date-class");
        // On a tie the more trusted source wins.
        let m = meta(r#"<body><h1>T</h1><p>May 1, 2020</p></body>"#, Some("https://x.example/2020/06/02/t"));
        assert_eq!((m.published.as_deref(), m.published_from), (Some("2020-05-01"), "near-title"));
        // Only a modification date, or only a web page's creation date: no publication date.
        let m = meta(
            r#"<head><meta property="article:modified_time" content="2021-03-04">
            <script type="application/ld+json">{"@type":"WebPage","datePublished":"2019-01-01",
            "dateModified":"2021-03-04"}</script></head><body><p>Text</p></body>"#,
            None,
        );
        assert_eq!((m.published, m.published_from), (None, "none"));
    }

    #[test]
    fn fallbacks_time_url_and_byline() {
        let html = r#"<body><h1>Die Wahl</h1><div class="byline">Von Anna Schmidt</div><p>Text</p></body>"#;
        let m = meta(html, Some("https://zeitung.example/2020/05/31/wahl"));
        assert_eq!(m.title.as_deref(), Some("Die Wahl"));
        assert_eq!(m.published.as_deref(), Some("2020-05-31"));
        assert_eq!(m.authors, ["Anna Schmidt"]);
        let m = meta(r#"<time datetime="2019-10-01T08:00:00+02:00">1. Oktober</time>"#, None);
        assert_eq!(m.published.as_deref(), Some("2019-10-01T08:00:00+02:00"));
    }

    #[test]
    fn authors_are_cleaned() {
        assert_eq!(
            clean_authors("Von Roland Brockmann und Sebastian Drescher"),
            ["Roland Brockmann", "Sebastian Drescher"]
        );
        assert_eq!(clean_authors("By Jane Doe | March 3, 2020"), ["Jane Doe"]);
        assert!(clean_authors("https://facebook.com/someone").is_empty());
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(r#"<script type="application/ld+json">{"headline": </script><title>T</title>"#, None);
        assert_eq!(m.title.as_deref(), Some("T"));
    }
}
