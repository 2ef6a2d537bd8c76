//! The fresh-project check of the standalone examples: every example of a crate (seed programs
//! and asyncio rows) copied into a new cargo project whose `Cargo.toml` holds exactly the
//! dependency lines its own header lists, one project per group of examples with the same
//! lines, and built there (see [`assert_examples_build_in_a_fresh_project`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{cargo, examples_dir, package, profile_dir, workspace_root};
use crate::catalogue::Runtime;

/// The dependency lines of an example's header: the lines of its ```` ```toml ```` block that
/// starts with `[dependencies]`, each `name = value`. No such block: std only.
pub fn dependency_lines(source: &str) -> Result<Vec<String>, String> {
    let header: Vec<&str> = source
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let Some(start) = header
        .windows(2)
        .position(|w| w[0] == "```toml" && w[1] == "[dependencies]")
    else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    for line in &header[start + 2..] {
        if *line == "```" {
            return Ok(lines);
        }
        let (name, value) = line
            .split_once(" = ")
            .ok_or_else(|| format!("not a dependency line: {line:?}"))?;
        let name_ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !name_ok || !(value.starts_with('"') || value.starts_with('{')) {
            return Err(format!("not a dependency line: {line:?}"));
        }
        lines.push(line.to_string());
    }
    Err("the ```toml block of the dependencies is not closed".to_string())
}

/// The folder of `runtime`'s asyncio rows, `examples-<runtime>/asyncio/` (examples declared
/// in the manifest: see `shared::asyncio`); it may not exist (the sync crate has none).
fn asyncio_dir(runtime: Runtime) -> PathBuf {
    workspace_root().join(package(runtime)).join("asyncio")
}

/// The `.rs` files of `dir`, sorted (none if it does not exist).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("a folder entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Writes `contents` to `path` unless it holds them already: an unchanged file keeps its
/// modification time, so cargo does not rebuild what it built last time.
fn write_if_changed(path: &Path, contents: &[u8]) {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return;
    }
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Every example of `runtime` (the seed programs' `examples/<program>.rs` and the asyncio
/// rows' `asyncio/<row>.rs`) built in a fresh cargo project with exactly the dependency lines
/// its own header lists: the examples are grouped by their exact lines, one project per
/// group, `target/standalone/<package>/<n>/` (each example as `src/bin/<name>.rs`), with the
/// workspace's `Cargo.lock` (the same versions, nothing new to download) and the target
/// folder `target/standalone-target`, which every project shares (a dependency built with the
/// same features compiles once and stays cached; an unchanged file is not rewritten, so an
/// unchanged project does not rebuild). Fails on a header without the run command (or, for a
/// seed example, the twin) or a well-formed dependency block, on a file that names project
/// code, and on a build error: a dependency or a feature its own header does not list, even
/// when another example's header lists it.
pub fn assert_examples_build_in_a_fresh_project(runtime: Runtime) {
    let package = package(runtime);
    let seeds = rust_files(&examples_dir(runtime));
    let rows = rust_files(&asyncio_dir(runtime));
    assert!(!seeds.is_empty(), "{runtime} has no example");
    let project_code = [
        "shared::",
        "clap::",
        &format!("{}::", package.replace('-', "_")),
    ];
    // Exact dependency lines (sorted) -> the examples that list exactly those.
    let mut groups: BTreeMap<Vec<String>, Vec<PathBuf>> = BTreeMap::new();
    for (path, is_seed) in seeds
        .iter()
        .map(|p| (p, true))
        .chain(rows.iter().map(|p| (p, false)))
    {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        let source = std::fs::read_to_string(path).expect("the example");
        for code in project_code {
            assert!(!source.contains(code), "{}: names {code}", path.display());
        }
        let header: String = source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect();
        let run = format!("cargo run -p {package} --example {name}");
        assert!(
            header.contains(&run),
            "{}: the header lacks `{run}`",
            path.display()
        );
        let twin = format!("src/bin/{name}.rs");
        assert!(
            !is_seed || header.contains(&twin),
            "{}: the header lacks `{twin}`",
            path.display()
        );
        let mut lines =
            dependency_lines(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        lines.sort();
        groups.entry(lines).or_default().push(path.clone());
    }
    let target = profile_dir().parent().expect("target/").to_path_buf();
    let projects = target.join("standalone").join(package);
    // Projects of groups that no longer exist go.
    if let Ok(entries) = std::fs::read_dir(&projects) {
        for entry in entries.flatten() {
            let keep = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<usize>().ok())
                .is_some_and(|n| n < groups.len());
            if !keep {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let mut failures = Vec::new();
    for (index, (dependencies, sources)) in groups.iter().enumerate() {
        let project = projects.join(index.to_string());
        let bin = project.join("src").join("bin");
        std::fs::create_dir_all(&bin).expect("the fresh project's src/bin");
        let manifest = format!(
            "[package]\nname = \"standalone-{runtime}-{index}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
             # Its own workspace, not a member of the one it lies in.\n[workspace]\n\n\
             [dependencies]\n{}\n\n[profile.dev]\ndebug = \"line-tables-only\"\n",
            dependencies.join("\n")
        );
        write_if_changed(&project.join("Cargo.toml"), manifest.as_bytes());
        let lock = std::fs::read(workspace_root().join("Cargo.lock")).expect("Cargo.lock");
        write_if_changed(&project.join("Cargo.lock"), &lock);
        let names: BTreeSet<_> = sources.iter().filter_map(|p| p.file_name()).collect();
        for old in rust_files(&bin) {
            if !old.file_name().is_some_and(|n| names.contains(n)) {
                let _ = std::fs::remove_file(old);
            }
        }
        for path in sources {
            let source = std::fs::read(path).expect("an example");
            write_if_changed(&bin.join(path.file_name().expect("a name")), &source);
        }
        let output = Command::new(cargo())
            .current_dir(&project)
            .args(["build", "--quiet", "--bins"])
            .env("CARGO_TARGET_DIR", target.join("standalone-target"))
            .output()
            .expect("cannot run cargo");
        if !output.status.success() {
            let sources: Vec<String> = sources.iter().map(|p| p.display().to_string()).collect();
            failures.push(format!(
                "{} do not build in {} with their dependency lines\n{}\n{}",
                sources.join(", "),
                project.display(),
                dependencies.join("\n"),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fresh projects of {runtime} fail:\n{}",
        failures.len(),
        groups.len(),
        failures.join("\n\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_lines_come_from_the_toml_block_of_the_header() {
        let source = "//! # x\n//!\n//! ```toml\n//! [dependencies]\n//! tokio = { version = \"1\", features = [\"macros\"] }\n//! futures = \"0.3\"\n//! ```\nfn main() {}\n";
        assert_eq!(
            dependency_lines(source).unwrap(),
            [
                "tokio = { version = \"1\", features = [\"macros\"] }",
                "futures = \"0.3\""
            ]
        );
        assert_eq!(
            dependency_lines("//! std only\nfn main() {}").unwrap(),
            Vec::<String>::new()
        );
        assert!(dependency_lines("//! ```toml\n//! [dependencies]\n//! tokio\n//! ```\n").is_err());
        assert!(dependency_lines("//! ```toml\n//! [dependencies]\n//! tokio = \"1\"\n").is_err());
    }
}
