//! The readable view of `analyze --pretty`: each quotation with its speaker, each claim with
//! its source (nested claims indented under the claim that reports them), each event with
//! its actors.

use newsgraph_model::{Attribution, Document, Span};
use std::io::{self, Write};

/// Longest excerpt shown, in characters.
const EXCERPT: usize = 110;

fn excerpt(doc: &Document, span: Span) -> String {
    let text: String = doc.slice(span).split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= EXCERPT {
        text
    } else {
        let cut: String = text.chars().take(EXCERPT - 1).collect();
        format!("{cut}…")
    }
}

fn speaker_name(doc: &Document, entity: Option<u32>, mention: Option<Span>) -> String {
    match (entity.and_then(|e| doc.entities.get(e as usize)), mention) {
        (Some(e), _) => e.name.clone(),
        (None, Some(m)) => excerpt(doc, m),
        (None, None) => "(unknown)".to_string(),
    }
}

/// Write the readable view of one document.
pub fn write(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let mut head = vec![doc.id.clone()];
    head.extend(doc.meta.title.clone());
    head.extend(doc.meta.outlet.clone());
    head.extend(doc.meta.published.clone());
    writeln!(out, "━━ {}", head.join(" · "))?;
    if let Some(duplicate) = &doc.meta.duplicate_of {
        writeln!(out, "   duplicate of {duplicate}")?;
    }

    let people: Vec<_> = doc.entities.iter().enumerate().filter(|(_, e)| !e.mentions.is_empty()).collect();
    if !people.is_empty() {
        writeln!(out, "Entities")?;
        for (i, e) in people {
            let mut line = format!("  e{:<3} {:<28} {:<7}", i + 1, e.name, e.kind.as_str());
            if let Some(actor) = &e.actor {
                line.push_str(&format!(" {actor:<8}"));
            }
            if !e.descriptors.is_empty() {
                line.push_str(&format!(" — {}", e.descriptors.join("; ")));
            }
            line.push_str(&format!("  ({} mentions)", e.mentions.len()));
            writeln!(out, "{line}")?;
        }
    }

    if !doc.quotes.is_empty() {
        writeln!(out, "Quotations")?;
        for (i, q) in doc.quotes.iter().enumerate() {
            let cue = q.cue.map(|c| format!(" ({})", doc.slice(c))).unwrap_or_default();
            writeln!(
                out,
                "  q{:<3} {:<8} {} ← “{}”{}",
                i + 1,
                q.kind.as_str(),
                speaker_name(doc, q.speaker, q.speaker_mention),
                excerpt(doc, q.span),
                cue
            )?;
        }
    }

    if !doc.attributions.is_empty() {
        writeln!(out, "Claims")?;
        for (i, a) in doc.attributions.iter().enumerate() {
            if a.parent.is_none() {
                write_claim(out, doc, i, a, 1)?;
            }
        }
    }

    if !doc.events.is_empty() {
        writeln!(out, "Events")?;
        for (i, v) in doc.events.iter().enumerate() {
            let target = v.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-");
            let mut flags = vec![v.modality.as_str().to_string()];
            if v.negated {
                flags.push("negated".into());
            }
            if let Some(a) = v.attribution {
                flags.push(format!("per a{}", a + 1));
            }
            writeln!(
                out,
                "  v{:<3} {} → {}  {} {} ({:+.1}, quad {})  “{}” [{}]",
                i + 1,
                if v.source.code.is_empty() { "-" } else { &v.source.code },
                if target.is_empty() { "-" } else { target },
                v.cameo,
                v.plover,
                v.goldstein,
                v.quad_class,
                excerpt(doc, v.cue),
                flags.join(", ")
            )?;
        }
    }

    if !doc.diagnostics.is_empty() {
        writeln!(out, "Diagnostics")?;
        for d in &doc.diagnostics {
            writeln!(out, "  {} {}: {}", d.severity.as_str(), d.stage, d.message)?;
        }
    }
    writeln!(out)
}

fn write_claim(
    out: &mut impl Write,
    doc: &Document,
    i: usize,
    a: &Attribution,
    depth: usize,
) -> io::Result<()> {
    if depth > 8 {
        return Ok(());
    }
    let indent = "  ".repeat(depth);
    let marker = if depth > 1 { "↳ " } else { "" };
    let cue = a.cue.map(|c| doc.slice(c).to_string()).unwrap_or_else(|| "—".into());
    let via = a.via.map(|v| format!(" via “{}”", excerpt(doc, v))).unwrap_or_default();
    let mut tags = vec![a.source.kind.as_str(), a.status.as_str()];
    if a.source.anonymous {
        tags.push("anonymous");
    }
    writeln!(
        out,
        "{indent}{marker}a{:<3} {} [{}] {}{}: “{}”",
        i + 1,
        speaker_name(doc, a.source.entity, a.source.mention),
        tags.join(", "),
        cue,
        via,
        excerpt(doc, a.content)
    )?;
    for (j, child) in doc.attributions.iter().enumerate() {
        if child.parent == Some(i as u32) {
            write_claim(out, doc, j, child, depth + 1)?;
        }
    }
    Ok(())
}
