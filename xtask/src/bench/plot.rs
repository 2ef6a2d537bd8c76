//! `bench.svg`: overhead over the ideal and peak RSS against N, on logarithmic axes.

use std::fmt::Write as _;

use super::report::thousands;
use super::stats::series;
use super::{Form, Point, Results};
use crate::compare::Column;
use crate::svg::escape;

/// `bench.svg`: overhead over the ideal and peak RSS against N, both axes logarithmic; one
/// colour per runtime, one dash per form.
pub fn plot(results: &Results, columns: &[Column]) -> String {
    const COLOURS: [&str; 7] = [
        "#1f77b4", "#17becf", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e", "#8c564b",
    ];
    const DASHES: [(Form, &str); 3] = [
        (Form::Count, ""),
        (Form::Spawn, "7 4"),
        (Form::JoinAll, "2 3"),
    ];
    let (width, height) = (1000.0, 570.0);
    let (panel_w, panel_h, top) = (390.0, 330.0, 84.0);
    let lefts = [80.0, 580.0];
    let ideal = results.scale;
    let ns: Vec<f64> = results.points.iter().map(|p| p.n as f64).collect();
    let (n_lo, n_hi) = decades(&ns);
    let overheads: Vec<f64> = results
        .points
        .iter()
        .filter_map(|p| p.wall_s.map(|w| (w - ideal).max(1e-3)))
        .collect();
    let rss: Vec<f64> = results
        .points
        .iter()
        .filter_map(|p| p.peak_rss_kib.map(|k| k as f64 / 1024.0))
        .collect();
    let panels = [
        (
            "Overhead over the ideal (s)",
            decades(&overheads),
            Box::new(move |p: &Point| p.wall_s.map(|w| (w - ideal).max(1e-3)))
                as Box<dyn Fn(&Point) -> Option<f64>>,
        ),
        (
            "Peak RSS (MiB)",
            decades(&rss),
            Box::new(|p: &Point| p.peak_rss_kib.map(|k| k as f64 / 1024.0)),
        ),
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">count --tasks N \
         against the bare loops: every task sleeps {ideal} s</text>\n\
         <text x=\"{}\" y=\"44\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
        width / 2.0,
        width / 2.0,
        escape(&results.machine)
    );
    for ((title, (y_lo, y_hi), value), left) in panels.iter().zip(lefts) {
        let x = |n: f64| left + panel_w * (n.log10() - n_lo) / (n_hi - n_lo);
        let y = |v: f64| top + panel_h - panel_h * (v.log10() - y_lo) / (y_hi - y_lo);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\">{}</text>",
            left + panel_w / 2.0,
            top - 10.0,
            escape(title)
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{left}\" y=\"{top}\" width=\"{panel_w}\" height=\"{panel_h}\" \
             fill=\"none\" stroke=\"#999\"/>"
        );
        // Decade grid lines and labels on both axes.
        for d in (n_lo as i32)..=(n_hi as i32) {
            let gx = x(10f64.powi(d));
            let _ = writeln!(
                svg,
                "<line x1=\"{gx:.1}\" y1=\"{top}\" x2=\"{gx:.1}\" y2=\"{}\" stroke=\"#eee\"/>\
                 <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                top + panel_h,
                top + panel_h + 16.0,
                escape(&thousands(10u64.pow(d.max(0) as u32)))
            );
        }
        for d in (*y_lo as i32)..=(*y_hi as i32) {
            let gy = y(10f64.powi(d));
            let label = if d < 0 {
                format!("{}", 10f64.powi(d))
            } else {
                thousands(10u64.pow(d as u32))
            };
            let _ = writeln!(
                svg,
                "<line x1=\"{left}\" y1=\"{gy:.1}\" x2=\"{}\" y2=\"{gy:.1}\" stroke=\"#eee\"/>\
                 <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                left + panel_w,
                left - 6.0,
                gy + 4.0,
                escape(&label)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">N (tasks, log scale)</text>",
            left + panel_w / 2.0,
            top + panel_h + 34.0
        );
        for (i, column) in columns.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            for (form, dash) in DASHES {
                let pts: Vec<(f64, f64)> = series(results, &column.label(), form)
                    .into_iter()
                    .filter_map(|p| Some((x(p.n as f64), y(value(p)?))))
                    .collect();
                if pts.is_empty() {
                    continue;
                }
                let path: Vec<String> = pts.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
                let _ = writeln!(
                    svg,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" \
                     stroke-dasharray=\"{dash}\"><title>{} · {}</title></polyline>",
                    path.join(" "),
                    escape(&column.label()),
                    form.label()
                );
                for (a, b) in pts {
                    let _ = writeln!(
                        svg,
                        "<circle cx=\"{a:.1}\" cy=\"{b:.1}\" r=\"2.5\" fill=\"{colour}\"/>"
                    );
                }
            }
        }
    }
    // The legend: runtimes by colour, forms by dash.
    let legend_y = top + panel_h + 60.0;
    // Four runtimes to a row (the longest label, `tokio current-thread`, takes about 170 px).
    const PER_ROW: usize = 4;
    for (i, column) in columns.iter().enumerate() {
        let lx = 80.0 + 220.0 * (i % PER_ROW) as f64;
        let ly = legend_y + 22.0 * (i / PER_ROW) as f64;
        let _ = writeln!(
            svg,
            "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"{}\" \
             stroke-width=\"3\"/><text x=\"{}\" y=\"{}\">{}</text>",
            lx + 24.0,
            COLOURS[i % COLOURS.len()],
            lx + 30.0,
            ly + 4.0,
            escape(&column.label())
        );
    }
    let rows = columns.len().div_ceil(PER_ROW).max(1) as f64;
    for (i, (form, dash)) in DASHES.iter().enumerate() {
        let lx = 80.0 + 220.0 * i as f64;
        let ly = legend_y + 22.0 * rows + 8.0;
        let _ = writeln!(
            svg,
            "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"#333\" \
             stroke-width=\"2\" stroke-dasharray=\"{dash}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            lx + 24.0,
            lx + 30.0,
            ly + 4.0,
            form.label()
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The whole decades around `values`: `(floor(log10 min), ceil(log10 max))`, at least one
/// decade apart.
fn decades(values: &[f64]) -> (f64, f64) {
    let positive = values.iter().copied().filter(|v| *v > 0.0);
    let lo = positive.clone().fold(f64::INFINITY, f64::min);
    let hi = positive.fold(0.0, f64::max);
    if !lo.is_finite() || hi <= 0.0 {
        return (0.0, 1.0);
    }
    let (lo, hi) = (lo.log10().floor(), hi.log10().ceil());
    (lo, if hi > lo { hi } else { lo + 1.0 })
}

#[cfg(test)]
mod tests {
    use super::super::results::fixtures::{point, results};
    use super::*;

    #[test]
    fn the_plot_is_one_svg_with_a_line_per_series() {
        let results = results(vec![
            point("smol", Form::Count, 1_000, 1.01, 4_000),
            point("smol", Form::Count, 1_000_000, 1.70, 344_000),
            point("smol", Form::Spawn, 1_000, 1.01, 4_000),
        ]);
        let svg = plot(&results, &[Column::Smol]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        // Two panels × two series that have figures.
        assert_eq!(svg.matches("<polyline").count(), 4);
        assert!(svg.contains("a machine &lt;2 cores&gt;"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn six_runtimes_get_six_colours_and_a_legend_inside_the_picture() {
        // Every column the bench draws: five runtimes and Python.
        let columns = super::super::COLUMNS;
        let points = columns
            .iter()
            .flat_map(|c| [1_000, 1_000_000].map(|n| point(&c.label(), Form::Count, n, 1.5, 4_000)))
            .collect();
        let svg = plot(&results(points), &columns);
        let mut strokes = Vec::new();
        for column in &columns {
            let label = format!(">{}</text>", column.label());
            let line = svg
                .lines()
                .find(|l| l.contains(&label))
                .expect("a legend entry");
            let x: f64 = line
                .split("<text x=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|x| x.parse().ok())
                .expect("the label's x");
            // About 7 px a character at the default font size.
            assert!(x + 7.0 * column.label().len() as f64 <= 1000.0, "{line}");
            strokes.push(line.split("stroke=\"").nth(1).unwrap()[..7].to_string());
        }
        strokes.sort();
        strokes.dedup();
        assert_eq!(strokes.len(), columns.len(), "a colour each: {strokes:?}");
    }
}
