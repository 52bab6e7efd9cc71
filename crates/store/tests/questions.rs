//! Every question of the store, asked of a small corpus built by hand, with exact answers.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod common;

use newsgraph_model::{EntityKind, SourceKind};
use newsgraph_store::questions::*;
use newsgraph_store::{Store, StoreError};

fn store() -> Store {
    let mut store = Store::in_memory().unwrap();
    let outcome = store.write_documents(common::corpus()).unwrap();
    assert_eq!((outcome.stored, outcome.duplicates), (4, 1));
    store
}

fn period(from: Option<&str>, to: Option<&str>) -> Period {
    Period { from: from.map(Into::into), to: to.map(Into::into) }
}

#[test]
fn search_finds_words_phrases_and_respects_filters() {
    let store = store();
    let ids = |q: SearchQuery| -> Vec<String> {
        let mut ids: Vec<String> = store.search(&q).unwrap().items.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(SearchQuery::new("arms")), ["d1", "d1-copy"]);
    assert_eq!(ids(SearchQuery::new("\"talks were useful\"")), ["d2"]);
    assert_eq!(ids(SearchQuery::new("useful OR mistake")), ["d2", "d3"]);
    assert_eq!(ids(SearchQuery::new("china -russia")), ["d3"]);
    assert_eq!(ids(SearchQuery::new("sanct*")), ["d3"]);
    assert_eq!(ids(SearchQuery::new("Sanctions")), ["d3"], "case does not matter");
    let mut q = SearchQuery::new("china");
    q.outlet = Some("daily planet".into());
    q.period = period(Some("2026-03-04"), None);
    assert_eq!(ids(q), ["d3"]);

    let hit = &store.search(&SearchQuery::new("mistake")).unwrap().items[0];
    assert_eq!(hit.title.as_deref(), Some("Story d3"));
    assert!(hit.snippet.iter().any(|f| f.matched && f.text == "mistake"), "{:?}", hit.snippet);
    let joined: String = hit.snippet.iter().map(|f| f.text.as_str()).collect();
    assert!(joined.contains("This is a mistake"));
}

#[test]
fn search_pages_and_orders() {
    let store = store();
    let mut q = SearchQuery::new("china");
    q.order = Order::Newest;
    q.paging = Paging { limit: 2, offset: 0 };
    let first = store.search(&q).unwrap();
    assert_eq!(first.items.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["d3", "d2"]);
    assert!(first.more);
    q.paging.offset = 2;
    let rest = store.search(&q).unwrap();
    assert_eq!(rest.items.len(), 2);
    assert!(!rest.more);

    // Newest first within a period and an outlet: the page comes from the day index.
    let ids = |q: &SearchQuery| -> Vec<String> {
        store.search(q).unwrap().items.into_iter().map(|h| h.id).collect()
    };
    let mut q = SearchQuery::new("china");
    q.order = Order::Newest;
    q.period = period(Some("2026-03-03"), Some("2026-03-05"));
    assert_eq!(ids(&q), ["d3", "d2"]);
    q.outlet = Some("DAILY PLANET".into());
    q.period = period(None, Some("2026-03-04"));
    assert_eq!(ids(&q), ["d2"]);
    q.outlet = Some("Sample Wire".into());
    q.period = period(None, None);
    assert_eq!(ids(&q), ["d1"]);
    // Snippets are made for the page in this order too.
    let mut q = SearchQuery::new("mistake");
    q.order = Order::Newest;
    let hit = &store.search(&q).unwrap().items[0];
    assert_eq!(hit.id, "d3");
    assert!(hit.snippet.iter().any(|f| f.matched && f.text == "mistake"), "{:?}", hit.snippet);
    // A word no document has gives an empty page.
    let mut q = SearchQuery::new("zeppelin");
    q.order = Order::Newest;
    assert!(store.search(&q).unwrap().items.is_empty());
}

#[test]
fn search_syntax_never_reaches_sqlite_raw() {
    let store = store();
    for q in
        ["\"", "china AND (", "NEAR(", "*", "title:china", "'; DROP TABLE documents; --", "a\"b", "OR OR"]
    {
        match store.search(&SearchQuery::new(q)) {
            Ok(_) => {}
            Err(StoreError::BadQuery(_)) => {}
            Err(e) => panic!("`{q}` gave {e}"),
        }
    }
    assert_eq!(store.count().unwrap(), 4);
    assert!(matches!(store.search(&SearchQuery::new("   ")), Err(StoreError::BadQuery(_))));
    assert!(matches!(store.search(&SearchQuery::new("-china")), Err(StoreError::BadQuery(_))));
}

#[test]
fn fts_expression_quotes_every_term() {
    assert_eq!(fts_expression("nile dam").unwrap(), r#""nile" AND "dam""#);
    assert_eq!(fts_expression(r#""nile dam" talks"#).unwrap(), r#""nile dam" AND "talks""#);
    assert_eq!(fts_expression("a OR b c").unwrap(), r#"("a" OR "b") AND "c""#);
    assert_eq!(fts_expression("arm* -russia").unwrap(), r#""arm"* NOT "russia""#);
    assert_eq!(fts_expression(r#"x"y"#).unwrap(), r#""x" AND "y""#);
    assert_eq!(fts_expression("NEAR(a b)").unwrap(), r#""NEAR(a" AND "b)""#);
}

#[test]
fn bad_parameters_are_bad_queries() {
    let store = store();
    let mut q = SearchQuery::new("china");
    q.period = period(Some("2026-3-1"), None);
    assert!(matches!(store.search(&q), Err(StoreError::BadQuery(m)) if m.contains("YYYY-MM-DD")));
    q.period = period(Some("2026-03-05"), Some("2026-03-01"));
    assert!(matches!(store.search(&q), Err(StoreError::BadQuery(m)) if m.contains("after")));
    q.period = Period::default();
    q.paging.limit = 0;
    assert!(store.search(&q).unwrap_err().is_bad_query());
    q.paging.limit = MAX_LIMIT + 1;
    assert!(store.search(&q).unwrap_err().is_bad_query());
    let claims = ClaimQuery { source_kind: Some("secret".into()), ..ClaimQuery::default() };
    assert!(matches!(store.claims(&claims), Err(StoreError::BadQuery(m)) if m.contains("anonymous")));
    let events = EventQuery { actor1: "CHN'; --".into(), ..EventQuery::default() };
    assert!(store.events_by_day(&events).unwrap_err().is_bad_query());
    let quotes = QuoteQuery { speaker: " ".into(), ..QuoteQuery::default() };
    assert!(store.quotes(&quotes).unwrap_err().is_bad_query());
}

#[test]
fn quotations_by_speaker_latest_first() {
    let store = store();
    let q = QuoteQuery { speaker: "sun yun".into(), ..QuoteQuery::default() };
    let page = store.quotes(&q).unwrap();
    let texts: Vec<(&str, &str)> = page.items.iter().map(|h| (h.id.as_str(), h.text.as_str())).collect();
    assert_eq!(
        texts,
        [("d2", "Talks were useful"), ("d1-copy", "We will not send arms"), ("d1", "We will not send arms")]
    );
    let q = QuoteQuery {
        speaker: "Sun Yun".into(),
        period: period(None, Some("2026-03-02")),
        outlet: Some("Sample Wire".into()),
        ..QuoteQuery::default()
    };
    let page = store.quotes(&q).unwrap();
    assert_eq!(page.items.len(), 1);
    // Spans are character offsets: the text has a curly quote (3 bytes, 1 character) before it.
    let doc = store.record("d1").unwrap().unwrap();
    let [s, e] = page.items[0].span;
    let chars: String = doc.text.chars().skip(s as usize).take((e - s) as usize).collect();
    assert_eq!(chars, "We will not send arms");
}

#[test]
fn claims_by_source_kind_and_topic() {
    let store = store();
    let q = ClaimQuery {
        source_kind: Some("anonymous".into()),
        about: Some("china".into()),
        ..ClaimQuery::default()
    };
    let page = store.claims(&q).unwrap();
    let texts: Vec<&str> = page.items.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["China was willing to help Russia", "China was willing to help Russia"]);
    assert_eq!(page.items[0].source.as_deref(), Some("Officials"));
    let q = ClaimQuery {
        source_kind: Some("anonymous".into()),
        outlet: Some("Sample Wire".into()),
        ..ClaimQuery::default()
    };
    assert_eq!(store.claims(&q).unwrap().items.len(), 1);
    let q = ClaimQuery {
        source: Some("Ana Ribeiro".into()),
        about: Some("trade".into()),
        ..ClaimQuery::default()
    };
    let page = store.claims(&q).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].source_kind, "named_person");
    let q = ClaimQuery { source_kind: Some("unspecified".into()), ..ClaimQuery::default() };
    assert_eq!(store.claims(&q).unwrap().items[0].cue.as_deref(), Some("is said"));
}

#[test]
fn events_between_two_actors_by_day() {
    let store = store();
    let q = EventQuery { actor1: "chn".into(), actor2: Some("RUS".into()), ..EventQuery::default() };
    let series = store.events_by_day(&q).unwrap();
    // The syndicated copy of d1 is not counted twice.
    assert_eq!(series.total, 2);
    assert_eq!(
        series.days.iter().map(|d| (d.day.as_str(), d.count)).collect::<Vec<_>>(),
        [("2026-03-02", 1), ("2026-03-03", 1)]
    );
    assert!((series.mean_goldstein - (-1.5)).abs() < 1e-9);
    let directed = EventQuery { directed: true, ..q.clone() };
    assert_eq!(store.events_by_day(&directed).unwrap().total, 1);
    let china = EventQuery {
        actor1: "CHN".into(),
        period: period(Some("2026-03-03"), None),
        ..EventQuery::default()
    };
    let series = store.events_by_day(&china).unwrap();
    assert_eq!(series.total, 2);
    let listed = store.events(&china, Paging::default()).unwrap();
    assert_eq!(listed.items.iter().map(|e| e.cue.as_str()).collect::<Vec<_>>(), ["criticised", "met"]);
    let gov = EventQuery { actor1: "CHNGOV".into(), ..EventQuery::default() };
    assert_eq!(store.events_by_day(&gov).unwrap().total, 1, "a longer code is more specific");
}

#[test]
fn rankings_of_people_and_actors() {
    let store = store();
    let top = store.top_speakers(&TopQuery::default()).unwrap();
    let ranked: Vec<(&str, u64)> = top.items.iter().map(|r| (r.name.as_str(), r.count)).collect();
    assert_eq!(ranked, [("Sun Yun", 2), ("Ana Ribeiro", 1)]);
    let actors = store.top_actors(&TopQuery::default()).unwrap();
    let ranked: Vec<(&str, u64)> = actors.items.iter().map(|r| (r.name.as_str(), r.count)).collect();
    assert_eq!(ranked, [("CHN", 2), ("RUS", 2), ("CHNGOV", 1), ("USA", 1)]);
    let later = TopQuery { period: period(Some("2026-03-04"), None), ..TopQuery::default() };
    assert_eq!(store.top_speakers(&later).unwrap().items[0].name, "Ana Ribeiro");
}

#[test]
fn sourcing_profile_of_an_outlet() {
    let store = store();
    let profile =
        store.sourcing(&SourcingQuery { outlet: "daily planet".into(), period: Period::default() }).unwrap();
    assert_eq!((profile.documents, profile.claims), (2, 4));
    assert!((profile.named - 0.75).abs() < 1e-9);
    assert!((profile.unspecified - 0.25).abs() < 1e-9);
    assert_eq!(profile.anonymous, 0.0);
    assert_eq!(profile.by_kind.len(), 7);
    let wire =
        store.sourcing(&SourcingQuery { outlet: "Sample Wire".into(), period: Period::default() }).unwrap();
    assert!((wire.anonymous - 0.5).abs() < 1e-9);
    let none = store.sourcing(&SourcingQuery { outlet: "Nobody".into(), period: Period::default() }).unwrap();
    assert_eq!((none.documents, none.claims, none.named), (0, 0, 0.0));
    let outlets = store.outlets(Paging::default()).unwrap();
    assert_eq!(outlets.items[0].name, "Daily Planet");
}

#[test]
fn person_profile_and_network() {
    let store = store();
    let ana = store.person("Ana Ribeiro", &Period::default(), Paging::default()).unwrap();
    assert_eq!((ana.documents, ana.quotes), (2, 1));
    assert_eq!(ana.kinds, ["PERSON"]);
    assert_eq!(ana.said[0].text, "This is a mistake");
    assert_eq!(
        ana.timeline.iter().map(|a| (a.day.as_str(), a.documents, a.quotes)).collect::<Vec<_>>(),
        [("2026-03-03", 1, 0), ("2026-03-05", 1, 1)]
    );
    let china = store.person("China", &Period::default(), Paging::default()).unwrap();
    let about: Vec<&str> = china.said_about.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        about,
        [
            "sanctions on China will follow",
            "the meeting was about trade with China",
            "China was willing to help Russia",
            "China was willing to help Russia"
        ]
    );

    let network = store.network(&NetworkQuery { period: Period::default(), limit: 10 }).unwrap();
    assert_eq!(network.edges.len(), 3);
    assert_eq!(network.nodes[0].code, "CHN");
    let partners = store.partners("CHN", &Period::default(), Paging::default()).unwrap();
    assert_eq!(partners.items.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["RUS", "USA"]);
}

/// The aggregate tables agree with counting the rows directly, after stores, replacements
/// and duplicates.
fn assert_aggregates_match_rows(store: &Store) {
    let conn = store.connection();
    let pairs = |sql: &str| -> Vec<(String, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(
        pairs("SELECT name, n FROM speaker_totals WHERE n > 0 ORDER BY name"),
        pairs("SELECT speaker_name, count(*) FROM quotes WHERE dup = 0 AND speaker_kind = 'PERSON' GROUP BY speaker_name ORDER BY speaker_name")
    );
    assert_eq!(
        pairs("SELECT code, n FROM actor_totals WHERE n > 0 ORDER BY code"),
        pairs("SELECT code, count(*) FROM (SELECT source_code AS code FROM events WHERE dup = 0 AND source_code <> '' UNION ALL SELECT target_code FROM events WHERE dup = 0 AND target_code <> '') GROUP BY code ORDER BY code")
    );
    assert_eq!(
        pairs("SELECT source || '>' || target || '@' || day, n FROM pair_days WHERE n > 0 ORDER BY 1"),
        pairs("SELECT source_code || '>' || target_code || '@' || day, count(*) FROM events WHERE dup = 0 AND target_code <> '' GROUP BY 1 ORDER BY 1")
    );
}

#[test]
fn aggregates_follow_replacements() {
    let mut store = store();
    assert_aggregates_match_rows(&store);
    let mut docs = common::corpus();
    // d2 is corrected: its quotation and event are gone.
    docs[1].text.push_str(" Corrected.");
    docs[1].quotes.clear();
    docs[1].events.clear();
    let outcome = store.write_documents(docs).unwrap();
    assert_eq!((outcome.replaced, outcome.unchanged), (1, 3));
    assert_aggregates_match_rows(&store);
    let top = store.top_speakers(&TopQuery::default()).unwrap();
    assert_eq!(
        top.items.iter().map(|r| (r.name.as_str(), r.count)).collect::<Vec<_>>(),
        [("Ana Ribeiro", 1), ("Sun Yun", 1)]
    );
    let march3 = TopQuery { period: period(Some("2026-03-03"), Some("2026-03-03")), ..TopQuery::default() };
    assert!(store.top_actors(&march3).unwrap().items.is_empty());
    let outlet = TopQuery { outlet: Some("daily planet".into()), ..TopQuery::default() };
    assert_eq!(store.top_speakers(&outlet).unwrap().items[0].name, "Ana Ribeiro");
}

/// A person quoted under their surname alone in one article and with a middle initial in
/// another is one person in the rankings, the quotations and their page.
#[test]
fn names_of_one_person_are_counted_together() {
    let mut store = store();
    let mut docs = Vec::new();
    for (id, day, name) in [("d5", "2026-03-06", "Ribeiro"), ("d6", "2026-03-07", "Ana M. Ribeiro")] {
        let text = format!("“Trade will grow,” {name} said.");
        let mut b = common::Builder::new(id, "Evening Post", day, &text);
        let who = b.entity(name, EntityKind::Person, &[name], None);
        b.claim("Trade will grow", "said", Some(who), name, SourceKind::NamedPerson, true);
        docs.push(b.doc);
    }
    store.write_documents(docs).unwrap();

    let top = store.top_speakers(&TopQuery::default()).unwrap();
    let ranked: Vec<(&str, u64, &[String])> =
        top.items.iter().map(|r| (r.name.as_str(), r.count, r.aliases.as_slice())).collect();
    let aliases = ["Ana M. Ribeiro".to_string(), "Ribeiro".to_string()];
    assert_eq!(ranked, [("Ana Ribeiro", 3, &aliases[..]), ("Sun Yun", 2, &[][..])]);
    // Paging runs over the joined ranking.
    let second = TopQuery { paging: Paging { limit: 1, offset: 1 }, ..TopQuery::default() };
    let page = store.top_speakers(&second).unwrap();
    assert_eq!((page.items[0].name.as_str(), page.more), ("Sun Yun", false));

    for asked in ["Ribeiro", "ana ribeiro", "Ana M. Ribeiro"] {
        let quotes = store.quotes(&QuoteQuery { speaker: asked.into(), ..QuoteQuery::default() }).unwrap();
        let days: Vec<&str> = quotes.items.iter().filter_map(|q| q.day.as_deref()).collect();
        assert_eq!(days, ["2026-03-07", "2026-03-06", "2026-03-05"], "asked for {asked}");
    }
    let person = store.person("Ribeiro", &Period::default(), Paging::default()).unwrap();
    assert_eq!(person.name, "Ana Ribeiro");
    assert_eq!(person.aliases, aliases);
    assert_eq!((person.documents, person.quotes), (4, 3));
    // An undated article counts in the totals, not in the timeline or a period.
    let mut b = common::Builder::new("d7", "Evening Post", "2026-03-08", "“Trade will fall,” Ribeiro said.");
    b.doc.meta.published = None;
    let who = b.entity("Ribeiro", EntityKind::Person, &["Ribeiro"], None);
    b.claim("Trade will fall", "said", Some(who), "Ribeiro", SourceKind::NamedPerson, true);
    store.write_documents(vec![b.doc]).unwrap();
    let person = store.person("Ana Ribeiro", &Period::default(), Paging::default()).unwrap();
    assert_eq!((person.documents, person.quotes, person.timeline.len()), (5, 4, 4));
    assert_eq!(person.said.last().map(|q| (q.day.clone(), q.text.as_str())), Some((None, "Trade will fall")));
    let march = period(Some("2026-03-01"), Some("2026-03-31"));
    let person = store.person("Ana Ribeiro", &march, Paging::default()).unwrap();
    assert_eq!((person.documents, person.quotes), (4, 3));

    // Another person's name is untouched.
    let sun = store.person("Sun Yun", &Period::default(), Paging::default()).unwrap();
    assert!(sun.aliases.is_empty());
    assert_eq!(sun.quotes, 2);
}

/// Over a large store, relevance ranks the most recently stored matches of a word found
/// everywhere, and claims about a common word come newest first from the walk of their kind.
#[test]
fn common_words_over_a_large_store() {
    let mut store = Store::in_memory().unwrap();
    let total = RANKED_MATCHES as usize + 50;
    let docs: Vec<_> = (0..total)
        .map(|i| {
            let day = format!("2026-02-{:02}", 1 + i % 28);
            let text = if i == 0 {
                format!("Officials said item {i} moved first.")
            } else {
                format!("Officials said item {i} moved.")
            };
            let mut b = common::Builder::new(&format!("n{i}"), "Wire", &day, &text);
            if i < 5_100 {
                b.claim(&format!("item {i} moved"), "said", None, "Officials", SourceKind::Anonymous, false);
            }
            b.doc
        })
        .collect();
    store.write_documents(docs).unwrap();

    let number = |id: &str| id[1..].parse::<usize>().unwrap();
    let hits = store.search(&SearchQuery::new("officials")).unwrap();
    assert_eq!(hits.items.len(), 20);
    assert!(hits.items.iter().all(|h| number(&h.id) >= 50), "only the latest matches are ranked");
    // A rarer word is ranked over all its matches, however old.
    let first = store.search(&SearchQuery::new("first")).unwrap();
    assert_eq!(first.items.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["n0"]);
    // With a period every match in it is ranked, old ones included.
    let mut q = SearchQuery::new("officials");
    q.period = period(Some("2026-02-01"), Some("2026-02-01"));
    q.paging = Paging { limit: 1000, offset: 0 };
    let in_period = store.search(&q).unwrap();
    assert!(in_period.items.iter().any(|h| h.id == "n0"));
    assert_eq!(in_period.items.len(), total.div_ceil(28));

    // 5,100 claims say "moved": newest day first, then the later document first.
    let claims = |kind: &str| {
        let q = ClaimQuery {
            source_kind: Some(kind.into()),
            about: Some("moved".into()),
            paging: Paging { limit: 3, offset: 0 },
            ..ClaimQuery::default()
        };
        store.claims(&q).unwrap()
    };
    let anonymous = claims("anonymous");
    let got: Vec<(&str, &str)> =
        anonymous.items.iter().map(|c| (c.day.as_deref().unwrap(), c.id.as_str())).collect();
    assert_eq!(got, [("2026-02-28", "n5095"), ("2026-02-28", "n5067"), ("2026-02-28", "n5039")]);
    assert!(anonymous.more);
    assert!(claims("named_person").items.is_empty());
}
