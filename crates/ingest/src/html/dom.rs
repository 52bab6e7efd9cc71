//! A small, forgiving HTML parser that builds an arena tree for text extraction.
//!
//! It tokenises tags, attributes, comments, raw-text elements (`script`, `style`, …) and
//! character references, and builds the tree with the HTML rules that matter for reading
//! text: void elements, implied end tags (`p`, `li`, `td`, …), end tags that only close
//! what is in scope, and stray end tags ignored. It does not run the full HTML5 tree
//! construction (no adoption agency, no foster parenting, no `<template>` contents), so
//! misnested formatting can nest differently from a browser; text order is preserved.
//!
//! Nesting deeper than [`MAX_DEPTH`] is flattened (and reported), so every walk over the
//! tree is bounded. Nothing here recurses on input structure.

use super::entities;
use std::collections::HashMap;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

/// No node.
pub const NONE: NodeId = u32::MAX;

/// Elements nested deeper than this are attached at this depth instead.
pub const MAX_DEPTH: usize = 256;

/// An element name: known names have fixed numbers, others are numbered as they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u16);

impl Tag {
    pub const HTML: Tag = Tag(0);
    pub const HEAD: Tag = Tag(1);
    pub const BODY: Tag = Tag(2);
    pub const TITLE: Tag = Tag(3);
    pub const META: Tag = Tag(4);
    pub const LINK: Tag = Tag(5);
    pub const SCRIPT: Tag = Tag(6);
    pub const STYLE: Tag = Tag(7);
    pub const NOSCRIPT: Tag = Tag(8);
    pub const TEMPLATE: Tag = Tag(9);
    pub const SVG: Tag = Tag(10);
    pub const MATH: Tag = Tag(11);
    pub const CANVAS: Tag = Tag(12);
    pub const IFRAME: Tag = Tag(13);
    pub const OBJECT: Tag = Tag(14);
    pub const EMBED: Tag = Tag(15);
    pub const VIDEO: Tag = Tag(16);
    pub const AUDIO: Tag = Tag(17);
    pub const PICTURE: Tag = Tag(18);
    pub const SOURCE: Tag = Tag(19);
    pub const IMG: Tag = Tag(20);
    pub const FORM: Tag = Tag(21);
    pub const INPUT: Tag = Tag(22);
    pub const BUTTON: Tag = Tag(23);
    pub const SELECT: Tag = Tag(24);
    pub const OPTION: Tag = Tag(25);
    pub const OPTGROUP: Tag = Tag(26);
    pub const TEXTAREA: Tag = Tag(27);
    pub const LABEL: Tag = Tag(28);
    pub const FIELDSET: Tag = Tag(29);
    pub const LEGEND: Tag = Tag(30);
    pub const DIALOG: Tag = Tag(31);
    pub const NAV: Tag = Tag(32);
    pub const HEADER: Tag = Tag(33);
    pub const FOOTER: Tag = Tag(34);
    pub const ASIDE: Tag = Tag(35);
    pub const MAIN: Tag = Tag(36);
    pub const ARTICLE: Tag = Tag(37);
    pub const SECTION: Tag = Tag(38);
    pub const DIV: Tag = Tag(39);
    pub const P: Tag = Tag(40);
    pub const SPAN: Tag = Tag(41);
    pub const A: Tag = Tag(42);
    pub const BR: Tag = Tag(43);
    pub const HR: Tag = Tag(44);
    pub const H1: Tag = Tag(45);
    pub const H2: Tag = Tag(46);
    pub const H3: Tag = Tag(47);
    pub const H4: Tag = Tag(48);
    pub const H5: Tag = Tag(49);
    pub const H6: Tag = Tag(50);
    pub const UL: Tag = Tag(51);
    pub const OL: Tag = Tag(52);
    pub const LI: Tag = Tag(53);
    pub const DL: Tag = Tag(54);
    pub const DT: Tag = Tag(55);
    pub const DD: Tag = Tag(56);
    pub const TABLE: Tag = Tag(57);
    pub const THEAD: Tag = Tag(58);
    pub const TBODY: Tag = Tag(59);
    pub const TFOOT: Tag = Tag(60);
    pub const TR: Tag = Tag(61);
    pub const TD: Tag = Tag(62);
    pub const TH: Tag = Tag(63);
    pub const CAPTION: Tag = Tag(64);
    pub const COLGROUP: Tag = Tag(65);
    pub const COL: Tag = Tag(66);
    pub const BLOCKQUOTE: Tag = Tag(67);
    pub const PRE: Tag = Tag(68);
    pub const CODE: Tag = Tag(69);
    pub const FIGURE: Tag = Tag(70);
    pub const FIGCAPTION: Tag = Tag(71);
    pub const TIME: Tag = Tag(72);
    pub const ADDRESS: Tag = Tag(73);
    pub const B: Tag = Tag(74);
    pub const I: Tag = Tag(75);
    pub const EM: Tag = Tag(76);
    pub const STRONG: Tag = Tag(77);
    pub const SMALL: Tag = Tag(78);
    pub const U: Tag = Tag(79);
    pub const S: Tag = Tag(80);
    pub const SUP: Tag = Tag(81);
    pub const SUB: Tag = Tag(82);
    pub const FONT: Tag = Tag(83);
    pub const CENTER: Tag = Tag(84);
    pub const DETAILS: Tag = Tag(85);
    pub const SUMMARY: Tag = Tag(86);
    pub const MENU: Tag = Tag(87);
    pub const AREA: Tag = Tag(88);
    pub const BASE: Tag = Tag(89);
    pub const WBR: Tag = Tag(90);
    pub const PARAM: Tag = Tag(91);
    pub const TRACK: Tag = Tag(92);
    pub const KEYGEN: Tag = Tag(93);
    pub const XMP: Tag = Tag(94);
    pub const NOEMBED: Tag = Tag(95);
    pub const NOFRAMES: Tag = Tag(96);
    pub const FRAMESET: Tag = Tag(97);
    pub const FRAME: Tag = Tag(98);
    pub const MARQUEE: Tag = Tag(99);
    pub const APPLET: Tag = Tag(100);
    pub const HGROUP: Tag = Tag(101);
    pub const ABBR: Tag = Tag(102);
    pub const CITE: Tag = Tag(103);
    pub const Q: Tag = Tag(104);
    pub const MARK: Tag = Tag(105);
    pub const DEL: Tag = Tag(106);
    pub const INS: Tag = Tag(107);
    pub const BIG: Tag = Tag(108);
    pub const NOBR: Tag = Tag(109);
    pub const TT: Tag = Tag(110);
    pub const KBD: Tag = Tag(111);
    pub const SAMP: Tag = Tag(112);
    pub const VAR: Tag = Tag(113);
    pub const DFN: Tag = Tag(114);
    pub const BDI: Tag = Tag(115);
    pub const BDO: Tag = Tag(116);
    pub const RUBY: Tag = Tag(117);
    pub const RT: Tag = Tag(118);
    pub const RP: Tag = Tag(119);
    pub const DATA: Tag = Tag(120);
    pub const OUTPUT: Tag = Tag(121);
    pub const PROGRESS: Tag = Tag(122);
    pub const METER: Tag = Tag(123);
    pub const MAP: Tag = Tag(124);
    pub const PLAINTEXT: Tag = Tag(125);
    pub const IMAGE: Tag = Tag(126);
    pub const LISTING: Tag = Tag(127);
}

/// Names of the known tags, indexed by [`Tag`].
const KNOWN: [&str; 128] = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "link",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "source",
    "img",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "label",
    "fieldset",
    "legend",
    "dialog",
    "nav",
    "header",
    "footer",
    "aside",
    "main",
    "article",
    "section",
    "div",
    "p",
    "span",
    "a",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "colgroup",
    "col",
    "blockquote",
    "pre",
    "code",
    "figure",
    "figcaption",
    "time",
    "address",
    "b",
    "i",
    "em",
    "strong",
    "small",
    "u",
    "s",
    "sup",
    "sub",
    "font",
    "center",
    "details",
    "summary",
    "menu",
    "area",
    "base",
    "wbr",
    "param",
    "track",
    "keygen",
    "xmp",
    "noembed",
    "noframes",
    "frameset",
    "frame",
    "marquee",
    "applet",
    "hgroup",
    "abbr",
    "cite",
    "q",
    "mark",
    "del",
    "ins",
    "big",
    "nobr",
    "tt",
    "kbd",
    "samp",
    "var",
    "dfn",
    "bdi",
    "bdo",
    "ruby",
    "rt",
    "rp",
    "data",
    "output",
    "progress",
    "meter",
    "map",
    "plaintext",
    "image",
    "listing",
];

impl Tag {
    /// The tag for a lowercase name, if known.
    pub fn known(name: &str) -> Option<Tag> {
        static MAP: std::sync::OnceLock<HashMap<&'static str, Tag>> = std::sync::OnceLock::new();
        MAP.get_or_init(|| KNOWN.iter().enumerate().map(|(i, k)| (*k, Tag(i as u16))).collect())
            .get(name)
            .copied()
    }

    /// Elements that never have content.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::AREA
                | Tag::BASE
                | Tag::BR
                | Tag::COL
                | Tag::EMBED
                | Tag::HR
                | Tag::IMG
                | Tag::INPUT
                | Tag::LINK
                | Tag::META
                | Tag::PARAM
                | Tag::SOURCE
                | Tag::TRACK
                | Tag::WBR
                | Tag::KEYGEN
                | Tag::FRAME
                | Tag::IMAGE
        )
    }

    /// Elements whose content is raw text up to their end tag.
    fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::SCRIPT
                | Tag::STYLE
                | Tag::XMP
                | Tag::IFRAME
                | Tag::NOEMBED
                | Tag::NOFRAMES
                | Tag::TEXTAREA
                | Tag::TITLE
        )
    }

    /// Elements whose start tag closes an open `<p>`.
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::ADDRESS
                | Tag::ARTICLE
                | Tag::ASIDE
                | Tag::BLOCKQUOTE
                | Tag::CENTER
                | Tag::DETAILS
                | Tag::DIALOG
                | Tag::DIV
                | Tag::DL
                | Tag::FIELDSET
                | Tag::FIGCAPTION
                | Tag::FIGURE
                | Tag::FOOTER
                | Tag::FORM
                | Tag::HEADER
                | Tag::HGROUP
                | Tag::HR
                | Tag::MAIN
                | Tag::MENU
                | Tag::NAV
                | Tag::OL
                | Tag::P
                | Tag::PRE
                | Tag::SECTION
                | Tag::SUMMARY
                | Tag::TABLE
                | Tag::UL
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::LISTING
        )
    }

    /// Elements that stop the search for a matching end tag.
    fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::HTML
                | Tag::TABLE
                | Tag::TD
                | Tag::TH
                | Tag::CAPTION
                | Tag::TEMPLATE
                | Tag::OBJECT
                | Tag::APPLET
                | Tag::MARQUEE
        )
    }

    /// Block-level ("special") elements: an end tag of a phrasing element does not close them.
    pub fn is_block(self) -> bool {
        self.closes_p()
            || matches!(
                self,
                Tag::LI
                    | Tag::DD
                    | Tag::DT
                    | Tag::TD
                    | Tag::TH
                    | Tag::TR
                    | Tag::TBODY
                    | Tag::THEAD
                    | Tag::TFOOT
                    | Tag::CAPTION
                    | Tag::BODY
                    | Tag::HTML
                    | Tag::HEAD
                    | Tag::BR
                    | Tag::IFRAME
                    | Tag::OBJECT
                    | Tag::TEMPLATE
                    | Tag::SELECT
                    | Tag::TEXTAREA
                    | Tag::OPTION
            )
    }

    fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }
}

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeData {
    /// The root.
    Document,
    /// An element with attributes `Dom::attrs[start..end]`.
    Element {
        /// Its name.
        tag: Tag,
        /// First attribute.
        attr_start: u32,
        /// One past the last attribute.
        attr_end: u32,
    },
    /// Text `Dom::strings[start..end]` (references decoded).
    Text {
        /// Start byte.
        start: u32,
        /// End byte.
        end: u32,
    },
}

/// A node and its links.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// What it is.
    pub data: NodeData,
    /// Parent ([`NONE`] for the root).
    pub parent: NodeId,
    /// First child.
    pub first_child: NodeId,
    /// Last child.
    pub last_child: NodeId,
    /// Next sibling.
    pub next: NodeId,
}

/// An attribute: name and value as byte ranges of `Dom::strings`.
#[derive(Clone, Copy, Debug)]
pub struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

/// A parsed page.
#[derive(Debug, Default)]
pub struct Dom {
    /// All nodes; node 0 is the root.
    pub nodes: Vec<Node>,
    attrs: Vec<Attr>,
    strings: String,
    other_tags: Vec<String>,
    /// True if nesting deeper than [`MAX_DEPTH`] was flattened.
    pub flattened: bool,
}

impl Dom {
    /// Parse a page.
    pub fn parse(html: &str) -> Dom {
        Builder::new(html).run()
    }

    /// The root node.
    pub fn root(&self) -> NodeId {
        0
    }

    /// The node's data.
    pub fn data(&self, id: NodeId) -> NodeData {
        self.nodes.get(id as usize).map(|n| n.data).unwrap_or(NodeData::Document)
    }

    /// The element's tag, or `None` for text and the root.
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        match self.data(id) {
            NodeData::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The name of a tag.
    pub fn tag_name(&self, tag: Tag) -> &str {
        let i = tag.0 as usize;
        if i < KNOWN.len() {
            KNOWN[i]
        } else {
            self.other_tags.get(i - KNOWN.len()).map(String::as_str).unwrap_or("")
        }
    }

    /// Text of a text node ("" for others).
    pub fn text(&self, id: NodeId) -> &str {
        match self.data(id) {
            NodeData::Text { start, end } => self.strings.get(start as usize..end as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The value of attribute `name` (lowercase), if the element has it.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs_of(id).find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// All attributes of an element.
    pub fn attrs_of(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        let range = match self.data(id) {
            NodeData::Element { attr_start, attr_end, .. } => attr_start as usize..attr_end as usize,
            _ => 0..0,
        };
        self.attrs.get(range).unwrap_or(&[]).iter().map(|a| {
            (
                self.strings.get(a.name.0 as usize..a.name.1 as usize).unwrap_or(""),
                self.strings.get(a.value.0 as usize..a.value.1 as usize).unwrap_or(""),
            )
        })
    }

    /// Parent of a node.
    pub fn parent(&self, id: NodeId) -> NodeId {
        self.nodes.get(id as usize).map_or(NONE, |n| n.parent)
    }

    /// Children of a node, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes.get(id as usize).map_or(NONE, |n| n.first_child) }
    }

    /// The node and all nodes below it, in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, root: id, next: id }
    }

    /// The next node in document order after `id`'s subtree, staying under `root`.
    pub fn next_skipping_children(&self, id: NodeId, root: NodeId) -> NodeId {
        let mut cur = id;
        while cur != root && cur != NONE {
            let node = &self.nodes[cur as usize];
            if node.next != NONE {
                return node.next;
            }
            cur = node.parent;
        }
        NONE
    }

    /// The next node in document order after `id`, staying under `root`.
    pub fn next_in(&self, id: NodeId, root: NodeId) -> NodeId {
        match self.nodes.get(id as usize) {
            Some(n) if n.first_child != NONE => n.first_child,
            Some(_) => self.next_skipping_children(id, root),
            None => NONE,
        }
    }

    /// Depth of a node (root is 0).
    pub fn depth(&self, id: NodeId) -> usize {
        let mut d = 0;
        let mut cur = self.parent(id);
        while cur != NONE {
            d += 1;
            cur = self.parent(cur);
        }
        d
    }

    /// Is `ancestor` on the path from `id` to the root (or `id` itself)?
    pub fn is_within(&self, id: NodeId, ancestor: NodeId) -> bool {
        let mut cur = id;
        while cur != NONE {
            if cur == ancestor {
                return true;
            }
            cur = self.parent(cur);
        }
        false
    }

    /// All text below a node, whitespace collapsed, without scripts and styles.
    pub fn inner_text(&self, id: NodeId) -> String {
        self.inner_text_upto(id, usize::MAX)
    }

    /// [`Dom::inner_text`], but it stops once more than `limit` bytes are collected (for
    /// callers that only want short texts).
    pub fn inner_text_upto(&self, id: NodeId, limit: usize) -> String {
        let mut out = String::new();
        let mut cur = id;
        while cur != NONE && out.len() <= limit {
            match self.data(cur) {
                NodeData::Element {
                    tag: Tag::SCRIPT | Tag::STYLE | Tag::NOSCRIPT | Tag::TEMPLATE, ..
                } => {
                    cur = self.next_skipping_children(cur, id);
                    continue;
                }
                NodeData::Element { tag, .. } if tag.is_block() && !out.ends_with(' ') && !out.is_empty() => {
                    out.push(' ')
                }
                NodeData::Text { .. } => push_collapsed(&mut out, self.text(cur)),
                _ => {}
            }
            cur = self.next_in(cur, id);
        }
        let trimmed = out.trim();
        if trimmed.len() == out.len() {
            out
        } else {
            trimmed.to_string()
        }
    }

    /// The raw text content of an element (scripts included), concatenated.
    pub fn raw_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            out.push_str(self.text(n));
        }
        out
    }

    /// First element with this tag, in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeId> {
        self.descendants(self.root()).find(|&n| self.tag(n) == Some(tag))
    }
}

/// Append `s` to `out` with runs of whitespace turned into one space.
pub fn push_collapsed(out: &mut String, s: &str) {
    for (i, part) in s.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(part);
    }
}

/// Iterator over children.
#[derive(Debug)]
pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next;
        if cur == NONE {
            return None;
        }
        self.next = self.dom.nodes.get(cur as usize).map_or(NONE, |n| n.next);
        Some(cur)
    }
}

/// Iterator over a subtree in document order.
#[derive(Debug)]
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next;
        if cur == NONE || cur as usize >= self.dom.nodes.len() {
            return None;
        }
        self.next = self.dom.next_in(cur, self.root);
        Some(cur)
    }
}

struct Builder<'a> {
    src: &'a str,
    pos: usize,
    dom: Dom,
    stack: Vec<NodeId>,
    other: HashMap<String, Tag>,
    /// Start tags dropped because the tree was too deep (their end tags are dropped too).
    dropped_depth: usize,
    /// Whether <html>, <head>, <body> were opened.
    seen: [bool; 3],
    /// The current tag name, lowercase (reused buffer).
    name: String,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Builder<'a> {
        let mut dom = Dom::default();
        dom.nodes.reserve(src.len() / 40);
        dom.strings.reserve(src.len() / 2);
        dom.nodes.push(Node {
            data: NodeData::Document,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
        });
        Builder {
            src,
            pos: 0,
            dom,
            stack: vec![0],
            other: HashMap::new(),
            dropped_depth: 0,
            seen: [false; 3],
            name: String::new(),
        }
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.dom.nodes.len() as NodeId;
        self.dom.nodes.push(Node { data, parent, first_child: NONE, last_child: NONE, next: NONE });
        let p = &mut self.dom.nodes[parent as usize];
        let last = p.last_child;
        if last == NONE {
            p.first_child = id;
        } else {
            self.dom.nodes[last as usize].next = id;
        }
        self.dom.nodes[parent as usize].last_child = id;
        id
    }

    fn text(&mut self, raw: &str, decode: bool) {
        if raw.is_empty() {
            return;
        }
        // Merge with a preceding text node.
        let parent = self.current();
        let last = self.dom.nodes[parent as usize].last_child;
        let start = self.dom.strings.len();
        if decode && raw.contains('&') {
            entities::decode_into(raw, &mut self.dom.strings);
        } else {
            self.dom.strings.push_str(raw);
        }
        let end = self.dom.strings.len() as u32;
        if last != NONE {
            if let NodeData::Text { start: s, end: e } = self.dom.nodes[last as usize].data {
                if e as usize == start {
                    self.dom.nodes[last as usize].data = NodeData::Text { start: s, end };
                    return;
                }
            }
        }
        self.append(NodeData::Text { start: start as u32, end });
    }

    fn tag_for_name(&mut self) -> Tag {
        let name = std::mem::take(&mut self.name);
        let tag = self.tag_for(&name);
        self.name = name;
        tag
    }

    fn tag_for(&mut self, name: &str) -> Tag {
        if let Some(t) = Tag::known(name) {
            return t;
        }
        if let Some(t) = self.other.get(name) {
            return *t;
        }
        let t = Tag((KNOWN.len() + self.dom.other_tags.len()).min(u16::MAX as usize) as u16);
        self.dom.other_tags.push(name.to_string());
        self.other.insert(name.to_string(), t);
        t
    }

    fn open_tag(&self, i: usize) -> Option<Tag> {
        self.stack.get(i).and_then(|&id| self.dom.tag(id))
    }

    /// Close the innermost open element with one of `tags`, if found before a boundary.
    fn close_if_open(&mut self, tags: &[Tag], boundaries: &[Tag]) {
        for i in (1..self.stack.len()).rev() {
            let Some(t) = self.open_tag(i) else { continue };
            if tags.contains(&t) {
                self.stack.truncate(i);
                return;
            }
            if boundaries.contains(&t) || t.is_scope_boundary() {
                return;
            }
        }
    }

    /// Close the innermost open table part with one of `tags`, looking through cells but
    /// not past `boundaries`.
    fn close_in_table(&mut self, tags: &[Tag], boundaries: &[Tag]) {
        for i in (1..self.stack.len()).rev() {
            let Some(t) = self.open_tag(i) else { continue };
            if tags.contains(&t) {
                self.stack.truncate(i);
                return;
            }
            if boundaries.contains(&t) {
                return;
            }
        }
    }

    fn start_tag(&mut self, tag: Tag, attr_start: u32, attr_end: u32, self_closing: bool) {
        // A second <html>, <head> or <body> is ignored, as browsers do.
        let seen = match tag {
            Tag::HTML => Some(0),
            Tag::HEAD => Some(1),
            Tag::BODY => Some(2),
            _ => None,
        };
        if let Some(i) = seen {
            if self.seen[i] {
                return;
            }
            self.seen[i] = true;
            if tag == Tag::BODY {
                self.seen[1] = true;
            }
        }
        // Anything that does not belong in <head> closes it.
        if !matches!(
            tag,
            Tag::HTML
                | Tag::HEAD
                | Tag::META
                | Tag::LINK
                | Tag::TITLE
                | Tag::SCRIPT
                | Tag::STYLE
                | Tag::BASE
                | Tag::NOSCRIPT
                | Tag::TEMPLATE
        ) {
            if let Some(i) = self.stack.iter().position(|&id| self.dom.tag(id) == Some(Tag::HEAD)) {
                self.stack.truncate(i);
            }
            // Body content implies <html>, <head> and <body>.
            self.seen = [true; 3];
        } else if tag != Tag::HTML {
            self.seen[0] = true;
        }
        if tag.closes_p() {
            self.close_if_open(&[Tag::P], &[Tag::BUTTON]);
        }
        match tag {
            Tag::LI => self.close_if_open(&[Tag::LI], &[Tag::UL, Tag::OL, Tag::MENU]),
            Tag::DT | Tag::DD => self.close_if_open(&[Tag::DT, Tag::DD], &[Tag::DL]),
            Tag::TR => self.close_in_table(&[Tag::TR], &[Tag::TBODY, Tag::THEAD, Tag::TFOOT, Tag::TABLE]),
            Tag::TD | Tag::TH => self.close_in_table(&[Tag::TD, Tag::TH], &[Tag::TR, Tag::TABLE]),
            Tag::TBODY | Tag::THEAD | Tag::TFOOT => {
                self.close_in_table(&[Tag::TBODY, Tag::THEAD, Tag::TFOOT], &[Tag::TABLE])
            }
            Tag::OPTION => self.close_if_open(&[Tag::OPTION], &[Tag::SELECT]),
            Tag::A => self.close_if_open(&[Tag::A], &[]),
            t if t.is_heading() && self.open_tag(self.stack.len() - 1).is_some_and(Tag::is_heading) => {
                self.stack.pop();
            }
            _ => {}
        }

        if self.stack.len() > MAX_DEPTH && !tag.is_void() && !self_closing {
            self.dom.flattened = true;
            self.dropped_depth += 1;
            return;
        }
        let id = self.append(NodeData::Element { tag, attr_start, attr_end });
        if !tag.is_void() && !self_closing {
            self.stack.push(id);
        }
    }

    fn end_tag(&mut self, tag: Tag) {
        if tag == Tag::BR {
            let n = self.dom.attrs.len() as u32;
            self.start_tag(Tag::BR, n, n, true);
            return;
        }
        if matches!(tag, Tag::HTML | Tag::BODY) {
            // Content after </body> still belongs to the body.
            return;
        }
        if self.dropped_depth > 0 {
            self.dropped_depth -= 1;
            return;
        }
        let block = tag.is_block();
        for i in (1..self.stack.len()).rev() {
            let Some(t) = self.open_tag(i) else { continue };
            if t == tag {
                self.stack.truncate(i);
                return;
            }
            if t.is_scope_boundary() || (!block && t.is_block()) {
                return;
            }
        }
    }

    fn run(mut self) -> Dom {
        let src = self.src;
        let bytes = src.as_bytes();
        while self.pos < bytes.len() {
            let lt = match memchr::memchr(b'<', &bytes[self.pos..]) {
                Some(i) => self.pos + i,
                None => bytes.len(),
            };
            if lt > self.pos {
                self.text(&src[self.pos..lt], true);
            }
            if lt >= bytes.len() {
                break;
            }
            self.pos = lt;
            self.markup();
        }
        self.dom
    }

    /// Parse the markup at `self.pos` (which is `<`).
    fn markup(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let at = self.pos;
        let next = bytes.get(at + 1).copied();
        match next {
            Some(b'!') => {
                if bytes[at..].starts_with(b"<!--") {
                    let end = memchr::memmem::find(&bytes[at + 4..], b"-->")
                        .map_or(bytes.len(), |i| at + 4 + i + 3);
                    self.pos = end;
                } else {
                    self.pos = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
                }
            }
            Some(b'?') => {
                self.pos = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
            }
            Some(b'/') => {
                if bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) {
                    let after = tag_name(src, at + 2, &mut self.name);
                    self.pos = memchr::memchr(b'>', &bytes[after..]).map_or(bytes.len(), |i| after + i + 1);
                    let tag = self.tag_for_name();
                    self.end_tag(tag);
                } else {
                    self.pos = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let after = tag_name(src, at + 1, &mut self.name);
                let tag = self.tag_for_name();
                let attr_start = self.dom.attrs.len() as u32;
                let (self_closing, end) = self.attributes(after);
                let attr_end = self.dom.attrs.len() as u32;
                self.pos = end;
                self.start_tag(tag, attr_start, attr_end, self_closing);
                if tag.is_raw_text() && !self_closing {
                    let name = std::mem::take(&mut self.name);
                    self.raw_text(tag, &name);
                    self.name = name;
                }
            }
            _ => {
                self.text("<", false);
                self.pos = at + 1;
            }
        }
    }

    /// Content of a raw-text element up to its end tag.
    fn raw_text(&mut self, tag: Tag, name: &str) {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let mut from = start;
        let end = loop {
            match memchr::memmem::find(&bytes[from..], b"</") {
                None => break bytes.len(),
                Some(i) => {
                    let at = from + i;
                    let cand = bytes.get(at + 2..at + 2 + name.len());
                    let follows = bytes.get(at + 2 + name.len()).copied();
                    if cand.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
                        && follows.is_none_or(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
                    {
                        break at;
                    }
                    from = at + 2;
                }
            }
        };
        let content = &self.src[start..end];
        self.text(content, matches!(tag, Tag::TITLE | Tag::TEXTAREA));
        self.pos = end;
        if end < bytes.len() {
            let after = end + 2 + name.len();
            self.pos =
                memchr::memchr(b'>', &bytes[after.min(bytes.len())..]).map_or(bytes.len(), |i| after + i + 1);
        }
        self.end_tag(tag);
    }
}

/// Read a tag name starting at `from` into `buf` (lowercase); returns the position after it.
fn tag_name(src: &str, from: usize, buf: &mut String) -> usize {
    let bytes = src.as_bytes();
    let mut end = from;
    while end < bytes.len() && !matches!(bytes[end], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>') {
        end += 1;
    }
    buf.clear();
    buf.push_str(&src[from..end]);
    buf.make_ascii_lowercase();
    end
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

impl Builder<'_> {
    /// Parse attributes from `from` to the end of the tag into `dom.attrs`; returns whether
    /// the tag is self-closing and the position after `>`.
    fn attributes(&mut self, from: usize) -> (bool, usize) {
        let src = self.src;
        let bytes = src.as_bytes();
        let first = self.dom.attrs.len();
        let mut i = from;
        let mut self_closing = false;
        loop {
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                None => return (self_closing, bytes.len()),
                Some(b'>') => return (self_closing, i + 1),
                Some(b'/') => {
                    self_closing = bytes.get(i + 1) == Some(&b'>');
                    i += 1;
                    continue;
                }
                _ => {}
            }
            self_closing = false;
            let name_start = i;
            i += 1;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name_end = i;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = (0, 0);
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = memchr::memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |j| i + 1 + j);
                        value = (i + 1, end);
                        i = (end + 1).min(bytes.len());
                    }
                    Some(_) => {
                        let start = i;
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = (start, i);
                    }
                    None => {}
                }
            }
            let name = &src[name_start..name_end];
            let count = self.dom.attrs.len() - first;
            let duplicate = self.dom.attrs[first..].iter().any(|a| {
                self.dom
                    .strings
                    .get(a.name.0 as usize..a.name.1 as usize)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            });
            if count < 64 && !duplicate {
                let ns = self.dom.strings.len();
                self.dom.strings.push_str(name);
                let vs = self.dom.strings.len();
                self.dom.strings[ns..vs].make_ascii_lowercase();
                let raw = &src[value.0..value.1];
                if raw.contains('&') {
                    entities::decode_into(raw, &mut self.dom.strings);
                } else {
                    self.dom.strings.push_str(raw);
                }
                let ve = self.dom.strings.len() as u32;
                self.dom.attrs.push(Attr { name: (ns as u32, vs as u32), value: (vs as u32, ve) });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: NodeId, out: &mut String) {
        match dom.data(id) {
            NodeData::Text { .. } => out.push_str(dom.text(id)),
            NodeData::Element { tag, .. } => {
                out.push('(');
                out.push_str(dom.tag_name(tag));
                for c in dom.children(id) {
                    out.push(' ');
                    outline(dom, c, out);
                }
                out.push(')');
            }
            NodeData::Document => {
                for c in dom.children(id) {
                    outline(dom, c, out);
                }
            }
        }
    }

    fn check(html: &str, want: &str) {
        let dom = Dom::parse(html);
        let mut got = String::new();
        outline(&dom, dom.root(), &mut got);
        assert_eq!(got, want, "{html}");
    }

    #[test]
    fn implied_end_tags() {
        check("<p>a<p>b<div>c</div>", "(p a)(p b)(div c)");
        check("<ul><li>a<li>b</ul>", "(ul (li a) (li b))");
        check("<table><tr><td>a<td>b<tr><td>c</table>", "(table (tr (td a) (td b)) (tr (td c)))");
        check("<h1>a<h2>b</h2>", "(h1 a)(h2 b)");
    }

    #[test]
    fn stray_and_misnested_end_tags() {
        check("<div>a</span>b</div>c", "(div ab)c");
        check("<div><b>a</div>b", "(div (b a))b");
        check("<td><div>a</td>", "(td (div a))");
        check("<p>a</br>b", "(p a (br) b)");
    }

    #[test]
    fn raw_text_comments_and_references() {
        check("<script>if (a<b) {}</script><p>x &amp; y<!-- hidden --></p>", "(script if (a<b) {})(p x & y)");
        check("<title>A &amp; B</title>", "(title A & B)");
        check("<style>p{}</STYLE >z", "(style p{})z");
        check("<!DOCTYPE html><?xml x?>a < b", "a < b");
    }

    #[test]
    fn attributes_are_parsed() {
        let dom =
            Dom::parse("<div class=\"a b\" id=x data-v='1 &amp; 2' hidden CLASS=y><img src=a.png/></div>");
        let div = dom.find(Tag::DIV).unwrap();
        assert_eq!(dom.attr(div, "class"), Some("a b"));
        assert_eq!(dom.attr(div, "id"), Some("x"));
        assert_eq!(dom.attr(div, "data-v"), Some("1 & 2"));
        assert_eq!(dom.attr(div, "hidden"), Some(""));
        assert_eq!(dom.children(div).count(), 1);
    }

    #[test]
    fn truncated_input_does_not_panic() {
        for s in ["<", "<a", "<a href=\"x", "<!--", "</", "<script>x", "&#x", "<p>a<", "<a b='"] {
            let _ = Dom::parse(s);
        }
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000) + "<p>after</p>";
        let dom = Dom::parse(&html);
        assert!(dom.flattened);
        let max = dom.descendants(dom.root()).map(|n| dom.depth(n)).max().unwrap();
        assert!(max <= MAX_DEPTH + 2);
        assert_eq!(dom.inner_text(dom.root()), "deep after");
    }

    #[test]
    fn head_closes_before_body_content_and_repeated_roots_are_ignored() {
        check("<html><head><title>t</title><div>a</div>", "(html (head (title t)) (div a))");
        check("<body><header><html><p>x</p></html></header></body><p>y</p>", "(body (header (p x)) (p y))");
    }

    #[test]
    fn unknown_tags_match_their_end_tags() {
        check("<my-box><x-a>1</x-a>2</my-box>3", "(my-box (x-a 1) 2)3");
    }
}
