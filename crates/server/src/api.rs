//! The JSON API: one route per question, parameters in the query string, answers as JSON,
//! failures as `{"error": "…"}` with a 4xx status for the caller's mistakes.
//!
//! Parameter types here are the API's contract; they are converted into the store's question
//! types, which check the values (dates, limits, codes) and bind them as SQL parameters.

use crate::error::Failure;
use crate::Readers;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use newsgraph_store::questions::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

type Shared = State<Arc<Readers>>;

pub(crate) fn routes() -> Router<Arc<Readers>> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/search", get(search))
        .route("/api/documents/{id}", get(document))
        .route("/api/quotes", get(quotes))
        .route("/api/claims", get(claims))
        .route("/api/events", get(events))
        .route("/api/events/list", get(events_list))
        .route("/api/top/speakers", get(top_speakers))
        .route("/api/top/actors", get(top_actors))
        .route("/api/outlets", get(outlets))
        .route("/api/outlets/{outlet}/sourcing", get(sourcing))
        .route("/api/people/{name}", get(person))
        .route("/api/actors/{code}", get(actor))
        .route("/api/network", get(network))
        .route("/api/{*rest}", get(unknown))
}

/// A JSON failure answer.
pub(crate) struct ApiFailure(pub Failure);

impl From<Failure> for ApiFailure {
    fn from(f: Failure) -> ApiFailure {
        ApiFailure(f)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        (self.0.status, Json(ErrorBody { error: &self.0.message })).into_response()
    }
}

type Answer<T> = Result<Json<T>, ApiFailure>;

/// Query-string parameters, with a 400 answer naming the bad parameter when they do not parse.
pub(crate) struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parse_query(parts.uri.query()).map(Params).map_err(ApiFailure)
    }
}

pub(crate) fn parse_query<T: DeserializeOwned>(query: Option<&str>) -> Result<T, Failure> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded_parse(query.unwrap_or("")));
    serde_path_to_error::deserialize(deserializer).map_err(|e| match e.path().to_string().as_str() {
        "." => Failure::bad_request(format!("bad query: {}", e.inner())),
        path => Failure::bad_request(format!("bad query parameter `{path}`: {}", e.inner())),
    })
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

/// A path segment, with a 400 answer when it cannot be decoded.
pub(crate) struct Segment(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(s)) => Ok(Segment(s)),
            Err(e) => Err(ApiFailure(Failure::bad_request(e.body_text()))),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parameter types

fn limit() -> u32 {
    DEFAULT_LIMIT
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    #[serde(default)]
    pub q: String,
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default)]
    pub order: Order,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl SearchParams {
    pub fn query(&self) -> SearchQuery {
        SearchQuery {
            q: self.q.clone(),
            outlet: self.outlet.clone().filter(|o| !o.is_empty()),
            period: period(&self.from, &self.to),
            order: self.order,
            paging: Paging { limit: self.limit, offset: self.offset },
        }
    }
}

/// Empty form fields count as absent.
pub(crate) fn period(from: &Option<String>, to: &Option<String>) -> Period {
    let f = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty()).map(|s| s.trim().to_string());
    Period { from: f(from), to: f(to) }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteParams {
    pub speaker: Option<String>,
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimParams {
    pub source_kind: Option<String>,
    pub source: Option<String>,
    pub about: Option<String>,
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl ClaimParams {
    pub fn query(&self) -> ClaimQuery {
        let some = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        ClaimQuery {
            source_kind: some(&self.source_kind),
            source: some(&self.source),
            about: some(&self.about),
            outlet: some(&self.outlet),
            period: period(&self.from, &self.to),
            paging: Paging { limit: self.limit, offset: self.offset },
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventParams {
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    #[serde(default)]
    pub directed: bool,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl EventParams {
    pub fn query(&self) -> Result<EventQuery, Failure> {
        let actor1 =
            self.actor1.clone().filter(|s| !s.trim().is_empty()).ok_or_else(|| {
                Failure::bad_request("`actor1` is required (a CAMEO actor code such as CHN)")
            })?;
        Ok(EventQuery {
            actor1,
            actor2: self.actor2.clone().filter(|s| !s.trim().is_empty()),
            directed: self.directed,
            period: period(&self.from, &self.to),
        })
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TopParams {
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl TopParams {
    pub fn query(&self) -> TopQuery {
        TopQuery {
            outlet: self.outlet.clone().filter(|s| !s.trim().is_empty()),
            period: period(&self.from, &self.to),
            paging: Paging { limit: self.limit, offset: self.offset },
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodParams {
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl PeriodParams {
    pub fn period(&self) -> Period {
        period(&self.from, &self.to)
    }

    pub fn paging(&self) -> Paging {
        Paging { limit: self.limit, offset: self.offset }
    }
}

// ---------------------------------------------------------------------------------------
// Handlers

#[derive(Serialize)]
struct Health {
    status: &'static str,
    documents: u64,
}

async fn health(State(readers): Shared) -> Answer<Health> {
    let documents = readers.ask(|s| s.count()).await?;
    Ok(Json(Health { status: "ok", documents }))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

async fn search(State(readers): Shared, Params(p): Params<SearchParams>) -> Answer<Page<SearchHit>> {
    let query = p.query();
    Ok(Json(readers.ask(move |s| s.search(&query)).await?))
}

async fn document(State(readers): Shared, Segment(id): Segment) -> Answer<newsgraph_model::wire::Record> {
    let wanted = id.clone();
    match readers.ask(move |s| s.record(&wanted)).await? {
        Some(record) => Ok(Json(record)),
        None => Err(Failure::not_found(format!("no document with id `{id}`")).into()),
    }
}

async fn quotes(State(readers): Shared, Params(p): Params<QuoteParams>) -> Answer<Page<QuoteHit>> {
    let speaker = p.speaker.clone().filter(|s| !s.trim().is_empty()).ok_or_else(|| {
        ApiFailure(Failure::bad_request(
            "`speaker` is required (a name as the store has it, e.g. from /api/top/speakers)",
        ))
    })?;
    let query = QuoteQuery {
        speaker,
        outlet: p.outlet.clone().filter(|s| !s.trim().is_empty()),
        period: period(&p.from, &p.to),
        paging: Paging { limit: p.limit, offset: p.offset },
    };
    Ok(Json(readers.ask(move |s| s.quotes(&query)).await?))
}

async fn claims(State(readers): Shared, Params(p): Params<ClaimParams>) -> Answer<Page<ClaimHit>> {
    let query = p.query();
    Ok(Json(readers.ask(move |s| s.claims(&query)).await?))
}

async fn events(State(readers): Shared, Params(p): Params<EventParams>) -> Answer<EventSeries> {
    let query = p.query()?;
    Ok(Json(readers.ask(move |s| s.events_by_day(&query)).await?))
}

async fn events_list(State(readers): Shared, Params(p): Params<EventParams>) -> Answer<Page<EventHit>> {
    let query = p.query()?;
    let paging = Paging { limit: p.limit, offset: p.offset };
    Ok(Json(readers.ask(move |s| s.events(&query, paging)).await?))
}

async fn top_speakers(State(readers): Shared, Params(p): Params<TopParams>) -> Answer<Page<Ranked>> {
    let query = p.query();
    Ok(Json(readers.ask(move |s| s.top_speakers(&query)).await?))
}

async fn top_actors(State(readers): Shared, Params(p): Params<TopParams>) -> Answer<Page<Ranked>> {
    let query = p.query();
    Ok(Json(readers.ask(move |s| s.top_actors(&query)).await?))
}

async fn outlets(State(readers): Shared, Params(p): Params<PeriodParams>) -> Answer<Page<Ranked>> {
    if p.from.is_some() || p.to.is_some() {
        return Err(Failure::bad_request("the outlet list takes no period").into());
    }
    let paging = p.paging();
    Ok(Json(readers.ask(move |s| s.outlets(paging)).await?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnlyPeriod {
    from: Option<String>,
    to: Option<String>,
}

async fn sourcing(
    State(readers): Shared,
    Segment(outlet): Segment,
    Params(p): Params<OnlyPeriod>,
) -> Answer<SourcingProfile> {
    let query = SourcingQuery { outlet, period: period(&p.from, &p.to) };
    Ok(Json(readers.ask(move |s| s.sourcing(&query)).await?))
}

async fn person(
    State(readers): Shared,
    Segment(name): Segment,
    Params(p): Params<PeriodParams>,
) -> Answer<PersonProfile> {
    let (period, paging) = (p.period(), p.paging());
    Ok(Json(readers.ask(move |s| s.person(&name, &period, paging)).await?))
}

/// What the store knows of one actor.
#[derive(Debug, Serialize)]
pub(crate) struct ActorProfile {
    pub code: String,
    pub series: EventSeries,
    pub partners: Page<Ranked>,
    pub events: Page<EventHit>,
}

pub(crate) fn actor_profile(
    store: &newsgraph_store::Store,
    code: &str,
    period: &Period,
    paging: Paging,
) -> newsgraph_store::Result<ActorProfile> {
    let query =
        EventQuery { actor1: code.to_string(), actor2: None, directed: false, period: period.clone() };
    Ok(ActorProfile {
        code: code.trim().to_ascii_uppercase(),
        series: store.events_by_day(&query)?,
        partners: store.partners(code, period, paging)?,
        events: store.events(&query, paging)?,
    })
}

async fn actor(
    State(readers): Shared,
    Segment(code): Segment,
    Params(p): Params<PeriodParams>,
) -> Answer<ActorProfile> {
    let (period, paging) = (p.period(), p.paging());
    Ok(Json(readers.ask(move |s| actor_profile(s, &code, &period, paging)).await?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NetworkParams {
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default = "edges")]
    pub limit: u32,
}

fn edges() -> u32 {
    60
}

async fn network(State(readers): Shared, Params(p): Params<NetworkParams>) -> Answer<Network> {
    let query = NetworkQuery { period: period(&p.from, &p.to), limit: p.limit };
    Ok(Json(readers.ask(move |s| s.network(&query)).await?))
}

async fn unknown() -> ApiFailure {
    ApiFailure(Failure {
        status: StatusCode::NOT_FOUND,
        message: "no such API route; see /api/openapi.json".into(),
    })
}
