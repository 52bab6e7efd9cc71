//! HTML pages: decode, parse, and pull out the article text and its metadata.
//!
//! [`extract`] is the entry point: bytes in, a [`Page`] out. It never fails; what it could
//! not do becomes a note in [`Page::notes`]. The parser ([`dom`]) is our own forgiving one
//! (fast, bounded depth); the main-text finder ([`main_text`]) and the metadata rules
//! ([`metadata`]) are written for news and blog pages. When the markup yields little, the
//! text of a JSON-LD article (or recipe, how-to) object or of a script template stands in.

pub mod dom;
pub mod entities;
pub mod main_text;
pub mod metadata;

use crate::charset;

/// What is known about a page before reading it.
#[derive(Clone, Debug, Default)]
pub struct Hints<'a> {
    /// Where the page was fetched from.
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, if any.
    pub content_type: Option<&'a str>,
}

/// The article read out of a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The main text: blocks separated by a blank line, headline not included.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO 8601).
    pub published: Option<String>,
    /// Which evidence gave the date (`json-ld`, `meta`, `url`, `near-title`, …, `none`).
    pub published_from: &'static str,
    /// Bylines.
    pub authors: Vec<String>,
    /// Site or outlet name.
    pub outlet: Option<String>,
    /// Canonical address (or the fetch address).
    pub url: Option<String>,
    /// The language the page declares (`<html lang>`, `og:locale`, …).
    pub declared_language: Option<String>,
    /// Remarks: charset guesses, flattened nesting, nothing found.
    pub notes: Vec<String>,
}

/// Read the article and its metadata out of an HTML page.
pub fn extract(bytes: &[u8], hints: &Hints<'_>) -> Page {
    let decoded = charset::decode_html(bytes, hints.content_type);
    let mut page = extract_str(&decoded.text, hints);
    if let Some(note) = decoded.note {
        page.notes.insert(0, note);
    }
    page
}

/// [`extract`] for a page that is already text.
pub fn extract_str(html: &str, hints: &Hints<'_>) -> Page {
    let dom = dom::Dom::parse(html);
    let mut notes = Vec::new();
    if dom.flattened {
        notes.push(format!("elements nested deeper than {} levels were flattened", dom::MAX_DEPTH));
    }
    let meta = metadata::extract(&dom, hints.url);
    let mut body = main_text::extract(&dom, meta.title.as_deref());
    // Text that exists only in the page's JSON-LD (pages built by scripts) is read from there
    // when the markup yields much less of it.
    if let Some(raw) = meta.article_body.as_deref() {
        let from_ld = main_text::from_article_body(raw);
        if visible_len(&from_ld) >= 200 && visible_len(&body.text) * 2 < visible_len(&from_ld) {
            body.text = from_ld;
            body.method = "json-ld";
        }
    }
    // Markup kept in a script template (`<script type="text/template">`, rendered by the
    // page's scripts) is read when the page itself yields little.
    if visible_len(&body.text) < 500 {
        if let Some(from_template) = template_text(&dom, meta.title.as_deref()) {
            if visible_len(&from_template) >= 200 && visible_len(&body.text) * 2 < visible_len(&from_template)
            {
                body.text = from_template;
                body.method = "template";
            }
        }
    }
    if body.text.is_empty() {
        notes.push("no main text found".to_string());
    }
    Page {
        text: body.text,
        title: meta.title,
        published: meta.published,
        published_from: meta.published_from,
        authors: meta.authors,
        outlet: meta.outlet,
        url: meta.url.or_else(|| hints.url.map(str::to_string)),
        declared_language: meta.language,
        notes,
    }
}

/// The main text of the longest script template that holds markup (one level: templates
/// inside it are not opened).
fn template_text(dom: &dom::Dom, title: Option<&str>) -> Option<String> {
    let mut best: Option<String> = None;
    for id in dom.descendants(dom.root()) {
        if dom.tag(id) != Some(dom::Tag::SCRIPT) {
            continue;
        }
        let Some(kind) = dom.attr(id, "type").map(|t| t.trim().to_ascii_lowercase()) else { continue };
        if !matches!(kind.as_str(), "text/template" | "text/html" | "text/x-template") {
            continue;
        }
        let raw = dom.raw_text(id);
        if raw.contains('<') && best.as_ref().is_none_or(|b| raw.len() > b.len()) {
            best = Some(raw);
        }
    }
    let inner = dom::Dom::parse(&best?);
    Some(main_text::extract(&inner, title).text)
}

/// Bytes of text that are not white space.
fn visible_len(s: &str) -> usize {
    s.bytes().filter(|b| !b.is_ascii_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_body_stands_in_when_the_markup_has_little_text() {
        let sentence = "The river rose by two metres overnight, and the town closed its bridges. ";
        let body = sentence.repeat(5);
        let html = format!(
            r#"<html><head><script type="application/ld+json">
               {{"@type":"NewsArticle","headline":"River rises","articleBody":"{body}"}}</script></head>
               <body><div id="app"><p>Loading the article, please wait a moment while it loads.</p></div></body></html>"#
        );
        let page = extract_str(&html, &Hints::default());
        assert_eq!(page.text, body.trim());
        // When the markup holds the article, the markup is read.
        let html = format!(
            r#"<html><head><script type="application/ld+json">
               {{"@type":"NewsArticle","articleBody":"{body}"}}</script></head>
               <body><article><p>{body} Extra words only in the markup.</p></article></body></html>"#
        );
        let page = extract_str(&html, &Hints::default());
        assert!(page.text.ends_with("Extra words only in the markup."), "{}", page.text);
    }

    #[test]
    fn recipe_and_how_to_steps_from_json_ld() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type":"HowTo","name":"Round tablecloth","description":"<p>A round table deserves a round cloth, and here is how to sew one.</p>",
             "step":[{"@type":"HowToSection","itemListElement":[
               {"@type":"HowToStep","text":"Measure the diameter of the table top, and add twice the drop."},
               {"@type":"HowToStep","text":"Fold the fabric twice and mark a quarter circle with a string."}]},
               "Cut along the line, hem the edge, and iron the cloth flat."]}</script></head>
            <body><div id="app"><p>Loading…</p></div></body></html>"#;
        let page = extract_str(html, &Hints::default());
        assert_eq!(
            page.text,
            "A round table deserves a round cloth, and here is how to sew one.\n\n\
             Measure the diameter of the table top, and add twice the drop.\n\n\
             Fold the fabric twice and mark a quarter circle with a string.\n\n\
             Cut along the line, hem the edge, and iron the cloth flat."
        );
    }

    #[test]
    fn markup_in_a_script_template_is_read_when_the_page_has_little() {
        let para =
            "<p>Attackers have grown more skilled, and the new protocol keeps lists private, we said.</p>";
        let html = format!(
            r#"<html><body><div class="post"><div class="post-body"><script type="text/template">
               <div class="post-content">{para}{para}{para}</div></script></div></div>
               <script>var x = "<p>not a template</p>";</script></body></html>"#
        );
        let page = extract_str(&html, &Hints::default());
        let want = "Attackers have grown more skilled, and the new protocol keeps lists private, we said.";
        assert_eq!(page.text, [want, want, want].join("\n\n"));
    }
}
