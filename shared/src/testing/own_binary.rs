//! A test judges only its own runtime's binaries.
//!
//! Every runtime crate names its binaries after the programs, so a build of several members
//! at once sends four `count`s to the same `target/debug/count` and the last one wins (cargo
//! issue 6313): `CARGO_BIN_EXE_count` then names whichever member was built last. Before
//! [`spawn`](super::spawn) starts a program of this workspace, it checks whose the file is:
//!
//! - a binary (`target/<profile>/<program>`) says so itself: its `--help` begins with the
//!   program's about line, which ends "(seed 003, 004; tokio runtime)";
//! - a standalone example (`target/<profile>/examples/<program>`) takes no `--help` (its
//!   first argument is the mode), so its file is read for the path of its own source,
//!   `examples-tokio/examples/count.rs`, which rustc writes into every binary for its panic
//!   messages and backtraces.
//!
//! If the file is another member's, this member's binaries are built again (`cargo build -p
//! <member> --bins` or `--examples`: cargo links its outputs to `target/<profile>/` again even
//! when nothing changed) and checked once more; if it is still not this member's, the test
//! stops with one line that says what to run. Which member's tests are running is the
//! `CARGO_PKG_NAME` that `cargo test` sets for them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::SystemTime;

use clap::ValueEnum;

use crate::catalogue::{Program, Runtime};

/// The runtime whose tests are running: the member `cargo test` runs them for, or `None` in
/// the tests of `shared` and `xtask` (or when the test binary is run by hand).
pub fn own_runtime() -> Option<Runtime> {
    let package = std::env::var("CARGO_PKG_NAME").ok()?;
    Runtime::RUST
        .into_iter()
        .find(|r| r.package() == Some(package.as_str()))
}

/// What kind of workspace program `exe` is, from where cargo puts it: `(program name,
/// is an example)`, or `None` for anything else (python3, cargo, a file in a temp dir).
fn workspace_program(exe: &Path) -> Option<(String, bool)> {
    let name = exe.file_name()?.to_str()?.to_string();
    if Program::from_str(&name, false).is_err() {
        return None;
    }
    let parent = exe.parent()?;
    let is_example = parent.file_name()? == "examples";
    let profile = if is_example { parent.parent()? } else { parent };
    // target/<profile>/: the profile's parent is the target directory, beside a Cargo.lock
    // or named by CARGO_TARGET_DIR; here it is enough that it is not a deps/ folder.
    (profile.file_name()? != "deps").then_some((name, is_example))
}

/// The runtime the binary or example at `exe` belongs to, as it states it (see the module
/// documentation), or an error saying why it cannot tell.
pub fn stated_runtime(exe: &Path, is_example: bool) -> Result<Runtime, String> {
    if is_example {
        let bytes =
            std::fs::read(exe).map_err(|e| format!("cannot read {}: {e}", exe.display()))?;
        let name = exe.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let found: Vec<Runtime> = Runtime::RUST
            .into_iter()
            .filter(|r| {
                let source = format!("{}/examples/{name}.rs", r.package().unwrap_or_default());
                contains(&bytes, source.as_bytes())
            })
            .collect();
        return match found[..] {
            [runtime] => Ok(runtime),
            _ => Err(format!(
                "{} names the source of {} runtimes' examples ({found:?})",
                exe.display(),
                found.len()
            )),
        };
    }
    let output = Command::new(exe)
        .arg("--help")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {} --help: {e}", exe.display()))?;
    let help = String::from_utf8_lossy(&output.stdout);
    let first = help.lines().next().unwrap_or_default();
    // "… (seed 003, 004; tokio runtime)"
    let stated = first
        .strip_suffix(" runtime)")
        .and_then(|s| s.rsplit("; ").next())
        .ok_or_else(|| {
            format!(
                "{} --help does not name its runtime: {first:?}",
                exe.display()
            )
        })?;
    Runtime::from_str(stated, false).map_err(|_| {
        format!(
            "{} --help names no runtime of ours: {first:?}",
            exe.display()
        )
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && memchr::memmem::find(haystack, needle).is_some()
}

/// Checks that `exe` is `runtime`'s own: `Err` with one line if it is another member's.
pub fn check(exe: &Path, is_example: bool, runtime: Runtime) -> Result<(), String> {
    let stated = stated_runtime(exe, is_example)?;
    if stated == runtime {
        Ok(())
    } else {
        Err(format!(
            "{} is {stated}'s {}, not {runtime}'s: another member's build replaced it \
             (cargo#6313); run the tests one member at a time: cargo test -p {} (or cargo xtask test)",
            exe.display(),
            if is_example { "example" } else { "binary" },
            runtime.package().unwrap_or_default()
        ))
    }
}

/// Makes sure `exe`, if it is a program of this workspace, is the running tests' own
/// runtime's before a test judges what it prints: checks it, rebuilds this member's programs
/// once if it is another's, and panics with one line if it still is. Checked once per file
/// version (path, length, modification time).
pub fn ensure(exe: &str) {
    let Some(runtime) = own_runtime() else { return };
    let path = PathBuf::from(exe);
    let Some((_, is_example)) = workspace_program(&path) else {
        return;
    };
    type Key = (PathBuf, u64, Option<SystemTime>);
    static CHECKED: Mutex<Option<HashMap<Key, ()>>> = Mutex::new(None);
    static REBUILDING: Mutex<()> = Mutex::new(());
    let key = |path: &Path| -> Option<Key> {
        let meta = std::fs::metadata(path).ok()?;
        Some((path.to_path_buf(), meta.len(), meta.modified().ok()))
    };
    let known = |k: &Option<Key>| {
        let checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
        k.as_ref()
            .is_some_and(|k| checked.as_ref().is_some_and(|c| c.contains_key(k)))
    };
    if known(&key(&path)) {
        return;
    }
    if check(&path, is_example, runtime).is_err() {
        // One rebuild at a time; another test may have done it meanwhile.
        let _rebuilding = REBUILDING.lock().unwrap_or_else(|e| e.into_inner());
        if check(&path, is_example, runtime).is_err() {
            rebuild(&path, is_example, runtime);
        }
    }
    if let Err(line) = check(&path, is_example, runtime) {
        panic!("{line}");
    }
    if let Some(k) = key(&path) {
        let mut checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
        checked.get_or_insert_with(HashMap::new).insert(k, ());
    }
}

/// `cargo build -p <member> --bins` (or `--examples`) in the profile `exe` was built in: cargo
/// links the member's outputs into `target/<profile>/` again, fresh or not.
fn rebuild(exe: &Path, is_example: bool, runtime: Runtime) {
    let Some(package) = runtime.package() else {
        return;
    };
    let mut profile_dir = exe.parent();
    if is_example {
        profile_dir = profile_dir.and_then(Path::parent);
    }
    let Some(profile) = profile_dir
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
    else {
        return;
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command
        .current_dir(super::examples::workspace_root())
        .args(["build", "--quiet", "--package", package])
        .arg(if is_example { "--examples" } else { "--bins" })
        .stdin(Stdio::null());
    match profile {
        "debug" => {}
        "release" => {
            command.arg("--release");
        }
        other => {
            command.args(["--profile", other]);
        }
    }
    let _ = command.status();
}

/// The check at work, for a runtime crate's tests (`command_line_tests!` calls it with the
/// crate's `count`): cargo tells the tests whose they are; `count` states its runtime and
/// passes as its own and fails as any other's; a stand-in for another member's binary (a
/// script that answers `--help` as that binary would) and for another member's example (a
/// file naming that example's source) both fail, with the one line that says what to run.
pub fn assert_the_check_tells_runtimes_apart(runtime: Runtime, count_exe: &str) {
    assert_eq!(
        own_runtime(),
        Some(runtime),
        "CARGO_PKG_NAME names the member"
    );
    let count = Path::new(count_exe);
    assert_eq!(stated_runtime(count, false), Ok(runtime));
    check(count, false, runtime).unwrap();
    let other = Runtime::RUST
        .into_iter()
        .find(|&r| r != runtime)
        .expect("four runtimes");
    for other in Runtime::RUST.into_iter().filter(|&r| r != runtime) {
        let line = check(count, false, other).unwrap_err();
        assert!(
            line.contains(&format!("is {runtime}'s binary, not {other}'s"))
                && line.contains(&format!("cargo test -p {}", other.package().unwrap()))
                && !line.contains('\n'),
            "{line}"
        );
    }
    // Stand-ins for another member's binary and example, where cargo would put them.
    let dir = std::env::temp_dir().join(format!("own-binary-{}", std::process::id()));
    let examples = dir.join("debug").join("examples");
    std::fs::create_dir_all(&examples).unwrap();
    let binary = dir.join("debug").join("count");
    let about = Program::Count.about();
    std::fs::write(
        &binary,
        format!("#!/bin/sh\necho '{about} (seed 003, 004; {other} runtime)'\n"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(stated_runtime(&binary, false), Ok(other));
    let line = check(&binary, false, runtime).unwrap_err();
    assert!(
        line.contains(&format!("is {other}'s binary, not {runtime}'s")),
        "{line}"
    );
    let example = examples.join("count");
    let source = format!("{}/examples/count.rs", other.package().unwrap());
    std::fs::write(&example, format!("\0\0{source}\0\0")).unwrap();
    assert_eq!(stated_runtime(&example, true), Ok(other));
    let line = check(&example, true, runtime).unwrap_err();
    assert!(
        line.contains(&format!("is {other}'s example, not {runtime}'s")),
        "{line}"
    );
    // A file that states nothing is not taken for anyone's.
    std::fs::write(&binary, "#!/bin/sh\necho 'count 1.0'\n").unwrap();
    assert!(check(&binary, false, runtime).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_workspace_programs_in_a_profile_folder_are_checked() {
        let kind = |p: &str| workspace_program(Path::new(p));
        assert_eq!(kind("/w/target/debug/count"), Some(("count".into(), false)));
        assert_eq!(
            kind("/w/target/release/examples/say"),
            Some(("say".into(), true))
        );
        // The bench's baseline is no program of the catalogue (and the tests do not run it).
        assert_eq!(kind("/w/target/debug/baseline"), None);
        assert_eq!(kind("/w/target/debug/deps/count-1c39c31df9ae81f6"), None);
        assert_eq!(kind("/usr/bin/python3"), None);
        assert_eq!(kind("/w/target/debug/xtask"), None);
    }
}
