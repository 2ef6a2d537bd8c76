//! The "what differs between the runtimes" blocks: a unified diff of two runtimes' files of
//! one program, made with the `similar` crate from the files themselves.
//!
//! Hunks that change only the `//!` header are left out: the headers are prose about each
//! runtime and differ throughout, while the lesson is the code. The hunks kept carry the
//! files' real line numbers.

use std::fmt::Write as _;
use std::path::Path;

use similar::{ChangeTag, TextDiff};

/// Lines of context around each change: enough to see where a change sits, few enough that
/// the changed lines are the block.
const CONTEXT: usize = 1;

/// A diff of code: its text and what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeDiff {
    /// The unified diff, headed with the two paths.
    pub text: String,
    /// Lines removed and added in the hunks kept.
    pub minus: usize,
    pub plus: usize,
    /// Hunks left out because they change only `//!` lines.
    pub header_hunks: usize,
}

/// Whether a changed line is part of a `//!` header.
fn is_header(line: &str) -> bool {
    line.trim_start().starts_with("//!")
}

/// The unified diff from `old` to `new` (their texts), headed with their paths, without
/// the hunks that change only `//!` lines.
pub fn unified(old_path: &Path, old: &str, new_path: &Path, new: &str) -> CodeDiff {
    let diff = TextDiff::from_lines(old, new);
    let mut text = format!("--- {}\n+++ {}\n", old_path.display(), new_path.display());
    let (mut minus, mut plus, mut header_hunks) = (0, 0, 0);
    let mut unified = diff.unified_diff();
    unified.context_radius(CONTEXT);
    for hunk in unified.iter_hunks() {
        let changes: Vec<_> = hunk
            .iter_changes()
            .filter(|c| c.tag() != ChangeTag::Equal)
            .collect();
        if changes.iter().all(|c| is_header(&c.to_string_lossy())) {
            header_hunks += 1;
            continue;
        }
        minus += changes
            .iter()
            .filter(|c| c.tag() == ChangeTag::Delete)
            .count();
        plus += changes
            .iter()
            .filter(|c| c.tag() == ChangeTag::Insert)
            .count();
        let _ = write!(text, "{hunk}");
    }
    CodeDiff {
        text,
        minus,
        plus,
        header_hunks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_the_changed_code_and_counts_it() {
        let diff = unified(
            Path::new("a.rs"),
            "//! tokio's\n//! header\nuse x;\nfn main() {}\n\nfn f() {\n    tokio::time::sleep(d).await;\n}\n",
            Path::new("b.rs"),
            "//! smol's\n//! header\nuse x;\nfn main() {}\n\nfn f() {\n    smol::Timer::after(d).await;\n}\n",
        );
        assert!(
            diff.text
                .starts_with("--- a.rs\n+++ b.rs\n@@ -6,3 +6,3 @@\n"),
            "{}",
            diff.text
        );
        assert!(
            diff.text.contains("-    tokio::time::sleep(d).await;"),
            "{}",
            diff.text
        );
        assert!(
            diff.text.contains("+    smol::Timer::after(d).await;"),
            "{}",
            diff.text
        );
        assert!(
            !diff.text.contains("header"),
            "the header hunk is left out: {}",
            diff.text
        );
        assert_eq!((diff.minus, diff.plus, diff.header_hunks), (1, 1, 1));
    }

    #[test]
    fn equal_files_have_no_hunks() {
        let diff = unified(Path::new("a"), "x\n", Path::new("b"), "x\n");
        assert_eq!(diff.text, "--- a\n+++ b\n");
        assert_eq!((diff.minus, diff.plus, diff.header_hunks), (0, 0, 0));
    }
}
