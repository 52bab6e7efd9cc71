//! Fuzz target: the whole text pipeline (normalisation, paragraphs, tokens, sentences,
//! quotation marks) on arbitrary bytes, checking the invariants every later stage relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_model::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut doc = Document::new("fuzz", text);
    newsgraph_text::segment(&mut doc);
    let len = doc.text.len() as u32;
    let mut last_end = 0;
    for t in &doc.tokens {
        assert!(t.span.start >= last_end && t.span.start < t.span.end && t.span.end <= len);
        assert!(doc.text.is_char_boundary(t.span.start as usize) && doc.text.is_char_boundary(t.span.end as usize));
        last_end = t.span.end;
    }
    let mut next = 0u32;
    for s in &doc.sentences {
        assert_eq!(s.tokens.start, next, "sentences cover every token in order");
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
    }
    assert_eq!(next as usize, doc.tokens.len());
    for q in &doc.quoted {
        assert!(q.content.start <= q.content.end && q.content.end <= len);
        if let Some(c) = q.continues {
            assert!((c as usize) < doc.quoted.len());
        }
    }
});
