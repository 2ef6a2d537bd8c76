//! The one Markdown table writer of the reports (`compare`'s `report.md`, `bench`'s
//! `bench.md`): an alignment per column, and a layout, padded to read in a terminal or
//! compact.

/// How a column's cells sit: the `---` or `---:` of its separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

impl Align {
    /// `words` left-aligned columns (names), then right-aligned ones (figures), `total` in all.
    pub fn words_then_figures(words: usize, total: usize) -> Vec<Align> {
        (0..total)
            .map(|i| if i < words { Align::Left } else { Align::Right })
            .collect()
    }
}

/// How a table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every column padded to its widest cell (at least 3), so that the table reads in a
    /// terminal too.
    Padded,
    /// Cells as they are, the separator `---` or `---:`.
    Compact,
}

/// A Markdown table of `header` and `rows`, one [`Align`] per column. A `|` in a cell is
/// escaped and a newline becomes a space, so that every row stays one row.
pub fn table(header: &[&str], align: &[Align], rows: &[Vec<String>], layout: Layout) -> String {
    assert_eq!(header.len(), align.len(), "an alignment per column");
    let clean = |cell: &str| cell.replace('|', "\\|").replace('\n', " ");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let widths: Vec<usize> = match layout {
        Layout::Compact => vec![0; header.len()],
        Layout::Padded => (0..header.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].chars().count(), 3])
                    .max()
                    .unwrap_or(3)
            })
            .collect(),
    };
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(align)
            .map(|((c, &w), a)| {
                let pad = " ".repeat(w.saturating_sub(c.chars().count()));
                match a {
                    Align::Left => format!("{c}{pad}"),
                    Align::Right => format!("{pad}{c}"),
                }
            })
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let separator: Vec<String> = widths
        .iter()
        .zip(align)
        .map(|(&w, a)| match (layout, a) {
            (Layout::Compact, Align::Left) => "---".to_string(),
            (Layout::Compact, Align::Right) => "---:".to_string(),
            (Layout::Padded, Align::Left) => "-".repeat(w),
            (Layout::Padded, Align::Right) => format!("{}:", "-".repeat(w - 1)),
        })
        .collect();
    let mut text = line(&header);
    text.push_str(&line(&separator));
    for row in &rows {
        text.push_str(&line(row));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_aligned_columns_pad_on_the_left() {
        let align = Align::words_then_figures(1, 2);
        let rows = [vec!["smol".into(), "1.5 s".into()]];
        assert_eq!(
            table(&["runtime", "wall"], &align, &rows, Layout::Padded),
            "| runtime |  wall |\n| ------- | ----: |\n| smol    | 1.5 s |\n"
        );
        assert_eq!(
            table(&["runtime", "wall"], &align, &rows, Layout::Compact),
            "| runtime | wall |\n| --- | ---: |\n| smol | 1.5 s |\n"
        );
    }
}
