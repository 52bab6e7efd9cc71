//! Fuzz the HTML path: charset detection, parsing, main text and metadata on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_ingest::html;

fuzz_target!(|data: &[u8]| {
    let page = html::extract(data, &html::Hints { url: Some("https://example.org/2020/01/02/x"), content_type: None });
    // The text never holds markup the parser consumed as a tag.
    assert!(page.text.len() <= data.len() * 4 + 16);
});
