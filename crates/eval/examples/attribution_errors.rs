//! Print missed and spurious attributions on a PolNeAR split, for error analysis:
//! `cargo run --release -p newsgraph-eval --example attribution_errors -- DIR [max]`
use newsgraph_eval::{polnear, predict};

fn excerpt(text: &[char], (s, e): (u32, u32)) -> String {
    let s = (s as usize).min(text.len());
    let e = (e as usize).clamp(s, text.len());
    let t: String = text[s..e].iter().collect();
    let t = t.replace('\n', " ");
    if t.chars().count() > 160 {
        format!("{}…", t.chars().take(160).collect::<String>())
    } else {
        t
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).cloned().unwrap_or_else(|| "../shared/data/polnear/dev".into());
    let max: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(40);
    let docs = polnear::load(std::path::Path::new(&dir)).expect("data");
    let engine = newsgraph_engine::Engine::english();
    let (mut missed, mut spurious) = (0, 0);
    for d in &docs {
        let chars: Vec<char> = d.text.chars().collect();
        let (preds, _) = predict(&engine, &d.name, &d.text);
        let gold = &d.annotations[0];
        let overl =
            |a: &[(u32, u32)], b: &[(u32, u32)]| a.iter().any(|x| b.iter().any(|y| x.0 < y.1 && y.0 < x.1));
        for g in gold {
            if !preds.iter().any(|p| overl(&p.content, &g.content)) && missed < max {
                missed += 1;
                let cue = g.cue.first().map(|&c| excerpt(&chars, c)).unwrap_or_default();
                let src = g.source.first().map(|&c| excerpt(&chars, c)).unwrap_or_default();
                println!("MISS [{cue}] src=[{src}] {}", excerpt(&chars, g.content[0]));
            }
        }
        for p in &preds {
            if !gold.iter().any(|g| overl(&p.content, &g.content)) && spurious < max {
                spurious += 1;
                println!("SPUR {}", excerpt(&chars, p.content[0]));
            }
        }
    }
}
