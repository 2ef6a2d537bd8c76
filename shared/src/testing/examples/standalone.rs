//! The fresh-project check of the standalone examples: every example of a crate copied into a
//! new cargo project whose `Cargo.toml` holds only the dependency lines the examples' headers
//! list, and built there (see [`assert_examples_build_in_a_fresh_project`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
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

/// One dependency as a header writes it: `"1"`, or `{ version = "1", features = [...] }`.
#[derive(Debug, Default, PartialEq)]
struct Dependency {
    /// Every key but `features`, with its value as written.
    keys: BTreeMap<String, String>,
    features: BTreeSet<String>,
}

/// Splits `a = 1, b = [2, 3]` at the commas outside brackets and quotes.
fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut quoted, mut from) = (Vec::new(), 0, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' | '{' if !quoted => depth += 1,
            ']' | '}' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(text[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text[from..].trim());
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

impl Dependency {
    fn parse(value: &str) -> Result<Dependency, String> {
        let mut dependency = Dependency::default();
        let Some(table) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) else {
            dependency.keys.insert("version".into(), value.to_string());
            return Ok(dependency);
        };
        for entry in split_top_level(table) {
            let (key, value) = entry
                .split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| format!("not `key = value`: {entry:?}"))?;
            if key == "features" {
                let list = value
                    .strip_prefix('[')
                    .and_then(|v| v.strip_suffix(']'))
                    .ok_or_else(|| format!("features are not a list: {value:?}"))?;
                for feature in split_top_level(list) {
                    dependency
                        .features
                        .insert(feature.trim_matches('"').to_string());
                }
            } else {
                dependency.keys.insert(key.to_string(), value.to_string());
            }
        }
        Ok(dependency)
    }

    /// `name`'s line in the fresh project's `Cargo.toml`.
    fn line(&self, name: &str) -> String {
        let mut entries: Vec<String> = self
            .keys
            .iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        if !self.features.is_empty() {
            let features: Vec<String> = self.features.iter().map(|f| format!("{f:?}")).collect();
            entries.push(format!("features = [{}]", features.join(", ")));
        }
        format!("{name} = {{ {} }}", entries.join(", "))
    }
}

/// The union of the headers' dependency lines: one line per crate, the features of every
/// header that names it; headers that disagree on anything else (the version,
/// `default-features`) are an error.
pub fn merge_dependencies(lines: &[String]) -> Result<Vec<String>, String> {
    let mut merged: BTreeMap<String, Dependency> = BTreeMap::new();
    for line in lines {
        let (name, value) = line
            .split_once(" = ")
            .ok_or(format!("not a line: {line}"))?;
        let dependency = Dependency::parse(value)?;
        match merged.get_mut(name) {
            None => {
                merged.insert(name.to_string(), dependency);
            }
            Some(known) if known.keys == dependency.keys => {
                known.features.extend(dependency.features)
            }
            Some(known) => {
                return Err(format!(
                    "the headers disagree on {name}: {:?} and {:?}",
                    known.keys, dependency.keys
                ));
            }
        }
    }
    Ok(merged.iter().map(|(name, d)| d.line(name)).collect())
}

/// Copies every example of `runtime` into a fresh cargo project under
/// `target/standalone/<package>/` (each as `src/bin/<program>.rs`) whose `Cargo.toml` holds
/// the union of the headers' dependency lines (see [`merge_dependencies`]) and the workspace's
/// `Cargo.lock` (the same versions, nothing new to download), and builds it with the target
/// folder `target/standalone-target`, which the four runtimes share (their dependencies
/// compile once and stay cached). Fails on a header without the run command, the twin or a
/// well-formed dependency block, on a file that names project code or a crate of the union its
/// own header does not list, and on a build error: a dependency or feature that no header
/// lists. (A feature one header forgets while another lists it is not caught: the union has
/// it.)
pub fn assert_examples_build_in_a_fresh_project(runtime: Runtime) {
    let package = package(runtime);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(examples_dir(runtime))
        .expect("the examples folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "{runtime} has no example");
    let project_code = [
        "shared::",
        "clap::",
        &format!("{}::", package.replace('-', "_")),
    ];
    let mut dependencies = Vec::new();
    let mut uses: Vec<(PathBuf, String, Vec<String>)> = Vec::new();
    for path in &sources {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        let source = std::fs::read_to_string(path).expect("the example");
        for code in project_code {
            assert!(!source.contains(code), "{}: names {code}", path.display());
        }
        let run = format!("cargo run -p {package} --example {name}");
        let twin = format!("src/bin/{name}.rs");
        let header: String = source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect();
        assert!(
            header.contains(&run),
            "{}: the header lacks `{run}`",
            path.display()
        );
        assert!(
            header.contains(&twin),
            "{}: the header lacks `{twin}`",
            path.display()
        );
        let lines = dependency_lines(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        dependencies.extend(lines.iter().cloned());
        uses.push((path.clone(), source, lines));
    }
    // The union hides a crate one header forgets if another lists it: so each file that names
    // a crate of the union in its code (`tokio::…`) must list it itself.
    for (path, source, own) in &uses {
        let code: String = source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        for line in &dependencies {
            let name = line
                .split_once(" = ")
                .map_or(line.as_str(), |(name, _)| name);
            let named = code.contains(&format!("{}::", name.replace('-', "_")));
            let listed = own.iter().any(|l| l.starts_with(&format!("{name} = ")));
            assert!(
                !named || listed,
                "{}: uses {name} but its header does not list it",
                path.display()
            );
        }
    }
    let dependencies =
        merge_dependencies(&dependencies).unwrap_or_else(|e| panic!("{runtime}: {e}"));
    let target = profile_dir().parent().expect("target/").to_path_buf();
    let project = target.join("standalone").join(package);
    let _ = std::fs::remove_dir_all(&project);
    let bin = project.join("src").join("bin");
    std::fs::create_dir_all(&bin).expect("the fresh project's src/bin");
    let manifest = format!(
        "[package]\nname = \"standalone-{runtime}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Its own workspace, not a member of the one it lies in.\n[workspace]\n\n\
         [dependencies]\n{}\n\n[profile.dev]\ndebug = \"line-tables-only\"\n",
        dependencies.join("\n")
    );
    std::fs::write(project.join("Cargo.toml"), manifest).expect("Cargo.toml");
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        project.join("Cargo.lock"),
    )
    .expect("Cargo.lock");
    for path in &sources {
        std::fs::copy(path, bin.join(path.file_name().expect("a name"))).expect("an example");
    }
    let output = Command::new(cargo())
        .current_dir(&project)
        .args(["build", "--quiet", "--bins"])
        .env("CARGO_TARGET_DIR", target.join("standalone-target"))
        .output()
        .expect("cannot run cargo");
    assert!(
        output.status.success(),
        "the examples of {runtime} do not build in {} with the dependencies\n{}\n{}",
        project.display(),
        dependencies.join("\n"),
        String::from_utf8_lossy(&output.stderr)
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

    #[test]
    fn merged_dependencies_unite_features_and_refuse_disagreements() {
        let lines = |ls: &[&str]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let merged = merge_dependencies(&lines(&[
            "tokio = { version = \"1\", features = [\"macros\", \"time\"] }",
            "tokio = { version = \"1\", features = [\"rt\"] }",
            "futures = \"0.3\"",
        ]))
        .unwrap();
        assert_eq!(
            merged,
            [
                "futures = { version = \"0.3\" }",
                "tokio = { version = \"1\", features = [\"macros\", \"rt\", \"time\"] }"
            ]
        );
        assert!(merge_dependencies(&lines(&["a = \"1\"", "a = \"2\""])).is_err());
    }
}
