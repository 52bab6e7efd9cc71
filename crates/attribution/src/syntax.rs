//! A view of one parsed sentence: heads, children, subtrees, and the noun phrase around a
//! token, with fallbacks on part-of-speech tags when the sentence has no parse.

use newsgraph_model::{DepRel, Document, Span, Upos};

/// One sentence's tokens and dependency tree. Token indices are document-wide.
#[derive(Debug)]
pub struct Syntax<'a> {
    pub doc: &'a Document,
    /// First token of the sentence.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    children: Vec<Vec<usize>>,
    /// True if at least one token has a head (the parser ran).
    pub parsed: bool,
}

impl<'a> Syntax<'a> {
    /// The view of sentence `s` of `doc`.
    pub fn new(doc: &'a Document, s: usize) -> Syntax<'a> {
        let sentence = &doc.sentences[s];
        let start = (sentence.tokens.start as usize).min(doc.tokens.len());
        let end = (sentence.tokens.end as usize).clamp(start, doc.tokens.len());
        let mut children = vec![Vec::new(); end - start];
        let mut parsed = false;
        for t in start..end {
            if let Some(h) = doc.tokens[t].head.map(|h| h as usize) {
                if h >= start && h < end && h != t {
                    children[h - start].push(t);
                    parsed = true;
                }
            }
        }
        Syntax { doc, start, end, children, parsed }
    }

    /// True if `t` is in the sentence.
    pub fn contains(&self, t: usize) -> bool {
        t >= self.start && t < self.end
    }

    /// The word at `t`.
    pub fn word(&self, t: usize) -> &'a str {
        self.doc.tokens.get(t).map(|tok| self.doc.slice(tok.span)).unwrap_or("")
    }

    /// Lower-cased word at `t`.
    pub fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    /// Universal part of speech at `t`.
    pub fn upos(&self, t: usize) -> Upos {
        self.doc.tokens.get(t).map(|tok| tok.upos).unwrap_or_default()
    }

    /// Relation of `t` to its head.
    pub fn rel(&self, t: usize) -> DepRel {
        self.doc.tokens.get(t).map(|tok| tok.rel).unwrap_or_default()
    }

    /// Head of `t`, if inside the sentence.
    pub fn head(&self, t: usize) -> Option<usize> {
        let h = self.doc.tokens.get(t)?.head? as usize;
        (self.contains(h) && h != t).then_some(h)
    }

    /// Children of `t`, in order.
    pub fn children(&self, t: usize) -> &[usize] {
        if self.contains(t) {
            &self.children[t - self.start]
        } else {
            &[]
        }
    }

    /// First child of `t` with one of the relations.
    pub fn child(&self, t: usize, rels: &[DepRel]) -> Option<usize> {
        self.children(t).iter().copied().find(|&c| rels.contains(&self.rel(c)))
    }

    /// Token span `[first, last + 1)` of the subtree of `t`, leaving out the subtrees of
    /// children whose relation is in `without`.
    pub fn subtree(&self, t: usize, without: &[DepRel]) -> (usize, usize) {
        let (mut lo, mut hi) = (t, t + 1);
        let mut stack = vec![t];
        let mut seen = 0usize;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > self.end - self.start {
                break; // a cycle: stop rather than loop
            }
            lo = lo.min(n);
            hi = hi.max(n + 1);
            for &c in self.children(n) {
                if n == t && without.contains(&self.rel(c)) {
                    continue;
                }
                stack.push(c);
            }
        }
        (lo, hi)
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.doc.tokens.len() {
            return Span::default();
        }
        self.doc.tokens[a].span.cover(self.doc.tokens[b - 1].span)
    }

    /// The tokens `[a, b)` with punctuation, quotation marks and conjunctions trimmed from
    /// both ends.
    pub fn trim(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        let edge = |t: usize| {
            matches!(self.word(t), "," | ";" | ":" | "." | "—" | "–" | "-" | "(" | ")" | "and" | "but")
                || self.upos(t) == Upos::Punct && !is_quote_mark(self.word(t))
        };
        while a < b && edge(a) {
            a += 1;
        }
        while b > a && edge(b - 1) {
            b -= 1;
        }
        (a, b)
    }

    /// Is `t` a verb (or, without tags, a word that is plausibly one)?
    pub fn is_verb(&self, t: usize) -> bool {
        match self.upos(t) {
            Upos::Verb => true,
            Upos::Unknown => true,
            Upos::Aux => false,
            _ => false,
        }
    }

    /// The noun phrase that ends at token `last` (inclusive), found from tags alone:
    /// determiners, adjectives, nouns, names, numbers, possessives and "of"-phrases.
    pub fn noun_phrase_ending_at(&self, last: usize) -> Option<(usize, usize)> {
        if !self.contains(last) || !self.is_nominal(last) {
            return None;
        }
        let mut a = last;
        while a > self.start {
            let p = a - 1;
            let w = self.word(p);
            let joins = self.is_nominal(p)
                || self.is_determiner_like(p)
                || matches!(w, "’s" | "'s" | "-" | "of" | "for" | "at" | "&")
                    && p > self.start
                    && self.is_nominal(p - 1);
            if !joins {
                break;
            }
            a = p;
        }
        Some((a, last + 1))
    }

    /// The noun phrase that starts at token `first`.
    pub fn noun_phrase_starting_at(&self, first: usize) -> Option<(usize, usize)> {
        if !self.contains(first) {
            return None;
        }
        let mut b = first;
        while b < self.end {
            let w = self.word(b);
            let joins = self.is_nominal(b)
                || self.is_determiner_like(b)
                || (matches!(w, "’s" | "'s" | "-" | "of" | "for" | "at" | "&")
                    && b > first
                    && b + 1 < self.end
                    && self.is_nominal(b + 1));
            if !joins {
                break;
            }
            b += 1;
        }
        (b > first && (first..b).any(|t| self.is_nominal(t))).then_some((first, b))
    }

    /// True if token `t` lies inside a name the recogniser found (whatever its tag).
    pub fn in_name(&self, t: usize) -> bool {
        let Some(span) = self.doc.tokens.get(t).map(|tok| tok.span) else { return false };
        let i = self.doc.mentions.partition_point(|m| m.span.end <= span.start);
        self.doc
            .mentions
            .get(i)
            .is_some_and(|m| m.span.contains(span) && m.kind == newsgraph_model::MentionKind::Name)
    }

    /// A determiner, adjective or number (without tags: an article, possessive or number word).
    pub fn is_determiner_like(&self, t: usize) -> bool {
        match self.upos(t) {
            Upos::Det | Upos::Adj | Upos::Num => true,
            Upos::Unknown => {
                let w = self.lower(t);
                matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "some"
                        | "many"
                        | "several"
                        | "two"
                        | "three"
                        | "four"
                        | "one"
                        | "other"
                        | "senior"
                        | "former"
                        | "top"
                        | "local"
                        | "foreign"
                ) || w.chars().all(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// A noun, name or pronoun (without tags: a word that starts with a letter and is not a
    /// known function word).
    pub fn is_nominal(&self, t: usize) -> bool {
        if self.in_name(t) {
            return true;
        }
        match self.upos(t) {
            Upos::Noun | Upos::Propn | Upos::Pron => true,
            Upos::Unknown => {
                let w = self.word(t);
                w.chars().next().is_some_and(char::is_alphabetic) && !is_function_word(w)
            }
            _ => false,
        }
    }
}

/// A quotation mark token.
pub fn is_quote_mark(word: &str) -> bool {
    matches!(word, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "„" | "``" | "''")
}

fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
        "that", "this", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
        "not", "also", "as", "if", "when", "while", "said", "says", "told", "after", "before", "it", "its",
    ];
    WORDS.contains(&word.to_lowercase().as_str())
}
