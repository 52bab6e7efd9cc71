//! Tokens and their grammatical annotations: universal and Penn Treebank part of speech,
//! lemma, and the dependency arc to the head token.
//!
//! The tag sets are closed enums so that taggers and rules compare integers, not strings; each
//! has a stable name (the one used by Universal Dependencies and the Penn Treebank) for I/O.

use crate::Span;

macro_rules! tag_set {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum $name {
            /// Not annotated yet, or a label outside the set.
            #[default]
            Unknown,
            $(#[doc = $text] $variant,)*
        }

        impl $name {
            /// Every label of the set, `Unknown` excluded, in a fixed order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The standard name of the label (`"_"` for `Unknown`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $name::Unknown => "_",
                    $($name::$variant => $text,)*
                }
            }

            /// Parse a standard name; anything else is `Unknown`.
            pub fn parse(text: &str) -> $name {
                match text {
                    $($text => $name::$variant,)*
                    _ => $name::Unknown,
                }
            }

            /// A dense index in `0..=ALL.len()` (`Unknown` is 0), for feature tables.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The label with a given dense index.
            pub fn from_index(index: usize) -> $name {
                if index == 0 { $name::Unknown } else { Self::ALL.get(index - 1).copied().unwrap_or($name::Unknown) }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tag_set! {
    /// Universal Dependencies part-of-speech tags.
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN",
        Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
}

tag_set! {
    /// Penn Treebank part-of-speech tags, as used in the English Web Treebank.
    Tag {
        Nn = "NN", Nns = "NNS", Nnp = "NNP", Nnps = "NNPS", In = "IN", Dt = "DT", Prp = "PRP",
        PrpS = "PRP$", Jj = "JJ", Jjr = "JJR", Jjs = "JJS", Rb = "RB", Rbr = "RBR", Rbs = "RBS",
        Vb = "VB", Vbd = "VBD", Vbg = "VBG", Vbn = "VBN", Vbp = "VBP", Vbz = "VBZ", Md = "MD",
        Cc = "CC", Cd = "CD", To = "TO", Wdt = "WDT", Wp = "WP", WpS = "WP$", Wrb = "WRB",
        Rp = "RP", Uh = "UH", Pos = "POS", Ex = "EX", Pdt = "PDT", Fw = "FW", Ls = "LS",
        Sym = "SYM", Hyph = "HYPH", Nfp = "NFP", Add = "ADD", Afx = "AFX", Gw = "GW", Xx = "XX",
        Period = ".", Comma = ",", Colon = ":", Dollar = "$", Hash = "#", OpenQuote = "``",
        CloseQuote = "''", LeftParen = "-LRB-", RightParen = "-RRB-",
    }
}

tag_set! {
    /// Universal Dependencies relations, with the English subtypes of the EWT treebank.
    DepRel {
        Root = "root", Punct = "punct", Case = "case", Nsubj = "nsubj", Det = "det",
        Advmod = "advmod", Obj = "obj", Amod = "amod", Obl = "obl", Conj = "conj",
        Compound = "compound", Mark = "mark", Nmod = "nmod", Cc = "cc", Aux = "aux", Cop = "cop",
        Advcl = "advcl", NmodPoss = "nmod:poss", Xcomp = "xcomp", Ccomp = "ccomp", Flat = "flat",
        AclRelcl = "acl:relcl", Parataxis = "parataxis", Appos = "appos", Nummod = "nummod",
        Acl = "acl", AuxPass = "aux:pass", NsubjPass = "nsubj:pass", OblUnmarked = "obl:unmarked",
        NmodUnmarked = "nmod:unmarked", Discourse = "discourse", List = "list",
        CompoundPrt = "compound:prt", Iobj = "iobj", Expl = "expl", Fixed = "fixed",
        NmodDesc = "nmod:desc", OblAgent = "obl:agent", Csubj = "csubj", NsubjOuter = "nsubj:outer",
        DetPredet = "det:predet", Vocative = "vocative", Goeswith = "goeswith",
        AdvclRelcl = "advcl:relcl", CcPreconj = "cc:preconj", Reparandum = "reparandum",
        Orphan = "orphan", CsubjPass = "csubj:pass", Dislocated = "dislocated", Dep = "dep",
        CsubjOuter = "csubj:outer", OblTmod = "obl:tmod", NmodTmod = "nmod:tmod",
        OblNpmod = "obl:npmod", NmodNpmod = "nmod:npmod", FlatForeign = "flat:foreign",
        ExplPass = "expl:pass", Clf = "clf",
    }
}

impl DepRel {
    /// The universal relation without its language subtype (`nsubj:pass` → `nsubj`).
    pub fn universal(self) -> &'static str {
        let name = self.as_str();
        name.split(':').next().unwrap_or(name)
    }

    /// True for subject relations (`nsubj`, `nsubj:pass`, `csubj`, …).
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            DepRel::Nsubj
                | DepRel::NsubjPass
                | DepRel::NsubjOuter
                | DepRel::Csubj
                | DepRel::CsubjPass
                | DepRel::CsubjOuter
        )
    }
}

impl Upos {
    /// True for content-word classes that can head a noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
    }
}

/// One token: a span of the text and what the taggers and the parser said about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Token {
    /// Where the token is in the text (bytes).
    pub span: Span,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank part of speech.
    pub tag: Tag,
    /// Dictionary form, lower-cased for common words; empty until a lemmatiser runs.
    pub lemma: String,
    /// Index (into the document's tokens) of the syntactic head; `None` for the root of a
    /// sentence or before parsing.
    pub head: Option<u32>,
    /// Relation to the head.
    pub rel: DepRel,
}

impl Token {
    /// A token covering `span`, not yet annotated.
    pub fn new(span: Span) -> Token {
        Token { span, ..Token::default() }
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_round_trip() {
        for &tag in Tag::ALL {
            assert_eq!(Tag::parse(tag.as_str()), tag);
            assert_eq!(Tag::from_index(tag.index()), tag);
        }
        for &rel in DepRel::ALL {
            assert_eq!(DepRel::parse(rel.as_str()), rel);
        }
        assert_eq!(Upos::parse("PROPN"), Upos::Propn);
        assert_eq!(Upos::parse("nonsense"), Upos::Unknown);
        assert_eq!(DepRel::NsubjPass.universal(), "nsubj");
    }
}
