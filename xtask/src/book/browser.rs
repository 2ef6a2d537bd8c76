//! The browser test: every page of the built book, and `target/compare/report.html` when it
//! exists, opened in the system's headless Chromium by `xtask/browser/check_pages.py`.
//!
//! The driver is Python's Playwright, pinned in `xtask/browser/requirements.txt`, in a virtual
//! environment under `target/browser-venv/` made on first use (by [`python::provide`]).
//! Playwright is handed the system Chromium (`/usr/bin/chromium`, or `CHROMIUM`): it never
//! downloads a browser of its own (`playwright install` is not run).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::{build, python};

/// The system Chromium: `CHROMIUM`, else `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// A Python with the pinned driver (`xtask/browser/requirements.txt`): the system's own if
/// it has Playwright, else `target/browser-venv/`, made on first use by the same
/// [`python::provide`] that gives the Python ports their modules.
fn python_with_playwright(root: &Path) -> anyhow::Result<PathBuf> {
    let python =
        python::find().context("no python3 on this machine (the browser test needs it)")?;
    let venv = python::Venv {
        dir: build::target_dir().join("browser-venv"),
        requirements: root.join("xtask/browser/requirements.txt"),
        index_url: None,
    };
    match python::provide(&python, &["playwright"], &venv) {
        Ok(provided) => Ok(provided.unwrap_or(python).executable),
        Err(why) => bail!("the browser test's driver: {why}"),
    }
}

/// Runs the browser test over the book built in `book`; `Ok(false)` when a page failed.
pub fn run(root: &Path, book: &Path) -> anyhow::Result<bool> {
    let chromium = chromium();
    if !chromium.is_file() {
        bail!(
            "no Chromium at {} (Debian: apt-get install chromium; or set CHROMIUM)",
            chromium.display()
        );
    }
    let python = python_with_playwright(root)?;
    let screenshot = build::target_dir().join("book-screenshot.png");
    let mut test = Command::new(python);
    test.arg(root.join("xtask/browser/check_pages.py"))
        .arg("--book")
        .arg(book)
        .arg("--chromium")
        .arg(&chromium)
        .arg("--screenshot")
        .arg(&screenshot);
    // The chapters whose source shows Python code (every one but runtime_mixing's, whose
    // mistake Python cannot make): the page must show it too.
    let chapters = super::book_dir(root).join("src/programs");
    for program in super::sources::programs() {
        let source =
            std::fs::read_to_string(chapters.join(format!("{program}.md"))).unwrap_or_default();
        if source.contains("```python") {
            test.arg("--python").arg(format!("programs/{program}.html"));
        }
    }
    let report = build::target_dir().join("compare/report.html");
    if report.is_file() {
        test.arg("--report").arg(&report);
    }
    eprintln!("==> browser test ({})", chromium.display());
    let status = test.status().context("running the browser test")?;
    Ok(status.success())
}
