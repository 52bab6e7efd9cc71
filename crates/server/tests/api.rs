//! The JSON API and the pages answered in process: every route, exact answers on a small
//! store, 4xx with a message for every kind of malformed request, escaping of stored text.

#![allow(clippy::unwrap_used)]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    content_type: String,
    csp: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn get(app: &axum::Router, uri: &str) -> Answer {
    let response = app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
    let content_type = header("content-type").unwrap_or_default();
    let csp = header("content-security-policy");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, content_type, csp, body: String::from_utf8(bytes.to_vec()).unwrap() }
}

fn app() -> (tempfile::TempDir, axum::Router) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::store(dir.path());
    let app = newsgraph_server::router(common::readers(&path));
    (dir, app)
}

#[tokio::test]
async fn every_question_answers_as_json() {
    let (_dir, app) = app();
    let a = get(&app, "/api/health").await;
    assert_eq!((a.status, a.json()["documents"].as_u64()), (StatusCode::OK, Some(3)));

    let a = get(&app, "/api/search?q=nile%20OR%20talks&order=newest").await;
    assert_eq!(a.status, StatusCode::OK);
    let ids: Vec<String> =
        a.json()["items"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["nile-2", "nile-1"]);

    let a = get(&app, "/api/quotes?speaker=amina%20farouk").await;
    let texts: Vec<String> = a.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["The talks were useful", "We will not accept a fait accompli"]);

    let a = get(&app, "/api/claims?source_kind=anonymous&about=china").await;
    assert_eq!(a.json()["items"][0]["text"], "China was willing to mediate");
    assert_eq!(a.json()["items"][0]["source"], "Diplomats");

    let a = get(&app, "/api/events?actor1=EGY&actor2=ETH&from=2026-03-01&to=2026-03-31").await;
    let v = a.json();
    assert_eq!(v["total"], 2);
    assert_eq!(v["days"][0], serde_json::json!({"day": "2026-03-02", "count": 1, "mean_goldstein": -4.0}));
    assert_eq!(v["mean_goldstein"], -1.5);
    let a = get(&app, "/api/events/list?actor1=EGY&actor2=ETH&directed=true").await;
    assert_eq!(a.json()["items"].as_array().unwrap().len(), 1);

    let a = get(&app, "/api/top/speakers").await;
    assert_eq!(a.json()["items"][0], serde_json::json!({"name": "Amina Farouk", "count": 2, "documents": 2}));
    let a = get(&app, "/api/top/actors?limit=1").await;
    assert_eq!((a.json()["items"].as_array().unwrap().len(), a.json()["more"].as_bool()), (1, Some(true)));

    let a = get(&app, "/api/outlets/sample%20wire/sourcing").await;
    let v = a.json();
    assert_eq!((v["documents"].as_u64(), v["claims"].as_u64()), (Some(1), Some(2)));
    assert_eq!((v["named"].as_f64(), v["anonymous"].as_f64()), (Some(0.5), Some(0.5)));

    let a = get(&app, "/api/people/Amina%20Farouk").await;
    assert_eq!(a.json()["quotes"], 2);
    assert_eq!(a.json()["timeline"].as_array().unwrap().len(), 2);
    let a = get(&app, "/api/actors/egy").await;
    assert_eq!(a.json()["code"], "EGY");
    assert_eq!(a.json()["partners"]["items"][0]["name"], "ETH");
    let a = get(&app, "/api/network").await;
    assert_eq!(a.json()["edges"].as_array().unwrap().len(), 2);
    let a = get(&app, "/api/outlets").await;
    assert_eq!(a.json()["items"].as_array().unwrap().len(), 3);

    let a = get(&app, "/api/documents/nile-1").await;
    assert_eq!(a.json()["schema"], "newsgraph/1");
    assert!(a.json()["text"].as_str().unwrap().starts_with("Egypt rejected"));
    let a = get(&app, "/api/documents/hostile%2F%3Ci%3Eid%3C%2Fi%3E").await;
    assert_eq!((a.status, a.json()["id"].as_str()), (StatusCode::OK, Some("hostile/<i>id</i>")));
}

#[tokio::test]
async fn malformed_requests_get_4xx_with_a_message() {
    let (_dir, app) = app();
    let cases: &[(&str, StatusCode, &str)] = &[
        ("/api/search", StatusCode::BAD_REQUEST, "no words"),
        ("/api/search?q=x&limit=abc", StatusCode::BAD_REQUEST, "`limit`"),
        ("/api/search?q=x&limit=-1", StatusCode::BAD_REQUEST, "`limit`"),
        ("/api/search?q=x&limit=0", StatusCode::BAD_REQUEST, "`limit`"),
        ("/api/search?q=x&limit=99999999999999999999", StatusCode::BAD_REQUEST, "`limit`"),
        ("/api/search?q=x&from=yesterday", StatusCode::BAD_REQUEST, "YYYY-MM-DD"),
        ("/api/search?q=x&from=2026-03-05&to=2026-03-01", StatusCode::BAD_REQUEST, "after"),
        ("/api/search?q=x&order=random", StatusCode::BAD_REQUEST, "`order`"),
        ("/api/search?q=x&q=y", StatusCode::BAD_REQUEST, "duplicate"),
        ("/api/search?q=x&bogus=1", StatusCode::BAD_REQUEST, "bogus"),
        ("/api/search?q=%FF%FE", StatusCode::BAD_REQUEST, ""),
        ("/api/quotes", StatusCode::BAD_REQUEST, "`speaker` is required"),
        ("/api/claims?source_kind=secret", StatusCode::BAD_REQUEST, "unknown source kind"),
        ("/api/claims?about=%22", StatusCode::BAD_REQUEST, "no words"),
        ("/api/events", StatusCode::BAD_REQUEST, "`actor1` is required"),
        ("/api/events?actor1=CHN%27%3B--", StatusCode::BAD_REQUEST, "CAMEO actor code"),
        ("/api/events?actor1=CHN&directed=maybe", StatusCode::BAD_REQUEST, "`directed`"),
        ("/api/network?limit=100000", StatusCode::BAD_REQUEST, "`limit`"),
        ("/api/top/actors?outlet=x", StatusCode::BAD_REQUEST, "outlet"),
        ("/api/documents/missing", StatusCode::NOT_FOUND, "no document"),
        ("/api/nowhere", StatusCode::NOT_FOUND, "openapi"),
        ("/api/documents/%FF", StatusCode::BAD_REQUEST, ""),
    ];
    for (uri, status, words) in cases {
        let a = get(&app, uri).await;
        assert_eq!(a.status, *status, "{uri}: {}", a.body);
        assert!(a.content_type.starts_with("application/json"), "{uri}: {}", a.content_type);
        let message =
            a.json()["error"].as_str().unwrap_or_else(|| panic!("{uri}: no error message")).to_string();
        assert!(message.contains(words), "{uri}: `{message}` lacks `{words}`");
    }
    let a = get(&app, "/article/missing").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("No article with id"));
    let a = get(&app, "/?q=x&limit=abc").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.content_type.starts_with("text/html") && a.body.contains("`limit`"));
}

#[tokio::test]
async fn arbitrary_query_strings_never_get_a_5xx() {
    let (_dir, app) = app();
    // A deterministic spread of hostile inputs over every parameter of every route.
    let values = [
        "",
        "%22",
        "%00",
        "%27%20OR%201%3D1",
        "NEAR(",
        "*",
        "-",
        "a%20OR",
        "2026-02-30",
        "%E2%80%9C",
        "%F0%9F%99%82",
        "99999",
        "-5",
        "true",
    ];
    let routes = [
        "/api/search?q=",
        "/api/search?q=china&outlet=",
        "/api/search?q=a&from=",
        "/api/quotes?speaker=",
        "/api/claims?about=",
        "/api/claims?source=",
        "/api/events?actor1=",
        "/api/events?actor1=CHN&actor2=",
        "/api/top/speakers?to=",
        "/api/people/",
        "/api/actors/",
        "/api/outlets/",
        "/api/network?from=",
        "/?q=",
        "/claims?about=",
        "/events?actor1=",
        "/person/",
        "/actor/",
        "/outlet/",
        "/article/",
    ];
    for route in routes {
        for v in values {
            let uri = format!("{route}{v}");
            let a = get(&app, &uri).await;
            assert!(a.status.as_u16() < 500, "{uri}: {} {}", a.status, a.body);
        }
    }
}

#[tokio::test]
async fn pages_escape_stored_text_and_forbid_scripts() {
    let (_dir, app) = app();
    let a = get(&app, "/article/hostile%2F%3Ci%3Eid%3C%2Fi%3E").await;
    assert_eq!(a.status, StatusCode::OK);
    let csp = a.csp.unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "{csp}");
    assert!(!a.body.contains("<script"), "no script element on any page");
    assert!(!a.body.contains("<img"), "stored markup is never markup");
    assert!(a.body.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
    assert!(a.body.contains("&lt;b&gt;bold&lt;/b&gt; &amp; sure"));
    assert!(a.body.contains("&lt;b&gt;Outlet&lt;/b&gt;"));
    for uri in [
        "/?q=comment",
        "/person/Eve%20Doe",
        "/outlet/%3Cb%3EOutlet%3C%2Fb%3E",
        "/claims?about=bold",
        "/?q=%3Cscript%3E",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(!a.body.contains("<script") && !a.body.contains("<b>"), "{uri} lets markup through");
    }
}

#[tokio::test]
async fn pages_show_the_questions() {
    let (_dir, app) = app();
    let a = get(&app, "/").await;
    assert!(a.body.contains("Most quoted people") && a.body.contains("/person/Amina%20Farouk"));
    let a = get(&app, "/article/nile-1").await;
    assert!(
        a.body.contains(r#"class="quote""#)
            && a.body.contains(r#"class="cue""#)
            && a.body.contains(r#"class="event""#)
    );
    assert!(a.body.contains("direct quotation by Amina Farouk"));
    let a = get(&app, "/person/Amina%20Farouk").await;
    assert!(a.body.contains("<svg") && a.body.contains("The talks were useful"));
    let a = get(&app, "/actor/EGY").await;
    assert!(a.body.contains("2 events") && a.body.contains("/actor/ETH"));
    let a = get(&app, "/network").await;
    assert_eq!(a.body.matches("<circle").count(), 2);
    let a = get(&app, "/events?actor1=EGY&actor2=ETH").await;
    assert!(a.body.contains("2 events"));
    let a = get(&app, "/outlet/Sample%20Wire").await;
    assert!(a.body.contains("Named sources: <strong>50%</strong>"));
    let a = get(&app, "/person/Nobody").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_description_covers_every_route() {
    let (_dir, app) = app();
    let a = get(&app, "/api/openapi.json").await;
    assert_eq!(a.status, StatusCode::OK);
    let spec = a.json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    let paths = spec["paths"].as_object().unwrap();
    let expected = [
        "/api/health",
        "/api/search",
        "/api/documents/{id}",
        "/api/quotes",
        "/api/claims",
        "/api/events",
        "/api/events/list",
        "/api/top/speakers",
        "/api/top/actors",
        "/api/outlets",
        "/api/outlets/{outlet}/sourcing",
        "/api/people/{name}",
        "/api/actors/{code}",
        "/api/network",
        "/api/openapi.json",
    ];
    let mut listed: Vec<&str> = paths.keys().map(String::as_str).collect();
    listed.sort();
    let mut wanted = expected.to_vec();
    wanted.sort();
    assert_eq!(listed, wanted);
    // Every documented parameter is accepted by its route (none is refused as unknown).
    for (path, item) in paths {
        for p in item["get"]["parameters"].as_array().into_iter().flatten() {
            if p["in"] != "query" {
                continue;
            }
            let name = p["name"].as_str().unwrap();
            let example =
                p["example"].as_str().map(str::to_string).unwrap_or_else(|| p["example"].to_string());
            let uri = path
                .replace("{id}", "nile-1")
                .replace("{outlet}", "Sample%20Wire")
                .replace("{name}", "Amina%20Farouk")
                .replace("{code}", "EGY");
            let required = match path.as_str() {
                "/api/events" | "/api/events/list" => Some(("actor1", "EGY")),
                "/api/quotes" => Some(("speaker", "x")),
                "/api/search" => Some(("q", "nile")),
                _ => None,
            };
            let sep = match required {
                Some((r, v)) if r != name => format!("?{r}={v}&"),
                _ => "?".to_string(),
            };
            let uri = format!("{uri}{sep}{name}={}", example.replace(' ', "%20"));
            let a = get(&app, &uri).await;
            assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.body);
        }
    }
}
