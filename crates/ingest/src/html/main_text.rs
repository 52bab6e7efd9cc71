//! The main text of a page: find the element that holds the article and read its blocks.
//!
//! Three steps, each linear in the size of the page:
//! 1. Mark page furniture: elements that never hold article text (`script`, `nav`,
//!    `footer`, forms, hidden elements) and elements whose class, id or role names
//!    navigation, sharing, comments, related links, newsletters, cookie banners or ads
//!    (unless they hold most of the page's text, as outer wrappers do).
//! 2. Choose the article container: an element marked as the article body
//!    (`itemprop=articleBody`, classes such as `entry-content` or `article-body`,
//!    `<article>`, `<main>`), checked against a paragraph-density score in the manner of
//!    Readability (text, commas and link density of paragraphs credited to their parents);
//!    then text-like siblings, parts carrying the container's class and a lead named as such
//!    join it.
//! 3. Read the container's blocks in order, dropping link lists, share and copyright lines,
//!    and a leading copy of the headline.
//!
//! It does not render CSS or run scripts: text that only appears after JavaScript runs is
//! not found.

#![allow(clippy::needless_range_loop)] // nodes are indexed by id in several parallel arrays

use super::dom::{Dom, NodeData, NodeId, Tag, NONE};
use crate::debris;

/// The main text of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MainText {
    /// Blocks separated by a blank line.
    pub text: String,
    /// How the container was chosen (`marked`, `scored`, `body`).
    pub method: &'static str,
}

/// Tags whose whole subtree is never article text.
fn furniture_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::SCRIPT
            | Tag::STYLE
            | Tag::NOSCRIPT
            | Tag::TEMPLATE
            | Tag::SVG
            | Tag::MATH
            | Tag::CANVAS
            | Tag::IFRAME
            | Tag::OBJECT
            | Tag::EMBED
            | Tag::VIDEO
            | Tag::AUDIO
            | Tag::INPUT
            | Tag::BUTTON
            | Tag::SELECT
            | Tag::OPTION
            | Tag::TEXTAREA
            | Tag::LABEL
            | Tag::DIALOG
            | Tag::NAV
            | Tag::ASIDE
            | Tag::FOOTER
            | Tag::MENU
            | Tag::FIGCAPTION
            | Tag::HEAD
            | Tag::TITLE
            | Tag::MAP
            | Tag::NOEMBED
            | Tag::NOFRAMES
            | Tag::XMP
            | Tag::FRAMESET
            | Tag::APPLET
            | Tag::MARQUEE
            | Tag::PROGRESS
            | Tag::METER
            | Tag::OUTPUT
            | Tag::RT
            | Tag::RP
    )
}

/// What a class, id or role says an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Furniture {
    /// Side content (navigation, related links, ads, bylines): removed unless it holds
    /// article-like paragraphs or most of the page's text, as outer wrappers do.
    Weak,
    /// Sharing, cookie and newsletter boxes: removed unless they hold article-like paragraphs.
    Strong,
    /// Comment sections: removed unless they hold the marked article body.
    Comments,
    /// Hidden from readers: removed.
    Hidden,
}

/// Parts of class names and ids (split at `-`, `_`, `:`, `.`, `/`) that name furniture.
fn furniture_part(part: &str) -> Option<Furniture> {
    use Furniture::*;
    Some(match part {
        "comment" | "comments" | "commentlist" | "kommentare" | "disqus" | "respond" | "replies" => Comments,
        "share" | "sharing" | "shares" | "social" | "socials" | "sharebar" | "addthis" | "shariff"
        | "sharedaddy" | "cookie" | "cookies" | "consent" | "gdpr" | "newsletter" | "outbrain"
        | "taboola" | "breadcrumb" | "breadcrumbs" => Strong,
        "nav" | "navbar" | "navigation" | "menu" | "submenu" | "footer" | "sidebar" | "widget"
        | "widgets" | "related" | "relatedposts" | "recommended" | "recommendations" | "recirculation"
        | "subscribe" | "subscription" | "banner" | "ad" | "ads" | "advert" | "adverts" | "advertisement"
        | "advertising" | "anzeige" | "werbung" | "sponsor" | "sponsored" | "promo" | "promotion"
        | "popup" | "modal" | "overlay" | "pagination" | "pager" | "toolbar" | "skip" | "login"
        | "signin" | "search" | "tags" | "tagcloud" | "taglist" | "byline" | "meta" | "postmeta"
        | "print" | "rating" | "masthead" | "topbar" | "caption" | "credit" | "credits" | "copyright"
        | "disclaimer" | "author" | "authors" | "bio" | "avatar" | "infobox" | "tooltip" | "dropdown"
        | "cta" | "affiliate" | "metadata" | "paywall" | "licence" | "license" => Weak,
        _ => return None,
    })
}

/// Substrings of class names and ids that name furniture whatever surrounds them.
const FURNITURE_SUBSTRINGS: &[(&str, Furniture)] = &[
    ("comment", Furniture::Comments),
    ("social", Furniture::Strong),
    ("share", Furniture::Strong),
    ("cookie", Furniture::Strong),
    ("newsletter", Furniture::Strong),
    ("breadcrumb", Furniture::Strong),
    ("sidebar", Furniture::Weak),
    ("navbar", Furniture::Weak),
    ("navigation", Furniture::Weak),
    ("related", Furniture::Weak),
    ("advert", Furniture::Weak),
    ("sponsor", Furniture::Weak),
    ("footer", Furniture::Weak),
    ("widget", Furniture::Weak),
    ("popup", Furniture::Weak),
    ("pagination", Furniture::Weak),
    ("donation", Furniture::Strong),
    ("affiliate", Furniture::Weak),
    ("metadata", Furniture::Weak),
    ("licence", Furniture::Weak),
];

/// Class tokens that look like furniture words but describe state of the whole page.
fn state_token(token: &str) -> bool {
    token.starts_with("has-")
        || token.starts_with("no-")
        || token.starts_with("with-")
        || token.starts_with("show-")
        || token.ends_with("-open")
        || token.ends_with("-closed")
        || token.ends_with("-enabled")
        || token.ends_with("-active")
        || token.ends_with("-allowed")
        || token.starts_with("tag-")
        || token.starts_with("category-")
        || token.starts_with("wp-embed")
}

fn furniture_attr(value: &str, buf: &mut String) -> Option<Furniture> {
    let mut best: Option<Furniture> = None;
    for token in value.split_whitespace() {
        buf.clear();
        buf.push_str(token);
        buf.make_ascii_lowercase();
        let token = buf.as_str();
        if state_token(token) {
            continue;
        }
        let mut found = token.split(['-', '_', ':', '.', '/']).filter_map(furniture_part).max();
        if found.is_none() {
            found = FURNITURE_SUBSTRINGS.iter().filter(|(s, _)| token.contains(s)).map(|(_, f)| *f).max();
        }
        if matches!(token, "sr-only" | "screen-reader-text" | "visually-hidden" | "visuallyhidden") {
            found = Some(Furniture::Hidden);
        }
        best = best.max(found);
    }
    best
}

/// Is this element furniture by its attributes (class, id, role, hidden)?
fn furniture_by_attrs(dom: &Dom, id: NodeId, buf: &mut String) -> Option<Furniture> {
    let mut verdict = None;
    for (name, value) in dom.attrs_of(id) {
        let v = match name {
            "class" | "id" => furniture_attr(value, buf),
            "role" => match value.trim().to_ascii_lowercase().as_str() {
                "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog" | "menu"
                | "menubar" | "alertdialog" | "toolbar" => Some(Furniture::Weak),
                _ => None,
            },
            "hidden" => Some(Furniture::Hidden),
            "aria-hidden" if value.trim() == "true" => Some(Furniture::Weak),
            "style" => {
                let s: String =
                    value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                (s.contains("display:none") || s.contains("visibility:hidden")).then_some(Furniture::Hidden)
            }
            _ => None,
        };
        verdict = verdict.max(v);
    }
    verdict
}

/// How strongly an element is marked as the article body (lower is stronger).
fn body_rank(dom: &Dom, id: NodeId, tag: Tag, buf: &mut String) -> Option<u8> {
    if let Some(p) = dom.attr(id, "itemprop") {
        if p.to_ascii_lowercase().contains("articlebody") {
            return Some(0);
        }
    }
    for key in ["class", "id"] {
        let Some(v) = dom.attr(id, key) else { continue };
        for token in v.split_whitespace() {
            buf.clear();
            buf.extend(token.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()));
            let t = buf.as_str();
            if matches!(
                t,
                "articlebody"
                    | "articlebodytext"
                    | "articletext"
                    | "articlecontent"
                    | "articlecontents"
                    | "articlebodycontent"
                    | "storybody"
                    | "storycontent"
                    | "storytext"
                    | "postcontent"
                    | "postbody"
                    | "posttext"
                    | "postentry"
                    | "entrycontent"
                    | "entrybody"
                    | "entrytext"
                    | "contentbody"
                    | "bodytext"
                    | "blogcontent"
                    | "blogpostcontent"
                    | "singlecontent"
                    | "newscontent"
                    | "newstext"
                    | "textcontent"
                    | "richtext"
                    | "artikeltext"
                    | "artikelinhalt"
                    | "tdpostcontent"
                    | "itemfulltext"
                    | "fulltext"
                    | "maincontent"
                    | "pagecontent"
                    | "contentmain"
            ) {
                return Some(if t == "maincontent" || t == "pagecontent" || t == "contentmain" {
                    3
                } else {
                    1
                });
            }
        }
    }
    match tag {
        Tag::ARTICLE => Some(2),
        Tag::MAIN => Some(3),
        _ if dom.attr(id, "role").is_some_and(|r| r.eq_ignore_ascii_case("main")) => Some(3),
        _ => None,
    }
}

/// What each element's attributes say: furniture verdict and article-body rank.
struct Marks {
    verdict: Vec<Option<Furniture>>,
    rank: Vec<Option<u8>>,
}

impl Marks {
    fn new(dom: &Dom) -> Marks {
        let n = dom.nodes.len();
        let mut m = Marks { verdict: vec![None; n], rank: vec![None; n] };
        let mut buf = String::new();
        for id in 1..n {
            if let NodeData::Element { tag, attr_start, attr_end } = dom.nodes[id].data {
                if attr_start != attr_end || matches!(tag, Tag::ARTICLE | Tag::MAIN) {
                    m.verdict[id] = furniture_by_attrs(dom, id as NodeId, &mut buf);
                    m.rank[id] = body_rank(dom, id as NodeId, tag, &mut buf);
                }
            }
        }
        m
    }
}

/// Per-node counts over text that is not furniture.
struct Stats {
    /// Non-space bytes of text below the node.
    text: Vec<u32>,
    /// Non-space bytes of link text below the node.
    link: Vec<u32>,
    /// Non-space bytes of text directly in the node or its inline children.
    inline: Vec<u32>,
    /// Commas below the node.
    commas: Vec<u32>,
}

fn count(dom: &Dom, removed: &[bool]) -> Stats {
    let n = dom.nodes.len();
    let mut s = Stats { text: vec![0; n], link: vec![0; n], inline: vec![0; n], commas: vec![0; n] };
    for id in (1..n).rev() {
        if removed[id] {
            continue;
        }
        let node = &dom.nodes[id];
        match node.data {
            NodeData::Text { .. } => {
                let t = dom.text(id as NodeId);
                s.text[id] = t.bytes().filter(|b| !b.is_ascii_whitespace()).count() as u32;
                s.commas[id] = t.bytes().filter(|&b| b == b',').count() as u32;
                s.inline[id] = s.text[id];
            }
            NodeData::Element { tag, .. } => {
                if tag == Tag::A {
                    s.link[id] = s.text[id];
                }
            }
            NodeData::Document => {}
        }
        let p = node.parent as usize;
        if p < n {
            s.text[p] += s.text[id];
            s.link[p] += s.link[id];
            s.commas[p] += s.commas[id];
            if !dom.tag(id as NodeId).is_some_and(Tag::is_block) {
                s.inline[p] += s.inline[id];
            }
        }
    }
    // `inline` of an element is its own inline text: a block keeps its own and does not pass
    // it on to its parent.
    s
}

fn mark_furniture(dom: &Dom, marks: &Marks) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut removed = vec![false; n];
    for id in 1..n {
        let parent = dom.nodes[id].parent as usize;
        if parent < n && removed[parent] {
            removed[id] = true;
            continue;
        }
        if let NodeData::Element { tag, .. } = dom.nodes[id].data {
            if furniture_tag(tag) {
                removed[id] = true;
            }
        }
    }
    // Attribute rules, with guards for wrappers and for article-like content.
    let raw = count(dom, &removed);
    let total = raw.text.first().copied().unwrap_or(0).max(1);
    // Long, unlinked paragraphs below each node, and whether a marked body is below it.
    let mut paragraphs = vec![0u32; n];
    let mut holds_body = vec![false; n];
    for id in (1..n).rev() {
        if removed[id] {
            continue;
        }
        if let NodeData::Element { tag, .. } = dom.nodes[id].data {
            if tag == Tag::P && raw.text[id] >= 80 && raw.link[id] * 2 < raw.text[id] {
                paragraphs[id] += 1;
            }
            if marks.rank[id].is_some_and(|r| r <= 1) {
                holds_body[id] = true;
            }
        }
        let p = dom.nodes[id].parent as usize;
        if p < n {
            paragraphs[p] += paragraphs[id];
            holds_body[p] |= holds_body[id];
        }
    }
    let mut soft = vec![false; n];
    let mut in_article = vec![false; n];
    for id in 1..n {
        let parent = dom.nodes[id].parent as usize;
        in_article[id] =
            parent < n && (in_article[parent] || dom.tag(parent as NodeId) == Some(Tag::ARTICLE));
        if parent < n && (soft[parent] || removed[parent]) {
            soft[id] = true;
            continue;
        }
        let NodeData::Element { tag, .. } = dom.nodes[id].data else { continue };
        if matches!(tag, Tag::HTML | Tag::BODY) {
            continue;
        }
        let mut verdict = marks.verdict[id];
        if matches!(tag, Tag::ARTICLE | Tag::MAIN) || marks.rank[id].is_some_and(|r| r <= 1) {
            verdict = verdict.filter(|v| *v == Furniture::Hidden);
        }
        if tag == Tag::HEADER && !in_article[id] {
            verdict = verdict.max(Some(Furniture::Weak));
        }
        let share = raw.text[id] as f64 / total as f64;
        let articleish = paragraphs[id] >= 3 && raw.link[id] * 3 < raw.text[id] || holds_body[id];
        soft[id] = match verdict {
            Some(Furniture::Hidden) => true,
            Some(Furniture::Comments) => !holds_body[id],
            Some(Furniture::Strong) => !articleish,
            Some(Furniture::Weak) => !articleish && share < 0.35,
            None => false,
        };
        // A form around the whole page (as ASP.NET pages have) is a wrapper, not a form.
        if tag == Tag::FORM && !(holds_body[id] && share >= 0.5) {
            soft[id] |= raw.text[id] < 500 || raw.link[id] * 2 > raw.text[id];
        }
        if tag == Tag::FIGURE {
            soft[id] |= raw.text[id] < 250;
        }
    }
    for id in 0..n {
        removed[id] |= soft[id];
    }
    removed
}

fn link_density(s: &Stats, id: usize) -> f64 {
    if s.text[id] == 0 {
        0.0
    } else {
        s.link[id] as f64 / s.text[id] as f64
    }
}

/// Paragraph-density scores: the best-scoring container.
fn scored_container(dom: &Dom, removed: &[bool], s: &Stats, marks: &Marks) -> Option<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![0f64; n];
    for id in 1..n {
        if removed[id] {
            continue;
        }
        let NodeData::Element { tag, .. } = dom.nodes[id].data else { continue };
        let paragraph_like = matches!(tag, Tag::P | Tag::PRE | Tag::TD | Tag::BLOCKQUOTE)
            || (matches!(tag, Tag::DIV | Tag::SECTION | Tag::ARTICLE | Tag::SPAN | Tag::FONT | Tag::CENTER)
                && s.inline[id] >= 50);
        let len =
            if matches!(tag, Tag::DIV | Tag::SECTION | Tag::ARTICLE | Tag::SPAN | Tag::FONT | Tag::CENTER) {
                s.inline[id]
            } else {
                s.text[id]
            };
        if !paragraph_like || len < 25 {
            continue;
        }
        let points =
            (1.0 + s.commas[id] as f64 + (len as f64 / 100.0).min(3.0)) * (1.0 - link_density(s, id));
        let parent = dom.nodes[id].parent;
        if parent != NONE {
            score[parent as usize] += points;
            let grand = dom.nodes[parent as usize].parent;
            if grand != NONE {
                score[grand as usize] += points / 2.0;
                let great = dom.nodes[grand as usize].parent;
                if great != NONE {
                    score[great as usize] += points / 6.0;
                }
            }
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for id in 1..n {
        if score[id] <= 0.0 || removed[id] {
            continue;
        }
        if dom.tag(id as NodeId).is_none() {
            continue;
        }
        let weight = match marks.verdict[id] {
            Some(_) => -25.0,
            None => 0.0,
        } + if marks.rank[id].is_some() { 25.0 } else { 0.0 };
        let final_score = (score[id] + weight) * (1.0 - link_density(s, id));
        if best.is_none_or(|(_, b)| final_score > b) {
            best = Some((id, final_score));
        }
    }
    best.map(|(id, _)| id as NodeId)
}

/// The element marked as the article body with the most text.
fn marked_container(dom: &Dom, removed: &[bool], s: &Stats, marks: &Marks) -> Option<NodeId> {
    let mut best: Option<(u8, u32, NodeId)> = None;
    // Many `<article>` elements on one page are a list of teasers, not the article's mark.
    let articles = (1..dom.nodes.len())
        .filter(|&id| !removed[id] && dom.tag(id as NodeId) == Some(Tag::ARTICLE) && s.text[id] > 0)
        .count();
    for id in 1..dom.nodes.len() {
        if removed[id] {
            continue;
        }
        let Some(rank) = marks.rank[id] else { continue };
        if rank == 2 && articles >= 3 {
            continue;
        }
        let text = s.text[id].saturating_sub(s.link[id]);
        if text < 100 {
            continue;
        }
        let better = match best {
            None => true,
            Some((r, t, _)) => rank < r || rank == r && text > t,
        };
        if better {
            best = Some((rank, text, id as NodeId));
        }
    }
    best.map(|(_, _, id)| id)
}

/// One block of text and its link share.
struct Block {
    text: String,
    link_bytes: usize,
    tag: Tag,
}

struct Reader<'a> {
    dom: &'a Dom,
    removed: &'a [bool],
    blocks: Vec<Block>,
    current: String,
    link_bytes: usize,
    current_tag: Tag,
    in_link: usize,
    in_pre: usize,
}

impl Reader<'_> {
    fn flush(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            let text =
                text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
            self.blocks.push(Block { text, link_bytes: self.link_bytes, tag: self.current_tag });
        }
        self.current.clear();
        self.link_bytes = 0;
    }

    fn walk(&mut self, id: NodeId, depth: usize) {
        if self.removed.get(id as usize).copied().unwrap_or(true) || depth > super::dom::MAX_DEPTH + 8 {
            return;
        }
        match self.dom.data(id) {
            NodeData::Text { .. } => {
                let t = self.dom.text(id);
                if self.in_pre > 0 {
                    self.current.push_str(t);
                } else {
                    let before = self.current.len();
                    for (i, part) in t.split(|c: char| c.is_whitespace()).enumerate() {
                        if i > 0 && !self.current.ends_with([' ', '\n']) && !self.current.is_empty() {
                            self.current.push(' ');
                        }
                        self.current.push_str(part);
                    }
                    if self.in_link > 0 {
                        self.link_bytes += self.current.len() - before;
                    }
                }
            }
            NodeData::Element { tag, .. } => {
                if tag == Tag::BR {
                    self.current.push('\n');
                    return;
                }
                let block = tag.is_block() && !matches!(tag, Tag::TD | Tag::TH);
                if block {
                    self.flush();
                    self.current_tag = tag;
                }
                if tag == Tag::A {
                    self.in_link += 1;
                }
                if tag == Tag::PRE {
                    self.in_pre += 1;
                }
                let mut child = self.dom.nodes[id as usize].first_child;
                while child != NONE {
                    let cell = matches!(tag, Tag::TD | Tag::TH)
                        || self.dom.tag(child).is_some_and(|t| matches!(t, Tag::TD | Tag::TH));
                    if cell && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                        self.current.push(' ');
                    }
                    self.walk(child, depth + 1);
                    child = self.dom.nodes[child as usize].next;
                }
                if tag == Tag::A {
                    self.in_link -= 1;
                }
                if tag == Tag::PRE {
                    self.in_pre -= 1;
                }
                if block {
                    self.flush();
                }
            }
            NodeData::Document => {
                let mut child = self.dom.nodes[id as usize].first_child;
                while child != NONE {
                    self.walk(child, depth + 1);
                    child = self.dom.nodes[child as usize].next;
                }
            }
        }
    }
}

fn read_blocks(dom: &Dom, removed: &[bool], roots: &[NodeId]) -> Vec<Block> {
    let mut r = Reader {
        dom,
        removed,
        blocks: Vec::new(),
        current: String::new(),
        link_bytes: 0,
        current_tag: Tag::P,
        in_link: 0,
        in_pre: 0,
    };
    for &root in roots {
        r.current_tag = dom.tag(root).unwrap_or(Tag::DIV);
        r.walk(root, 0);
        r.flush();
    }
    r.blocks
}

fn keep_block(b: &Block) -> bool {
    let len = b.text.len();
    let density = b.link_bytes as f64 / len.max(1) as f64;
    if density > 0.6 && !matches!(b.tag, Tag::P | Tag::BLOCKQUOTE | Tag::PRE) || density > 0.85 {
        return false;
    }
    if b.text.lines().count() == 1 && debris::debris_reason(&b.text).is_some() {
        return false;
    }
    true
}

/// Find and read the main text of a parsed page; `title` is dropped if it leads the text.
pub fn extract(dom: &Dom, title: Option<&str>) -> MainText {
    let marks = Marks::new(dom);
    let removed = mark_furniture(dom, &marks);
    let stats = count(dom, &removed);
    let (container, method) = choose(dom, &removed, &stats, &marks);
    let mut roots = expand(dom, &removed, &stats, container);
    roots.extend(same_class_parts(dom, &removed, &stats, container, &roots));
    roots.extend(leads(dom, &removed, &stats, container, &roots));
    roots.sort_unstable();
    let mut blocks = read_blocks(dom, &removed, &roots);
    // Lines of a block broken by `<br>` are judged one by one, as plain text lines are.
    for b in blocks.iter_mut().filter(|b| b.text.contains('\n') && b.tag != Tag::PRE) {
        if b.text.lines().any(|l| debris::debris_reason(l).is_some()) {
            b.text =
                b.text.lines().filter(|l| debris::debris_reason(l).is_none()).collect::<Vec<_>>().join("\n");
        }
    }
    let title_key = title.map(debris::line_key);
    let mut kept: Vec<&Block> = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        if b.text.trim().is_empty() || !keep_block(b) {
            continue;
        }
        if i < 3 && title_key.as_deref().is_some_and(|t| !t.is_empty() && debris::line_key(&b.text) == t) {
            continue;
        }
        kept.push(b);
    }
    // A heading with nothing of its own below it introduced something that was dropped.
    let mut keep = vec![true; kept.len()];
    let mut next_is_text = false;
    for i in (0..kept.len()).rev() {
        if heading_like(kept[i]) {
            keep[i] = next_is_text;
        } else {
            next_is_text = true;
        }
    }
    let mut out = String::new();
    for (b, k) in kept.iter().zip(keep) {
        if !k {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    MainText { text: out, method }
}

/// The text of a JSON-LD `articleBody`: plain text split into lines, or HTML read block by
/// block; debris lines are dropped as in page text.
pub fn from_article_body(raw: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    if raw.contains("</") || raw.contains("<br") || raw.contains("<p>") {
        let dom = Dom::parse(raw);
        let marks = Marks::new(&dom);
        let removed = mark_furniture(&dom, &marks);
        for b in read_blocks(&dom, &removed, &[dom.root()]) {
            lines.extend(b.text.lines().map(str::to_string));
        }
    } else {
        let decoded = super::entities::decode(raw);
        lines.extend(decoded.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    lines.retain(|l| !l.is_empty() && debris::debris_reason(l).is_none());
    lines.join("\n\n")
}

/// A heading, or a short line that reads like one (no sentence end).
fn heading_like(b: &Block) -> bool {
    if matches!(b.tag, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6) {
        return true;
    }
    let t = b.text.trim();
    !matches!(b.tag, Tag::LI | Tag::TD | Tag::TH | Tag::DD | Tag::DT)
        && t.chars().count() <= 60
        && t.split_whitespace().count() <= 8
        && !t.contains('\n')
        && t.ends_with([':', '?'])
}

/// Could this sibling of the container be part of the article (a lead, a subtitle, a
/// second body part)?
fn content_like(dom: &Dom, s: &Stats, id: NodeId) -> bool {
    let i = id as usize;
    let Some(tag) = dom.tag(id) else {
        // Loose text beside the container.
        return s.text[i] >= 40;
    };
    let heading = matches!(tag, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6);
    let allowed = heading
        || matches!(
            tag,
            Tag::P
                | Tag::BLOCKQUOTE
                | Tag::UL
                | Tag::OL
                | Tag::DL
                | Tag::DIV
                | Tag::SECTION
                | Tag::HEADER
                | Tag::SPAN
                | Tag::B
                | Tag::STRONG
                | Tag::EM
                | Tag::I
                | Tag::TABLE
                | Tag::PRE
                | Tag::FONT
                | Tag::CENTER
        );
    let min = if heading { 15 } else { 40 };
    allowed && s.text[i] >= min && link_density(s, i) < 0.1
}

/// The container plus siblings (up to two levels up) that look like article text.
fn expand(dom: &Dom, removed: &[bool], s: &Stats, container: NodeId) -> Vec<NodeId> {
    let mut roots = vec![container];
    let mut cur = container;
    for _ in 0..3 {
        let parent = dom.parent(cur);
        if parent == NONE || matches!(dom.tag(parent), Some(Tag::BODY | Tag::HTML) | None) {
            break;
        }
        let mut rejected = 0u32;
        for child in dom.children(parent) {
            if child == cur || removed[child as usize] || s.text[child as usize] == 0 {
                continue;
            }
            if content_like(dom, s, child) {
                roots.push(child);
            } else {
                rejected += s.text[child as usize];
            }
        }
        if rejected as f64 > 0.3 * s.text[parent as usize] as f64 {
            break;
        }
        cur = parent;
    }
    roots.sort_unstable();
    roots
}

/// Elements elsewhere on the page that carry exactly the container's class list: an article
/// split into several marked parts, or the posts of a thread. Only parts that read like text
/// (some length, under a quarter of it links) join.
fn same_class_parts(
    dom: &Dom,
    removed: &[bool],
    s: &Stats,
    container: NodeId,
    roots: &[NodeId],
) -> Vec<NodeId> {
    let Some(class) = dom.attr(container, "class").map(str::trim).filter(|c| !c.is_empty()) else {
        return Vec::new();
    };
    // A teaser's class repeats on the other teasers of a list, which are other articles.
    if class.split(|c: char| !c.is_ascii_alphanumeric()).any(|p| p.eq_ignore_ascii_case("teaser")) {
        return Vec::new();
    }
    // Walked in document order; a part's subtree is not searched again. Bounded, so a page
    // of a million elements sharing one class stays linear.
    let root = dom.root();
    let mut parts: Vec<NodeId> = Vec::new();
    let mut checked = 0usize;
    let mut cur = dom.next_in(root, root);
    while cur != NONE && parts.len() < 200 && checked < 2000 {
        let i = cur as usize;
        if removed[i] || roots.contains(&cur) {
            cur = dom.next_skipping_children(cur, root);
            continue;
        }
        if s.text[i] >= 40 && link_density(s, i) < 0.1 && dom.attr(cur, "class").map(str::trim) == Some(class)
        {
            checked += 1;
            let covered = roots.iter().any(|r| dom.is_within(cur, *r) || dom.is_within(*r, cur));
            if !covered {
                parts.push(cur);
                cur = dom.next_skipping_children(cur, root);
                continue;
            }
        }
        cur = dom.next_in(cur, root);
    }
    parts
}

/// Parts of class names and ids that name an article's lead (the paragraph between headline
/// and body, which pages often keep outside the body element).
fn lead_part(part: &str) -> bool {
    matches!(
        part,
        "lead"
            | "intro"
            | "introduction"
            | "chapo"
            | "chapeau"
            | "excerpt"
            | "standfirst"
            | "summary"
            | "deck"
            | "dek"
            | "abstract"
            | "subtitle"
            | "subheadline"
            | "subline"
            | "sapo"
            | "bajada"
            | "entradilla"
            | "vorspann"
            | "einleitung"
    )
}

/// Elements named as the article's lead that come before the container within its nearby
/// ancestors (up to four levels up, never the page body), read like text and are not yet read.
fn leads(dom: &Dom, removed: &[bool], s: &Stats, container: NodeId, roots: &[NodeId]) -> Vec<NodeId> {
    let mut scope = container;
    for _ in 0..4 {
        let parent = dom.parent(scope);
        if parent == NONE || matches!(dom.tag(parent), Some(Tag::BODY | Tag::HTML) | None) {
            break;
        }
        scope = parent;
    }
    if scope == container {
        return Vec::new();
    }
    let mut found: Vec<NodeId> = Vec::new();
    let mut buf = String::new();
    let mut cur = scope;
    // Document order up to the container; a lead's subtree is not searched again.
    while cur != NONE && cur != container && found.len() < 8 {
        let i = cur as usize;
        if removed[i] || roots.contains(&cur) {
            cur = dom.next_skipping_children(cur, scope);
            continue;
        }
        if dom.tag(cur).is_some() && s.text[i] >= 40 && link_density(s, i) < 0.1 {
            let named = ["class", "id"].iter().any(|key| {
                dom.attr(cur, key).is_some_and(|v| {
                    v.split_whitespace().any(|token| {
                        buf.clear();
                        buf.push_str(token);
                        buf.make_ascii_lowercase();
                        buf.split(['-', '_', ':', '.']).any(lead_part)
                    })
                })
            });
            if named && !roots.iter().any(|r| dom.is_within(*r, cur)) {
                found.push(cur);
                cur = dom.next_skipping_children(cur, scope);
                continue;
            }
        }
        cur = dom.next_in(cur, scope);
    }
    found
}

/// The container to read, and how it was chosen.
fn choose(dom: &Dom, removed: &[bool], stats: &Stats, marks: &Marks) -> (NodeId, &'static str) {
    let marked = marked_container(dom, removed, stats, marks);
    let scored = scored_container(dom, removed, stats, marks);
    match (marked, scored) {
        (Some(m), Some(s)) => {
            let mt = stats.text[m as usize] as f64;
            let st = stats.text[s as usize] as f64;
            let m_wins = if dom.is_within(s, m) {
                true
            } else if dom.is_within(m, s) {
                mt >= 0.6 * st
            } else {
                mt >= 0.5 * st
            };
            if m_wins {
                (m, "marked")
            } else {
                (s, "scored")
            }
        }
        (Some(m), None) => (m, "marked"),
        (None, Some(s)) => (s, "scored"),
        (None, None) => (dom.find(Tag::BODY).unwrap_or(dom.root()), "body"),
    }
}

/// Development aid: where the text `needle` sits in the page (`removed`, `outside`,
/// `filtered`, `absent`), followed by the chain of its ancestors.
#[doc(hidden)]
pub fn explain(dom: &Dom, title: Option<&str>, needle: &str) -> (&'static str, String) {
    let marks = Marks::new(dom);
    let removed = mark_furniture(dom, &marks);
    let stats = count(dom, &removed);
    let (container, method) = choose(dom, &removed, &stats, &marks);
    let describe = |id: NodeId| -> String {
        let tag = dom.tag(id).map(|t| dom.tag_name(t).to_string()).unwrap_or_default();
        let class = dom.attr(id, "class").unwrap_or("");
        let idv = dom.attr(id, "id").unwrap_or("");
        format!(
            "{tag}.{class}#{idv}[{}{}]",
            stats.text[id as usize],
            if removed[id as usize] { " X" } else { "" }
        )
    };
    let key: String = needle.split_whitespace().collect::<Vec<_>>().join(" ");
    let probe: String = key.chars().take(16).collect();
    let _ = title;
    for id in dom.descendants(dom.root()) {
        if !matches!(dom.data(id), NodeData::Text { .. }) {
            continue;
        }
        let t: String = dom.text(id).split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.contains(&probe) {
            continue;
        }
        let mut chain = Vec::new();
        let mut cur = dom.parent(id);
        while cur != NONE && cur != 0 {
            chain.push(describe(cur));
            cur = dom.parent(cur);
        }
        chain.reverse();
        let category = if removed[id as usize] {
            "removed"
        } else if !dom.is_within(id, container) {
            "outside"
        } else {
            "filtered"
        };
        let what = format!("{method} container {}\n  in: {}", describe(container), chain.join(" > "));
        return (category, what);
    }
    ("absent", String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        extract(&Dom::parse(html), Some("Storm hits coast")).text
    }

    #[test]
    fn article_body_without_furniture() {
        let html = r##"<html><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <header><div class="logo">The Daily</div></header>
            <article>
              <h1>Storm hits coast</h1>
              <div class="byline">By Ann Lee</div>
              <div class="article-body">
                <p>The storm arrived on Monday, bringing heavy rain, strong winds and flooding to the coast.</p>
                <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
                <p>Officials said that more than 2,000 homes were without power, and schools were closed.</p>
                <figure><img src="a.jpg"><figcaption>Photo: agency</figcaption></figure>
                <p>Share this article</p>
              </div>
            </article>
            <div id="comments"><p>Great article, thanks for writing it, I learned a lot today.</p></div>
            <footer>© 2023 The Daily. All rights reserved.</footer>
            </body></html>"##;
        assert_eq!(
            text(html),
            "The storm arrived on Monday, bringing heavy rain, strong winds and flooding to the coast.\n\n\
             Officials said that more than 2,000 homes were without power, and schools were closed."
        );
    }

    #[test]
    fn unmarked_page_found_by_paragraph_density() {
        let para = "<p>Residents described the night as frightening, with water rising fast, and roofs torn off.</p>";
        let html = format!(
            r#"<body><div class="col"><ul><li><a href="/a">Link one</a></li><li><a href="/b">Link two</a></li></ul></div>
               <div class="col2">{para}{para}<p>Second, different paragraph, with commas, and more words to count.</p></div>
               <div class="col3"><p><a href="/x">Some promotional link text that is long</a></p></div></body>"#
        );
        let got = text(&html);
        assert!(got.starts_with("Residents described"), "{got}");
        assert!(got.ends_with("more words to count."), "{got}");
        assert!(!got.contains("Link one"));
    }

    #[test]
    fn wrapper_named_like_furniture_is_kept_when_it_holds_the_text() {
        let html = r#"<body><div class="page has-sidebar layout-sidebar">
            <p>The council voted on Tuesday, after a long debate, to approve the new budget for schools.</p>
            <p>Members said the plan, which costs millions, would be reviewed again next year by auditors.</p>
            </div></body>"#;
        assert!(text(html).contains("approve the new budget"));
    }

    #[test]
    fn debris_lines_inside_a_broken_block_go_and_teaser_articles_are_no_mark() {
        let para = "<p>The council voted on Tuesday, after a long debate, to approve the new budget for schools.</p>";
        let teaser =
            "<article><p>Another story, with a teaser text that runs long enough to count as a candidate \
                      for the article body, if it were alone on the page, which it is not, as readers see.</p></article>";
        let html = format!(
            r#"<body><main><div class="story">{para}
               <p>Members said the plan would be reviewed.<br>War der Artikel nützlich?<br>Ja, sagten sie.</p>
               </div></main><section><div>{teaser}{teaser}{teaser}</div></section></body>"#
        );
        let got = text(&html);
        assert_eq!(
            got,
            "The council voted on Tuesday, after a long debate, to approve the new budget for schools.\n\n\
             Members said the plan would be reviewed.\nJa, sagten sie."
        );
    }

    #[test]
    fn parts_with_the_container_class_join_but_teasers_and_link_lists_do_not() {
        let part = |t: &str| {
            format!(r#"<div class="story-text"><p>{t}, said the mayor, and the council agreed.</p></div>"#)
        };
        let html = format!(
            r#"<body><main>{}<figure><img src="a.jpg"></figure><div class="ad">Buy now</div>{}</main>
               <div class="story-text"><a href="/x">A link that is the whole text of this block here</a></div>
               </body>"#,
            part("The bridge opens in May, after three years of work"),
            part("Traffic will be limited to buses at first")
        );
        assert_eq!(
            text(&html),
            "The bridge opens in May, after three years of work, said the mayor, and the council agreed.\n\n\
             Traffic will be limited to buses at first, said the mayor, and the council agreed."
        );
        let teaser = |t: &str| {
            format!(
                r#"<div class="teaser-text"><p>{t}, the report says, and more words follow here.</p></div>"#
            )
        };
        let html = format!(
            "<body><div>{}</div><ul><li>{}</li></ul></body>",
            teaser("The only story on the page, with commas, and commas"),
            teaser("Another story")
        );
        let got = text(&html);
        assert!(got.starts_with("The only story"), "{got}");
        assert!(!got.contains("Another story"), "{got}");
    }

    #[test]
    fn parts_sharing_a_class_are_bounded() {
        // List items are not scored as paragraphs, so the first marked part is the container;
        // four wrappers keep the parts from being its siblings.
        let part = r#"<div><div><div><div><div class="entry-content"><ul><li>A reply in a long thread, with
            commas, and more words here, long enough to be taken for an article body by itself, as it is now.</li></ul>
            </div></div></div></div></div>"#;
        let html = format!("<body><div>{}</div></body>", part.repeat(5000));
        let got = text(&html);
        // The container and at most 200 parts joining it.
        assert_eq!(got.matches("A reply in a long thread").count(), 201);
    }

    #[test]
    fn article_body_from_json_ld_plain_and_html() {
        assert_eq!(
            from_article_body("First paragraph &amp; more.\n\n  Second   paragraph.\nShare this article"),
            "First paragraph & more.\n\nSecond paragraph."
        );
        assert_eq!(from_article_body("<p>One.</p><p>Two<br>lines.</p>"), "One.\n\nTwo\n\nlines.");
    }

    #[test]
    fn text_written_straight_into_a_div_is_scored() {
        let html = r#"<body><div class="box"><p>Our weather pages are updated every hour.</p></div>
            <div id="content"><h1>Storm hits coast</h1><div class="text">The storm came at night, with rain,
            wind and thunder, and it stayed until the morning.<br><br>Roads were closed, trees fell, and
            the power failed in many streets of the old town.</div></div></body>"#;
        assert_eq!(
            text(html),
            "The storm came at night, with rain, wind and thunder, and it stayed until the morning.\n\
             Roads were closed, trees fell, and the power failed in many streets of the old town."
        );
    }

    #[test]
    fn a_form_around_the_whole_page_is_a_wrapper_but_a_search_form_goes() {
        let html = r#"<body><form id="aspnetForm" action="/page.aspx">
            <ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li><li><a href="/3">Three</a></li></ul>
            <div class="article-text"><p>The club confirmed the transfer on Friday, ending weeks of talks.</p></div>
            <form action="/search"><p>Search our pages</p><input name="q"></form>
            </form></body>"#;
        assert_eq!(text(html), "The club confirmed the transfer on Friday, ending weeks of talks.");
    }

    #[test]
    fn a_lead_named_as_such_before_the_body_is_read_but_not_one_elsewhere() {
        let body = "<p>The council met on Monday, and the vote, which was close, went for the plan.</p>";
        let html = format!(
            r#"<body><article><header><h1>Storm hits coast</h1><p class="article-lead">Flood
               barriers will be built along the coast by 2030, the council decided.</p>
               <ul class="topics"><li><a href="/a">Weather and climate</a></li><li><a href="/b">Coastal towns</a></li></ul>
               </header><div class="article-body">{body}{body}</div></article>
               <div class="summary"><p>A summary of another story that stands at the foot of the page.</p></div></body>"#
        );
        let got = text(&html);
        assert!(got.starts_with("Flood barriers will be built"), "{got}");
        assert!(got.contains("The council met on Monday"), "{got}");
        assert!(!got.contains("another story"), "{got}");
    }

    #[test]
    fn line_breaks_and_tables() {
        let html = r#"<body><div class="entry-content"><p>First line, with words enough for a paragraph<br>second line, also with words.</p>
            <table><tr><td>Cell A</td><td>Cell B</td></tr></table></div></body>"#;
        let got = text(html);
        assert!(got.contains("First line, with words enough for a paragraph\nsecond line"), "{got}");
        assert!(got.contains("Cell A Cell B"), "{got}");
    }
}
