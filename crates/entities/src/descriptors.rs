//! Descriptors: what the text says an entity is, read from the words around a name —
//! premodifiers ("Chinese commentator Hu Xijin", "national security adviser Jake Sullivan")
//! and appositives ("Sun Yun, director of the China Program, said").
//!
//! It reads part-of-speech tags where the tagger has run and falls back on capitalisation
//! where it has not. It does not read relative clauses ("X, who was …").

use newsgraph_model::{Document, Span, Tag, Token, Upos};

/// Longest appositive taken, in tokens.
const MAX_APPOSITIVE: usize = 24;

fn is_modifier(doc: &Document, token: &Token) -> bool {
    let text = doc.slice(token.span);
    match token.upos {
        Upos::Adj | Upos::Noun | Upos::Propn => !text.chars().all(|c| !c.is_alphanumeric()),
        Upos::Unknown => text.chars().next().is_some_and(char::is_alphabetic) && !is_function_word(text),
        _ => false,
    }
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "that"
            | "this"
            | "as"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "than"
            | "said"
            | "says"
            | "told"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
    )
}

fn has_noun(doc: &Document, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| match t.upos {
        Upos::Noun | Upos::Propn => true,
        Upos::Unknown => doc.slice(t.span).chars().next().is_some_and(char::is_alphabetic),
        _ => false,
    })
}

/// The premodifier chain just before a mention, within its sentence.
pub fn premodifier(doc: &Document, mention: Span, sentence_start: usize) -> Option<Span> {
    let first = doc.tokens_in(mention).start;
    let mut start = first;
    // Modifiers, and hyphens written inside a word ("state-sponsored English-language", which
    // the tokeniser splits as the treebank does, "state - sponsored").
    let glued_hyphen = |i: usize| {
        i > sentence_start
            && i + 1 < first
            && doc.slice(doc.tokens[i].span) == "-"
            && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
            && doc.tokens[i].span.end == doc.tokens[i + 1].span.start
    };
    // A participle after such a hyphen is part of the compound ("state-sponsored").
    let participle = |i: usize| i > 0 && doc.tokens[i].upos == Upos::Verb && glued_hyphen(i - 1);
    while start > sentence_start
        && (is_modifier(doc, &doc.tokens[start - 1]) || glued_hyphen(start - 1) || participle(start - 1))
    {
        start -= 1;
    }
    while start < first && !is_modifier(doc, &doc.tokens[start]) {
        start += 1;
    }
    // A chain of names only ("Chinese President" is fine; "Washington Post reporter" too, but a
    // bare preceding proper noun such as a dateline is not a descriptor).
    let chain = &doc.tokens[start..first];
    let nominal = chain.iter().any(|t| {
        t.upos == Upos::Noun
            || (t.upos == Upos::Unknown && is_lower(doc, t))
            || is_role_word(doc.slice(t.span))
    });
    if !nominal {
        return None;
    }
    Some(chain.first()?.span.cover(chain.last()?.span))
}

fn is_lower(doc: &Document, token: &Token) -> bool {
    doc.slice(token.span).chars().next().is_some_and(char::is_lowercase)
}

/// Capitalised words that are roles when they precede a name ("President", "Senator").
pub fn is_role_word(word: &str) -> bool {
    const ROLES: &[&str] = &[
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Chancellor",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Senator",
        "Sen.",
        "Rep.",
        "Representative",
        "Governor",
        "Gov.",
        "Mayor",
        "Judge",
        "Justice",
        "Secretary",
        "Ambassador",
        "General",
        "Gen.",
        "Admiral",
        "Colonel",
        "Chairman",
        "Chairwoman",
        "Speaker",
        "Director",
        "Commissioner",
        "Premier",
        "Foreign",
        "Defense",
        "Defence",
        "Deputy",
        "Chief",
        "Attorney",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Envoy",
        "Princess",
        "Adm.",
        "Col.",
        "Leader",
        "Supreme",
        "Commander",
        "Officer",
        "Lt.",
        "Emir",
        "Crown",
        "Sheikh",
        "CEO",
        "Founder",
        "Editor",
    ];
    ROLES.contains(&word)
}

/// The appositive after a mention: ", director of the China Program at …," up to the next
/// comma or the sentence end, if it contains no finite verb.
pub fn appositive(doc: &Document, mention: Span, sentence_end: usize) -> Option<Span> {
    let after = doc.tokens_in(mention).end;
    if after >= sentence_end || doc.token_text(after as u32) != "," {
        return None;
    }
    let start = after + 1;
    let first = doc.tokens.get(start)?;
    let first_text = doc.slice(first.span);
    let opens = matches!(first.upos, Upos::Det | Upos::Adj | Upos::Noun | Upos::Num)
        || (first.upos == Upos::Unknown && first_text.chars().next().is_some_and(char::is_lowercase))
        || is_role_word(first_text);
    if !opens || matches!(first_text, "who" | "which" | "that" | "and" | "but") {
        return None;
    }
    let mut end = start;
    while end < sentence_end && end - start < MAX_APPOSITIVE {
        let token = &doc.tokens[end];
        let text = doc.slice(token.span);
        if matches!(text, "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "—" | "–") {
            break;
        }
        let finite = matches!(token.tag, Tag::Vbd | Tag::Vbz | Tag::Vbp | Tag::Md)
            || (token.upos == Upos::Unknown
                && matches!(text, "said" | "says" | "is" | "was" | "told" | "has" | "had"));
        if finite || matches!(text, "who" | "which") {
            return None;
        }
        end += 1;
    }
    // An appositive is closed by a comma or the end of the sentence, and is not the rest of a
    // list ("Russia, China and Iran").
    if end == start || end - start >= MAX_APPOSITIVE {
        return None;
    }
    let closing = doc.token_text(end as u32);
    if end < sentence_end && closing != "," {
        return None;
    }
    if !has_noun(doc, &doc.tokens[start..end]) {
        return None;
    }
    Some(doc.tokens[start].span.cover(doc.tokens[end - 1].span))
}

/// Nouns that name what a person does ("director", "spokesman", "commentator").
const PERSON_ROLES: &[&str] = &[
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commentator",
    "analyst",
    "president",
    "minister",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "secretary",
    "chairman",
    "chairwoman",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "professor",
    "researcher",
    "economist",
    "lawyer",
    "attorney",
    "judge",
    "official",
    "officer",
    "general",
    "commander",
    "leader",
    "founder",
    "ceo",
    "executive",
    "chief",
    "head",
    "member",
    "lawmaker",
    "candidate",
    "nominee",
    "strategist",
    "consultant",
    "diplomat",
    "envoy",
    "negotiator",
    "scholar",
    "fellow",
    "expert",
    "historian",
    "author",
    "writer",
    "activist",
    "organizer",
    "organiser",
    "manager",
    "owner",
    "player",
    "coach",
    "actor",
    "singer",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "prosecutor",
    "investigator",
];

/// True if a descriptor says its entity is a person ("director of the China Program",
/// "Chinese commentator").
pub fn names_a_person(descriptor: &str) -> bool {
    let words: Vec<String> = descriptor.split_whitespace().map(|w| w.to_lowercase()).collect();
    // The head of an appositive is its first noun before "of"/"at"/"for"; of a premodifier
    // chain, its last word.
    let before_preposition: Vec<&String> = words
        .iter()
        .take_while(|w| !matches!(w.as_str(), "of" | "at" | "for" | "in" | "with" | "from"))
        .collect();
    let head = before_preposition.last().map(|w| w.as_str()).unwrap_or("");
    PERSON_ROLES.contains(&head)
}

/// Clean a descriptor for output: drop a leading article.
pub fn clean(text: &str) -> String {
    let text = text.trim_end_matches([',', '.', ';', ':']);
    let t = text.trim();
    for article in ["a ", "an ", "the ", "A ", "An ", "The "] {
        if let Some(rest) = t.strip_prefix(article) {
            return rest.to_string();
        }
    }
    t.to_string()
}
