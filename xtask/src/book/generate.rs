//! The book's generated includes, under `book/src/generated/`: made from the sources by
//! `cargo xtask book`, committed, and checked for staleness by `cargo xtask book --check`.
//!
//! - `<program>/tabs.md`: one tab per runtime that has the program, each including the file
//!   [`super::sources::source`] picks (the standalone example, or the measured binary).
//! - `<program>/diff-<from>-<to>.md`: what changes from one runtime's file to another's.
//! - `<program>/commands.md`: every command that runs it: each runtime, each mode, bin and
//!   example.
//! - `programs.md`: the programs × runtimes table of the introduction, from the catalogue.
//! - `docs/`: the committed bench results (`docs/bench.md`, `docs/bench.svg`), made fit to
//!   be included by the "Measured" chapter (see [`docs_page`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use shared::{Mode, Program, Runtime};

use super::diff;
use super::sources::{self, Form};

/// Where the generated includes live, relative to the workspace root.
pub const DIR: &str = "book/src/generated";

/// The pairs of runtimes whose diffs the book shows: tokio → smol and tokio → async-std in
/// each program's chapter, async-std → smol in "Leaving async-std".
pub const DIFFS: [(Runtime, Runtime); 3] = [
    (Runtime::Tokio, Runtime::Smol),
    (Runtime::Tokio, Runtime::AsyncStd),
    (Runtime::AsyncStd, Runtime::Smol),
];

/// One generated include: its path under [`DIR`] and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub path: PathBuf,
    pub text: String,
}

/// Every generated include, made from the files under `root` and the catalogue.
pub fn all(root: &Path) -> anyhow::Result<Vec<Generated>> {
    let mut files = vec![Generated {
        path: PathBuf::from("programs.md"),
        text: programs_table(),
    }];
    for (name, text) in docs(root)? {
        files.push(Generated {
            path: Path::new("docs").join(name),
            text,
        });
    }
    for program in sources::programs() {
        let dir = PathBuf::from(program.name());
        files.push(Generated {
            path: dir.join("tabs.md"),
            text: tabs(root, program),
        });
        files.push(Generated {
            path: dir.join("commands.md"),
            text: commands(root, program),
        });
        for (from, to) in DIFFS {
            let runtimes = sources::runtimes(program);
            if runtimes.contains(&from) && runtimes.contains(&to) {
                files.push(Generated {
                    path: dir.join(format!("diff-{from}-{to}.md")),
                    text: diff_block(root, program, from, to)?,
                });
            }
        }
    }
    Ok(files)
}

/// The generated includes that differ from what is on disk (missing, changed, or left over
/// from a program or pair that is gone), relative to [`DIR`].
pub fn stale(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let dir = root.join(DIR);
    let wanted = all(root)?;
    let mut stale: Vec<PathBuf> = wanted
        .iter()
        .filter(|g| std::fs::read_to_string(dir.join(&g.path)).ok().as_ref() != Some(&g.text))
        .map(|g| g.path.clone())
        .collect();
    for path in on_disk(&dir)? {
        if !wanted.iter().any(|g| g.path == path) {
            stale.push(path);
        }
    }
    Ok(stale)
}

/// Writes every generated include and removes the ones no longer made; returns how many
/// files changed.
pub fn write(root: &Path) -> anyhow::Result<usize> {
    let dir = root.join(DIR);
    let wanted = all(root)?;
    let mut changed = 0;
    for generated in &wanted {
        let path = dir.join(&generated.path);
        if std::fs::read_to_string(&path).ok().as_ref() == Some(&generated.text) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, &generated.text)
            .with_context(|| format!("writing {}", path.display()))?;
        changed += 1;
    }
    for path in on_disk(&dir)? {
        if !wanted.iter().any(|g| g.path == path) {
            let full = dir.join(&path);
            std::fs::remove_file(&full).with_context(|| format!("removing {}", full.display()))?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The files under `dir`, relative to it (none when it does not exist).
fn on_disk(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    if !dir.is_dir() {
        return Ok(found);
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(dir).expect("under dir");
            found.push(relative.to_path_buf());
        }
    }
    Ok(found)
}

/// The path from a generated include of a program (`generated/<program>/x.md`) to the
/// workspace root, for its `{{#include}}`s.
const TO_ROOT: &str = "../../../..";

/// The `{{#tabs}}` block of `program`: one tab per runtime, the choice shared by every
/// chapter (`global="runtime"`).
fn tabs(root: &Path, program: Program) -> String {
    let mut text = String::from(
        "<!-- Generated by `cargo xtask book` from the sources: do not edit. -->\n\n\
         {{#tabs global=\"runtime\" }}\n",
    );
    for runtime in sources::runtimes(program) {
        let source = sources::source(root, runtime, program);
        let package = runtime.package().expect("a Rust runtime");
        let (what, run) = match source.form {
            Form::Example => (
                "the standalone example",
                format!("cargo run -p {package} --example {program}"),
            ),
            Form::Bin => (
                "the measured binary",
                format!("cargo run -p {package} --bin {program}"),
            ),
        };
        let _ = write!(
            text,
            "{{{{#tab name=\"{runtime}\" }}}}\n\n\
             `{path}`, {what} (`{run}`):\n\n\
             ```rust\n{{{{#include {TO_ROOT}/{path}}}}}\n```\n\n\
             {{{{#endtab }}}}\n",
            path = slash(&source.path),
        );
    }
    text.push_str("{{#endtabs }}\n");
    text
}

/// The diff block from `from`'s file of `program` to `to`'s.
fn diff_block(root: &Path, program: Program, from: Runtime, to: Runtime) -> anyhow::Result<String> {
    let old = sources::source(root, from, program);
    let new = sources::source(root, to, program);
    let read = |path: &Path| {
        std::fs::read_to_string(root.join(path))
            .with_context(|| format!("reading {}", path.display()))
    };
    let diff = diff::unified(&old.path, &read(&old.path)?, &new.path, &read(&new.path)?);
    let headers = match diff.header_hunks {
        0 => String::new(),
        _ => "; the `//!` headers, which differ throughout, left out".to_string(),
    };
    Ok(format!(
        "<!-- Generated by `cargo xtask book` from the sources: do not edit. -->\n\n\
         {from} → {to}: {minus} lines out, {plus} lines in (`diff {old} {new}`{headers}).\n\n\
         ```diff\n{text}```\n",
        minus = diff.minus,
        plus = diff.plus,
        text = diff.text,
        old = slash(&old.path),
        new = slash(&new.path),
    ))
}

/// Every command that runs `program`: each runtime, each of its modes, the binary and (when
/// it exists) the standalone example.
fn commands(root: &Path, program: Program) -> String {
    let mut text = String::from(
        "<!-- Generated by `cargo xtask book` from the catalogue: do not edit. -->\n\n```sh\n",
    );
    for runtime in sources::runtimes(program) {
        let package = runtime.package().expect("a Rust runtime");
        let _ = writeln!(text, "# {runtime}");
        let modes = program.modes(runtime);
        let mut lines = Vec::new();
        for (i, &mode) in modes.iter().enumerate() {
            let args = if i == 0 {
                String::new()
            } else {
                format!(" -- --mode {mode}")
            };
            lines.push((
                format!("cargo run -p {package} --bin {program}{args}"),
                mode_note(program, mode, i == 0),
            ));
        }
        if runtime == Runtime::Tokio {
            lines.push((
                format!(
                    "cargo run -p {package} --bin {program} -- --mode {} --flavor current-thread",
                    modes[0]
                ),
                "tokio's single-threaded scheduler".to_string(),
            ));
        }
        if sources::has_example(root, runtime, program) {
            lines.extend(example_commands(package, program, modes));
        }
        let width = lines.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
        for (command, note) in lines {
            let _ = writeln!(text, "{command:width$}  # {note}");
        }
    }
    text.push_str("```\n");
    text
}

/// The standalone example's commands: with no argument its default mode, then each other
/// mode as the first argument.
fn example_commands(package: &str, program: Program, modes: &[Mode]) -> Vec<(String, String)> {
    // With no URLs the standalone http_fetch fetches the seed's real sites.
    let sites = match program {
        Program::HttpFetch => ", the seed's six sites (needs the network)",
        _ => "",
    };
    modes
        .iter()
        .enumerate()
        .map(|(i, &mode)| {
            let args = if i == 0 {
                String::new()
            } else {
                format!(" -- {mode}")
            };
            (
                format!("cargo run -p {package} --example {program}{args}"),
                format!(
                    "the standalone example, {}{sites}",
                    mode_note(program, mode, i == 0)
                ),
            )
        })
        .collect()
}

/// `concurrent (the default), ideal 1 s`.
fn mode_note(program: Program, mode: Mode, default: bool) -> String {
    let default = if default { " (the default)" } else { "" };
    match program.ideal(mode) {
        Some(ideal) => format!("{mode}{default}, ideal {}", ideal_text(ideal.as_secs_f64())),
        None => format!("{mode}{default}"),
    }
}

/// An ideal time as the README writes it: `1 s`, `0.26 s`, `2.486 s`, or `CPU only` for 0.
pub fn ideal_text(secs: f64) -> String {
    if secs == 0.0 {
        return "CPU only".to_string();
    }
    let text = format!("{secs:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

/// The programs × runtimes table: each program linked to its chapter, its seed and idea, the
/// modes of each runtime (the default first), and the ideal of each mode.
fn programs_table() -> String {
    let mut text = String::from(
        "<!-- Generated by `cargo xtask book` from the catalogue: do not edit. -->\n\n\
         | program | seed | what it shows | sync | tokio | async-std | smol | handmade | ideal at `--scale 1` |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for program in sources::programs() {
        let mut cells = vec![
            format!("[`{program}`](programs/{program}.md)"),
            program.seeds().to_string(),
            program.about().replace('|', "\\|"),
        ];
        for runtime in Runtime::RUST {
            let modes = program.modes(runtime);
            cells.push(if modes.is_empty() {
                "–".to_string()
            } else {
                modes
                    .iter()
                    .map(|m| m.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
        }
        // The async crates' modes first (their default leads), then the sync crate's own.
        let mut all_modes: Vec<Mode> = Vec::new();
        for runtime in [
            Runtime::Tokio,
            Runtime::AsyncStd,
            Runtime::Smol,
            Runtime::Sync,
        ] {
            for &mode in program.modes(runtime) {
                if !all_modes.contains(&mode) {
                    all_modes.push(mode);
                }
            }
        }
        let ideals: Vec<String> = all_modes
            .iter()
            .filter_map(|&m| {
                let ideal = program.ideal(m)?;
                Some(format!("{m} {}", ideal_text(ideal.as_secs_f64())))
            })
            .collect();
        cells.push(ideals.join(", "));
        let _ = writeln!(text, "| {} |", cells.join(" | "));
    }
    text
}

/// The files of `docs/` the "Measured" chapter shows: `bench.md` made fit to be included by
/// `book/src/measured.md`, and the pictures it shows, as they are.
fn docs(root: &Path) -> anyhow::Result<Vec<(&'static str, String)>> {
    let read = |name: &str| {
        let path = root.join("docs").join(name);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    Ok(vec![
        ("bench.md", docs_page(&read("bench.md")?, "generated/docs/")),
        ("bench.svg", read("bench.svg")?),
        ("bench-fetch.svg", read("bench-fetch.svg")?),
        ("bench-ticker.svg", read("bench-ticker.svg")?),
    ])
}

/// A page of `docs/` as a part of a chapter: its headings one level down (the chapter has
/// the title), its pictures found under `pictures` (where [`docs`] copies them, relative to
/// the chapter), and its links to the repository's files (`../xtask/…`, which the book does
/// not have) turned into their text.
pub fn docs_page(text: &str, pictures: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push('#');
        }
        out.push_str(&relink(line, pictures));
        out.push('\n');
    }
    out
}

/// One line of [`docs_page`]: `![a](x.svg)` → `![a](<pictures>x.svg)`, `[a](../x)` → `a`.
fn relink(line: &str, pictures: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find("](") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let target = &rest[open + 2..close];
        let Some(start) = rest[..open].rfind('[') else {
            break;
        };
        let image = start > 0 && rest.as_bytes()[start - 1] == b'!';
        let label = &rest[start + 1..open];
        if image && !target.contains(':') && !target.starts_with('/') {
            out.push_str(&rest[..open + 2]);
            out.push_str(pictures);
            out.push_str(target);
            out.push(')');
        } else if target.starts_with("../") {
            out.push_str(&rest[..start]);
            out.push_str(label);
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A relative path with forward slashes, as the book and the reader's shell write it.
fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_docs_page_fits_into_a_chapter() {
        let page = "# Bench\n\nsee [`bench.rs`](../xtask/src/bench.rs) and [tokio](https://tokio.rs)\n\
                    ![plot](bench.svg)\n```sh\n# a comment\n```\n## Wall time\n";
        assert_eq!(
            docs_page(page, "generated/docs/"),
            "## Bench\n\nsee `bench.rs` and [tokio](https://tokio.rs)\n\
             ![plot](generated/docs/bench.svg)\n```sh\n# a comment\n```\n### Wall time\n"
        );
    }

    #[test]
    fn ideals_read_like_the_readme() {
        assert_eq!(ideal_text(1.0), "1 s");
        assert_eq!(ideal_text(0.26), "0.26 s");
        assert_eq!(ideal_text(2.4862), "2.486 s");
        assert_eq!(ideal_text(0.0), "CPU only");
    }

    #[test]
    fn a_tab_per_runtime_each_including_its_file() {
        let root = crate::build::workspace_root();
        let text = tabs(&root, Program::LazyFutures);
        assert_eq!(text.matches("{{#tab name=").count(), 4, "{text}");
        assert!(!text.contains("name=\"sync\""), "{text}");
        for runtime in [
            Runtime::Tokio,
            Runtime::AsyncStd,
            Runtime::Smol,
            Runtime::Handmade,
        ] {
            let source = sources::source(&root, runtime, Program::LazyFutures);
            assert!(
                text.contains(&format!(
                    "{{{{#include {TO_ROOT}/{}}}}}",
                    slash(&source.path)
                )),
                "{text}"
            );
        }
    }

    #[test]
    fn commands_name_every_mode_of_every_runtime() {
        let root = crate::build::workspace_root();
        let text = commands(&root, Program::WorkQueue);
        for mode in ["count", "cooperative", "blocking"] {
            assert!(
                text.contains(&format!("examples-sync --bin work_queue -- --mode {mode}"))
                    || mode == "count",
                "{text}"
            );
        }
        assert!(
            text.contains("cargo run -p examples-smol --bin work_queue -- --mode blocking"),
            "{text}"
        );
        assert!(text.contains("--flavor current-thread"), "{text}");
    }
}
