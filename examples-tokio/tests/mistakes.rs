//! The compile-time mistakes of `examples-tokio/mistakes/`, each compiled for real: every
//! `<case>.rs` must fail with the error code and the key phrase its header names
//! (`//! compile-fail: E0277 "cannot be sent between threads safely"`), and every fixed twin
//! (`<case>_fixed*.rs`, `//! compiles: the fix of <case>.rs`) must compile without a warning.
//!
//! Only the code and one phrase are checked, not the whole message, so that a newer compiler's
//! wording does not break the test. The whole message is kept for the reader beside each case,
//! as `<case>.stderr.txt`, and refreshed by one command:
//!
//! ```text
//! BLESS=1 cargo test -p examples-tokio --test mistakes
//! ```
//!
//! Without `BLESS`, a kept file fails the test when it no longer names the codes the compiler
//! gives today or the case's key phrase (a stale file; its wording may differ freely).
//!
//! How: one `cargo check --keep-going` of a throw-away package under `target/tmp/mistakes`
//! with one binary per file, the workspace's `Cargo.lock` (so the same tokio and smol
//! versions, offline) and a target directory of its own, kept between runs: the first run
//! checks tokio and smol once (about a minute on a busy machine), later runs take seconds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

/// The folder of the cases.
fn mistakes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("mistakes")
}

/// What a file's header says it is.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// `//! compile-fail: CODE "phrase"`: an error with this code (`E0277`, or a lint's name
    /// for a denied lint; `(no code)`: an error the compiler gives no code) whose text
    /// contains the phrase.
    Fails {
        code: Option<String>,
        phrase: String,
    },
    /// `//! compiles: the fix of <case>.rs`.
    Compiles { fixes: String },
}

/// One file of `mistakes/`: its name without `.rs` (the binary's name) and what it expects.
#[derive(Debug, Clone)]
struct Case {
    name: String,
    path: PathBuf,
    expect: Expect,
}

fn parse_header(path: &Path, text: &str) -> Expect {
    for line in text.lines().take_while(|l| l.starts_with("//!")) {
        let line = line.trim_start_matches("//!").trim();
        if let Some(rest) = line.strip_prefix("compile-fail:") {
            let rest = rest.trim();
            let (code, phrase) = match rest.strip_prefix("(no code)") {
                Some(phrase) => (None, phrase),
                None => {
                    let (code, phrase) = rest.split_once(' ').unwrap_or_else(|| {
                        panic!("{}: `compile-fail: CODE \"phrase\"`", path.display())
                    });
                    (Some(code.to_string()), phrase)
                }
            };
            let phrase = phrase.trim().trim_matches('"');
            assert!(!phrase.is_empty(), "{}: an empty phrase", path.display());
            return Expect::Fails {
                code,
                phrase: phrase.to_string(),
            };
        }
        if let Some(rest) = line.strip_prefix("compiles: the fix of ") {
            return Expect::Compiles {
                fixes: rest.trim().trim_end_matches(".rs").to_string(),
            };
        }
    }
    panic!(
        "{}: its `//!` header has neither `compile-fail: CODE \"phrase\"` nor `compiles: the fix of <case>.rs`",
        path.display()
    )
}

/// Every `.rs` file of `mistakes/`, by name.
fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = std::fs::read_dir(mistakes_dir())
        .expect("examples-tokio/mistakes/")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable case");
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let expect = parse_header(&path, &text);
            Case { name, path, expect }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// One diagnostic of the compiler for one binary.
#[derive(Debug, Clone)]
struct Diagnostic {
    level: String,
    code: Option<String>,
    message: String,
    rendered: String,
}

/// What one `cargo check` of every case gave.
#[derive(Debug, Default)]
struct Checked {
    /// The compiler's messages, by binary name.
    diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    /// The binaries that compiled.
    compiled: BTreeSet<String>,
}

/// The one `cargo check` of every case, run once per test process whichever test asks first.
fn checked() -> &'static Checked {
    static CHECKED: OnceLock<Checked> = OnceLock::new();
    CHECKED.get_or_init(|| check_all(&cases()))
}

fn diagnostics() -> &'static BTreeMap<String, Vec<Diagnostic>> {
    &checked().diagnostics
}

/// Writes the throw-away package (one `[[bin]]` per case, pointing at the file itself), checks
/// it, and collects the compiler's messages.
fn check_all(cases: &[Case]) -> Checked {
    let project = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mistakes");
    std::fs::create_dir_all(&project).expect("target/tmp/mistakes");
    let mut manifest = String::from(
        "# Written by examples-tokio/tests/mistakes.rs: one binary per file of examples-tokio/mistakes/.\n\
         [package]\nname = \"mistakes\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n\
         tokio = { version = \"1\", features = [\"rt-multi-thread\", \"macros\", \"time\", \"sync\"] }\n\
         smol = \"2\"\n\n\
         # Not a member of the workspace above it.\n[workspace]\n",
    );
    for case in cases {
        manifest.push_str(&format!(
            "\n[[bin]]\nname = {:?}\npath = {:?}\n",
            case.name,
            case.path.to_str().expect("a UTF-8 path")
        ));
    }
    std::fs::write(project.join("Cargo.toml"), manifest).expect("writing the manifest");
    // The workspace's lock file: the same versions as the workspace, nothing to resolve.
    let workspace = workspace_root();
    std::fs::copy(workspace.join("Cargo.lock"), project.join("Cargo.lock"))
        .expect("copying Cargo.lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(&cargo)
        .args(["check", "--bins", "--keep-going", "--offline", "--quiet"])
        .args(["--message-format", "json"])
        .arg("--manifest-path")
        .arg(project.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(project.join("target"))
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cargo}: {e}"));
    let mut checked = Checked::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(json) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(bin) = json["target"]["name"].as_str() else {
            continue;
        };
        if json["reason"] == "compiler-artifact" {
            checked.compiled.insert(bin.to_string());
            continue;
        }
        if json["reason"] != "compiler-message" {
            continue;
        }
        let message = &json["message"];
        let text = |key: &str| message[key].as_str().unwrap_or_default().to_string();
        checked
            .diagnostics
            .entry(bin.to_string())
            .or_default()
            .push(Diagnostic {
                level: text("level"),
                code: message["code"]["code"].as_str().map(str::to_string),
                message: text("message"),
                rendered: text("rendered"),
            });
    }
    // A cargo that failed before compiling anything (a bad manifest, a crate missing from the
    // local cache) fails here, with what it said.
    assert!(
        checked.compiled.contains("tokio") && checked.compiled.contains("smol"),
        "cargo check of {} did not get to compile tokio and smol:\n{}",
        project.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    checked
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace above examples-tokio")
        .to_path_buf()
}

/// The errors of `case` (without the closing "aborting due to …" line, which has no code).
fn errors(case: &str) -> Vec<&'static Diagnostic> {
    diagnostics()
        .get(case)
        .map(|d| d.iter().filter(|d| d.level == "error").collect())
        .unwrap_or_default()
}

/// The codes of `case`'s errors: `E0277`, or a denied lint's name.
fn codes(case: &str) -> BTreeSet<String> {
    errors(case).iter().filter_map(|d| d.code.clone()).collect()
}

/// The compiler's whole output for `case`, as kept in `<case>.stderr.txt`: every diagnostic
/// as rendered, with this machine's paths replaced by portable ones.
fn stderr_text(case: &str) -> String {
    let mut text: String = diagnostics()
        .get(case)
        .into_iter()
        .flatten()
        .map(|d| d.rendered.as_str())
        .collect();
    let home = std::env::var("HOME").unwrap_or_default();
    let mut replacements = vec![(format!("{}/", workspace_root().display()), String::new())];
    if let Ok(cargo_home) = std::env::var("CARGO_HOME") {
        replacements.push((cargo_home, "~/.cargo".to_string()));
    }
    if let Ok(rustup_home) = std::env::var("RUSTUP_HOME") {
        replacements.push((rustup_home, "~/.rustup".to_string()));
    }
    if !home.is_empty() {
        replacements.push((home, "~".to_string()));
    }
    for (from, to) in replacements {
        text = text.replace(&from, &to);
    }
    text
}

fn stderr_path(case: &str) -> PathBuf {
    mistakes_dir().join(format!("{case}.stderr.txt"))
}

#[test]
fn every_mistake_has_a_fix_and_every_fix_a_mistake() {
    let cases = cases();
    let failing: BTreeSet<&str> = cases
        .iter()
        .filter(|c| matches!(c.expect, Expect::Fails { .. }))
        .map(|c| c.name.as_str())
        .collect();
    assert!(failing.len() >= 5, "the cases: {failing:?}");
    for case in &cases {
        if let Expect::Compiles { fixes } = &case.expect {
            assert!(
                failing.contains(fixes.as_str()),
                "{} fixes {fixes}, which is not a compile-fail case",
                case.name
            );
            assert!(
                case.name.starts_with(&format!("{fixes}_fixed")),
                "{} fixes {fixes}: name it {fixes}_fixed….rs",
                case.name
            );
        }
    }
    for name in failing {
        assert!(
            cases
                .iter()
                .any(|c| c.expect == Expect::Compiles { fixes: name.into() }),
            "{name} has no fixed twin"
        );
    }
}

#[test]
fn every_mistake_fails_with_its_code_and_key_phrase() {
    for case in cases() {
        let Expect::Fails { code, phrase } = &case.expect else {
            continue;
        };
        let errors = errors(&case.name);
        assert!(
            !errors.is_empty(),
            "{} compiled, but it is a compile-fail case",
            case.name
        );
        let with_code: Vec<_> = errors.iter().filter(|d| d.code == *code).collect();
        let code = code.as_deref().unwrap_or("without a code");
        assert!(
            !with_code.is_empty(),
            "{}: no error {code}; the compiler said:\n{}",
            case.name,
            stderr_text(&case.name)
        );
        assert!(
            with_code
                .iter()
                .any(|d| d.message.contains(phrase) || d.rendered.contains(phrase)),
            "{}: no error {code} says {phrase:?}; the compiler said:\n{}",
            case.name,
            stderr_text(&case.name)
        );
    }
}

#[test]
fn every_fix_compiles_without_a_warning() {
    for case in cases() {
        if !matches!(case.expect, Expect::Compiles { .. }) {
            continue;
        }
        let said: Vec<_> = diagnostics()
            .get(&case.name)
            .into_iter()
            .flatten()
            .filter(|d| d.level == "error" || d.level == "warning")
            .collect();
        assert!(
            said.is_empty(),
            "{} must compile cleanly; the compiler said:\n{}",
            case.name,
            stderr_text(&case.name)
        );
        assert!(
            checked().compiled.contains(&case.name),
            "{} was not compiled",
            case.name
        );
    }
}

/// `BLESS=1` rewrites every `<case>.stderr.txt`; otherwise each must still name today's codes
/// and the case's phrase.
#[test]
fn the_kept_compiler_output_is_current() {
    let bless = std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    for case in cases() {
        let Expect::Fails { phrase, .. } = &case.expect else {
            continue;
        };
        let path = stderr_path(&case.name);
        if bless {
            std::fs::write(&path, stderr_text(&case.name))
                .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
            continue;
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; write it with `BLESS=1 cargo test -p examples-tokio --test mistakes`",
                path.display()
            )
        });
        let stale = |why: String| -> ! {
            panic!(
                "{} is stale: {why}; refresh it with `BLESS=1 cargo test -p examples-tokio --test mistakes`",
                path.display()
            )
        };
        for code in codes(&case.name) {
            let named = if code.starts_with('E') {
                kept.contains(&format!("error[{code}]"))
            } else {
                kept.contains(&code)
            };
            if !named {
                stale(format!("the compiler now gives {code}"));
            }
        }
        let today = codes(&case.name);
        for kept_code in error_codes_in(&kept) {
            if !today.contains(&kept_code) {
                stale(format!("the compiler no longer gives {kept_code}"));
            }
        }
        if !kept.contains(phrase.as_str()) {
            stale(format!("it does not say {phrase:?}"));
        }
    }
}

/// The `E…` codes of `error[E…]` headers in a kept output.
fn error_codes_in(text: &str) -> BTreeSet<String> {
    text.match_indices("error[E")
        .filter_map(|(at, _)| {
            let rest = &text[at + "error[".len()..];
            rest.split_once(']').map(|(code, _)| code.to_string())
        })
        .collect()
}

#[test]
fn headers_are_read_as_written() {
    let path = Path::new("x.rs");
    assert_eq!(
        parse_header(
            path,
            "//! # x\n//!\n//! compile-fail: E0277 \"cannot be sent\"\nfn main() {}\n"
        ),
        Expect::Fails {
            code: Some("E0277".into()),
            phrase: "cannot be sent".into()
        }
    );
    assert_eq!(
        parse_header(path, "//! compile-fail: (no code) \"future cannot\"\n"),
        Expect::Fails {
            code: None,
            phrase: "future cannot".into()
        }
    );
    assert_eq!(
        parse_header(path, "//! compiles: the fix of x.rs\n"),
        Expect::Compiles { fixes: "x".into() }
    );
    assert_eq!(
        error_codes_in("error[E0373]: a\nerror[E0597]: b\nerror: c"),
        BTreeSet::from(["E0373".to_string(), "E0597".to_string()])
    );
}
