//! `cargo xtask book`: the book under `book/`, one chapter per program, built with the pinned
//! mdBook into `target/book/`.
//!
//! 1. Regenerates the generated includes (`book/src/generated/`: tabs, diffs, commands, the
//!    programs table; [`generate`]) from the sources and the catalogue; with `--check` it
//!    only compares them and fails on a stale one.
//!    The generated part of `asyncio-to-rust.md` too ([`asyncio`]): the table and a section
//!    per asyncio row, with the outputs recorded by `--asyncio-outputs`.
//! 2. With `--measure`, reruns `cargo xtask compare` and refreshes the committed snapshot
//!    under `book/src/measured/` ([`measured`]). Without it the book builds from the
//!    committed files and runs nothing.
//! 3. Installs the pinned tools when missing ([`tools`]) and builds.
//! 4. With `--check`: every include resolves and yields something ([`includes`]), every
//!    catalogue program has its chapter with a non-empty tab per runtime, no `{{#` is left in
//!    the HTML ([`html`]), and every internal link and fragment resolves ([`links`]).
//! 5. With `--browser`: every page opened in headless Chromium ([`browser`]).
//! 6. With `--open`: opens the book in the browser.

pub mod asyncio;
pub mod asyncio_apis;
pub mod browser;
pub mod diff;
pub mod generate;
pub mod html;
pub mod includes;
pub mod links;
pub mod measured;
pub mod sources;
pub mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use clap::Args;

use crate::build;

/// `cargo xtask book`'s options.
#[derive(Debug, Clone, Args)]
#[command(after_help = "\
The first run installs mdBook 0.5.4 and mdbook-tabs 1.0.5 with `cargo install --locked` into \
target/book-tools/ (about a minute each); later runs reuse them. Exit code 1 when a check \
fails, with one line per problem.")]
pub struct BookArgs {
    /// Open the built book in the browser.
    #[arg(long)]
    pub open: bool,
    /// Check instead of regenerating: fail on a stale generated include, a broken include
    /// or anchor, a `{{#` left in the HTML, a missing chapter or runtime tab, a broken link.
    #[arg(long)]
    pub check: bool,
    /// Rerun `cargo xtask compare --python` over every program first and refresh the
    /// measured snapshot under book/src/measured/.
    #[arg(long)]
    pub measure: bool,
    /// Run every form of every asyncio row (Python and the three runtimes) first and record
    /// what each printed under book/asyncio-outputs/, which the asyncio → Rust chapter shows.
    #[arg(long)]
    pub asyncio_outputs: bool,
    /// Open every page of the built book (and target/compare/report.html when it exists) in
    /// headless Chromium and fail on a console error, a failed request or a page without its
    /// code; needs /usr/bin/chromium (or CHROMIUM) and python3.
    #[arg(long)]
    pub browser: bool,
}

/// The book's folder, `book/`.
pub fn book_dir(root: &Path) -> PathBuf {
    root.join("book")
}

/// Where the book is built: `target/book/`.
pub fn out_dir() -> PathBuf {
    build::target_dir().join("book")
}

/// Runs `cargo xtask book`; `Ok(false)` when a check failed (each problem printed).
pub fn book(args: &BookArgs) -> anyhow::Result<bool> {
    let root = build::workspace_root();
    if args.measure {
        measured::measure(&root)?;
    }
    if args.asyncio_outputs {
        asyncio::record(&root)?;
    }
    let mut problems = Vec::new();
    if args.check {
        if asyncio::stale(&root)? {
            problems.push(format!(
                "{}: its generated part is stale; `cargo xtask book` refreshes it",
                asyncio::CHAPTER
            ));
        }
        problems.extend(asyncio::output_problems(&root));
        for path in generate::stale(&root)? {
            problems.push(format!(
                "{}/{}: stale; `cargo xtask book` refreshes it",
                generate::DIR,
                path.display()
            ));
        }
        problems.extend(includes::problems(&book_dir(&root).join("src"))?);
        problems.extend(html::chapters_missing(&root)?);
    } else {
        if asyncio::write(&root)? {
            eprintln!("==> {} refreshed", asyncio::CHAPTER);
        }
        let changed = generate::write(&root)?;
        if changed > 0 {
            eprintln!(
                "==> {changed} generated includes refreshed in {}",
                generate::DIR
            );
        }
    }
    tools::ensure()?;
    build_book(&root)?;
    if args.check {
        problems.extend(html::problems(&out_dir())?);
        problems.extend(links::broken(&out_dir())?);
    }
    // One line per problem, its paths relative to the workspace (as the reader types them).
    let prefix = format!("{}/", root.display());
    let mut seen = std::collections::BTreeSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    for problem in &problems {
        println!("{}", problem.replace(&prefix, ""));
    }
    if !problems.is_empty() {
        println!("book: {} problems", problems.len());
        return Ok(false);
    }
    if args.check {
        println!("book: every check passed ({})", out_dir().display());
    }
    if args.browser && !browser::run(&root, &out_dir())? {
        return Ok(false);
    }
    if args.open {
        let index = out_dir().join("index.html");
        opener::open(&index).with_context(|| format!("opening {}", index.display()))?;
    }
    Ok(true)
}

/// `mdbook build book --dest-dir target/book`, with the cached tools first on the `PATH`.
fn build_book(root: &Path) -> anyhow::Result<()> {
    let out = out_dir();
    eprintln!("==> mdbook build into {}", out.display());
    let status = Command::new(tools::bin_dir().join(tools::MDBOOK.krate))
        .arg("build")
        .arg(book_dir(root))
        .arg("--dest-dir")
        .arg(&out)
        .env("PATH", tools::path_env()?)
        .status()
        .context("running mdbook")?;
    if !status.success() {
        bail!("mdbook build failed ({status})");
    }
    Ok(())
}
