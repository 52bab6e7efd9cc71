//! Repairs of parser output for news conventions that the treebank (web text) seldom shows.
//!
//! Two repairs. The first: the reporting clause at the end of a sentence, "…, US Deputy Secretary of
//! Energy Jeffrey Kupfer said here Wednesday." A greedy parser trained on web text often hangs
//! the speaker on the reported clause (as the object of its verb) and leaves the reporting verb
//! without a subject. When the sentence ends in a comma, a short noun phrase, a verb of saying
//! and at most a few words of time or place, and that verb has no subject, the clause is put
//! back as Universal Dependencies annotates it: the verb of saying hangs on the sentence's root
//! as `parataxis`, the noun phrase is its `nsubj`, the comma its `punct`. Sentences the parser
//! got right (the verb has a subject) are left alone.
//!
//! The second: a capitalised adjective before a name ("met Chinese President Xi Jinping",
//! "met Japanese Prime Minister Fumio Kishida") that the parser made a predicate of the verb
//! (`xcomp`), with the name hung on it or on the verb as something other than its object. The
//! adjective is then the name's `amod` and the name the verb's `obj`, as UD has it.

use crate::gazetteer;
use crate::parser::Arc;
use newsgraph_model::{DepRel, Tag, Upos};

/// Verbs that report speech at the end of a news sentence.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "explained",
    "wrote",
    "warned",
    "insisted",
    "argued",
    "claimed",
    "acknowledged",
    "confirmed",
    "announced",
    "reported",
];

/// Words of time or place that may follow the verb ("said here Wednesday", "said on Monday").
fn trailing_word(word: &str, upos: Upos) -> bool {
    const WORDS: &[&str] = &[
        "here",
        "there",
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "recently",
        "also",
        "on",
        "in",
        "last",
        "this",
        "late",
        "early",
        "week",
        "month",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    upos == Upos::Adv
        || WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        || gazetteer::is_calendar_word(word)
}

/// Words a speaker's noun phrase is made of ("US Deputy Secretary of Energy Jeffrey Kupfer",
/// "a senior official", "he").
fn speaker_word(word: &str, upos: Upos) -> bool {
    matches!(upos, Upos::Propn | Upos::Noun | Upos::Pron | Upos::Adj | Upos::Det | Upos::Num)
        || (upos == Upos::Adp && word == "of")
        || (upos == Upos::Part && (word == "'s" || word == "’s"))
}

/// Put a sentence-final reporting clause back in place (see the module documentation).
pub fn reporting_clause(words: &[&str], tags: &[(Upos, Tag)], arcs: &mut [Arc]) {
    let n = words.len().min(tags.len()).min(arcs.len());
    let upos = |i: usize| tags[i].0;
    // The last word before final punctuation and closing quotation marks.
    let mut end = n;
    while end > 0 && upos(end - 1) == Upos::Punct {
        end -= 1;
    }
    // The verb of saying, with at most four words of time or place after it.
    let mut verb = None;
    let mut i = end;
    while i > 0 && end - i <= 4 {
        i -= 1;
        if upos(i) == Upos::Verb && SAYING.contains(&words[i]) {
            verb = Some(i);
            break;
        }
        if !trailing_word(words[i], upos(i)) {
            break;
        }
    }
    let Some(verb) = verb else { return };
    // The speaker: up to twelve words back to a comma, with a noun, name or pronoun in them.
    let mut start = verb;
    while start > 0 && verb - start < 12 && speaker_word(words[start - 1], upos(start - 1)) {
        start -= 1;
    }
    if start == verb || start < 2 || words[start - 1] != "," {
        return;
    }
    let comma = start - 1;
    if !(start..verb).any(|k| matches!(upos(k), Upos::Propn | Upos::Noun | Upos::Pron)) {
        return;
    }
    let has_subject = (0..n)
        .any(|k| arcs[k].0 == Some(verb as u32) && matches!(arcs[k].1, DepRel::Nsubj | DepRel::NsubjPass));
    if has_subject {
        return;
    }
    // The reported clause's root must lie before the comma.
    let Some(root) = (0..n).find(|&k| arcs[k].0.is_none()) else { return };
    if root >= comma {
        return;
    }
    let inside = |h: Option<u32>| h.is_some_and(|h| (start..verb).contains(&(h as usize)));
    // The speaker's head: its first word whose head is outside the phrase, a noun, name or
    // pronoun if one is.
    let outside: Vec<usize> = (start..verb).filter(|&k| !inside(arcs[k].0)).collect();
    let Some(&head) = outside
        .iter()
        .find(|&&k| matches!(upos(k), Upos::Propn | Upos::Noun | Upos::Pron))
        .or(outside.first())
    else {
        return;
    };
    for &k in &outside {
        if k != head {
            arcs[k].0 = Some(head as u32);
        }
    }
    // Words before the comma that hung on the reporting clause go to the root.
    let clause = comma..end;
    for (k, arc) in arcs.iter_mut().enumerate().take(comma) {
        if k != root && arc.0.is_some_and(|h| clause.contains(&(h as usize))) {
            *arc = (Some(root as u32), DepRel::Dep);
        }
    }
    arcs[head] = (Some(verb as u32), DepRel::Nsubj);
    arcs[comma] = (Some(verb as u32), DepRel::Punct);
    arcs[verb] = (Some(root as u32), DepRel::Parataxis);
    for arc in &mut arcs[verb + 1..end] {
        if !arc.0.is_some_and(|h| (verb..end).contains(&(h as usize))) {
            arc.0 = Some(verb as u32);
        }
    }
}

/// Put a nationality-style adjective back on the name it modifies (see the module
/// documentation).
pub fn adjective_before_name(words: &[&str], tags: &[(Upos, Tag)], arcs: &mut [Arc]) {
    let n = words.len().min(tags.len()).min(arcs.len());
    let capitalised = |k: usize| words[k].chars().next().is_some_and(char::is_uppercase);
    for a in 0..n {
        let (Some(v), DepRel::Xcomp) = arcs[a] else { continue };
        let v = v as usize;
        if v >= a || tags[a].0 != Upos::Adj || tags[v].0 != Upos::Verb || !capitalised(a) {
            continue;
        }
        // The name after it: capitalised titles and names ("Prime Minister Fumio Kishida").
        let mut end = a + 1;
        while end < n && capitalised(end) && matches!(tags[end].0, Upos::Propn | Upos::Adj | Upos::Noun) {
            end += 1;
        }
        if end == a + 1 || !(a + 1..end).any(|k| tags[k].0 == Upos::Propn) {
            continue;
        }
        // Its head: the word of the name that hangs outside it, on the adjective or the verb.
        let outside: Vec<usize> = (a + 1..end)
            .filter(|&k| arcs[k].0.is_none_or(|h| !(a + 1..end).contains(&(h as usize))))
            .collect();
        let [head] = outside[..] else { continue };
        if !matches!(arcs[head].0, Some(h) if h as usize == a || h as usize == v) {
            continue;
        }
        for arc in arcs.iter_mut().take(n) {
            if arc.0 == Some(a as u32) {
                arc.0 = Some(head as u32);
            }
        }
        arcs[head] = (Some(v as u32), DepRel::Obj);
        arcs[a] = (Some(head as u32), DepRel::Amod);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(spec: &[(&'static str, Upos)]) -> (Vec<&'static str>, Vec<(Upos, Tag)>) {
        (spec.iter().map(|s| s.0).collect(), spec.iter().map(|s| (s.1, Tag::default())).collect())
    }

    #[test]
    fn a_speaker_read_as_an_object_becomes_the_subject_of_said() {
        use Upos::*;
        let (words, tags) = tagged(&[
            ("Talks", Noun),
            ("resumed", Verb),
            (",", Punct),
            ("Deputy", Propn),
            ("Secretary", Propn),
            ("Jeffrey", Propn),
            ("Kupfer", Propn),
            ("said", Verb),
            ("here", Adv),
            ("Wednesday", Propn),
            (".", Punct),
        ]);
        // What a parser trained on web text made of it: the speaker as the object of
        // "resumed", "said" coordinated with it and without a subject.
        let mut arcs: Vec<Arc> = vec![
            (Some(1), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(4), DepRel::Punct),
            (Some(4), DepRel::Compound),
            (Some(1), DepRel::Obj),
            (Some(4), DepRel::Flat),
            (Some(5), DepRel::Flat),
            (Some(1), DepRel::Conj),
            (Some(7), DepRel::Advmod),
            (Some(1), DepRel::Obl),
            (Some(1), DepRel::Punct),
        ];
        reporting_clause(&words, &tags, &mut arcs);
        assert_eq!(arcs[7], (Some(1), DepRel::Parataxis));
        assert_eq!(arcs[4], (Some(7), DepRel::Nsubj));
        assert_eq!(arcs[2], (Some(7), DepRel::Punct));
        assert_eq!(arcs[3], (Some(4), DepRel::Compound));
        assert_eq!(arcs[9].0, Some(7), "the day goes with the verb of saying");
        assert_eq!(arcs[8], (Some(7), DepRel::Advmod));
        assert_eq!(arcs[1], (None, DepRel::Root));
        assert_eq!(arcs[10], (Some(1), DepRel::Punct));
    }

    #[test]
    fn a_clause_with_a_subject_or_no_speaker_is_left_alone() {
        use Upos::*;
        let (words, tags) = tagged(&[
            ("Talks", Noun),
            ("resumed", Verb),
            (",", Punct),
            ("officials", Noun),
            ("said", Verb),
            (".", Punct),
        ]);
        let right: Vec<Arc> = vec![
            (Some(1), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(4), DepRel::Punct),
            (Some(4), DepRel::Nsubj),
            (Some(1), DepRel::Parataxis),
            (Some(1), DepRel::Punct),
        ];
        let mut arcs = right.clone();
        reporting_clause(&words, &tags, &mut arcs);
        assert_eq!(arcs, right);

        // "He said." has no reported clause before a comma.
        let (words, tags) = tagged(&[("He", Pron), ("said", Verb), (".", Punct)]);
        let right: Vec<Arc> = vec![(Some(1), DepRel::Nsubj), (None, DepRel::Root), (Some(1), DepRel::Punct)];
        let mut arcs = right.clone();
        reporting_clause(&words, &tags, &mut arcs);
        assert_eq!(arcs, right);

        // Empty and mismatched input does nothing.
        reporting_clause(&[], &[], &mut []);
    }

    #[test]
    fn an_adjective_read_as_a_predicate_goes_back_on_the_name() {
        use Upos::*;
        let (words, tags) = tagged(&[
            ("Modi", Propn),
            ("met", Verb),
            ("Chinese", Adj),
            ("President", Propn),
            ("Xi", Propn),
            ("Jinping", Propn),
            ("in", Adp),
            ("Kazan", Propn),
            (".", Punct),
        ]);
        let mut arcs: Vec<Arc> = vec![
            (Some(1), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(1), DepRel::Xcomp),
            (Some(4), DepRel::NmodDesc),
            (Some(2), DepRel::Appos),
            (Some(4), DepRel::Flat),
            (Some(7), DepRel::Case),
            (Some(4), DepRel::Nmod),
            (Some(1), DepRel::Punct),
        ];
        adjective_before_name(&words, &tags, &mut arcs);
        assert_eq!(arcs[4], (Some(1), DepRel::Obj));
        assert_eq!(arcs[2], (Some(4), DepRel::Amod));
        assert_eq!(arcs[3], (Some(4), DepRel::NmodDesc));
        assert_eq!(arcs[7], (Some(4), DepRel::Nmod));

        // "They seemed happy" has no name after the adjective: left alone.
        let (words, tags) = tagged(&[("They", Pron), ("seemed", Verb), ("Happy", Adj), (".", Punct)]);
        let right: Vec<Arc> = vec![
            (Some(1), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(1), DepRel::Xcomp),
            (Some(1), DepRel::Punct),
        ];
        let mut arcs = right.clone();
        adjective_before_name(&words, &tags, &mut arcs);
        assert_eq!(arcs, right);
        adjective_before_name(&[], &[], &mut []);
    }
}
