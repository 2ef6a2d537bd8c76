//! What a reader copies here is the runtime: `src/runtime/` built in a fresh cargo project
//! whose only dependency is `polling`, with the one-file `examples/count.rs` as its
//! `src/main.rs`, then run: it prints count's lines. The project lies under
//! `target/standalone/handmade-runtime/`, with the workspace's `Cargo.lock` (the same
//! versions, nothing new to download) and the target folder the other standalone checks share.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use shared::testing::examples::workspace_root;
use shared::testing::run_bin;

#[test]
fn the_runtime_folder_builds_and_runs_count_in_a_fresh_project() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = workspace_root().join("target");
    let project = target.join("standalone").join("handmade-runtime");
    let _ = std::fs::remove_dir_all(&project);
    let runtime = project.join("src").join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    for entry in std::fs::read_dir(crate_dir.join("src").join("runtime")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, runtime.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        crate_dir.join("examples").join("count.rs"),
        project.join("src").join("main.rs"),
    )
    .unwrap();
    let manifest = "[package]\nname = \"handmade-runtime\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
                    publish = false\n\n# Its own workspace, not a member of the one it lies in.\n\
                    [workspace]\n\n[dependencies]\npolling = \"2.8\"\n";
    std::fs::write(project.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        project.join("Cargo.lock"),
    )
    .unwrap();
    let target_dir = target.join("standalone-target");
    let output = Command::new(env!("CARGO"))
        .current_dir(&project)
        .args(["build", "--quiet"])
        .env("CARGO_TARGET_DIR", &target_dir)
        .output()
        .expect("cannot run cargo");
    assert!(
        output.status.success(),
        "the runtime does not build in {}:\n{}",
        project.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let exe = target_dir.join("debug").join("handmade-runtime");
    let run = run_bin(exe.to_str().unwrap(), &[], Duration::from_secs(60));
    assert_eq!(run.code(), Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[..6],
        ["One", "One", "One", "Two", "Two", "Two"],
        "{run:?}"
    );
    assert!(lines[6].starts_with("executed in 1."), "{run:?}");
}
