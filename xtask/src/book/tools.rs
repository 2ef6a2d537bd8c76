//! The pinned tools that build the book, installed on first use into a cache folder
//! (`target/book-tools/`) with `cargo install --locked`, and reused while their versions
//! match.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::build;

/// mdBook itself, with its search and without its live-reloading server.
pub const MDBOOK: Tool = Tool {
    krate: "mdbook",
    version: "0.5.4",
    features: Some("search"),
};

/// The tabs preprocessor (one tab per runtime, its choice kept across pages).
pub const TABS: Tool = Tool {
    krate: "mdbook-tabs",
    version: "1.0.5",
    features: None,
};

/// A crate installed with `cargo install --locked`, at one version.
#[derive(Debug, Clone, Copy)]
pub struct Tool {
    pub krate: &'static str,
    pub version: &'static str,
    /// Only these features (the defaults off) when `Some`.
    pub features: Option<&'static str>,
}

/// The cache folder: `target/book-tools/` (its programs in `bin/`).
pub fn cache() -> PathBuf {
    build::target_dir().join("book-tools")
}

/// The `bin/` folder of the cache, to put first on the `PATH` of mdBook (which finds its
/// preprocessors there).
pub fn bin_dir() -> PathBuf {
    cache().join("bin")
}

/// Installs every tool missing from the cache, or there at another version.
pub fn ensure() -> anyhow::Result<()> {
    for tool in [MDBOOK, TABS] {
        if installed(&cache(), tool) {
            continue;
        }
        eprintln!(
            "==> installing {} {} into {} (once)",
            tool.krate,
            tool.version,
            cache().display()
        );
        let mut install = Command::new(build::cargo());
        install
            .args(["install", "--locked", tool.krate, "--version", tool.version])
            .arg("--root")
            .arg(cache());
        if let Some(features) = tool.features {
            install.args(["--no-default-features", "--features", features]);
        }
        let status = install
            .status()
            .with_context(|| format!("cannot run {}", build::cargo()))?;
        if !status.success() || !installed(&cache(), tool) {
            bail!(
                "cargo install {} --version {} failed",
                tool.krate,
                tool.version
            );
        }
    }
    Ok(())
}

/// Whether `tool` is in `root` at its version: its program is there and cargo's own record
/// of what it installed (`.crates.toml`) names that version.
pub fn installed(root: &Path, tool: Tool) -> bool {
    let record = std::fs::read_to_string(root.join(".crates.toml")).unwrap_or_default();
    let key = format!("\"{} {} ", tool.krate, tool.version);
    root.join("bin").join(tool.krate).is_file() && record.contains(&key)
}

/// The `PATH` for mdBook: the cache's `bin/` first.
pub fn path_env() -> anyhow::Result<std::ffi::OsString> {
    let mut paths = vec![bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(paths).context("the PATH")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_counts_as_installed_only_at_its_version() {
        let root = std::env::temp_dir().join(format!("book-tools-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("bin")).unwrap();
        assert!(!installed(&root, MDBOOK), "nothing there yet");
        std::fs::write(root.join("bin/mdbook"), "").unwrap();
        std::fs::write(
            root.join(".crates.toml"),
            "[v1]\n\"mdbook 0.4.40 (registry+https://github.com/rust-lang/crates.io-index)\" = [\"mdbook\"]\n",
        )
        .unwrap();
        assert!(!installed(&root, MDBOOK), "another version");
        std::fs::write(
            root.join(".crates.toml"),
            "[v1]\n\"mdbook 0.5.4 (registry+https://github.com/rust-lang/crates.io-index)\" = [\"mdbook\"]\n",
        )
        .unwrap();
        assert!(installed(&root, MDBOOK));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
