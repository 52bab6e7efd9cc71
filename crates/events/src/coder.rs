//! The event coder: who did what to whom, read from each sentence's dependency parse and
//! coded in CAMEO (with Goldstein score, QuadClass and PLOVER type from the codebook).
//!
//! For every verb it finds the subject (inherited through control, coordination and relative
//! clauses when the verb has none), the object and prepositional arguments, codes them as
//! actors ([`crate::actors`]) and matches the verb with its particle, object noun and
//! prepositions against the patterns ([`crate::patterns`]). Governing words then shape the
//! event: "refused to" rejects, "urged X to" appeals, "pledged to" expresses intent, "not"
//! negates ("not interested in providing weapons" is a rejection, not aid), "will" plans,
//! "could" makes it hypothetical, "said that" makes it reported — and a party that reports a
//! violent act by another is coded as accusing it, the act itself resting on its word.
//!
//! It does not resolve pronouns across documents, and reads no constituency structure: a
//! sentence the parser got wrong is coded wrong. A document without a dependency parse gets no
//! events.

use crate::actors::{self, code_phrase, PhraseActor, PhraseContext};
use crate::codebook;
use crate::dictionary::ActorDictionary;
use crate::patterns::{self, Governs, Pattern, Patterns};
use crate::syntax::SentenceView;
use newsgraph_model::{
    Component, DepRel, Document, EntityKind, Event, EventActor, Layer, Modality, Severity, Span, Upos,
};
use std::collections::HashSet;
use std::sync::Arc;

/// Most actors taken on one side of an event (coordinated subjects or objects).
const MAX_SIDE: usize = 8;
/// Most events coded in one sentence.
const MAX_EVENTS_PER_SENTENCE: usize = 48;
/// Most steps taken up the tree when looking for a governor or an inherited subject.
const MAX_CLIMB: usize = 12;

/// Codes the events of a document into `doc.events` (see the module documentation).
#[derive(Clone, Debug)]
pub struct EventCoder {
    dictionary: Arc<ActorDictionary>,
    patterns: &'static Patterns,
}

impl Default for EventCoder {
    fn default() -> EventCoder {
        EventCoder::new()
    }
}

impl EventCoder {
    /// A coder with the built-in dictionary and patterns.
    pub fn new() -> EventCoder {
        EventCoder { dictionary: ActorDictionary::builtin(), patterns: Patterns::builtin() }
    }

    /// A coder with a dictionary of the caller's.
    pub fn with_dictionary(dictionary: Arc<ActorDictionary>) -> EventCoder {
        EventCoder { dictionary, patterns: Patterns::builtin() }
    }
}

impl Component for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Actors]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn annotate(&self, doc: &mut Document) {
        let events = code_document(doc, &self.dictionary, self.patterns);
        doc.events = events;
    }
}

/// One side of a candidate event.
#[derive(Clone, Debug, PartialEq)]
struct Side {
    code: String,
    entity: Option<u32>,
    mention: Span,
    person: bool,
}

impl From<PhraseActor> for Side {
    fn from(a: PhraseActor) -> Side {
        Side { code: a.code, entity: a.entity, mention: a.mention, person: a.person }
    }
}

/// What the pattern says about where to look for a target.
#[derive(Clone, Copy, Debug)]
struct TargetHints<'a> {
    /// The from/by argument is the source, not a target.
    reversed: bool,
    /// The event's code (places are targets only of meetings, protests, force, violence).
    code: &'a str,
    /// The preposition that introduces the target.
    target_prep: Option<&'a str>,
}

/// What a verb says, before governors are applied.
#[derive(Clone, Debug)]
struct Candidate {
    /// The verb.
    verb: usize,
    /// The code from the patterns.
    code: String,
    /// The pattern it came from.
    pattern: Pattern,
    sources: Vec<Side>,
    targets: Vec<Side>,
    negated: bool,
    modality: Modality,
    /// Leftmost and rightmost tokens of the cue.
    cue: (usize, usize),
    /// The subject is the verb's own, not inherited.
    own_subject: bool,
    /// The target is only where it happened.
    located: bool,
    /// The code came from an object noun ("held talks"), not the verb alone.
    keyed_noun: bool,
}

/// What the document remembers from earlier sentences, for pronouns.
#[derive(Clone, Debug, Default)]
struct Memory {
    person: Option<Side>,
    thing: Option<Side>,
    group: Vec<Side>,
}

/// Code all events of a document.
pub fn code_document(doc: &mut Document, dictionary: &ActorDictionary, patterns: &Patterns) -> Vec<Event> {
    let date = actors::document_date(doc);
    let mut entity_at: Vec<Option<u32>> = vec![None; doc.tokens.len()];
    for mention in &doc.mentions {
        if let Some(e) = mention.entity {
            // A name that runs over a verb ("United States fired anti-aircraft") is a
            // recogniser's mistake: its words are read with the dictionary instead.
            let tokens = doc.tokens_in(mention.span);
            if doc.tokens[tokens.clone()].iter().any(|t| t.upos == Upos::Verb) {
                continue;
            }
            for t in tokens {
                entity_at[t] = Some(e);
            }
        }
    }
    let known = |w: &str| patterns.knows_verb(w);
    let cx = PhraseContext { dictionary, date, entity_at: &entity_at };
    let mut events = Vec::new();
    let mut memory = Memory::default();
    let mut capped = 0usize;
    // Without a parse (a pipeline built without the parser) there is nothing to code from.
    if !doc.tokens.iter().any(|t| t.head.is_some()) {
        return events;
    }
    for s in 0..doc.sentences.len() {
        let mut view = SentenceView::new(doc, s, dictionary, &known);
        view.repair_nouns_read_as_verbs(&|verb, noun| patterns.takes_noun(verb, noun));
        if view.is_empty() {
            continue;
        }
        let mut sentence_events = code_sentence(&view, &cx, patterns, &mut memory);
        if sentence_events.len() > MAX_EVENTS_PER_SENTENCE {
            sentence_events.truncate(MAX_EVENTS_PER_SENTENCE);
            capped += 1;
        }
        events.extend(sentence_events);
    }
    if capped > 0 {
        doc.diagnose(
            Severity::Warning,
            "events",
            format!(
                "{capped} sentence(s) had more than {MAX_EVENTS_PER_SENTENCE} events: the rest were dropped"
            ),
        );
    }
    events
}

/// Everything the coder works out for one sentence.
struct Sentence<'v, 'd> {
    view: &'v SentenceView<'d>,
    cx: &'v PhraseContext<'v>,
    patterns: &'v Patterns,
    memory: &'v Memory,
    /// How deep [`Sentence::actors_of`] has called itself (pronouns, possessors, allies): a
    /// phrase that refers to itself ("its ally attacked") stops here.
    depth: std::cell::Cell<usize>,
}

/// Deepest nesting of actor lookups within one another.
const MAX_DEPTH: usize = 6;

fn is_pronoun(view: &SentenceView, i: usize) -> bool {
    (view.upos(i) == Upos::Pron && !is_relative(view, i))
        || matches!(
            view.word(i).to_lowercase().as_str(),
            "he" | "she"
                | "it"
                | "they"
                | "him"
                | "her"
                | "them"
                | "its"
                | "their"
                | "his"
                | "itself"
                | "themselves"
                | "himself"
                | "herself"
        )
}

/// A past participle modifying a noun ("soldiers killed", "the civilians imprisoned"); one
/// with an object of its own is active ("rebels engaged peacekeepers", misparsed as a
/// reduced relative).
fn is_participle(view: &SentenceView, verb: usize) -> bool {
    view.tokens[verb].tag == newsgraph_model::Tag::Vbn
        && matches!(view.rel(verb), DepRel::Acl | DepRel::AclRelcl)
        && view.child(verb, &[DepRel::Nsubj, DepRel::NsubjPass, DepRel::Obj]).is_none()
}

fn is_relative(view: &SentenceView, i: usize) -> bool {
    matches!(view.word(i).to_lowercase().as_str(), "that" | "which" | "who" | "whom")
}

impl Sentence<'_, '_> {
    /// The actors a nominal names, with its coordinated nominals ("Obama and Putin").
    fn actors_of(&self, head: usize, verb: usize) -> Vec<Side> {
        if self.depth.get() >= MAX_DEPTH {
            return Vec::new();
        }
        self.depth.set(self.depth.get() + 1);
        let out = self.actors_of_nested(head, verb);
        self.depth.set(self.depth.get() - 1);
        out
    }

    fn actors_of_nested(&self, head: usize, verb: usize) -> Vec<Side> {
        let head = self.nominal_of(head);
        let mut heads = vec![head];
        let mut i = 0;
        while i < heads.len() && heads.len() < MAX_SIDE {
            // Conjuncts of the head, and of the last word of a name ("Barack Obama and
            // Vladimir Putin", where a parser hangs the conjunct on "Obama").
            let mut owners = vec![heads[i]];
            owners.extend(self.view.children_with(heads[i], &[DepRel::Flat, DepRel::Compound]));
            for owner in owners {
                for c in self.view.children_with(owner, &[DepRel::Conj]) {
                    if heads.len() < MAX_SIDE && self.view.is_nominal(c) && !heads.contains(&c) {
                        heads.push(c);
                    }
                }
            }
            i += 1;
        }
        let mut out: Vec<Side> = Vec::new();
        for h in heads {
            let found: Vec<Side> = if is_relative(self.view, h) {
                self.relative_antecedent(h).map(|a| self.actors_of(a, verb)).unwrap_or_default()
            } else if is_pronoun(self.view, h) {
                self.resolve_pronoun(h, verb)
            } else {
                let coded: Vec<Side> =
                    code_phrase(self.view, h, self.cx).into_iter().map(Side::from).collect();
                if coded.is_empty() {
                    let author = self.document_author(h, verb);
                    if author.is_empty() {
                        self.counterpart(h, verb)
                    } else {
                        author
                    }
                } else {
                    coded
                }
            };
            let found = self.like_the_others(h, found, &out);
            for side in found {
                if out.len() < MAX_SIDE
                    && !out.iter().any(|o| o.code == side.code && o.mention == side.mention)
                {
                    out.push(side);
                }
            }
        }
        out
    }

    /// "The White House and other government agencies": a conjunct marked "other" that names
    /// only a role is of the same country as the conjuncts before it.
    fn like_the_others(&self, head: usize, sides: Vec<Side>, before: &[Side]) -> Vec<Side> {
        let view = self.view;
        let other = view
            .children_with(head, &[DepRel::Amod, DepRel::Det])
            .any(|m| view.word(m).eq_ignore_ascii_case("other"));
        let country = before.iter().find_map(|b| {
            let first = actors::units(&b.code).first().copied()?;
            (!ROLE_CODES.contains(&first) && !matches!(first, "IGO" | "NGO" | "IMG"))
                .then(|| first.to_string())
        });
        match country {
            Some(country) if other => sides
                .into_iter()
                .map(|mut s| {
                    if is_role_only(&s.code) {
                        s.code = format!("{country}{}", s.code);
                    }
                    s
                })
                .collect(),
            _ => sides,
        }
    }

    /// The nominal a misparsed argument stands for: a verb in a nominal's place ("the civilians
    /// imprisoned … were released", parsed with "imprisoned" as the subject) stands for its
    /// own subject.
    fn nominal_of(&self, t: usize) -> usize {
        if self.view.is_verb(t) {
            if let Some(n) = self.view.child(t, &[DepRel::Nsubj, DepRel::NsubjPass]) {
                return n;
            }
        }
        t
    }

    /// Whoever stands behind a document: "a report released by the UN", "a report released in
    /// the Rwandan capital", "a statement issued in Kigali".
    fn document_author(&self, h: usize, verb: usize) -> Vec<Side> {
        const DOCUMENTS: &[&str] = &[
            "report",
            "statement",
            "study",
            "document",
            "communique",
            "communiqué",
            "letter",
            "resolution",
            "dossier",
            "declaration",
            "memo",
            "memorandum",
            "white paper",
        ];
        let view = self.view;
        if !DOCUMENTS.contains(&view.lemmas[h].as_str()) {
            return Vec::new();
        }
        // "a report released in Kigali", and the same misparsed with "report" as the subject of
        // "released".
        let mut publishing: Vec<usize> = view.children_with(h, &[DepRel::Acl, DepRel::AclRelcl]).collect();
        if let Some(v) = view.heads[h].filter(|&v| view.rel(h) == DepRel::Nsubj && view.is_verb(v)) {
            if matches!(view.lemmas[v].as_str(), "release" | "publish" | "issue" | "circulate" | "present") {
                publishing.push(v);
            }
        }
        for acl in publishing {
            let args: Vec<usize> =
                view.children_with(acl, &[DepRel::OblAgent, DepRel::Obl, DepRel::Nmod]).collect();
            for by_place in [true, false] {
                for &a in &args {
                    let case = view.case_of(a);
                    let fits = if by_place {
                        view.rel(a) == DepRel::OblAgent || case.as_deref() == Some("by")
                    } else {
                        case.as_deref() == Some("in") && self.is_place(a)
                    };
                    if fits {
                        let sides = self.actors_of(a, verb);
                        if !sides.is_empty() {
                            return sides;
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    /// The writer of a piece of writing the sentence says someone wrote or spoke in: "In an
    /// opinion piece posted Monday criticizing the move, Hu offered that …" (the subject of the
    /// verb the "in" phrase hangs on).
    fn writer_of(&self, noun: usize) -> Option<(usize, usize)> {
        const WRITINGS: &[&str] = &[
            "piece",
            "article",
            "op-ed",
            "column",
            "editorial",
            "essay",
            "commentary",
            "post",
            "blog",
            "speech",
            "interview",
            "video",
            "statement",
            "letter",
            "tweet",
            "message",
            "book",
            "address",
        ];
        let view = self.view;
        if !WRITINGS.contains(&view.lemmas[noun].as_str()) || view.rel(noun) != DepRel::Obl {
            return None;
        }
        if view.case_of(noun).as_deref() != Some("in") {
            return None;
        }
        let verb = view.heads[noun].filter(|&v| view.is_verb(v))?;
        let subject = view.child(verb, &[DepRel::Nsubj])?;
        self.is_actor_like(subject).then_some((subject, verb))
    }

    /// "Russia made the appeal to its ally": a relational noun with a possessor and no
    /// country of its own stands for the last state or organisation of the earlier sentences
    /// that is not the possessor.
    fn counterpart(&self, h: usize, verb: usize) -> Vec<Side> {
        const RELATIONAL: &[&str] = &[
            "ally",
            "partner",
            "neighbour",
            "neighbor",
            "rival",
            "adversary",
            "foe",
            "enemy",
            "backer",
            "patron",
            "friend",
        ];
        let view = self.view;
        if !RELATIONAL.contains(&view.lemmas[h].as_str()) {
            return Vec::new();
        }
        let Some(owner) = view.child(h, &[DepRel::NmodPoss]) else { return Vec::new() };
        let owners = if is_pronoun(view, owner) {
            self.resolve_pronoun(owner, verb)
        } else {
            self.actors_of(owner, verb)
        };
        if owners.is_empty() {
            return Vec::new();
        }
        let m = self.memory;
        let pool = m.thing.iter().chain(m.group.iter());
        for side in pool {
            if !side.person && !owners.iter().any(|o| same_party(o, side)) {
                return vec![Side { mention: view.span(h), entity: side.entity, ..side.clone() }];
            }
        }
        Vec::new()
    }

    /// Events named by a noun between two parties, with no verb: "talks between Israel and
    /// Hamas", "a summit on Monday, one between officials from Ukraine and Russia", "clashes
    /// between the army and rebels". Meetings, agreements and fighting only.
    fn nominal_events(&self) -> Vec<Candidate> {
        let view = self.view;
        let mut out = Vec::new();
        for arg in 0..view.len() {
            if view.case_of(arg).as_deref() != Some("between") || !view.is_nominal(arg) {
                continue;
            }
            let Some(mut noun) = view.heads[arg] else { continue };
            // "one between …", "another between …": the event noun the word stands for.
            let mut steps = 0;
            let found = loop {
                if let Some(p) = self.patterns.noun(&noun_phrases(view, noun)) {
                    if p.code.as_deref().is_some_and(|c| matches!(codebook::root_of(c), "04" | "05" | "19")) {
                        break Some((noun, p.clone()));
                    }
                }
                let stand_in = matches!(view.lemmas[noun].as_str(), "one" | "another" | "other");
                if steps >= 3 || !(stand_in || steps > 0) {
                    break None;
                }
                match view.heads[noun] {
                    Some(h) => noun = h,
                    None => break None,
                }
                steps += 1;
            };
            let Some((noun, pattern)) = found else { continue };
            let Some(code) = pattern.code.clone() else { continue };
            let sides = self.actors_of(arg, noun);
            if sides.len() < 2 {
                continue;
            }
            out.push(Candidate {
                verb: noun,
                code,
                pattern: Pattern { symmetric: true, governs: None, ..pattern },
                sources: sides,
                targets: Vec::new(),
                negated: false,
                modality: self.nominal_modality(noun),
                cue: (noun, noun),
                own_subject: true,
                located: false,
                keyed_noun: true,
            });
        }
        out
    }

    /// A meeting or deal named by a noun is planned when the text looks forward to it:
    /// "ahead of the summit", "before talks", "upcoming talks", "a planned meeting".
    fn nominal_modality(&self, noun: usize) -> Modality {
        let view = self.view;
        // "ahead of" is parsed either as the noun's case marker or as the word it hangs on.
        let is_ahead = |t: usize| view.lemmas[t].eq_ignore_ascii_case("ahead");
        let ahead = view.children_with(noun, &[DepRel::Case, DepRel::Advmod]).any(is_ahead)
            || view.heads[noun].is_some_and(is_ahead);
        let forward = view.children_with(noun, &[DepRel::Amod]).any(|c| {
            matches!(
                view.lemmas[c].to_lowercase().as_str(),
                "upcoming"
                    | "planned"
                    | "scheduled"
                    | "proposed"
                    | "expected"
                    | "forthcoming"
                    | "next"
                    | "future"
            )
        });
        if ahead || forward {
            Modality::Planned
        } else {
            Modality::Asserted
        }
    }

    /// The noun a relative pronoun stands for ("the group that seized Mosul").
    fn relative_antecedent(&self, pronoun: usize) -> Option<usize> {
        let clause = self.view.heads[pronoun]?;
        if matches!(self.view.rel(clause), DepRel::AclRelcl | DepRel::Acl) {
            self.view.heads[clause]
        } else {
            None
        }
    }

    /// Resolve a pronoun: its entity if the attribution stage linked it; else the nearest
    /// subject up the tree of the right kind; else the memory of earlier sentences.
    fn resolve_pronoun(&self, pronoun: usize, verb: usize) -> Vec<Side> {
        let view = self.view;
        if let Some(e) = self.cx.entity_at.get(view.doc_index(pronoun)).copied().flatten() {
            if let Some(code) = view.doc.entities.get(e as usize).and_then(|x| x.actor.clone()) {
                let person = view.doc.entities.get(e as usize).is_some_and(|x| x.kind == EntityKind::Person);
                return vec![Side { code, entity: Some(e), mention: view.span(pronoun), person }];
            }
        }
        let word = view.word(pronoun).to_lowercase();
        let kind = match word.as_str() {
            "he" | "him" | "his" | "himself" | "she" | "her" | "herself" => Kind::Person,
            "they" | "them" | "their" | "themselves" => Kind::Group,
            "it" | "its" | "itself" => Kind::Thing,
            _ => return Vec::new(),
        };
        // Reflexives stand for the subject of their own clause.
        let reflexive = word.ends_with("self") || word.ends_with("selves");
        let mut at = verb;
        let mut first = true;
        for _ in 0..MAX_CLIMB {
            // "Xi asked him": a pronoun that is not reflexive is not its own clause's subject.
            let own_clause = first && !reflexive && view.heads[pronoun] == Some(at);
            if !own_clause {
                if let Some(subj) = self.view.child(at, &[DepRel::Nsubj, DepRel::NsubjPass]) {
                    let holds_pronoun = view.heads[pronoun] == Some(subj);
                    if subj != pronoun
                        && !holds_pronoun
                        && !is_pronoun(view, subj)
                        && (reflexive || subj < pronoun || !first)
                    {
                        let sides = self.actors_of(subj, at);
                        let fits: Vec<Side> = sides.into_iter().filter(|s| kind.fits(s)).collect();
                        if !fits.is_empty() && (kind != Kind::Group || fits.len() > 1 || !fits[0].person) {
                            return fits;
                        }
                    }
                }
            }
            first = false;
            match view.heads[at] {
                Some(h) => at = h,
                None => break,
            }
        }
        // A person named earlier in the sentence, nearest first, other than the subject of the
        // pronoun's own clause.
        if kind == Kind::Person && !reflexive {
            let own_subject = view.heads[pronoun].and_then(|h| view.child(h, &[DepRel::Nsubj]));
            let own_entity =
                own_subject.and_then(|s| self.cx.entity_at.get(view.doc_index(s)).copied().flatten());
            // "Xi asked him", with this "Xi" linked to no entity: an earlier person of that
            // name is the subject again, not the one asked.
            let own_name = own_subject.filter(|&s| !is_pronoun(view, s)).map(|s| view.word(s));
            let named_like_subject =
                |name: &str| own_name.is_some_and(|w| name.split_whitespace().any(|n| n == w));
            for t in (0..pronoun).rev() {
                if Some(t) == own_subject {
                    continue;
                }
                let entity = self.cx.entity_at.get(view.doc_index(t)).copied().flatten();
                let known = entity.and_then(|e| view.doc.entities.get(e as usize).map(|x| (e, x)));
                match known {
                    Some((e, _)) if Some(e) == own_entity => continue,
                    Some((e, x)) if x.kind == EntityKind::Person => {
                        if named_like_subject(&x.name) {
                            continue;
                        }
                        if let Some(code) = &x.actor {
                            return vec![Side {
                                code: code.clone(),
                                entity: Some(e),
                                mention: view.span(pronoun),
                                person: true,
                            }];
                        }
                    }
                    _ => {
                        // A person the dictionary knows whom the recogniser missed or typed
                        // otherwise ("Xi Jinping and Putin" read as one organisation).
                        if named_like_subject(view.word(t)) {
                            continue;
                        }
                        if let Some(code) = actors::dictionary_person(view, t, self.cx) {
                            return vec![Side {
                                code,
                                entity: None,
                                mention: view.span(pronoun),
                                person: true,
                            }];
                        }
                    }
                }
            }
        }
        let m = self.memory;
        match kind {
            Kind::Person => m.person.clone().into_iter().collect(),
            Kind::Thing => m.thing.clone().into_iter().collect(),
            Kind::Group => {
                if m.group.len() > 1 {
                    m.group.clone()
                } else {
                    m.thing.clone().into_iter().collect()
                }
            }
        }
    }

    /// The subject of a verb: its own, else inherited from the clause it depends on.
    fn subject(&self, verb: usize) -> Option<(usize, usize)> {
        let view = self.view;
        let mut at = verb;
        for step in 0..MAX_CLIMB {
            // Of several subjects (a misparse), the nearest before the verb that names an actor.
            // A passive subject on a clause that is not passive is its subject.
            let mut rels = vec![DepRel::Nsubj, DepRel::Csubj];
            if !view.is_passive(at) {
                rels.push(DepRel::NsubjPass);
            }
            let mut subjects: Vec<usize> = view.children_with(at, &rels).collect();
            // "The White House and other agencies declined": a conjunct the parser hung on the
            // verb as a second subject carries its coordinator; the first conjunct is the head.
            if subjects.len() > 1 {
                let heads: Vec<usize> =
                    subjects.iter().copied().filter(|&s| view.child(s, &[DepRel::Cc]).is_none()).collect();
                if !heads.is_empty() && heads.len() < subjects.len() {
                    subjects = heads;
                }
            }
            let nearest = if subjects.len() > 1 {
                let actors: Vec<usize> =
                    subjects.iter().copied().filter(|&s| self.is_actor_like(s)).collect();
                let pool = if actors.is_empty() { &subjects } else { &actors };
                pool.iter().copied().filter(|&s| s < at).max().or_else(|| pool.first().copied())
            } else {
                subjects.first().copied()
            };
            if let Some(s) = nearest {
                return Some((s, at));
            }
            if view.is_passive(at) {
                // A passive clause's subject is its target; but "Obama is scheduled to
                // attend": the passive subject of a governing verb controls its complement.
                if step > 0 {
                    if let Some(s) = view.child(at, &[DepRel::NsubjPass]) {
                        return Some((s, at));
                    }
                }
                return None;
            }
            let head = view.heads[at]?;
            match view.rel(at) {
                DepRel::Xcomp => {
                    // "urged Iran to release": the object controls the infinitive.
                    if let Some(o) = view.child(head, &[DepRel::Obj, DepRel::Iobj]) {
                        if self.is_actor_like(o) {
                            return Some((o, head));
                        }
                    }
                    at = head;
                }
                DepRel::Advcl | DepRel::Parataxis if self.is_report_verb(head) => {
                    // "…, killed in shelling …, medics said": the reporters did not shell.
                    return None;
                }
                DepRel::Advcl => {
                    // "jailed a student for helping …": the subject of "helping" is not the
                    // court's.
                    let marks: Vec<&str> =
                        view.children_with(at, &[DepRel::Mark]).map(|m| view.lemmas[m].as_str()).collect();
                    if marks.iter().any(|m| {
                        matches!(
                            *m,
                            "for"
                                | "if"
                                | "because"
                                | "as"
                                | "since"
                                | "while"
                                | "although"
                                | "though"
                                | "unless"
                                | "after"
                                | "until"
                                | "when"
                                | "where"
                        )
                    }) {
                        return None;
                    }
                    // "China's messaging comes ahead of summits to discuss a cease-fire": a
                    // purpose clause on a verb whose subject is itself an activity, or on a
                    // verb of happening, has no actor of its own.
                    if marks.contains(&"to") {
                        let happening = matches!(
                            view.lemmas[head].as_str(),
                            "come" | "be" | "happen" | "seem" | "appear" | "follow" | "take"
                        );
                        let activity = view.child(head, &[DepRel::Nsubj]).is_some_and(|s| view.is_verb(s));
                        if happening || activity {
                            return None;
                        }
                    }
                    at = head;
                }
                DepRel::Conj | DepRel::Ccomp => at = head,
                DepRel::Acl | DepRel::AclRelcl => {
                    // "China expressed willingness to provide …": the complement of a governing
                    // noun takes the subject of the verb that expresses the noun.
                    if view.rel(at) == DepRel::Acl {
                        if let Some(verb) = self.expressed_governing_noun(at) {
                            at = verb;
                            continue;
                        }
                    }
                    // "In an opinion piece criticizing the move, Hu offered …": the writer.
                    if let Some(writer) = self.writer_of(head) {
                        return Some(writer);
                    }
                    // "soldiers killed in Ukraine": the noun is the object of a participle.
                    if is_participle(view, at) {
                        return None;
                    }
                    // "the group seizing Mosul": the noun modified.
                    return Some((head, at));
                }
                _ => return None,
            }
        }
        None
    }

    /// For an infinitive complement of a governing noun that is a verb's object ("expressed
    /// willingness to provide", "announced its refusal to attend"), that verb.
    fn expressed_governing_noun(&self, clause: usize) -> Option<usize> {
        let view = self.view;
        if !view.children_with(clause, &[DepRel::Mark]).any(|m| view.lemmas[m] == "to") {
            return None;
        }
        let noun = view.heads[clause]?;
        let verb = view.heads[noun]?;
        let governs = self.patterns.noun(&noun_phrases(view, noun)).is_some_and(|p| p.governs.is_some());
        (governs && view.rel(noun) == DepRel::Obj && view.is_verb(verb)).then_some(verb)
    }

    /// A verb the parser made an adjective of the noun it governs, with that noun taking the
    /// verb's subject ("Petraeus held talks with …" parsed as "held" modifying "talks", the
    /// root): the subject of the clause the verb really heads.
    fn amod_predicate(&self, verb: usize) -> Option<usize> {
        let view = self.view;
        if view.rel(verb) != DepRel::Amod {
            return None;
        }
        let noun = view.heads[verb]?;
        if noun <= verb || !view.is_nominal(noun) {
            return None;
        }
        if let Some(s) = view.child(noun, &[DepRel::Nsubj]).filter(|&s| s < verb) {
            return Some(s);
        }
        // "Georgian demonstrators launched missiles at …": the noun hangs on the subject.
        let owner = view.heads[noun].filter(|&o| o < verb && view.is_nominal(o))?;
        // "General David Petraeus, held talks with …", with "talks" a relative clause of the name.
        matches!(
            view.rel(noun),
            DepRel::Appos | DepRel::Obj | DepRel::Nmod | DepRel::Compound | DepRel::AclRelcl | DepRel::Acl
        )
        .then_some(owner)
    }

    /// A finite verb the parser left without a subject ("as the US leader prepared to …",
    /// parsed with "leader" on another verb): the noun phrase right before it.
    fn subject_on_the_left(&self, verb: usize) -> Option<(usize, usize)> {
        use newsgraph_model::Tag;
        let view = self.view;
        let mut at = verb.checked_sub(1)?;
        while matches!(view.upos(at), Upos::Aux | Upos::Adv | Upos::Part) {
            at = at.checked_sub(1)?;
        }
        if !view.is_nominal(at) || matches!(view.rel(at), DepRel::Nsubj | DepRel::NsubjPass | DepRel::Obj) {
            return None;
        }
        // "The stopover came as the US leader prepared to attend …", with "as" read as a
        // preposition: the noun right before the verb is an oblique marked by a conjunction
        // that opens clauses, so the verb is that clause's, not a complement of the main verb.
        let opened = matches!(view.rel(at), DepRel::Obl | DepRel::Nmod)
            && view.case_of(at).is_some_and(|c| {
                matches!(
                    c.as_str(),
                    "as" | "after" | "before" | "since" | "until" | "while" | "when" | "once"
                )
            });
        // A past participle with no auxiliary heading a clause is a past tense the tagger
        // mistook ("as the US leader prepared to attend").
        let clause_rel =
            matches!(view.rel(verb), DepRel::Advcl | DepRel::Root | DepRel::Conj | DepRel::Ccomp)
                || (opened && matches!(view.rel(verb), DepRel::Xcomp | DepRel::Acl));
        let finite = matches!(view.tokens[verb].tag, Tag::Vbd | Tag::Vbz | Tag::Vbp)
            || (view.tokens[verb].tag == Tag::Vbn
                && clause_rel
                && view.child(verb, &[DepRel::Aux, DepRel::AuxPass]).is_none());
        if !finite {
            return None;
        }
        // The head of the phrase the word ends.
        Some((at, verb))
    }

    /// The direct object of a verb (else the indirect one), passing over a complementiser the
    /// parser took for an object ("told allies that …").
    fn object(&self, verb: usize) -> Option<usize> {
        let view = self.view;
        view.children_with(verb, &[DepRel::Obj])
            .find(|&o| !is_relative(view, o))
            .or_else(|| view.children_with(verb, &[DepRel::Iobj]).find(|&o| !is_relative(view, o)))
    }

    /// True when `verb` is `governor` or reached from it by infinitive complements only
    /// ("are seeking to deepen"): the subject is the verb's own in meaning.
    fn controls(&self, governor: usize, verb: usize) -> bool {
        let mut at = verb;
        for _ in 0..MAX_CLIMB {
            if at == governor {
                return true;
            }
            // "agreed on Tuesday to resume talks", parsed as an adverbial clause of a governor
            // ("met to discuss" is a purpose, not control).
            let infinitive = self.view.rel(at) == DepRel::Advcl
                && self.view.children_with(at, &[DepRel::Mark]).any(|m| self.view.lemmas[m] == "to")
                && self.view.heads[at].is_some_and(|h| self.governor_pattern(h).is_some());
            if self.view.rel(at) != DepRel::Xcomp && !infinitive {
                return false;
            }
            match self.view.heads[at] {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    fn is_actor_like(&self, t: usize) -> bool {
        is_pronoun(self.view, t) || !code_phrase(self.view, t, self.cx).is_empty()
    }

    /// The agent of a passive verb: a by-phrase, else the actor behind the event noun it
    /// happened in ("killed in Israeli tank shelling", "in an air strike by government forces").
    fn passive_agent(&self, verb: usize) -> Option<(usize, usize)> {
        // "victims killed by the crash", "homes destroyed by the earthquake": no one acted.
        const MISHAPS: &[&str] = &[
            "crash",
            "accident",
            "collision",
            "derailment",
            "earthquake",
            "quake",
            "flood",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "tsunami",
            "landslide",
            "avalanche",
            "wildfire",
            "disease",
            "illness",
            "virus",
            "outbreak",
            "drought",
            "heatwave",
        ];
        let view = self.view;
        let mishap = |a: usize| MISHAPS.contains(&view.lemmas[a].as_str());
        let past_hyphen = |a: usize| self.past_hyphen(a);
        // "blown up by a missile believed to be fired by rebels": an instrument that names no
        // actor stands for whoever is said to have used it.
        let through_instrument = |a: usize| -> (usize, usize) {
            if !code_phrase(view, a, self.cx).is_empty() {
                return (a, verb);
            }
            for acl in view.children_with(a, &[DepRel::Acl, DepRel::AclRelcl]) {
                let mut clause = acl;
                for _ in 0..2 {
                    if let Some(agent) = view.child(clause, &[DepRel::OblAgent]).map(past_hyphen) {
                        if !code_phrase(view, agent, self.cx).is_empty() {
                            return (agent, clause);
                        }
                    }
                    match view.child(clause, &[DepRel::Xcomp]) {
                        Some(x) => clause = x,
                        None => break,
                    }
                }
            }
            (a, verb)
        };
        if let Some(a) = view.child(verb, &[DepRel::OblAgent]).map(past_hyphen) {
            return (!mishap(a)).then(|| through_instrument(a));
        }
        for c in view.children_with(verb, &[DepRel::Obl, DepRel::Nmod]) {
            if view.case_of(c).as_deref() == Some("by") {
                let c = past_hyphen(c);
                return (!mishap(c)).then(|| through_instrument(c));
            }
        }
        // "a mortar bomb was fired at it from the Gaza Strip": fired by whoever holds the place.
        for c in view.children_with(verb, &[DepRel::Obl, DepRel::Nmod]) {
            if view.case_of(c).as_deref() == Some("from")
                && self.is_place(c)
                && !code_phrase(view, c, self.cx).is_empty()
            {
                return Some((c, verb));
            }
        }
        for c in view.children_with(verb, &[DepRel::Obl, DepRel::Nmod]) {
            if !matches!(view.case_of(c).as_deref(), Some("in" | "by" | "during" | "from")) {
                continue;
            }
            if self.patterns.noun(&noun_phrases(view, c)).is_none() {
                continue;
            }
            // The event noun's own agent.
            for n in view.children_with(c, &[DepRel::Nmod]) {
                if view.case_of(n).as_deref() == Some("by") {
                    return Some((n, c));
                }
            }
            if !code_phrase(view, c, self.cx).is_empty() {
                return Some((c, c));
            }
        }
        None
    }

    /// The head of a hyphenated phrase whose first part the parser took for the head ("by
    /// pro-Russia rebels", tokenised "pro - Russia rebels", with "pro" as the agent and
    /// "rebels" hung elsewhere): the noun the words after the hyphen lead to. Else `t`.
    fn past_hyphen(&self, t: usize) -> usize {
        let view = self.view;
        let joined = t + 2 < view.len()
            && view.word(t + 1) == "-"
            && view.span(t).end == view.span(t + 1).start
            && view.span(t + 1).end == view.span(t + 2).start;
        if !joined || !code_phrase(view, t, self.cx).is_empty() {
            return t;
        }
        let mut at = t + 2;
        for _ in 0..MAX_CLIMB {
            match view.heads[at] {
                Some(h)
                    if h > at && matches!(view.rel(at), DepRel::Compound | DepRel::Amod | DepRel::Flat) =>
                {
                    at = h
                }
                _ => break,
            }
        }
        if at > t + 2 && view.is_nominal(at) {
            at
        } else {
            t
        }
    }

    /// The candidate event of a verb, before governors.
    fn candidate(&self, verb: usize) -> Option<Candidate> {
        let view = self.view;
        let lemma = view.lemmas[verb].as_str();
        if lemma.is_empty() {
            return None;
        }
        let participle = is_participle(view, verb);
        let passive = view.is_passive(verb) || participle;
        let particle = view.child(verb, &[DepRel::CompoundPrt]).map(|p| view.lemmas[p].clone());
        // The object: in the passive, the passive subject (or the noun a participle modifies).
        // "held talks", parsed as an adjective on the noun that became the predicate.
        let amod_predicate = self.amod_predicate(verb);
        let object = if amod_predicate.is_some() || participle {
            view.heads[verb]
        } else if passive {
            // A parser may label a passive subject as an active one.
            view.child(verb, &[DepRel::NsubjPass]).or_else(|| view.child(verb, &[DepRel::Nsubj]))
        } else {
            self.object(verb)
        };
        let nouns = object.map(|o| noun_phrases(view, o)).unwrap_or_default();
        let mut preps: Vec<(String, Vec<String>)> = Vec::new();
        let mut prep_args: Vec<(String, usize)> = Vec::new();
        // "met with Syrian President Bashar Assad Tuesday", parsed with "Tuesday" as an unmarked
        // oblique and the preposition on the name before it.
        let obliques = [
            DepRel::Obl,
            DepRel::Nmod,
            DepRel::OblAgent,
            DepRel::OblUnmarked,
            DepRel::OblTmod,
            DepRel::NmodTmod,
        ];
        for c in view.children_with(verb, &obliques) {
            if let Some(case) = view.case_of(c) {
                preps.push((case.clone(), noun_phrases(view, c)));
                prep_args.push((case, c));
            }
        }
        if let Some(o) = object {
            for c in view.children_with(o, &[DepRel::Nmod]) {
                if let Some(case) = view.case_of(c) {
                    preps.push((case.clone(), Vec::new()));
                    prep_args.push((case, c));
                }
            }
        }
        // "called for restraint" with the noun misparsed as a verb: a clause marked by a
        // preposition is that preposition's argument.
        for c in view.children_with(verb, &[DepRel::Advcl, DepRel::Xcomp]) {
            if let Some(m) = view.child(c, &[DepRel::Mark]) {
                let mark = view.lemmas[m].to_lowercase();
                if matches!(mark.as_str(), "for" | "on" | "against" | "with" | "about" | "over")
                    && view.child(c, &[DepRel::Nsubj, DepRel::Obj]).is_none()
                {
                    preps.push((mark, Vec::new()));
                }
            }
        }
        let pattern = self.patterns.verb(lemma, particle.as_deref(), &nouns, &preps)?.clone();
        // Light verbs take their code from the object noun.
        let mut code = pattern.code.clone();
        let mut light_noun = None;
        let mut reversed = pattern.reversed && pattern.key.contains('+');
        if pattern.light {
            let noun_pattern =
                object.and_then(|o| self.patterns.noun(&noun_phrases(view, o)).map(|p| (o, p)));
            if let Some((o, np)) = noun_pattern {
                if !self.is_actor_like(o) || code.is_none() {
                    code = np.code.clone();
                    // "offering military support": an offer is an intent to give it.
                    if pattern.governs == Some(Governs::Intent) {
                        code = code.and_then(|c| patterns::govern(Governs::Intent, &c));
                    }
                    light_noun = Some(o);
                    reversed = pattern.reversed;
                }
            }
        }
        let mut code = code?;
        // "blown up by a missile": a bombing done with military weapons is a military attack.
        if passive && codebook::root_of(&code) == "18" {
            let agent = view.child(verb, &[DepRel::OblAgent]).or_else(|| {
                view.children_with(verb, &[DepRel::Obl]).find(|&c| view.case_of(c).as_deref() == Some("by"))
            });
            match agent.map(|a| view.lemmas[a].as_str()) {
                Some("missile" | "rocket" | "shell" | "artillery" | "mortar" | "tank" | "grenade") => {
                    code = "194".to_string();
                }
                Some("drone" | "jet" | "warplane" | "aircraft" | "helicopter" | "airstrike" | "bomber") => {
                    code = "195".to_string();
                }
                _ => {}
            }
        }
        // "called the situation disconcerting", "call it a mistake": naming, not a phone call.
        if code == "041" && lemma == "call" {
            let naming = view.child(verb, &[DepRel::Xcomp]).is_some();
            if naming || object.is_some_and(|o| !self.is_actor_like(o)) {
                return None;
            }
        }

        // Sides.
        let mut sources: Vec<Side> = Vec::new();
        let mut targets: Vec<Side> = Vec::new();
        let from_actor =
            prep_args.iter().filter(|(case, _)| case == "from" || case == "by").find_map(|&(_, c)| {
                let a = self.actors_of(c, verb);
                (!a.is_empty()).then_some(a)
            });
        let subject = if let Some(s) = amod_predicate {
            Some((s, verb))
        } else if passive {
            self.passive_agent(verb)
        } else {
            self.subject(verb).or_else(|| {
                // Up the chain of infinitives to a finite verb the parser left without one.
                let mut at = verb;
                for _ in 0..MAX_CLIMB {
                    if let Some(found) = self.subject_on_the_left(at) {
                        return Some(found);
                    }
                    if view.rel(at) != DepRel::Xcomp && view.rel(at) != DepRel::Conj {
                        return None;
                    }
                    at = view.heads[at]?;
                }
                None
            })
        };
        let mut subject = subject;
        let mut subject_sides = subject.map(|(s, v)| self.actors_of(s, v)).unwrap_or_default();
        if subject_sides.is_empty() && !passive && amod_predicate.is_none() {
            // An inherited subject that names no actor ("The stopover came as the US leader
            // prepared to attend …"): a finite verb on the way up left without its own subject.
            let mut at = verb;
            for _ in 0..MAX_CLIMB {
                if let Some(found) = self.subject_on_the_left(at) {
                    let sides = self.actors_of(found.0, found.1);
                    if !sides.is_empty() {
                        subject = Some(found);
                        subject_sides = sides;
                    }
                    break;
                }
                if view.rel(at) != DepRel::Xcomp && view.rel(at) != DepRel::Conj {
                    break;
                }
                match view.heads[at] {
                    Some(h) => at = h,
                    None => break,
                }
            }
        }
        let own_subject = subject.is_some_and(|(_, v)| self.controls(v, verb));
        // "The US, Russia, and Switzerland met": a parser may hang a last conjunct on the verb
        // as a second subject.
        if let Some((first, v)) = subject.filter(|_| !passive) {
            let coordinated = |o: usize| {
                let mut at = o;
                while at > 0 && matches!(view.upos(at - 1), Upos::Det | Upos::Num | Upos::Adj) {
                    at -= 1;
                }
                (at > 0 && view.upos(at - 1) == Upos::Cconj) || view.child(o, &[DepRel::Cc]).is_some()
            };
            let all: Vec<usize> = view.children_with(v, &[DepRel::Nsubj]).collect();
            let any_coordinated = all.iter().any(|&o| coordinated(o));
            for other in all.into_iter().filter(|&o| o != first && any_coordinated) {
                let more = self.actors_of(other, v);
                for side in self.like_the_others(other, more, &subject_sides) {
                    if subject_sides.len() < MAX_SIDE && !subject_sides.contains(&side) {
                        subject_sides.push(side);
                    }
                }
            }
        }
        if reversed {
            if let Some(f) = from_actor.clone() {
                sources = f;
                targets = subject_sides;
            }
        } else {
            sources = subject_sides;
        }
        if sources.is_empty() {
            return None;
        }
        let mut located = false;
        if targets.is_empty() {
            let hints = TargetHints { reversed, code: &code, target_prep: pattern.target_prep.as_deref() };
            // The noun a misparsed verb modifies carries the subject's words: not a target.
            let excluded = light_noun.or(amod_predicate.and(object));
            (targets, located) = self.target(verb, object, excluded, &prep_args, hints);
        }
        let negated = self.negated(verb) || light_noun.is_some_and(|n| self.negated_noun(n));
        let modality = self.modality(verb);
        let mut cue = (verb, verb);
        if let Some(n) = light_noun.or(object.filter(|_| pattern.key.contains('+'))) {
            cue = (cue.0.min(n), cue.1.max(n));
        }
        let keyed_noun =
            light_noun.is_some() || pattern.key.split('+').nth(1).is_some_and(|k| !k.starts_with('@'));
        // "Egypt and Ethiopia resumed negotiations": talks held by several subjects are between
        // them.
        let mut pattern = pattern;
        if light_noun.is_some() && codebook::root_of(&code) == "04" {
            pattern.symmetric = true;
        }
        Some(Candidate {
            verb,
            code,
            pattern,
            sources,
            targets,
            negated,
            modality,
            cue,
            own_subject,
            located,
            keyed_noun,
        })
    }

    /// The target: the object if it is an actor, else an actor in the object's or the verb's
    /// prepositional phrases, else (for meetings, protests, force and violence) the place
    /// where it happened. Also says whether the target is that place.
    fn target(
        &self,
        verb: usize,
        object: Option<usize>,
        light_noun: Option<usize>,
        prep_args: &[(String, usize)],
        hints: TargetHints,
    ) -> (Vec<Side>, bool) {
        let TargetHints { reversed, code, target_prep } = hints;
        let view = self.view;
        let mut object_sides = Vec::new();
        if let Some(o) = object.filter(|&o| Some(o) != light_noun) {
            object_sides = self.actors_of(o, verb);
        }
        // "fired anti-aircraft batteries at Russia": an object that is only a role (an
        // instrument) yields to an actor with a country in a prepositional phrase.
        let role_only = !object_sides.is_empty() && object_sides.iter().all(|s| is_role_only(&s.code));
        if !object_sides.is_empty() && !role_only {
            return (object_sides, false);
        }
        const TARGET_CASES: &[&str] = &[
            "to", "with", "against", "at", "on", "for", "into", "toward", "towards", "over", "upon", "of",
            "about", "from", "in",
        ];
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        // A pattern that names its target's preposition ("withdrew from").
        if let Some(prep) = target_prep {
            for (c, arg) in prep_args {
                if c == prep {
                    candidates.push((0, *arg));
                }
            }
        }
        for (rank, case) in TARGET_CASES.iter().enumerate() {
            for (c, arg) in prep_args {
                if c == case && !(reversed && (c == "from" || c == "by")) {
                    candidates.push((rank, *arg));
                }
            }
        }
        // Phrases inside the object noun or inside prepositional arguments: "a summit on the
        // unrest in Iran", "travel to Tunisia".
        for (_, arg) in prep_args {
            for n in view.children_with(*arg, &[DepRel::Nmod, DepRel::Obl]) {
                if let Some(case) = view.case_of(n) {
                    if let Some(rank) = TARGET_CASES.iter().position(|c| *c == case) {
                        candidates.push((rank + TARGET_CASES.len(), n));
                    }
                }
            }
        }
        candidates.sort_by_key(|c| c.0);
        let located_event = matches!(codebook::root_of(code), "04" | "14" | "15" | "18" | "19" | "20");
        let mut location: Option<Vec<Side>> = None;
        // "killed in Israeli tank shelling in the east of the Gaza Strip": a place inside the
        // event phrase on the verb is where it happened too, but only says whose civilians
        // the victims were.
        let mut inner_location: Option<Vec<Side>> = None;
        for (_, arg) in candidates {
            // "in Beijing" on the verb is where it happened; "refineries in Iran" on the object
            // says whose they are.
            // Only a place on the verb itself: "the shootings in South Carolina" says whose.
            let on_verb = view.heads[arg] == Some(verb);
            let is_location = on_verb && view.case_of(arg).is_some_and(|c| c == "in");
            if is_location && !self.is_place(arg) {
                continue;
            }
            let inner = role_only
                && !on_verb
                && view.case_of(arg).is_some_and(|c| c == "in")
                && view.heads[arg].is_some_and(|h| {
                    view.heads[h] == Some(verb)
                        && matches!(view.case_of(h).as_deref(), Some("in" | "during"))
                        && self.patterns.noun(&noun_phrases(view, h)).is_some()
                })
                && self.is_place(arg);
            if inner {
                if inner_location.is_none() {
                    let a = self.place_actors(arg, verb);
                    if !a.is_empty() {
                        inner_location = Some(a);
                    }
                }
                continue;
            }
            let a = self.actors_of(arg, verb);
            if a.is_empty() {
                continue;
            }
            if is_location {
                if location.is_none() {
                    location = Some(a);
                }
                continue;
            }
            if role_only && a.iter().all(|s| is_role_only(&s.code)) {
                continue;
            }
            return (a, false);
        }
        if role_only {
            // Civilians killed in Gaza are Gaza's civilians.
            if let Some(place) = location.as_ref().or(inner_location.as_ref()).and_then(|l| l.first()) {
                if object_sides.iter().all(|s| s.code == "CVL") {
                    let country =
                        actors::units(&place.code).first().map(|u| u.to_string()).unwrap_or_default();
                    if !is_role_only(&country) {
                        for s in &mut object_sides {
                            s.code = format!("{country}{}", s.code);
                        }
                    }
                }
            }
            return (object_sides, false);
        }
        match location {
            Some(l) if located_event => (l, true),
            _ => (Vec::new(), false),
        }
    }

    /// The actors a place phrase names: its own, else those of the place its of-phrase names
    /// ("the east of the Gaza Strip" → the Gaza Strip's).
    fn place_actors(&self, place: usize, verb: usize) -> Vec<Side> {
        let own = self.actors_of(place, verb);
        if !own.is_empty() {
            return own;
        }
        let view = self.view;
        view.children_with(place, &[DepRel::Nmod])
            .filter(|&n| view.case_of(n).as_deref() == Some("of") && self.is_place(n))
            .map(|n| self.actors_of(n, verb))
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    /// True when a nominal names a place: a country, capital or other place, or a place noun
    /// ("the east of the Gaza Strip", "the city's capital").
    fn is_place(&self, n: usize) -> bool {
        use crate::dictionary::EntryKind;
        const PLACE_NOUNS: &[&str] = &[
            "east",
            "west",
            "north",
            "south",
            "city",
            "capital",
            "region",
            "part",
            "area",
            "province",
            "outskirts",
            "sector",
            "border",
            "town",
            "village",
            "district",
            "square",
            "state",
            "country",
            "territory",
            "enclave",
            "suburb",
            "street",
            "port",
            "coast",
            "island",
            "camp",
            "neighbourhood",
            "neighborhood",
        ];
        if let Some(hit) = self.view.names[n] {
            return matches!(
                self.cx.dictionary.entry(hit.entry).kind,
                EntryKind::Country | EntryKind::Capital | EntryKind::Place
            );
        }
        PLACE_NOUNS.contains(&self.view.lemmas[n].as_str())
    }

    /// True when the verb (or its auxiliaries) is negated.
    fn negated(&self, t: usize) -> bool {
        let view = self.view;
        let negative = |c: usize| {
            matches!(view.word(c).to_lowercase().as_str(), "not" | "n't" | "never" | "nor" | "neither")
        };
        view.children[t].iter().any(|&c| {
            negative(c) || (view.rel(c) == DepRel::Aux && view.children[c].iter().any(|&g| negative(g)))
        })
    }

    /// "no weapons", "refusal": a negated object noun.
    fn negated_noun(&self, n: usize) -> bool {
        self.view
            .children_with(n, &[DepRel::Det])
            .any(|d| matches!(self.view.word(d).to_lowercase().as_str(), "no"))
    }

    /// Asserted, planned or hypothetical, from the verb's auxiliaries and its clause.
    fn modality(&self, t: usize) -> Modality {
        let view = self.view;
        let mut modality = Modality::Asserted;
        for c in view.children_with(t, &[DepRel::Aux]) {
            match view.lemmas[c].as_str() {
                "will" | "shall" | "'ll" | "wo" => modality = Modality::Planned,
                "would" | "could" | "might" | "may" | "should" | "must" | "can" | "'d"
                    if modality == Modality::Asserted =>
                {
                    modality = Modality::Hypothetical;
                }
                _ => {}
            }
        }
        if view.children_with(t, &[DepRel::Mark]).any(|m| matches!(view.lemmas[m].as_str(), "if" | "unless"))
        {
            modality = Modality::Hypothetical;
        }
        modality
    }

    /// The governing word of a verb's clause: the verb, adjective or noun whose complement it
    /// is, with the pattern that makes it a governor.
    fn governor(&self, verb: usize) -> Option<(usize, Pattern)> {
        let view = self.view;
        let mut at = verb;
        // Coordinated verbs share their first conjunct's governor.
        for _ in 0..MAX_CLIMB {
            if view.rel(at) == DepRel::Conj && view.heads[at].is_some_and(|h| view.is_verb(h)) {
                at = view.heads[at]?;
            } else {
                break;
            }
        }
        let head = view.heads[at]?;
        let rel = view.rel(at);
        let complement =
            matches!(rel, DepRel::Xcomp | DepRel::Ccomp | DepRel::Advcl | DepRel::Acl | DepRel::Csubj);
        if !complement {
            return None;
        }
        if rel == DepRel::Advcl {
            // Only "interested in providing", "ready to help": not "as Israel announced".
            let marks: Vec<String> =
                view.children_with(at, &[DepRel::Mark]).map(|m| view.lemmas[m].clone()).collect();
            if !marks.iter().any(|m| m == "to" || m == "in") {
                return None;
            }
        }
        // A noun governor's complement ("willingness to provide") hangs on the noun; the noun is
        // the object of the verb that expresses it.
        if rel == DepRel::Acl && !view.is_verb(head) {
            if let Some(verb_of_noun) = view.heads[head] {
                if view.is_verb(verb_of_noun) && view.rel(head) == DepRel::Obj {
                    if let Some(p) = self.verb_pattern(verb_of_noun).filter(|p| p.governs.is_some()) {
                        return Some((verb_of_noun, p));
                    }
                }
            }
            // A governing noun on its own ("disinterest in providing weapons", "refusal to
            // attend"), as in a headline with no verb the parser could find.
            let p = self.patterns.noun(&noun_phrases(view, head))?.clone();
            return p.governs.map(|_| (head, p));
        }
        if view.is_verb(head) {
            let p = self.verb_pattern(head)?;
            p.governs.map(|_| (head, p))
        } else if view.upos(head) == Upos::Adj || view.tokens[head].tag == newsgraph_model::Tag::Jj {
            let p = self.patterns.adjective(&view.lemmas[head])?.clone();
            p.governs.map(|_| (head, p))
        } else {
            None
        }
    }

    /// The pattern of a verb if it is a governor.
    fn governor_pattern(&self, verb: usize) -> Option<Pattern> {
        self.verb_pattern(verb).filter(|p| p.governs.is_some())
    }

    fn verb_pattern(&self, verb: usize) -> Option<Pattern> {
        let view = self.view;
        let particle = view.child(verb, &[DepRel::CompoundPrt]).map(|p| view.lemmas[p].clone());
        let object = view.children_with(verb, &[DepRel::Obj]).find(|&o| !is_relative(view, o));
        let nouns = object.map(|o| noun_phrases(view, o)).unwrap_or_default();
        let mut preps = Vec::new();
        for c in view.children_with(verb, &[DepRel::Obl, DepRel::Nmod]) {
            if let Some(case) = view.case_of(c) {
                preps.push((case, noun_phrases(view, c)));
            }
        }
        self.patterns.verb(&view.lemmas[verb], particle.as_deref(), &nouns, &preps).cloned()
    }

    /// The reporting verb a clause depends on ("Israel said …", "…, medics said"), with its
    /// subject's actors.
    fn reporter(&self, verb: usize) -> Option<(usize, Vec<Side>)> {
        let view = self.view;
        let mut at = verb;
        for _ in 0..MAX_CLIMB {
            // "…, officials said": a parenthetical reporting clause under the event's clause.
            for c in view.children_with(at, &[DepRel::Parataxis, DepRel::Ccomp]) {
                if c != verb && self.is_report_verb(c) {
                    let sides = self.subject(c).map(|(s, v)| self.actors_of(s, v)).unwrap_or_default();
                    return Some((c, sides));
                }
            }
            let head = view.heads[at]?;
            if matches!(view.rel(at), DepRel::Ccomp | DepRel::Parataxis) && self.is_report_verb(head) {
                let sides = self.subject(head).map(|(s, v)| self.actors_of(s, v)).unwrap_or_default();
                return Some((head, sides));
            }
            // Up through complements and coordination; an adverbial clause ("as …", "while …")
            // is the writer's, not part of what is reported.
            let to_infinitive = view
                .children_with(at, &[DepRel::Mark])
                .any(|m| view.lemmas[m] == "to" || view.lemmas[m] == "in");
            if !(matches!(view.rel(at), DepRel::Conj | DepRel::Xcomp | DepRel::Ccomp)
                || (view.rel(at) == DepRel::Advcl && to_infinitive))
            {
                return None;
            }
            at = head;
        }
        None
    }

    fn is_report_verb(&self, t: usize) -> bool {
        self.view.is_verb(t) && self.verb_pattern(t).is_some_and(|p| p.governs == Some(Governs::Report))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    Thing,
    Group,
}

impl Kind {
    fn fits(self, side: &Side) -> bool {
        match self {
            Kind::Person => side.person || actors::units(&side.code).len() > 1,
            Kind::Thing => !side.person,
            Kind::Group => true,
        }
    }
}

/// The phrases of a noun for pattern lookup, longest first: with its compound and adjective
/// modifiers ("anti-aircraft battery", "air strike", "military exercise"), then alone.
pub fn noun_phrases(view: &SentenceView, noun: usize) -> Vec<String> {
    let lemma = view.lemmas[noun].clone();
    if lemma.is_empty() {
        return Vec::new();
    }
    // The lemmatiser's form, the rule form and the surface form ("talks", "arms").
    let surface = view.word(noun).to_lowercase();
    let mut heads = vec![lemma];
    for form in [crate::lemma::noun_lemma(&surface), surface] {
        if !heads.contains(&form) {
            heads.push(form);
        }
    }
    let mods: Vec<usize> =
        view.children_with(noun, &[DepRel::Compound, DepRel::Amod]).filter(|&m| m < noun).collect();
    let mut out = Vec::new();
    // Contiguous modifiers nearest the head first: "arrest warrant", "military exercise".
    for head in &heads {
        let mut words: Vec<String> = Vec::new();
        let mut with_mods = Vec::new();
        for &m in mods.iter().rev() {
            words.insert(0, view.word(m).to_lowercase());
            with_mods.push(format!("{} {head}", words.join(" ")));
        }
        with_mods.reverse();
        out.extend(with_mods);
    }
    out.extend(heads);
    out
}

/// Code one sentence.
fn code_sentence(
    view: &SentenceView,
    cx: &PhraseContext,
    patterns: &Patterns,
    memory: &mut Memory,
) -> Vec<Event> {
    let before = memory.clone();
    let sentence = Sentence { view, cx, patterns, memory: &before, depth: std::cell::Cell::new(0) };
    let mut candidates: Vec<Candidate> = Vec::new();
    for v in 0..view.len() {
        if view.is_verb(v) {
            if let Some(c) = sentence.candidate(v) {
                candidates.push(c);
            }
        }
    }
    let mut events: Vec<Event> = Vec::new();
    let mut consumed: HashSet<usize> = HashSet::new();
    let mut finals: Vec<Candidate> = Vec::new();
    for mut c in candidates.clone() {
        // Apply the chain of governors, innermost first.
        let mut at = c.verb;
        let mut dropped = false;
        for _ in 0..4 {
            let Some((g, gp)) = sentence.governor(at) else { break };
            let Some(governs) = gp.governs else { break };
            if governs == Governs::Report {
                break;
            }
            if governs == Governs::Coerce {
                // "pressured by Congress to help Iran": the pressure is the event.
                dropped = true;
                break;
            }
            consumed.insert(g);
            let mut governs = governs;
            // "wants Putin to attack": a governor with an actor object appeals to it.
            let g_object = view.child(g, &[DepRel::Obj, DepRel::Iobj]).filter(|&o| sentence.is_actor_like(o));
            if governs == Governs::Intent && g_object.is_some() && view.rel(at) == DepRel::Xcomp {
                governs = Governs::Appeal;
            }
            if matches!(governs, Governs::Appeal | Governs::Demand) {
                let gsubj = if view.is_passive(g) {
                    sentence.passive_agent(g).map(|(a, v)| sentence.actors_of(a, v))
                } else {
                    sentence.subject(g).map(|(s, v)| sentence.actors_of(s, v))
                };
                let gtarget = if view.is_passive(g) {
                    view.child(g, &[DepRel::NsubjPass])
                        .or_else(|| view.child(g, &[DepRel::Nsubj]))
                        .map(|o| sentence.actors_of(o, g))
                } else if gp.reversed {
                    gsubj.clone()
                } else {
                    g_object.map(|o| sentence.actors_of(o, g))
                };
                let gsource = if gp.reversed {
                    // "faces pressure from Congress to …"
                    let noun = view.child(g, &[DepRel::Obj]);
                    noun.and_then(|n| {
                        view.children_with(n, &[DepRel::Nmod])
                            .find(|&m| view.case_of(m).as_deref() == Some("from"))
                            .map(|m| sentence.actors_of(m, g))
                    })
                } else {
                    gsubj
                };
                match (gsource, gtarget) {
                    (Some(s), Some(t)) if !s.is_empty() => {
                        c.sources = s;
                        c.targets = t;
                    }
                    (Some(s), None) if !s.is_empty() => {
                        c.sources = s;
                    }
                    _ => {
                        dropped = true;
                        break;
                    }
                }
            }
            let negated = sentence.negated(g) || gp.negating;
            let code = if c.negated && governs != Governs::Reject {
                // The complement's own negation first: "agreed not to attack".
                c.negated = false;
                patterns::negate(&c.code)
            } else {
                Some(c.code.clone())
            };
            let Some(code) = code.and_then(|code| patterns::govern(governs, &code)) else {
                dropped = true;
                break;
            };
            c.code = code;
            if governs == Governs::Reject {
                c.negated = true;
            }
            if negated {
                match patterns::negate(&c.code) {
                    Some(n) => {
                        c.code = n;
                        c.negated = true;
                    }
                    None => {
                        dropped = true;
                        break;
                    }
                }
            }
            match governs {
                Governs::Plan | Governs::Agree => c.modality = Modality::Planned,
                Governs::Try | Governs::Intent | Governs::Appeal | Governs::Demand | Governs::Threat => {
                    let gm = sentence.modality(g);
                    if gm != Modality::Asserted {
                        c.modality = gm;
                    }
                }
                _ => {}
            }
            c.cue = (c.cue.0.min(g), c.cue.1.max(g));
            at = g;
        }
        if dropped {
            continue;
        }
        // "would not give permission to Russia to help Israel": what hangs on a negated verb
        // that is not a governor did not happen.
        if matches!(view.rel(at), DepRel::Xcomp | DepRel::Advcl) {
            if let Some(h) = view.heads[at] {
                if view.is_verb(h) && sentence.negated(h) && sentence.governor_pattern(h).is_none() {
                    continue;
                }
            }
        }
        if c.negated && !c.pattern.governs.is_some_and(|g| g == Governs::Reject) {
            // A negation on the verb itself, not folded in by a governor.
            if !is_folded(&c) {
                match patterns::negate(&c.code) {
                    Some(n) => c.code = n,
                    None => continue,
                }
            }
        }
        finals.push(c);
    }
    finals.extend(sentence.nominal_events());
    // Governors that governed something emit no event of their own; report verbs never do.
    finals.retain(|c| !consumed.contains(&c.verb) && c.pattern.governs != Some(Governs::Report));
    // "X alleged that Y …": an accusation of Y, whatever Y is said to have done.
    for v in 0..view.len() {
        if !view.is_verb(v) || !matches!(view.lemmas[v].as_str(), "allege" | "accuse") {
            continue;
        }
        let Some(content) = view.child(v, &[DepRel::Ccomp]) else { continue };
        let Some(accused) = view.child(content, &[DepRel::Nsubj, DepRel::NsubjPass]) else { continue };
        let subject = sentence.subject(v).or_else(|| sentence.subject_on_the_left(v));
        let speakers = subject.map(|(s, at)| sentence.actors_of(s, at)).unwrap_or_default();
        let targets = sentence.actors_of(accused, content);
        if speakers.is_empty() || targets.is_empty() || finals.iter().any(|c| c.verb == v) {
            continue;
        }
        let Some(pattern) = sentence.verb_pattern(v) else { continue };
        finals.push(Candidate {
            verb: v,
            code: "112".to_string(),
            pattern: Pattern { governs: None, ..pattern },
            sources: speakers,
            targets,
            negated: false,
            modality: Modality::Asserted,
            cue: (v, v),
            own_subject: true,
            located: false,
            keyed_noun: false,
        });
    }

    for c in finals {
        let mut c = c;
        let mut attribution = None;
        let reporter = sentence.reporter(c.verb);
        let cue_span = view.cover(c.cue.0, c.cue.1);
        if let Some(a) = innermost_attribution(view.doc, cue_span) {
            attribution = Some(a);
        }
        let mut accusation: Option<(Vec<Side>, usize)> = None;
        if let Some((rv, speakers)) = &reporter {
            c.modality = Modality::Reported;
            let violent = codebook::lookup(&c.code).is_some_and(|x| x.quad_class == 4);
            let speakers: Vec<Side> = speakers.iter().filter(|s| is_party(s)).cloned().collect();
            if !speakers.is_empty() {
                let same = c.sources.iter().any(|src| speakers.iter().any(|s| same_actor(s, src)));
                let party = c.sources.iter().any(|src| speakers.iter().any(|s| same_party(s, src)));
                if violent && same {
                    // "The US claimed that they had attacked Iraq": claiming responsibility.
                    c.code = "015".to_string();
                    c.cue = (c.cue.0.min(*rv), c.cue.1.max(*rv));
                } else if violent && !party {
                    accusation = Some((speakers.clone(), *rv));
                } else if same && c.modality_future(view) && codebook::root_of(&c.code) < "09" {
                    if let Some(code) = patterns::intent(&c.code) {
                        c.code = code;
                    }
                }
            }
        } else if attribution.is_some() {
            c.modality = Modality::Reported;
        }
        if let Some((speakers, rv)) = accusation {
            let accused = std::mem::take(&mut c.sources);
            c.sources = speakers;
            c.targets = accused;
            c.code = "112".to_string();
            c.cue = (c.cue.0.min(rv), c.cue.1.max(rv));
            c.modality = Modality::Asserted;
        }
        // Protesters who damage, seize or assault are rioting (CAMEO 145); armed attacks stay
        // attacks.
        if matches!(codebook::root_of(&c.code), "17" | "18")
            && !c.sources.is_empty()
            && c.sources.iter().all(|s| actors::units(&s.code).contains(&"OPP"))
        {
            c.code = "145".to_string();
        }
        // "Trump attacked Clinton", "the senator hit the White House", "Obama beat McCain":
        // words of force between political actors of one country are words, not force.
        if codebook::lookup(&c.code).is_some_and(|x| x.quad_class == 4) && is_political_fight(view, &c) {
            if view.lemmas[c.verb] == "beat" {
                continue;
            }
            c.code = "111".to_string();
        }
        emit(&sentence, &c, attribution, &mut events);
    }
    let updated = next_memory(&sentence);
    *memory = updated;
    dedupe(events)
}

/// A verb of force ("attack", "hit", "slam", "beat") whose sides are all political actors (a
/// government, legislature, opposition, elite, court or medium, no armed or police role) of the
/// same country, or of none: political speech, not violence.
fn is_political_fight(view: &SentenceView, c: &Candidate) -> bool {
    const FIGHTING_WORDS: &[&str] = &[
        "attack", "hit", "slam", "blast", "pound", "hammer", "strike", "target", "beat", "bash", "assail",
        "savage", "lash", "fight", "batter", "pummel", "clobber", "bludgeon",
    ];
    const POLITICAL: &[&str] = &["GOV", "LEG", "OPP", "ELI", "MED", "JUD"];
    if !FIGHTING_WORDS.contains(&view.lemmas[c.verb].as_str()) || c.targets.is_empty() {
        return false;
    }
    let mut country: Option<&str> = None;
    for side in c.sources.iter().chain(&c.targets) {
        let units = actors::units(&side.code);
        let Some(first) = units.first() else { return false };
        let roles = if ROLE_CODES.contains(first) { &units[..] } else { &units[1..] };
        // A side is political by its roles, or a person with a country alone.
        let political =
            if roles.is_empty() { side.person } else { roles.iter().all(|r| POLITICAL.contains(r)) };
        if !political {
            return false;
        }
        if !ROLE_CODES.contains(first) {
            if matches!(*first, "IGO" | "NGO" | "IMG") || country.is_some_and(|c| c != *first) {
                return false;
            }
            country = Some(first);
        }
    }
    true
}

fn is_folded(c: &Candidate) -> bool {
    // Codes already in the rejection class came from a governor.
    codebook::root_of(&c.code) == "12" || c.code == "011"
}

impl Candidate {
    fn modality_future(&self, view: &SentenceView) -> bool {
        self.modality == Modality::Planned
            || view
                .children_with(self.verb, &[DepRel::Aux])
                .any(|a| matches!(view.lemmas[a].as_str(), "will" | "would" | "shall"))
    }
}

/// A speaker who can accuse: a state, organisation or group — not the media, not a role
/// without a country ("medics", "officials").
fn is_party(side: &Side) -> bool {
    let u = actors::units(&side.code);
    let Some(first) = u.first() else { return false };
    !ROLE_CODES.contains(first) && !u.contains(&"MED")
}

/// True when a code has no country or organisation, only roles ("REB", "GOVMIL").
fn is_role_only(code: &str) -> bool {
    actors::units(code).first().is_some_and(|u| ROLE_CODES.contains(u))
}

const ROLE_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "REB", "OPP", "MED", "EDU", "BUS", "CVL", "HLH", "REF", "LAB", "AGR", "SPY",
    "LEG", "SEP", "HRI", "ELI", "UAF", "INS", "PPL",
];

/// The same actor: the same entity, or the same code for one that is not a person.
fn same_actor(a: &Side, b: &Side) -> bool {
    if a.entity.is_some() && a.entity == b.entity {
        return true;
    }
    a.code == b.code && !(a.person && b.person && a.mention != b.mention)
}

/// Two actors of the same party: the same country (or the same organisation).
fn same_party(a: &Side, b: &Side) -> bool {
    if a.entity.is_some() && a.entity == b.entity {
        return true;
    }
    let ua = actors::units(&a.code);
    let ub = actors::units(&b.code);
    match (ua.first(), ub.first()) {
        (Some(x), Some(y)) if matches!(*x, "IGO" | "NGO" | "IMG") => ua.get(1) == ub.get(1) && x == y,
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The attribution whose content holds the span, the innermost one.
fn innermost_attribution(doc: &Document, span: Span) -> Option<u32> {
    doc.attributions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.content.contains(span))
        .min_by_key(|(_, a)| a.content.len())
        .map(|(i, _)| i as u32)
}

/// Turn a finished candidate into events, one per source and target pair.
fn emit(sentence: &Sentence, c: &Candidate, attribution: Option<u32>, events: &mut Vec<Event>) {
    let Some(entry) = codebook::lookup(&c.code) else { return };
    // A plain statement is an attribution, not an event between actors.
    if entry.code == "010" {
        return;
    }
    let view = sentence.view;
    let cue = view.cover(c.cue.0, c.cue.1);
    let make = |source: &Side, target: Option<&Side>| Event {
        source: EventActor {
            entity: source.entity,
            mention: Some(source.mention),
            code: source.code.clone(),
        },
        target: target.map(|t| EventActor {
            entity: t.entity,
            mention: Some(t.mention),
            code: t.code.clone(),
        }),
        cameo: entry.code.to_string(),
        goldstein: entry.goldstein,
        quad_class: entry.quad_class,
        plover: entry.plover.to_string(),
        cue,
        negated: c.negated,
        modality: c.modality,
        attribution,
    };
    // An actor does not act on itself: "China … by damaging China-Russia relations" is no
    // event of China's on China. Two people of the same code are two actors.
    let distinct = |s: &Side, t: &Side| {
        s.code != t.code || (s.person && t.person && s.entity.is_some() && s.entity != t.entity)
    };
    let sources = &c.sources[..c.sources.len().min(MAX_SIDE)];
    let targets = &c.targets[..c.targets.len().min(MAX_SIDE)];
    if targets.is_empty() {
        if c.pattern.symmetric && sources.len() > 1 && c.own_subject {
            for s in sources {
                for t in sources {
                    if s != t && distinct(s, t) {
                        events.push(make(s, Some(t)));
                    }
                }
            }
        } else if c.pattern.solo {
            for s in sources {
                events.push(make(s, None));
            }
        }
        return;
    }
    for s in sources {
        for t in targets {
            if distinct(s, t) {
                events.push(make(s, Some(t)));
                // Hosting a visit is being visited: the guest visits (042) the host.
                if entry.code == "043" {
                    if let Some(visit) = codebook::lookup("042") {
                        let mut e = make(t, Some(s));
                        e.cameo = visit.code.to_string();
                        e.goldstein = visit.goldstein;
                        e.quad_class = visit.quad_class;
                        e.plover = visit.plover.to_string();
                        events.push(e);
                    }
                }
                // "held talks with": both sides act; "met with": the writer's subject acts.
                if c.pattern.symmetric && c.keyed_noun && !c.located && !sources.contains(t) {
                    events.push(make(t, Some(s)));
                }
            }
        }
    }
}

/// What to remember of this sentence's actors for pronouns in the next ones.
fn next_memory(sentence: &Sentence) -> Memory {
    let view = sentence.view;
    let mut new = sentence.memory.clone();
    for v in 0..view.len() {
        if view.heads[v].is_some() && view.rel(v) != DepRel::Root {
            continue;
        }
        let Some(subj) = view.child(v, &[DepRel::Nsubj, DepRel::NsubjPass]) else { continue };
        if is_pronoun(view, subj) {
            continue;
        }
        let sides = sentence.actors_of(subj, v);
        if sides.len() > 1 {
            new.group = sides.clone();
        }
        for side in sides {
            if side.person {
                new.person = Some(side);
            } else {
                new.thing = Some(side);
            }
        }
    }
    new
}

/// One event per source, target and code in a sentence; an event without a target is left out
/// when the sentence has the same source and code with one ("declined to comment or offer
/// specifics about the Russian request": one refusal, towards Russia).
fn dedupe(events: Vec<Event>) -> Vec<Event> {
    let targeted: HashSet<(String, String)> = events
        .iter()
        .filter(|e| e.target.is_some())
        .map(|e| (e.source.code.clone(), e.cameo.clone()))
        .collect();
    let mut seen = HashSet::new();
    events
        .into_iter()
        .filter(|e| e.target.is_some() || !targeted.contains(&(e.source.code.clone(), e.cameo.clone())))
        .filter(|e| {
            seen.insert((e.source.code.clone(), e.target.as_ref().map(|t| t.code.clone()), e.cameo.clone()))
        })
        .collect()
}
