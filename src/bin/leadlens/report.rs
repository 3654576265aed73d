//! `leadlens report`: one self-contained HTML page (inline CSS and SVG, no
//! scripts, nothing fetched) for a batch of documents.

use crate::output::Outcome;
use leadlens::highlight::{HTML_STYLE, escape_html as esc, to_html};
use leadlens::{Classification, Dimension, Label};
use std::fmt::Write;

const PAGE_STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em}\
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2.5em;border-top:1px solid #ddd;padding-top:1em}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25em .6em;border-bottom:1px solid #eee}\
td.num{text-align:right;font-variant-numeric:tabular-nums}\
.label{display:inline-block;padding:0 .5em;border-radius:.3em;font-weight:600}\
.label-leadership{background:#c8f0d0}.label-management{background:#fde8b0}.label-balanced{background:#dde4ff}.label-undetermined{background:#eee}\
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:1em;border-radius:.4em}\
.error{color:#a00}.legend mark{margin-right:1em}";

/// A diverging bar chart: per dimension, management to the left of the
/// axis and leadership to the right, each as long as its strength.
fn chart(c: &Classification) -> String {
    const ROW: usize = 20;
    const HALF: f64 = 160.0;
    let height = ROW * Dimension::ALL.len() + 24;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"460\" height=\"{height}\" role=\"img\" aria-label=\"per-dimension scores\">"
    );
    let axis = 120.0 + HALF;
    for (i, d) in c.dimensions.iter().enumerate() {
        let y = i * ROW + 4;
        let m = d.management * HALF;
        let l = d.leadership * HALF;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>\
             <rect x=\"{:.1}\" y=\"{y}\" width=\"{m:.1}\" height=\"14\" fill=\"#e6a817\"><title>management {:.2}</title></rect>\
             <rect x=\"{axis}\" y=\"{y}\" width=\"{l:.1}\" height=\"14\" fill=\"#2e9e4f\"><title>leadership {:.2}</title></rect>",
            y + 11,
            d.dimension,
            axis - m,
            d.management,
            d.leadership
        );
    }
    let bottom = ROW * Dimension::ALL.len() + 4;
    let _ = write!(
        svg,
        "<line x1=\"{axis}\" y1=\"0\" x2=\"{axis}\" y2=\"{bottom}\" stroke=\"#555\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">management</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\">leadership</text></svg>",
        axis - 4.0,
        bottom + 14,
        axis + 4.0,
        bottom + 14
    );
    svg
}

/// A label as a coloured badge.
fn badge(label: Label) -> String {
    format!("<span class=\"label label-{0}\">{0}</span>", label.id())
}

/// The whole page.
pub fn render(title: &str, outcomes: &[Outcome<'_>]) -> String {
    let mut order: Vec<usize> = (0..outcomes.len()).collect();
    // Documents ordered by balance, most leadership first; errors last.
    order.sort_by(|&a, &b| {
        let key = |k: usize| {
            outcomes[k]
                .1
                .as_ref()
                .map_or(f64::NEG_INFINITY, |c| c.balance)
        };
        key(b).total_cmp(&key(a)).then(a.cmp(&b))
    });
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{PAGE_STYLE}{HTML_STYLE}</style></head><body>\n<h1>{}</h1>\n\
         <p class=\"legend\">Evidence: <mark class=\"ll-leadership\">leadership</mark>\
         <mark class=\"ll-management\">management</mark>\
         <mark class=\"ll-negated\">negated (not counted)</mark>\
         Bars: strength of each language per dimension, from 0 at the axis to 1.</p>\n",
        esc(title),
        esc(title)
    );
    html.push_str("<table><thead><tr><th>document</th><th>label</th><th>balance</th><th>leadership</th><th>management</th><th>words</th></tr></thead><tbody>\n");
    for &k in &order {
        let (doc, result) = &outcomes[k];
        match result {
            Ok(c) => {
                let _ = writeln!(
                    html,
                    "<tr><td><a href=\"#doc-{k}\">{}</a></td><td>{}</td>\
                     <td class=\"num\">{:+.2}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td></tr>",
                    esc(&doc.id),
                    badge(c.label),
                    c.balance,
                    c.leadership,
                    c.management,
                    c.word_count
                );
            }
            Err(e) => {
                let _ = writeln!(
                    html,
                    "<tr><td><a href=\"#doc-{k}\">{}</a></td><td colspan=\"5\" class=\"error\">{}</td></tr>",
                    esc(&doc.id),
                    esc(e)
                );
            }
        }
    }
    html.push_str("</tbody></table>\n");
    for &k in &order {
        let (doc, result) = &outcomes[k];
        let _ = writeln!(html, "<h2 id=\"doc-{k}\">{}</h2>", esc(&doc.id));
        match result {
            Ok(c) => {
                let _ = writeln!(
                    html,
                    "<p>{} balance {:+.2} · leadership {:.2} · management {:.2} · {} words · {} pieces of evidence</p>\n{}\n<div class=\"text\">{}</div>",
                    badge(c.label),
                    c.balance,
                    c.leadership,
                    c.management,
                    c.word_count,
                    c.counted_evidence().count(),
                    chart(c),
                    to_html(doc.text.as_deref().unwrap_or(""), c)
                );
            }
            Err(e) => {
                let _ = writeln!(html, "<p class=\"error\">{}</p>", esc(e));
            }
        }
    }
    html.push_str("</body></html>\n");
    html
}
