//! The `{{#include}}`s of the book's sources, checked before mdBook runs: mdBook only logs an
//! include whose file is missing, and silently leaves an empty block for an anchor or a line
//! range that yields nothing.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// One `{{#include path[:anchor | :start:end]}}` (or `{{#rustdoc_include …}}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// The markdown file it is in.
    pub file: PathBuf,
    /// 1-based line of the markdown file.
    pub line: usize,
    /// The path as written, relative to `file`'s folder.
    pub target: String,
    /// What follows the path's first `:`, if anything.
    pub selector: Option<String>,
}

/// The includes in `text` (the markdown `file`); a `\{{#include …}}` is an escaped, literal
/// one and does not count.
pub fn parse(file: &Path, text: &str) -> Vec<Include> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices("{{#") {
            // mdBook's escape: a backslash before the braces makes the text literal.
            if at > 0 && line.as_bytes()[at - 1] == b'\\' {
                continue;
            }
            let after = &line[at + 3..];
            let Some(end) = after.find("}}") else {
                continue;
            };
            let mut words = after[..end].split_whitespace();
            let kind = words.next().unwrap_or_default();
            if kind != "include" && kind != "rustdoc_include" {
                continue;
            }
            let Some(spec) = words.next() else {
                continue;
            };
            let (target, selector) = match spec.split_once(':') {
                Some((t, s)) => (t.to_string(), Some(s.to_string())),
                None => (spec.to_string(), None),
            };
            found.push(Include {
                file: file.to_path_buf(),
                line: i + 1,
                target,
                selector,
            });
        }
    }
    found
}

/// What is wrong with `include`, if anything: its file is missing, its anchor is not in the
/// file or encloses nothing, or its line range is empty.
pub fn problem(include: &Include) -> Option<String> {
    let folder = include.file.parent().unwrap_or(Path::new("."));
    let path = folder.join(&include.target);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Some(format!("includes {}, which does not exist", include.target));
    };
    let selector = include.selector.as_deref()?;
    let yielded = select(&text, selector);
    if yielded.trim().is_empty() {
        return Some(format!(
            "includes {}:{selector}, which yields nothing",
            include.target
        ));
    }
    None
}

/// The part of `text` that `selector` picks, as mdBook reads it: an anchor's lines, from its
/// first `ANCHOR:` to the next `ANCHOR_END:` (without any anchor lines), or a 1-based line range `start:end` (either side may be
/// empty), or one line.
pub fn select(text: &str, selector: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let is_range = selector
        .split(':')
        .all(|part| part.trim().is_empty() || number(part).is_some());
    if is_range {
        let mut parts = selector.splitn(2, ':');
        let start = parts.next().and_then(number).unwrap_or(1).max(1);
        let end = match parts.next() {
            None => Some(start),
            Some(end) => number(end),
        }
        .unwrap_or(lines.len())
        .min(lines.len());
        if start > end {
            return String::new();
        }
        return lines[start - 1..end].join("\n");
    }
    let begin = format!("ANCHOR: {selector}");
    let end = format!("ANCHOR_END: {selector}");
    let mut inside = false;
    let mut picked = Vec::new();
    for line in lines {
        if line.contains(&end) && is_anchor_line(line, &end) {
            // mdBook stops at the first end: a second pair of the same name yields nothing.
            if inside {
                break;
            }
        } else if line.contains(&begin) && is_anchor_line(line, &begin) {
            inside = true;
        } else if inside && !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:") {
            picked.push(line);
        }
    }
    picked.join("\n")
}

/// Whether `marker` in `line` is the whole anchor name (`ANCHOR: program` is not
/// `ANCHOR: programs`).
fn is_anchor_line(line: &str, marker: &str) -> bool {
    line.split(marker)
        .nth(1)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

/// Every include of every markdown file under `src` with what is wrong with it.
pub fn problems(src: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.with_context(|| format!("listing {}", src.display()))?;
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .with_context(|| format!("reading {}", entry.path().display()))?;
        for include in parse(entry.path(), &text) {
            if let Some(problem) = problem(&include) {
                problems.push(format!(
                    "{}:{}: {problem}",
                    include.file.display(),
                    include.line
                ));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PY: &str = "import x\n# ANCHOR: program\ndef f():\n    pass\n# ANCHOR_END: program\n\
                      # ANCHOR: empty\n# ANCHOR_END: empty\nmain()\n";

    #[test]
    fn includes_are_found_with_their_selectors_and_escapes_are_not() {
        let found = parse(
            Path::new("book/src/a.md"),
            "x {{#include ../p.py:program}} y {{#include q.rs}}\n\\{{#include not.rs}}\n{{#tabs }}\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].target, "../p.py");
        assert_eq!(found[0].selector.as_deref(), Some("program"));
        assert_eq!(found[1].target, "q.rs");
        assert_eq!(found[1].selector, None);
    }

    #[test]
    fn anchors_and_ranges_select_what_mdbook_selects() {
        assert_eq!(select(PY, "program"), "def f():\n    pass");
        assert_eq!(select(PY, "empty"), "");
        assert_eq!(select(PY, "missing"), "");
        assert_eq!(select(PY, "prog"), "", "a prefix is not the anchor");
        assert_eq!(select(PY, "1:1"), "import x");
        assert_eq!(select(PY, "8:"), "main()");
        assert_eq!(select(PY, "9:12"), "");
    }

    #[test]
    fn a_missing_file_or_an_empty_anchor_is_a_problem() {
        let dir = std::env::temp_dir().join(format!("includes-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("p.py"), PY).unwrap();
        let md = dir.join("a.md");
        let check = |spec: &str| {
            let text = format!("{{{{#include {spec}}}}}\n");
            problem(&parse(&md, &text)[0])
        };
        assert_eq!(check("p.py:program"), None);
        assert_eq!(check("p.py"), None);
        assert!(check("gone.py").unwrap().contains("does not exist"));
        assert!(check("p.py:empty").unwrap().contains("yields nothing"));
        assert!(check("p.py:nope").unwrap().contains("yields nothing"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
