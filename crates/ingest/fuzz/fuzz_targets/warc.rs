//! Fuzz the WARC path: gzip members, record framing and HTTP unwrapping on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_ingest::warc;

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = warc::Reader::new(std::io::Cursor::new(data.to_vec()), 1 << 20) else { return };
    let mut seen = 0usize;
    while let Some(record) = reader.next_record() {
        seen += 1;
        // Every call consumes input, so the loop ends; bound it anyway.
        assert!(seen <= data.len() + 1);
        if let Ok(r) = record {
            let _ = warc::parse_http(&r.block);
        }
    }
});
