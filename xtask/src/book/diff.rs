//! The "what differs between the runtimes" blocks: a unified diff of two runtimes' files of
//! one program, made with the `similar` crate from the files themselves.

use std::path::Path;

use similar::TextDiff;

/// Lines of context around each change: enough to see where a change sits, few enough that
/// the changed lines are the block.
const CONTEXT: usize = 1;

/// The unified diff from `old` to `new` (their texts), headed with their paths.
pub fn unified(old_path: &Path, old: &str, new_path: &Path, new: &str) -> String {
    let diff = TextDiff::from_lines(old, new);
    let old_name = old_path.display().to_string();
    let new_name = new_path.display().to_string();
    diff.unified_diff()
        .context_radius(CONTEXT)
        .header(&old_name, &new_name)
        .to_string()
}

/// How many lines `diff` (a unified diff) removes and adds, headers left out.
pub fn changed_lines(diff: &str) -> (usize, usize) {
    let body = diff
        .lines()
        .filter(|l| !l.starts_with("---") && !l.starts_with("+++"));
    body.fold((0, 0), |(minus, plus), line| match line.as_bytes().first() {
        Some(b'-') => (minus + 1, plus),
        Some(b'+') => (minus, plus + 1),
        _ => (minus, plus),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_the_changed_line_and_counts_it() {
        let diff = unified(
            Path::new("a.rs"),
            "use tokio;\nfn main() {}\ntokio::time::sleep(d).await;\n",
            Path::new("b.rs"),
            "use tokio;\nfn main() {}\nsmol::Timer::after(d).await;\n",
        );
        assert!(diff.starts_with("--- a.rs\n+++ b.rs\n"), "{diff}");
        assert!(diff.contains("-tokio::time::sleep(d).await;"), "{diff}");
        assert!(diff.contains("+smol::Timer::after(d).await;"), "{diff}");
        assert!(!diff.contains("use tokio;"), "one line of context only: {diff}");
        assert_eq!(changed_lines(&diff), (1, 1));
    }

    #[test]
    fn equal_files_have_an_empty_diff() {
        let diff = unified(Path::new("a"), "x\n", Path::new("b"), "x\n");
        assert_eq!(changed_lines(&diff), (0, 0));
    }
}
