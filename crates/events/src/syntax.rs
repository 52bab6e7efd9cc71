//! A sentence seen as a dependency tree: local token indices, children, lemmas, and the
//! dictionary names and roles found in it.
//!
//! It reads what the tagger, lemmatiser and parser wrote; it does not parse. A token without
//! a head is a root; a cycle or an out-of-sentence head is cut (the token becomes a root), so
//! walking up the tree always ends.

use crate::dictionary::{ActorDictionary, Hit};
use crate::lemma;
use newsgraph_model::{DepRel, Document, Span, Tag, Token, Upos};
use std::borrow::Cow;

/// Longest sentence coded, in tokens; longer sentences are coded on their first tokens only.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// One sentence with its tree.
#[derive(Debug)]
pub struct SentenceView<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Index of the sentence in the document.
    pub index: usize,
    /// Document index of the first token.
    pub first: usize,
    /// The tokens (a copy only when [`SentenceView::repair_nouns_read_as_verbs`] changed one).
    pub tokens: Cow<'d, [Token]>,
    /// Head of each token (local index), `None` for roots.
    pub heads: Vec<Option<usize>>,
    /// Children of each token, in order.
    pub children: Vec<Vec<usize>>,
    /// Lemma of each token, lower case.
    pub lemmas: Vec<String>,
    /// Text of each token.
    pub words: Vec<&'d str>,
    /// Name hit covering each token.
    pub names: Vec<Option<Hit>>,
    /// Role hit covering each token.
    pub roles: Vec<Option<Hit>>,
}

impl<'d> SentenceView<'d> {
    /// View sentence `index` of `doc`. `known_verb` tells the fallback lemmatiser which verb
    /// lemmas matter.
    pub fn new(
        doc: &'d Document,
        index: usize,
        dictionary: &ActorDictionary,
        known_verb: &dyn Fn(&str) -> bool,
    ) -> SentenceView<'d> {
        let sentence = &doc.sentences[index];
        let all = doc.sentence_tokens(sentence);
        let first = (sentence.tokens.start as usize).min(doc.tokens.len());
        let tokens = &all[..all.len().min(MAX_SENTENCE_TOKENS)];
        let n = tokens.len();
        let mut heads: Vec<Option<usize>> = tokens
            .iter()
            .map(|t| t.head.and_then(|h| (h as usize).checked_sub(first)).filter(|&h| h < n))
            .collect();
        // Cut cycles: a token whose chain of heads does not reach a root within n steps.
        for i in 0..n {
            let mut at = i;
            let mut steps = 0;
            while let Some(h) = heads[at] {
                at = h;
                steps += 1;
                if steps > n {
                    heads[i] = None;
                    break;
                }
            }
        }
        let mut children = vec![Vec::new(); n];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                if h != i {
                    children[h].push(i);
                }
            }
        }
        let text = doc.text.as_str();
        let lemmas: Vec<String> = tokens.iter().map(|t| lemma::of(t, text, known_verb)).collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let mut names = vec![None; n];
        for hit in dictionary.find_names(&words) {
            // "Al Qaeda-linked rebels", "pro-Russia rebels": a name joined by a hyphen to a word
            // saying something other than belonging names no actor.
            let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
            let after = lower(hit.end + 1);
            let linked = lower(hit.end) == "-"
                && matches!(
                    after.as_str(),
                    "linked"
                        | "backed"
                        | "allied"
                        | "inspired"
                        | "affiliated"
                        | "held"
                        | "occupied"
                        | "controlled"
                        | "funded"
                        | "sponsored"
                        | "friendly"
                        | "leaning"
                        | "aligned"
                        | "style"
                );
            let against = hit.start >= 2
                && lower(hit.start - 1) == "-"
                && matches!(lower(hit.start - 2).as_str(), "pro" | "anti" | "non" | "post" | "ex");
            if linked || against {
                continue;
            }
            // A one-word person name inside a longer name ("Susan Rice") is not that person.
            let entry = dictionary.entry(hit.entry);
            if matches!(entry.kind, crate::dictionary::EntryKind::Person { .. })
                && hit.end - hit.start == 1
                && hit.start > 0
                && is_name_word(&tokens[hit.start - 1], words[hit.start - 1])
                && !is_title(dictionary, words[hit.start - 1])
            {
                continue;
            }
            for slot in &mut names[hit.start..hit.end] {
                *slot = Some(hit);
            }
        }
        let mut roles = vec![None; n];
        for hit in dictionary.find_roles(&lemmas) {
            if (hit.start..hit.end).any(|i| names[i].is_some()) {
                continue;
            }
            for slot in &mut roles[hit.start..hit.end] {
                *slot = Some(hit);
            }
        }
        SentenceView {
            doc,
            index,
            first,
            tokens: Cow::Borrowed(tokens),
            heads,
            children,
            lemmas,
            words,
            names,
            roles,
        }
    }

    /// Repair nouns the tagger read as bare verbs right after the verb that takes them ("Obama
    /// faces pressure from Congress to help Iran", with "pressure" a verb complement of
    /// "faces"): a base-form verb that is a complement of the verb before it, with no "to",
    /// auxiliary, subject or object of its own, becomes that verb's object when
    /// `takes_noun(verb, noun)` says the pair is a known verb and object. Its prepositional
    /// phrases become the noun's, and its infinitive clauses the noun's complements ("pressure
    /// … to help"). Returns how many tokens were repaired.
    pub fn repair_nouns_read_as_verbs(&mut self, takes_noun: &dyn Fn(&str, &str) -> bool) -> usize {
        let mut repaired = 0;
        for x in 0..self.len() {
            let Some(h) = self.heads[x] else { continue };
            let bare = self.tokens[x].upos == Upos::Verb && matches!(self.tokens[x].tag, Tag::Vb | Tag::Vbp);
            if !bare || self.rel(x) != DepRel::Xcomp || h >= x || !self.is_verb(h) {
                continue;
            }
            let own = [
                DepRel::Mark,
                DepRel::Aux,
                DepRel::AuxPass,
                DepRel::Nsubj,
                DepRel::NsubjPass,
                DepRel::Obj,
                DepRel::Iobj,
            ];
            // "made him appeal": a verb with an object of its own takes a clause, not a noun.
            if self.child(x, &own).is_some()
                || self.child(h, &[DepRel::Obj, DepRel::Iobj]).is_some()
                || !takes_noun(&self.lemmas[h], &self.lemmas[x])
            {
                continue;
            }
            let children = self.children[x].clone();
            let tokens = self.tokens.to_mut();
            tokens[x].upos = Upos::Noun;
            tokens[x].tag = Tag::Nn;
            tokens[x].rel = DepRel::Obj;
            for c in children {
                let rel = tokens[c].rel;
                if matches!(rel, DepRel::Obl | DepRel::OblTmod | DepRel::OblNpmod) {
                    tokens[c].rel = DepRel::Nmod;
                } else if matches!(rel, DepRel::Advcl | DepRel::Xcomp) {
                    tokens[c].rel = DepRel::Acl;
                }
            }
            repaired += 1;
        }
        repaired
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'d str {
        self.words[i]
    }

    /// Byte span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.tokens[i].span
    }

    /// Relation of token `i` to its head.
    pub fn rel(&self, i: usize) -> DepRel {
        self.tokens[i].rel
    }

    /// Universal part of speech of token `i`.
    pub fn upos(&self, i: usize) -> Upos {
        self.tokens[i].upos
    }

    /// Children of `i` with one of the relations.
    pub fn children_with(&self, i: usize, rels: &[DepRel]) -> impl Iterator<Item = usize> + '_ {
        let rels = rels.to_vec();
        self.children[i].iter().copied().filter(move |&c| rels.contains(&self.tokens[c].rel))
    }

    /// The first child of `i` with one of the relations.
    pub fn child(&self, i: usize, rels: &[DepRel]) -> Option<usize> {
        self.children_with(i, rels).next()
    }

    /// The preposition or case marker of a nominal (`case` child), lower case.
    pub fn case_of(&self, i: usize) -> Option<String> {
        let mut cases: Vec<usize> = self.children_with(i, &[DepRel::Case]).collect();
        if cases.is_empty() {
            // "with Syrian President Bashar Assad Tuesday", parsed with "Tuesday" as the head
            // and the preposition on a compound before it.
            for c in self.children_with(i, &[DepRel::Compound, DepRel::Flat]).filter(|&c| c < i) {
                cases.extend(self.children_with(c, &[DepRel::Case]));
            }
        }
        match cases.as_slice() {
            [] => None,
            [one] => Some(self.lemmas[*one].clone()),
            // "out of", "ahead of", "on behalf of": the words joined.
            many => Some(many.iter().map(|&c| self.lemmas[c].as_str()).collect::<Vec<_>>().join(" ")),
        }
    }

    /// True when `i` is a verb or a predicate that can head a clause.
    pub fn is_verb(&self, i: usize) -> bool {
        match self.tokens[i].upos {
            Upos::Verb => true,
            Upos::Unknown => {
                matches!(self.tokens[i].tag, Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz)
            }
            _ => false,
        }
    }

    /// True when the token is a noun, proper noun, pronoun or number.
    pub fn is_nominal(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.upos.is_nominal()
            || (t.upos == Upos::Unknown
                && matches!(t.tag, Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Nnps | Tag::Prp | Tag::Cd))
    }

    /// True for a passive clause headed by `i`: a passive auxiliary that is a form of "be" or
    /// "get" ("having provided" labelled passive by a parser is not), or a passive subject
    /// without any auxiliary of another verb.
    pub fn is_passive(&self, i: usize) -> bool {
        let auxiliaries: Vec<usize> = self.children_with(i, &[DepRel::AuxPass]).collect();
        if !auxiliaries.is_empty() {
            return auxiliaries.iter().any(|&a| matches!(self.lemmas[a].as_str(), "be" | "get" | "become"));
        }
        // A passive subject with a perfect "had" and no "be" ("they had attacked Iraq") is
        // an active subject the parser mislabelled.
        let perfect = self.children_with(i, &[DepRel::Aux]).any(|a| self.lemmas[a] == "have");
        !perfect && self.child(i, &[DepRel::NsubjPass, DepRel::CsubjPass]).is_some()
    }

    /// Tokens of the subtree of `i`, in order, at most `limit` of them.
    pub fn subtree(&self, i: usize, limit: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut stack = vec![i];
        while let Some(t) = stack.pop() {
            for &c in &self.children[t] {
                if out.len() >= limit {
                    break;
                }
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        out
    }

    /// Byte span covering tokens `a` and `b`.
    pub fn cover(&self, a: usize, b: usize) -> Span {
        self.span(a.min(b)).cover(self.span(a.max(b)))
    }

    /// Document index of local token `i`.
    pub fn doc_index(&self, i: usize) -> usize {
        self.first + i
    }
}

/// Titles before a surname ("President Obama", "Mr Putin").
fn is_title(dictionary: &ActorDictionary, word: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "col",
        "lt",
        "maj",
        "capt",
        "adm",
        "sir",
        "lord",
        "lady",
        "dame",
        "sheikh",
        "prince",
        "princess",
        "ayatollah",
        "pope",
        "president",
        "premier",
    ];
    let folded = crate::dictionary::fold(word);
    TITLES.contains(&folded.as_str()) || dictionary.role(&folded).is_some()
}

fn is_name_word(token: &Token, word: &str) -> bool {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let name_tag = matches!(token.upos, Upos::Propn | Upos::Unknown);
    capital && name_tag && word.chars().any(char::is_alphabetic) && !word.ends_with('.')
}
