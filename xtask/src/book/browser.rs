//! The browser test: every page of the built book, and `target/compare/report.html` when it
//! exists, opened in the system's headless Chromium by `xtask/browser/check_pages.py`.
//!
//! The driver is Python's Playwright, pinned, in a virtual environment under
//! `target/browser-venv/` made on first use with the system's `python3 -m venv` and `pip`.
//! Playwright is handed the system Chromium (`/usr/bin/chromium`, or `CHROMIUM`): it never
//! downloads a browser of its own (`playwright install` is not run).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::build;

/// The pinned driver.
pub const PLAYWRIGHT: &str = "1.65.2";

/// The system Chromium: `CHROMIUM`, else `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The virtual environment's folder.
fn venv() -> PathBuf {
    build::target_dir().join("browser-venv")
}

/// The virtual environment's Python, with the pinned Playwright in it (made when missing).
fn python_with_playwright() -> anyhow::Result<PathBuf> {
    let python = venv().join("bin").join("python");
    let has_it = |python: &Path| {
        Command::new(python)
            .args([
                "-c",
                "import importlib.metadata as m; print(m.version('playwright'))",
            ])
            .output()
            .is_ok_and(|o| {
                o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == PLAYWRIGHT
            })
    };
    if python.is_file() && has_it(&python) {
        return Ok(python);
    }
    eprintln!(
        "==> installing playwright {PLAYWRIGHT} into {} (once)",
        venv().display()
    );
    if !python.is_file() {
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(venv())
            .status()
            .context("cannot run python3 (the browser test needs it)")?;
        if !status.success() {
            bail!("python3 -m venv {} failed", venv().display());
        }
    }
    let status = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .arg(format!("playwright=={PLAYWRIGHT}"))
        .status()
        .context("running pip")?;
    if !status.success() || !has_it(&python) {
        bail!("pip install playwright=={PLAYWRIGHT} failed");
    }
    Ok(python)
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
    let python = python_with_playwright()?;
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
