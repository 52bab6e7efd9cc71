//! Charts as inline SVG made on the server: a day-by-day timeline, a stacked bar of shares
//! and a circular network of actors. Labels are escaped like all other text.

use maud::{html, Markup};

/// One day of a timeline: a value per series, and optionally a tone (mean Goldstein score)
/// that colours the first bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// One value per series.
    pub values: Vec<u64>,
    /// Mean Goldstein score, −10 to +10.
    pub tone: Option<f64>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn day_number(day: &str) -> Option<i64> {
    let y: i64 = day.get(0..4)?.parse().ok()?;
    let m: i64 = day.get(5..7)?.parse().ok()?;
    let d: i64 = day.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Colour for a Goldstein score: red for conflict, grey for neutral, green for cooperation.
pub fn tone_colour(goldstein: f64) -> String {
    let t = (goldstein / 10.0).clamp(-1.0, 1.0);
    let (r, g, b) = if t < 0.0 {
        let k = -t;
        (150.0 + 60.0 * k, 150.0 - 100.0 * k, 150.0 - 100.0 * k)
    } else {
        (150.0 - 110.0 * t, 150.0 + 20.0 * t, 150.0 - 90.0 * t)
    };
    format!("rgb({},{},{})", r as u8, g as u8, b as u8)
}

const SERIES_COLOURS: [&str; 3] = ["#3b6ea8", "#d08c2b", "#6a9a3a"];

/// A bar chart of days, with a gap for days without data.
pub fn timeline(caption: &str, series: &[&str], days: &[Day]) -> Markup {
    let (width, height, left, bottom, top) = (720.0_f64, 180.0_f64, 36.0_f64, 24.0_f64, 10.0_f64);
    let numbered: Vec<(i64, &Day)> = days.iter().filter_map(|d| day_number(&d.day).map(|n| (n, d))).collect();
    let first = numbered.iter().map(|d| d.0).min().unwrap_or(0);
    let last = numbered.iter().map(|d| d.0).max().unwrap_or(0);
    let span = (last - first + 1).max(1) as f64;
    let max = numbered.iter().flat_map(|d| d.1.values.iter().copied()).max().unwrap_or(0).max(1) as f64;
    let slot = (width - left) / span;
    let n_series = series.len().max(1) as f64;
    let bar = (slot * 0.8 / n_series).clamp(0.5, 16.0);
    let plot_h = height - bottom - top;
    html! {
        figure.chart {
            svg width="100%" viewBox=(format!("0 0 {width} {height}")) role="img" aria-label=(caption) {
                line x1=(left) y1=(height - bottom) x2=(width) y2=(height - bottom) stroke="#888" {}
                text x=(left - 4.0) y=(top + 8.0) text-anchor="end" font-size="10" { (max as u64) }
                text x=(left - 4.0) y=(height - bottom) text-anchor="end" font-size="10" { "0" }
                @for (n, d) in &numbered {
                    @for (i, v) in d.values.iter().enumerate() {
                        @let h = *v as f64 / max * plot_h;
                        @let x = left + (*n - first) as f64 * slot + (slot - bar * n_series) / 2.0 + i as f64 * bar;
                        @let fill = match (i, d.tone) {
                            (0, Some(t)) => tone_colour(t),
                            _ => SERIES_COLOURS[i % SERIES_COLOURS.len()].to_string(),
                        };
                        @if *v > 0 {
                            rect x=(format!("{x:.1}")) y=(format!("{:.1}", height - bottom - h)) width=(format!("{bar:.1}"))
                                height=(format!("{h:.1}")) fill=(fill) {
                                title { (d.day) ": " (v) " " (series.get(i).copied().unwrap_or("")) }
                            }
                        }
                    }
                }
                @if let (Some(f), Some(l)) = (numbered.first(), numbered.last()) {
                    text x=(left) y=(height - 6.0) font-size="10" { (f.1.day) }
                    @if l.0 != f.0 {
                        text x=(width) y=(height - 6.0) font-size="10" text-anchor="end" { (l.1.day) }
                    }
                }
            }
            figcaption {
                (caption) " "
                @for (i, s) in series.iter().enumerate() {
                    span.key style=(format!("background:{}", SERIES_COLOURS[i % SERIES_COLOURS.len()])) {}
                    " " (s) " "
                }
            }
        }
    }
}

/// A horizontal bar split into shares.
pub fn shares(caption: &str, parts: &[(String, f64)]) -> Markup {
    let colours = ["#3b6ea8", "#6a9ad0", "#c0392b", "#e07b6a", "#8e7cc3", "#6a9a3a", "#999999"];
    // Left edge of each part: the shares before it, summed.
    let lefts: Vec<f64> = parts
        .iter()
        .scan(0.0, |x, (_, share)| {
            let left = *x;
            *x += share.clamp(0.0, 1.0) * 720.0;
            Some(left)
        })
        .collect();
    html! {
        figure.chart {
            svg width="100%" viewBox="0 0 720 36" role="img" aria-label=(caption) {
                @for (i, (label, share)) in parts.iter().enumerate() {
                    @let w = share.clamp(0.0, 1.0) * 720.0;
                    @let x = lefts[i];
                    rect x=(format!("{x:.1}")) y="4" width=(format!("{w:.1}")) height="28" fill=(colours[i % colours.len()]) {
                        title { (label) ": " (format!("{:.0}%", share * 100.0)) }
                    }
                }
            }
            figcaption {
                @for (i, (label, share)) in parts.iter().enumerate() {
                    span.key style=(format!("background:{}", colours[i % colours.len()])) {}
                    " " (label) " " (format!("{:.0}%", share * 100.0)) " "
                }
            }
        }
    }
}

/// Actors on a circle, linked by their events: line width grows with the number of events,
/// colour follows the mean Goldstein score.
pub fn network(nodes: &[(String, u64)], edges: &[(String, String, u64, f64)]) -> Markup {
    let (size, radius) = (640.0_f64, 250.0_f64);
    let centre = size / 2.0;
    let n = nodes.len().max(1) as f64;
    let position = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (centre + radius * angle.cos(), centre + radius * angle.sin())
    };
    let index = |code: &str| nodes.iter().position(|(c, _)| c == code);
    let max_edge = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
    let max_node = nodes.iter().map(|n| n.1).max().unwrap_or(1).max(1) as f64;
    html! {
        figure.chart {
            svg width="100%" viewBox=(format!("0 0 {size} {size}")) role="img" aria-label="Network of actors and their events" {
                @for (s, t, count, tone) in edges {
                    @if let (Some(a), Some(b)) = (index(s), index(t)) {
                        @let (x1, y1) = position(a);
                        @let (x2, y2) = position(b);
                        @let (cx, cy) = (centre + (x1 + x2 - 2.0 * centre) * 0.25, centre + (y1 + y2 - 2.0 * centre) * 0.25);
                        path d=(format!("M{x1:.1},{y1:.1} Q{cx:.1},{cy:.1} {x2:.1},{y2:.1}")) fill="none"
                            stroke=(tone_colour(*tone)) stroke-opacity="0.7"
                            stroke-width=(format!("{:.1}", 1.0 + 7.0 * (*count as f64 / max_edge).sqrt())) {
                            title { (s) " → " (t) ": " (count) " events, mean Goldstein " (format!("{tone:+.1}")) }
                        }
                    }
                }
                @for (i, (code, count)) in nodes.iter().enumerate() {
                    @let (x, y) = position(i);
                    a href=(format!("/actor/{}", encode(code))) {
                        circle.node cx=(format!("{x:.1}")) cy=(format!("{y:.1}"))
                            r=(format!("{:.1}", 5.0 + 12.0 * (*count as f64 / max_node).sqrt())) {
                            title { (code) ": " (count) " events" }
                        }
                        text x=(format!("{x:.1}")) y=(format!("{:.1}", y - 16.0)) text-anchor="middle" font-size="13" { (code) }
                    }
                }
            }
            figcaption { "Line colour: mean Goldstein score (red conflict, green cooperation); width: number of events." }
        }
    }
}

/// Percent-encode a path segment.
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2024-03-01").zip(day_number("2024-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("x"), None);
    }

    #[test]
    fn chart_labels_are_escaped() {
        let svg = timeline("<b>", &["<i>"], &[Day { day: "2026-01-01".into(), values: vec![2], tone: None }])
            .into_string();
        assert!(!svg.contains("<b>") && !svg.contains("<i>") && svg.contains("&lt;b&gt;"));
        assert_eq!(encode("Hu Xijin/é"), "Hu%20Xijin%2F%C3%A9");
    }
}
