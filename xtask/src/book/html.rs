//! Checks of the book's chapters: every catalogue program has its chapter (in the sources),
//! and in the built HTML each program chapter has one tab per runtime the program has, none
//! empty, and no page keeps an unexpanded `{{#…}}`.
//!
//! mdbook-tabs 1.0 writes a tab group as `<div class="mdbook-tabs-container"
//! data-tabglobal="runtime">`, a `<nav>` of `<button class="mdbook-tab" data-tabname="…">`,
//! then one `<div class="mdbook-tab-content" data-tabname="…">` per tab.

use std::path::Path;

use anyhow::Context as _;
use scraper::{Html, Selector};
use shared::Program;

use super::sources;

/// The catalogue programs whose chapter is missing: no `book/src/programs/<program>.md`, not
/// in `SUMMARY.md`, or not including its generated tabs.
pub fn chapters_missing(root: &Path) -> anyhow::Result<Vec<String>> {
    let src = super::book_dir(root).join("src");
    let summary_path = src.join("SUMMARY.md");
    let summary = std::fs::read_to_string(&summary_path)
        .with_context(|| format!("reading {}", summary_path.display()))?;
    let mut problems = Vec::new();
    for program in sources::programs() {
        let chapter = src.join("programs").join(format!("{program}.md"));
        let Ok(text) = std::fs::read_to_string(&chapter) else {
            problems.push(format!(
                "{}: missing: the catalogue's program {program} has no chapter",
                chapter.display()
            ));
            continue;
        };
        if !summary.contains(&format!("(programs/{program}.md)")) {
            problems.push(format!(
                "{}: programs/{program}.md is not listed",
                summary_path.display()
            ));
        }
        if !text.contains(&format!("generated/{program}/tabs.md")) {
            problems.push(format!(
                "{}: does not include ../generated/{program}/tabs.md (its runtime tabs)",
                chapter.display()
            ));
        }
    }
    Ok(problems)
}

/// What is wrong with the built book in `out`: unexpanded `{{#` anywhere, and program
/// chapters whose runtime tabs are missing, extra or empty.
pub fn problems(out: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.with_context(|| format!("listing {}", out.display()))?;
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path())
            .with_context(|| format!("reading {}", entry.path().display()))?;
        for (line, text) in html.lines().enumerate() {
            if let Some(at) = text.find("{{#") {
                let end = text[at..]
                    .char_indices()
                    .nth(40)
                    .map_or(text.len(), |(i, _)| at + i);
                problems.push(format!(
                    "{}:{}: unexpanded `{}`",
                    entry.path().display(),
                    line + 1,
                    &text[at..end]
                ));
            }
        }
    }
    for program in sources::programs() {
        let page = out.join("programs").join(format!("{program}.html"));
        let Ok(html) = std::fs::read_to_string(&page) else {
            problems.push(format!("{}: not built", page.display()));
            continue;
        };
        problems.extend(
            tab_problems(program, &html)
                .into_iter()
                .map(|p| format!("{}: {p}", page.display())),
        );
    }
    Ok(problems)
}

/// The runtime tabs of `program`'s chapter against the runtimes that have it.
pub fn tab_problems(program: Program, html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let group = Selector::parse(r#".mdbook-tabs-container[data-tabglobal="runtime"]"#)
        .expect("a valid selector");
    let button = Selector::parse("nav .mdbook-tab").expect("a valid selector");
    let content = Selector::parse(".mdbook-tab-content").expect("a valid selector");
    let code = Selector::parse("pre code").expect("a valid selector");
    let groups: Vec<_> = document.select(&group).collect();
    let [group] = groups.as_slice() else {
        return vec![format!(
            "{} runtime tab groups (global=\"runtime\"), not 1",
            groups.len()
        )];
    };
    let wanted: Vec<String> = sources::runtimes(program)
        .into_iter()
        .map(|r| r.name().to_string())
        .collect();
    let tabs: Vec<String> = group
        .select(&button)
        .filter_map(|b| b.value().attr("data-tabname").map(str::to_string))
        .collect();
    let mut problems = Vec::new();
    if tabs != wanted {
        problems.push(format!(
            "runtime tabs {tabs:?}, where {program} has {wanted:?}"
        ));
    }
    for tab in group.select(&content) {
        let name = tab.value().attr("data-tabname").unwrap_or("?");
        let text: String = tab.select(&code).flat_map(|c| c.text()).collect();
        if text.trim().is_empty() {
            problems.push(format!("the {name} tab holds no code"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(tabs: &[(&str, &str)]) -> String {
        let buttons: String = tabs
            .iter()
            .map(|(n, _)| format!(r#"<button class="mdbook-tab" data-tabname="{n}">{n}</button>"#))
            .collect();
        let contents: String = tabs
            .iter()
            .map(|(n, c)| {
                format!(r#"<div class="mdbook-tab-content" data-tabname="{n}"><pre><code>{c}</code></pre></div>"#)
            })
            .collect();
        format!(
            r#"<div class="mdbook-tabs-container" data-tabglobal="runtime"><nav class="mdbook-tabs">{buttons}</nav>{contents}</div>"#
        )
    }

    #[test]
    fn a_chapter_with_every_runtime_tab_passes() {
        let html = group(&[
            ("tokio", "fn main"),
            ("async-std", "fn main"),
            ("smol", "fn main"),
            ("handmade", "fn main"),
        ]);
        assert_eq!(
            tab_problems(Program::LazyFutures, &html),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_missing_or_empty_tab_fails() {
        let html = group(&[("tokio", "fn main"), ("smol", "  ")]);
        let problems = tab_problems(Program::LazyFutures, &html);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("where lazy_futures has"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("the smol tab holds no code"),
            "{problems:?}"
        );
        assert_eq!(tab_problems(Program::Count, "<p>no tabs</p>").len(), 1);
    }
}
