#!/usr/bin/env python3
"""Generate a corpus of N news-like HTML pages for the store benchmarks (development only).

Each page wraps an article made of paragraphs drawn at random from real news texts (by default
PolNeAR's training articles in ../shared/data, which must never be copied into the repository)
in page furniture of realistic weight: head metadata (OpenGraph, article:published_time), a
navigation bar, a cookie notice, related links, inline script and style, and a footer. Dates
spread over one year, outlets over 60 names, so the store's questions have realistic spreads.

Usage: bench/store_corpus.py OUT_DIR N [--source DIR] [--seed S] [--jsonl]
  --jsonl writes one JSON Lines file of {id, title, date, outlet, html} records instead of pages.
The pages are written in subdirectories of 1000 files. Nothing here is a test.
"""
import argparse, datetime, html, json, os, random, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "../../shared/data/polnear/train/text"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jsonl", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.source):
        sys.exit(f"store_corpus: source texts not found at {a.source} (../shared/data is needed for benchmarks)")
    rng = random.Random(a.seed)
    paragraphs, titles = [], []
    for name in sorted(os.listdir(a.source)):
        with open(os.path.join(a.source, name), encoding="utf-8", errors="replace") as f:
            paras = [p.strip() for p in f.read().split("\n") if len(p.strip()) > 40]
        if paras:
            titles.append(paras[0][:90])
            paragraphs.extend(paras[1:])
    outlets = [f"{w} {k}" for w in ("Daily", "Evening", "Morning", "National", "Global", "City", "Valley", "Harbour", "Capital", "Northern")
               for k in ("Post", "Herald", "Times", "Tribune", "Courier", "Observer")]
    start = datetime.date(2025, 1, 1)
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
                  ("world", "politics", "business", "technology", "science", "health", "sport", "culture", "opinion", "video", "podcasts", "weather") * 3)
    script = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}" * 300
    style = ".nav{display:flex}.card{margin:0 0 1em}.footer a{color:#555}" * 250
    footer = "".join(f'<a href="/about/{i}">About link {i}</a> ' for i in range(60))
    os.makedirs(a.out, exist_ok=True)
    out = open(os.path.join(a.out, "corpus.jsonl"), "w", encoding="utf-8") if a.jsonl else None
    for i in range(a.n):
        outlet = outlets[rng.randrange(len(outlets))]
        day = start + datetime.timedelta(days=rng.randrange(365))
        title = titles[rng.randrange(len(titles))]
        body = rng.sample(paragraphs, rng.randint(6, 14))
        related = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{html.escape(titles[rng.randrange(len(titles))])}</a></li>' for _ in range(8))
        page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(outlet)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(outlet)}">
<meta property="article:published_time" content="{day.isoformat()}T08:{i % 60:02d}:00Z">
<meta name="author" content="Staff Reporter">
<style>{style}</style><script>{script}</script></head>
<body><header><div class="logo">{html.escape(outlet)}</div><nav><ul class="nav">{nav}</ul></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept all</button></div></header>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By Staff Reporter · {day.strftime('%B %d, %Y')}</p>
{''.join(f'<p>{html.escape(p)}</p>' for p in body)}
<div class="share">Share this article: Facebook Twitter Email</div></article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer class="footer">{footer}<p>© 2025 {html.escape(outlet)}. All rights reserved.</p></footer>
<script>{script[:2000]}</script></body></html>
"""
        ident = f"bench-{i:07d}"
        if out:
            out.write(json.dumps({"id": ident, "title": title, "date": day.isoformat(), "outlet": outlet, "html": page}) + "\n")
        else:
            sub = os.path.join(a.out, f"{i // 1000:04d}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"{ident}.html"), "w", encoding="utf-8") as f:
                f.write(page)
    if out:
        out.close()

if __name__ == "__main__":
    main()
