//! Building each runtime's binaries apart from the others'.
//!
//! Every runtime crate names its binaries after the programs (`count`, `say`, …), so cargo
//! writes them all to the same `target/<profile>/count` (cargo issue 6313) and the last build
//! wins. [`build_runtime`] builds one member at a time and keeps its binaries in a directory
//! of their own (`target/compare/bin/<runtime>/`, hard links where possible) before the next
//! member's build replaces them; which files cargo produced is read from its JSON messages,
//! not guessed.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};
use shared::Runtime;

/// Which cargo profile to build with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `--release`: what comparisons and benchmarks measure.
    Release,
    /// The dev profile: quick to build, slow CPU-bound code (for tests of the harness).
    Dev,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Dev => "dev",
        }
    }
}

/// The root of the workspace (where `Cargo.toml` with `[workspace]` is).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// The target directory: `CARGO_TARGET_DIR` or `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// The cargo that runs us (`CARGO`, set by `cargo run`), or `cargo` on the `PATH`.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// What one member's build produced.
#[derive(Debug, Clone)]
pub struct Built {
    /// Binary name → its link (or copy) in the runtime's own directory.
    pub binaries: BTreeMap<String, PathBuf>,
    /// Why the build failed, if it did (the binaries that did build are still listed).
    pub error: Option<String>,
}

/// Builds `runtime`'s member (`cargo build -p <member> --bins`, cargo's messages on stderr)
/// and links (or copies) its binaries into `dest` (emptied first, so no stale binary
/// survives). A Rust runtime only; Python has nothing to build.
pub fn build_runtime(runtime: Runtime, profile: Profile, dest: &Path) -> anyhow::Result<Built> {
    let Some(package) = runtime.package() else {
        bail!("{runtime} is not a workspace member");
    };
    build_package(package, profile, dest)
}

/// [`build_runtime`] for any workspace member (the bench's `shared` for its
/// `stand_in_server`).
///
/// Several xtask processes may build at once (`cargo xtask test` runs xtask's test binaries
/// side by side, and three of them run `compare` or `bench`): between cargo's exit and the
/// links, another build could replace `target/<profile>/count` with another member's. So
/// the build and the links hold [`lock`] on `target/.xtask-build.lock`.
pub fn build_package(package: &str, profile: Profile, dest: &Path) -> anyhow::Result<Built> {
    let _lock = lock(&workspace_root().join("target").join(".xtask-build.lock"))?;
    let mut command = Command::new(cargo());
    command
        .current_dir(workspace_root())
        .args(["build", "--package", package, "--bins"])
        .args(["--message-format", "json-render-diagnostics"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if profile == Profile::Release {
        command.arg("--release");
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot run {}", cargo()))?;
    let mut executables = Vec::new();
    let stdout = child.stdout.take().expect("piped stdout");
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.context("reading cargo's messages")?;
        if let Some(exe) = executable(&line, "bin") {
            executables.push(exe);
        }
    }
    let status = child.wait().context("waiting for cargo")?;
    let error = (!status.success()).then(|| format!("cargo build -p {package} failed ({status})"));

    if dest.exists() {
        std::fs::remove_dir_all(dest).with_context(|| format!("emptying {}", dest.display()))?;
    }
    std::fs::create_dir_all(dest).with_context(|| format!("creating {}", dest.display()))?;
    let mut binaries = BTreeMap::new();
    for (name, path) in executables {
        let keep = dest.join(path.file_name().unwrap_or(name.as_ref()));
        link_or_copy(&path, &keep)?;
        binaries.insert(name, keep);
    }
    Ok(Built { binaries, error })
}

/// An exclusive lock on the file `path` (created if missing), held until the file is dropped:
/// waits while another process holds it.
pub fn lock(path: &Path) -> anyhow::Result<std::fs::File> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    file.lock()
        .with_context(|| format!("locking {}", path.display()))?;
    Ok(file)
}

/// `dest` (replaced if it exists) becomes the file `source` names now: a hard link where the
/// file system allows (it takes no disk space, and forty debug binaries are gigabytes), a copy
/// otherwise. A link is enough because cargo never rewrites an uplifted binary in place: it
/// removes `target/<profile>/count` and links the new build there, so the inode `dest` shares
/// stays this build's.
pub fn link_or_copy(source: &Path, dest: &Path) -> anyhow::Result<()> {
    if dest.exists() {
        std::fs::remove_file(dest).with_context(|| format!("removing {}", dest.display()))?;
    }
    if std::fs::hard_link(source, dest).is_ok() {
        return Ok(());
    }
    std::fs::copy(source, dest)
        .map(drop)
        .with_context(|| format!("copying {} to {}", source.display(), dest.display()))
}

/// One line of cargo's JSON messages (`--message-format json…`), if it reports a built
/// artifact (`"reason": "compiler-artifact"`).
pub fn artifact(line: &str) -> Option<serde_json::Value> {
    let message: serde_json::Value = serde_json::from_str(line).ok()?;
    (message["reason"] == "compiler-artifact").then_some(message)
}

/// Whether an artifact's target is of `kind` (`bin`, `test`, `example`).
pub fn has_kind(artifact: &serde_json::Value, kind: &str) -> bool {
    artifact["target"]["kind"]
        .as_array()
        .is_some_and(|kinds| kinds.iter().any(|k| k == kind))
}

/// `(target name, path)` from one line of cargo's JSON messages, if it reports an executable
/// of `kind` (`bin`, `example`).
pub fn executable(line: &str, kind: &str) -> Option<(String, PathBuf)> {
    let artifact = artifact(line).filter(|a| has_kind(a, kind))?;
    let name = artifact["target"]["name"].as_str()?.to_string();
    let exe = artifact["executable"].as_str()?;
    Some((name, PathBuf::from(exe)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_are_read_from_cargos_messages() {
        let bin = r#"{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"count"},"executable":"/t/release/count"}"#;
        let lib = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"shared"},"executable":null}"#;
        let done = r#"{"reason":"build-finished","success":true}"#;
        assert_eq!(
            executable(bin, "bin"),
            Some(("count".to_string(), PathBuf::from("/t/release/count")))
        );
        assert_eq!(executable(bin, "example"), None);
        assert_eq!(executable(lib, "bin"), None);
        assert_eq!(executable(done, "bin"), None);
        assert_eq!(executable("not json", "bin"), None);
    }

    #[test]
    fn the_workspace_root_holds_the_workspace_manifest() {
        let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }
}
