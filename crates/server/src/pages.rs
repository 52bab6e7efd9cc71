//! The web page for people: search, an article with its annotations highlighted, a person's
//! page, an actor's page, the actor network, an outlet's sourcing profile, claims and events.
//!
//! Pages are HTML rendered on the server by `maud`, which escapes every interpolated value;
//! no stored text is ever written unescaped. Pages carry no script, and the
//! Content-Security-Policy header forbids any.

use crate::api::{self, ClaimParams, EventParams, NetworkParams, PeriodParams, SearchParams, TopParams};
use crate::charts::{self, encode, Day};
use crate::error::Failure;
use crate::text::{pieces, Mark};
use crate::Readers;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use newsgraph_store::questions::*;
use serde::de::DeserializeOwned;
use std::sync::Arc;

type Shared = State<Arc<Readers>>;

pub(crate) fn routes() -> Router<Arc<Readers>> {
    Router::new()
        .route("/", get(home))
        .route("/article/{id}", get(article))
        .route("/person/{name}", get(person))
        .route("/actor/{code}", get(actor))
        .route("/network", get(network))
        .route("/outlet/{name}", get(outlet))
        .route("/claims", get(claims))
        .route("/events", get(events))
        .fallback(not_found)
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// An HTML answer with its status.
pub(crate) struct Page(StatusCode, Markup);

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut response = (self.0, axum::response::Html(self.1.into_string())).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
        headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
        response
    }
}

/// A failure shown as a page.
pub(crate) struct PageFailure(Failure);

impl From<Failure> for PageFailure {
    fn from(f: Failure) -> PageFailure {
        PageFailure(f)
    }
}

impl IntoResponse for PageFailure {
    fn into_response(self) -> Response {
        let title = if self.0.status == StatusCode::NOT_FOUND { "Not found" } else { "Cannot answer" };
        Page(
            self.0.status,
            layout(
                title,
                html! {
                    h1 { (title) }
                    p.error { (self.0.message) }
                    p { a href="/" { "Back to search" } }
                },
            ),
        )
        .into_response()
    }
}

type Html = Result<Page, PageFailure>;

fn ok(title: &str, body: Markup) -> Html {
    Ok(Page(StatusCode::OK, layout(title, body)))
}

/// Query-string parameters of a page, with a 400 page when they do not parse.
pub(crate) struct Form<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Form<T> {
    type Rejection = PageFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        api::parse_query(parts.uri.query()).map(Form).map_err(PageFailure)
    }
}

/// A path segment of a page.
pub(crate) struct Segment(String);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = PageFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(s)) => Ok(Segment(s)),
            Err(e) => Err(PageFailure(Failure::bad_request(e.body_text()))),
        }
    }
}

const STYLE: &str = r#"
body { font-family: system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f3a5a; color: white; padding: .6em 1.2em; display: flex; gap: 1.4em; align-items: baseline; flex-wrap: wrap; }
header a { color: white; text-decoration: none; }
header .brand { font-weight: bold; font-size: 1.2em; }
main { max-width: 980px; margin: 1em auto; padding: 0 1.2em; }
form.inline { display: flex; gap: .5em; flex-wrap: wrap; align-items: end; margin: 1em 0; }
form.inline label { display: flex; flex-direction: column; font-size: .85em; color: #555; }
input, select, button { font-size: 1em; padding: .3em .5em; }
input[name=q] { min-width: 22em; }
.hit { margin: 1em 0; padding-bottom: .6em; border-bottom: 1px solid #ddd; }
.meta { color: #666; font-size: .9em; }
mark { background: #ffe27a; }
.article-text { white-space: pre-wrap; line-height: 1.6; background: white; padding: 1em 1.2em; border: 1px solid #ddd; }
.quote { background: #fff1b8; }
.claim { text-decoration: underline; text-decoration-color: #3b6ea8; text-decoration-thickness: 2px; }
.cue { font-weight: bold; color: #7a3b00; }
.speaker { background: #d5e8ff; }
.event { outline: 2px solid #6a9a3a; outline-offset: 1px; }
.mention a { color: inherit; }
.legend span { margin-right: 1em; padding: 0 .3em; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: .25em .5em; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }
.key { display: inline-block; width: .9em; height: .9em; vertical-align: middle; }
figure.chart { margin: 1em 0; }
circle.node { fill: #1f3a5a; fill-opacity: .85; }
.error { color: #a00; font-weight: bold; }
.kind { font-size: .8em; background: #eee; padding: 0 .3em; border-radius: 3px; }
"#;

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — newsgraph" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    a.brand href="/" { "newsgraph" }
                    a href="/" { "Search" }
                    a href="/claims" { "Claims" }
                    a href="/events" { "Events" }
                    a href="/network" { "Network" }
                    a href="/api/openapi.json" { "API" }
                }
                main { (body) }
            }
        }
    }
}

/// The other names a person is counted under, after their name in a ranking (the first few).
fn also_as(aliases: &[String]) -> Markup {
    html! {
        @if !aliases.is_empty() {
            span.meta {
                " (also " (aliases.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
                @if aliases.len() > 3 { ", …" } ")"
            }
        }
    }
}

fn person_link(name: &str) -> Markup {
    html! { a href=(format!("/person/{}", encode(name))) { (name) } }
}

fn actor_link(code: &str) -> Markup {
    html! { a href=(format!("/actor/{}", encode(code))) { (code) } }
}

fn article_link(id: &str, title: Option<&str>) -> Markup {
    html! { a href=(format!("/article/{}", encode(id))) { (title.filter(|t| !t.is_empty()).unwrap_or(id)) } }
}

fn outlet_link(outlet: Option<&str>) -> Markup {
    html! {
        @if let Some(o) = outlet { a href=(format!("/outlet/{}", encode(o))) { (o) } } @else { "unknown outlet" }
    }
}

fn claim_rows(claims: &[ClaimHit]) -> Markup {
    html! {
        table {
            tr { th { "Claim" } th { "Source" } th { "Article" } }
            @for c in claims {
                tr.claim-row {
                    td { "“" (c.text) "”" @if c.status != "asserted" { " " span.kind { (c.status.replace('_', " ")) } } }
                    td {
                        @if let Some(s) = &c.source { (s) } @else { "—" }
                        " " span.kind { (c.source_kind.replace('_', " ")) }
                    }
                    td { (article_link(&c.id, c.title.as_deref())) br; span.meta { (c.day.as_deref().unwrap_or("")) " · " (outlet_link(c.outlet.as_deref())) } }
                }
            }
        }
    }
}

fn quote_rows(quotes: &[QuoteHit], show_speaker: bool) -> Markup {
    html! {
        table {
            tr { th { "Quotation" } @if show_speaker { th { "Speaker" } } th { "Article" } }
            @for q in quotes {
                tr.quote-row {
                    td { "“" (q.text) "”" }
                    @if show_speaker { td { @if let Some(s) = &q.speaker { (person_link(s)) } } }
                    td { (article_link(&q.id, q.title.as_deref())) br; span.meta { (q.day.as_deref().unwrap_or("")) " · " (outlet_link(q.outlet.as_deref())) } }
                }
            }
        }
    }
}

fn period_fields(from: &Option<String>, to: &Option<String>) -> Markup {
    html! {
        label { "From" input type="date" name="from" value=(from.as_deref().unwrap_or("")); }
        label { "To" input type="date" name="to" value=(to.as_deref().unwrap_or("")); }
    }
}

// ---------------------------------------------------------------------------------------

async fn home(State(readers): Shared, Form(p): Form<SearchParams>) -> Html {
    let form = html! {
        form.inline action="/" method="get" role="search" {
            label { "Search articles" input type="search" name="q" value=(p.q) placeholder="words, \"a phrase\", OR, prefix*, -excluded"; }
            label { "Outlet" input type="text" name="outlet" value=(p.outlet.as_deref().unwrap_or("")); }
            (period_fields(&p.from, &p.to))
            button type="submit" { "Search" }
        }
    };
    if !p.q.trim().is_empty() {
        let query = p.query();
        let page = readers.ask(move |s| s.search(&query)).await?;
        let next = (page.more).then(|| {
            let mut q = form_urlencoded::Serializer::new(String::new());
            q.append_pair("q", &p.q);
            for (k, v) in [("outlet", &p.outlet), ("from", &p.from), ("to", &p.to)] {
                if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                    q.append_pair(k, v);
                }
            }
            q.append_pair("offset", &(p.offset + p.limit).to_string());
            format!("/?{}", q.finish())
        });
        return ok(
            &format!("Search: {}", p.q),
            html! {
                (form)
                h1 { "Articles matching “" (p.q) "”" }
                @if page.items.is_empty() { p #no-results { "No article matches." } }
                @for hit in &page.items {
                    div.hit {
                        h3 { (article_link(&hit.id, hit.title.as_deref())) }
                        div.meta { (hit.published.as_deref().unwrap_or("undated")) " · " (outlet_link(hit.outlet.as_deref())) }
                        p.snippet {
                            @for f in &hit.snippet { @if f.matched { mark { (f.text) } } @else { (f.text) } }
                        }
                    }
                }
                @if let Some(next) = next { p { a href=(next) { "More results →" } } }
            },
        );
    }
    let (count, speakers, actors, outlets) = readers
        .ask(|s| {
            let top = TopQuery { paging: Paging { limit: 12, offset: 0 }, ..TopQuery::default() };
            Ok((
                s.count()?,
                s.top_speakers(&top)?,
                s.top_actors(&top)?,
                s.outlets(Paging { limit: 12, offset: 0 })?,
            ))
        })
        .await?;
    ok(
        "Search",
        html! {
            (form)
            p.meta { (count) " articles in the store." }
            div.columns {
                section {
                    h2 { "Most quoted people" }
                    @if speakers.items.is_empty() { p { "No quotations yet." } }
                    ol #top-speakers { @for r in &speakers.items { li { (person_link(&r.name)) " — " (r.count) " quotations" (also_as(&r.aliases)) } } }
                }
                section {
                    h2 { "Most active actors" }
                    @if actors.items.is_empty() { p { "No coded events yet." } }
                    ol #top-actors { @for r in &actors.items { li { (actor_link(&r.name)) " — " (r.count) " events" } } }
                    h2 { "Outlets" }
                    ul #outlets { @for r in &outlets.items { li { (outlet_link(Some(&r.name))) " — " (r.count) " articles" } } }
                }
            }
        },
    )
}

async fn article(State(readers): Shared, Segment(id): Segment) -> Html {
    let wanted = id.clone();
    let record = readers
        .ask(move |s| s.record(&wanted))
        .await?
        .ok_or_else(|| Failure::not_found(format!("No article with id “{id}”.")))?;
    let pieces = pieces(&record);
    let entity = |id: &Option<String>| -> Option<String> {
        id.as_ref().and_then(|id| record.entities.iter().find(|e| &e.id == id)).map(|e| e.name.clone())
    };
    let slice = |span: [u32; 2]| -> String {
        newsgraph_model::CharIndex::new(&record.text).bytes(span).text(&record.text).to_string()
    };
    let title = record.title.clone().unwrap_or_else(|| record.id.clone());
    ok(
        &title,
        html! {
            h1 #title { (title) }
            div.meta {
                (record.published.as_deref().unwrap_or("undated")) " · " (outlet_link(record.outlet.as_deref()))
                @if !record.authors.is_empty() { " · by " (record.authors.join(", ")) }
                @if let Some(url) = &record.url { " · " a href=(url) rel="noopener noreferrer nofollow" { "original" } }
                @if let Some(d) = &record.duplicate_of { " · copy of " (article_link(d, None)) }
            }
            p.legend {
                span.quote { "quotation" } span.speaker { "speaker or source" } span.cue { "cue" }
                span.claim { "claim" } span.event { "event" }
            }
            div.article-text #text {
                @for piece in &pieces {
                    @if piece.marks.is_empty() {
                        (piece.text)
                    } @else {
                        @let classes = piece.marks.iter().map(|m| m.class()).collect::<Vec<_>>().join(" ");
                        span class=(classes) title=(piece.titles.join("; ")) {
                            @if let (Some(name), true) = (&piece.link, piece.marks.contains(&Mark::Mention)) {
                                a href=(format!("/person/{}", encode(name))) { (piece.text) }
                            } @else {
                                (piece.text)
                            }
                        }
                    }
                }
            }
            h2 { "Quotations" }
            @if record.quotes.is_empty() { p { "None found." } }
            table #quotes {
                @for q in &record.quotes {
                    tr {
                        td { "“" (slice(q.span)) "”" }
                        td { @if let Some(name) = entity(&q.speaker) { (person_link(&name)) } @else { "unresolved" } " " span.kind { (q.kind) } }
                    }
                }
            }
            h2 { "Claims" }
            @if record.attributions.is_empty() { p { "None found." } }
            table #claims {
                @for a in &record.attributions {
                    tr {
                        td { (slice(a.content)) }
                        td {
                            @if let Some(name) = entity(&a.source.entity) { (person_link(&name)) }
                            @else if let Some(m) = a.source.mention { (slice(m)) }
                            " " span.kind { (a.source.kind.replace('_', " ")) }
                            @if a.status != "asserted" { " " span.kind { (a.status.replace('_', " ")) } }
                        }
                    }
                }
            }
            h2 { "Events" }
            @if record.events.is_empty() { p { "None coded." } }
            table #events {
                @for v in &record.events {
                    tr {
                        td { (actor_link(&v.source.actor)) " → " @if let Some(t) = &v.target { (actor_link(&t.actor)) } }
                        td { (v.cameo) " " (v.plover) " (" (format!("{:+.1}", v.goldstein)) ")" }
                        td { "“" (slice(v.cue)) "”" @if v.negated { " " span.kind { "negated" } } }
                    }
                }
            }
            h2 { "People, organisations and places" }
            ul #entities {
                @for e in &record.entities {
                    li { (person_link(&e.name)) " " span.kind { (e.kind) }
                         @if let Some(a) = &e.actor { " " (actor_link(a)) }
                         @if !e.descriptors.is_empty() { " — " (e.descriptors.join("; ")) } }
                }
            }
        },
    )
}

async fn person(State(readers): Shared, Segment(name): Segment, Form(p): Form<PeriodParams>) -> Html {
    let (period, paging) = (p.period(), p.paging());
    let wanted = name.clone();
    let profile = readers.ask(move |s| s.person(&wanted, &period, paging)).await?;
    if profile.documents == 0 && profile.quotes == 0 {
        return Err(Failure::not_found(format!("Nobody called “{name}” is in the store.")).into());
    }
    let days: Vec<Day> = profile
        .timeline
        .iter()
        .map(|a| Day { day: a.day.clone(), values: vec![a.quotes, a.documents], tone: None })
        .collect();
    ok(
        &profile.name,
        html! {
            h1 #name { (profile.name) }
            @if !profile.aliases.is_empty() { p #aliases { "Also quoted as " (profile.aliases.join(", ")) } }
            p.meta {
                (profile.kinds.join(", ")) " · mentioned in " (profile.documents) " articles · "
                (profile.quotes) " quotations"
                @if !profile.descriptors.is_empty() { " · " (profile.descriptors.join("; ")) }
            }
            form.inline method="get" { (period_fields(&p.from, &p.to)) button type="submit" { "Show" } }
            (charts::timeline(&format!("{} day by day", profile.name), &["quotations", "articles mentioning"], &days))
            h2 { "What " (profile.name) " said" }
            @if profile.said.is_empty() { p { "No quotations." } } @else { div #said { (quote_rows(&profile.said, false)) } }
            h2 { "What was said about " (profile.name) }
            @if profile.said_about.is_empty() { p { "No claims mention them." } }
            @else { div #said-about { (claim_rows(&profile.said_about)) } }
        },
    )
}

async fn actor(State(readers): Shared, Segment(code): Segment, Form(p): Form<PeriodParams>) -> Html {
    let (period, paging) = (p.period(), p.paging());
    let profile = readers.ask(move |s| api::actor_profile(s, &code, &period, paging)).await?;
    let days: Vec<Day> = profile
        .series
        .days
        .iter()
        .map(|d| Day { day: d.day.clone(), values: vec![d.count], tone: Some(d.mean_goldstein) })
        .collect();
    ok(
        &profile.code,
        html! {
            h1 #code { "Actor " (profile.code) }
            p.meta { (profile.series.total) " events · mean Goldstein " (format!("{:+.2}", profile.series.mean_goldstein)) }
            form.inline method="get" { (period_fields(&p.from, &p.to)) button type="submit" { "Show" } }
            (charts::timeline(&format!("Events of {} by day (colour: mean Goldstein)", profile.code), &["events"], &days))
            div.columns {
                section {
                    h2 { "Partners" }
                    ol #partners { @for r in &profile.partners.items {
                        li { (actor_link(&r.name)) " — " (r.count) " events, mean " (format!("{:+.1}", r.mean_goldstein.unwrap_or(0.0)))
                             " · " a href=(format!("/events?actor1={}&actor2={}", encode(&profile.code), encode(&r.name))) { "by day" } }
                    } }
                }
                section {
                    h2 { "Latest events" }
                    table #events { @for v in &profile.events.items {
                        tr { td { (v.day.as_deref().unwrap_or("")) } td { (actor_link(&v.source)) " → " (actor_link(&v.target)) }
                             td { (v.cameo) " " (v.plover) } td { (article_link(&v.id, v.title.as_deref())) } }
                    } }
                }
            }
        },
    )
}

async fn network(State(readers): Shared, Form(p): Form<NetworkParams>) -> Html {
    let query = NetworkQuery { period: api::period(&p.from, &p.to), limit: p.limit };
    let net = readers.ask(move |s| s.network(&query)).await?;
    let nodes: Vec<(String, u64)> = net.nodes.iter().take(40).map(|n| (n.code.clone(), n.count)).collect();
    let edges: Vec<(String, String, u64, f64)> =
        net.edges.iter().map(|e| (e.source.clone(), e.target.clone(), e.count, e.mean_goldstein)).collect();
    ok(
        "Network",
        html! {
            h1 { "Actors and their events" }
            form.inline method="get" { (period_fields(&p.from, &p.to)) button type="submit" { "Show" } }
            @if nodes.is_empty() { p #empty { "No coded events between two actors yet." } }
            @else { (charts::network(&nodes, &edges)) }
            table #links {
                tr { th { "From" } th { "To" } th { "Events" } th { "Mean Goldstein" } }
                @for e in &net.edges {
                    tr { td { (actor_link(&e.source)) } td { (actor_link(&e.target)) }
                         td { a href=(format!("/events?actor1={}&actor2={}&directed=true", encode(&e.source), encode(&e.target))) { (e.count) } }
                         td { (format!("{:+.2}", e.mean_goldstein)) } }
                }
            }
        },
    )
}

async fn outlet(State(readers): Shared, Segment(name): Segment, Form(p): Form<TopParams>) -> Html {
    let query = SourcingQuery { outlet: name.clone(), period: api::period(&p.from, &p.to) };
    let top = TopQuery {
        outlet: Some(name.clone()),
        period: query.period.clone(),
        paging: Paging { limit: 10, offset: 0 },
    };
    let (profile, speakers) = readers.ask(move |s| Ok((s.sourcing(&query)?, s.top_speakers(&top)?))).await?;
    if profile.documents == 0 {
        return Err(Failure::not_found(format!("No article from “{name}” in the store.")).into());
    }
    let parts: Vec<(String, f64)> =
        profile.by_kind.iter().map(|k| (k.kind.replace('_', " "), k.share)).collect();
    ok(
        &profile.outlet,
        html! {
            h1 { (profile.outlet) }
            p.meta { (profile.documents) " articles · " (profile.claims) " attributed claims" }
            form.inline method="get" { (period_fields(&p.from, &p.to)) button type="submit" { "Show" } }
            h2 { "Sourcing profile" }
            p #sourcing {
                "Named sources: " strong { (format!("{:.0}%", profile.named * 100.0)) } " · "
                "anonymous: " strong { (format!("{:.0}%", profile.anonymous * 100.0)) } " · "
                "unspecified: " strong { (format!("{:.0}%", profile.unspecified * 100.0)) }
            }
            (charts::shares("Claims by kind of source", &parts))
            h2 { "Most quoted in " (profile.outlet) }
            ol { @for r in &speakers.items { li { (person_link(&r.name)) " — " (r.count) } } }
            p { a href=(format!("/claims?outlet={}&source_kind=anonymous", encode(&profile.outlet))) { "Claims on anonymous sources" } }
        },
    )
}

async fn claims(State(readers): Shared, Form(p): Form<ClaimParams>) -> Html {
    let query = p.query();
    let page = readers.ask(move |s| s.claims(&query)).await?;
    let kind = p.source_kind.clone().unwrap_or_default();
    ok(
        "Claims",
        html! {
            h1 { "Claims by kind of source" }
            form.inline method="get" {
                label { "Source kind" select name="source_kind" {
                    option value="" selected[kind.is_empty()] { "any" }
                    @for k in newsgraph_model::SourceKind::ALL {
                        option value=(k.as_str()) selected[kind == k.as_str()] { (k.as_str().replace('_', " ")) }
                    }
                } }
                label { "About" input type="text" name="about" value=(p.about.as_deref().unwrap_or("")) placeholder="china OR beijing"; }
                label { "Source" input type="text" name="source" value=(p.source.as_deref().unwrap_or("")); }
                label { "Outlet" input type="text" name="outlet" value=(p.outlet.as_deref().unwrap_or("")); }
                (period_fields(&p.from, &p.to))
                button type="submit" { "Find claims" }
            }
            @if page.items.is_empty() { p #no-results { "No claim matches." } }
            @else { div #claims { (claim_rows(&page.items)) } }
        },
    )
}

async fn events(State(readers): Shared, Form(p): Form<EventParams>) -> Html {
    let form = html! {
        form.inline method="get" {
            label { "Actor" input type="text" name="actor1" value=(p.actor1.as_deref().unwrap_or("")) placeholder="CHN"; }
            label { "and actor" input type="text" name="actor2" value=(p.actor2.as_deref().unwrap_or("")) placeholder="RUS (optional)"; }
            (period_fields(&p.from, &p.to))
            button type="submit" { "Show events" }
        }
    };
    if p.actor1.as_deref().is_none_or(|a| a.trim().is_empty()) {
        return ok(
            "Events",
            html! { h1 { "Events between actors" } (form) p { "Give a CAMEO actor code, such as CHN or USAGOV; a country code also matches its roles." } },
        );
    }
    let query = p.query()?;
    let paging = Paging { limit: p.limit, offset: p.offset };
    let (series, list) =
        readers.ask(move |s| Ok((s.events_by_day(&query)?, s.events(&query, paging)?))).await?;
    let days: Vec<Day> = series
        .days
        .iter()
        .map(|d| Day { day: d.day.clone(), values: vec![d.count], tone: Some(d.mean_goldstein) })
        .collect();
    ok(
        "Events",
        html! {
            h1 { "Events between actors" }
            (form)
            p #summary { (series.total) " events · mean Goldstein " (format!("{:+.2}", series.mean_goldstein)) }
            (charts::timeline("Events by day (colour: mean Goldstein)", &["events"], &days))
            table #by-day {
                tr { th { "Day" } th { "Events" } th { "Mean Goldstein" } }
                @for d in &series.days { tr { td { (d.day) } td { (d.count) } td { (format!("{:+.2}", d.mean_goldstein)) } } }
            }
            h2 { "Events" }
            table { @for v in &list.items {
                tr { td { (v.day.as_deref().unwrap_or("")) } td { (actor_link(&v.source)) " → " (actor_link(&v.target)) }
                     td { (v.cameo) " " (v.plover) } td { "“" (v.cue) "”" } td { (article_link(&v.id, v.title.as_deref())) } }
            } }
        },
    )
}

async fn not_found() -> PageFailure {
    PageFailure(Failure::not_found("There is no such page."))
}
