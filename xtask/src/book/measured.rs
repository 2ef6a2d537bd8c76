//! The measured snapshot under `book/src/measured/`: `cargo xtask book --measure` reruns
//! `cargo xtask compare` and cuts its `report.md` into the pieces the chapters include, so the
//! book builds from committed files without running anything.
//!
//! - `run.md`: the run's command, machine, scale and notes (the report's opening bullets);
//! - `machine.md`: its command, machine and scale alone, for each program's chapter;
//! - `closest.md`: the closest and farthest run per program and mode;
//! - `<program>.md`: the program's table of elapsed against ideal, with the order diffs;
//! - `timeline-<program>.svg`: the program's timeline.

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, bail};
use shared::Program;

use super::sources;

/// Where the snapshot lives, relative to the workspace root.
pub const DIR: &str = "book/src/measured";

/// Runs `cargo xtask compare --python` over every program (into its default folder,
/// `target/compare/`, so the command the snapshot names is one to copy), then refreshes the
/// snapshot from it.
pub fn measure(root: &Path) -> anyhow::Result<()> {
    let out = crate::build::target_dir().join("compare");
    let me = std::env::current_exe().context("finding the xtask executable")?;
    let mut compare = Command::new(me);
    compare.arg("compare").arg("--python");
    for program in sources::programs() {
        compare.args(["--program", program.name()]);
    }
    eprintln!("==> cargo xtask compare --python (every program)");
    let status = compare.status().context("running cargo xtask compare")?;
    // Exit code 1 can mean only "an order differs where it is a fact": the report is
    // still whole, and the snapshot shows it. A report that was not written is an error.
    if !out.join("report.md").is_file() {
        bail!("cargo xtask compare wrote no report ({status})");
    }
    snapshot(&out, &root.join(DIR))
}

/// Cuts `compare_dir/report.md` into the snapshot files in `dest` and copies the timelines.
pub fn snapshot(compare_dir: &Path, dest: &Path) -> anyhow::Result<()> {
    let report_path = compare_dir.join("report.md");
    let report = std::fs::read_to_string(&report_path)
        .with_context(|| format!("reading {}", report_path.display()))?;
    let pieces = split(&report)?;
    if dest.is_dir() {
        std::fs::remove_dir_all(dest).with_context(|| format!("clearing {}", dest.display()))?;
    }
    std::fs::create_dir_all(dest).with_context(|| format!("creating {}", dest.display()))?;
    let write = |name: &str, text: &str| {
        let path = dest.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    };
    write("run.md", &pieces.run)?;
    write("machine.md", &pieces.machine)?;
    write("closest.md", &pieces.closest)?;
    for (program, table) in &pieces.programs {
        write(&format!("{program}.md"), table)?;
        let svg = format!("timeline-{program}.svg");
        std::fs::copy(compare_dir.join(&svg), dest.join(&svg))
            .with_context(|| format!("copying {svg}"))?;
    }
    eprintln!(
        "==> snapshot of {} programs in {}",
        pieces.programs.len(),
        dest.display()
    );
    Ok(())
}

/// A report cut into the snapshot's pieces.
#[derive(Debug)]
pub struct Pieces {
    pub run: String,
    pub machine: String,
    pub closest: String,
    pub programs: Vec<(Program, String)>,
}

/// Cuts a compare report at its `## ` headings: the opening bullets, "Closest to ideal", and
/// one section per program (its heading and timeline link left out: the chapter has both).
pub fn split(report: &str) -> anyhow::Result<Pieces> {
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut head = String::new();
    for line in report.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            sections.push((title.to_string(), String::new()));
        } else if let Some((_, body)) = sections.last_mut() {
            body.push_str(line);
            body.push('\n');
        } else {
            head.push_str(line);
            head.push('\n');
        }
    }
    let run: String = head
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(|l| format!("{l}\n"))
        .collect();
    let machine: String = run
        .lines()
        .filter(|l| {
            ["- Command:", "- Machine:", "- Scale"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    if machine.lines().count() != 3 {
        bail!("the report's opening bullets lack the command, the machine or the scale");
    }
    let closest = sections
        .iter()
        .find(|(title, _)| title == "Closest to ideal")
        .map(|(_, body)| body.trim().to_string() + "\n")
        .context("the report has no \"Closest to ideal\" section")?;
    let mut programs = Vec::new();
    for (title, body) in &sections {
        let name = title.split_whitespace().next().unwrap_or_default();
        let Some(program) = sources::programs().into_iter().find(|p| p.name() == name) else {
            continue;
        };
        let table: String = body
            .lines()
            .filter(|l| !l.starts_with(&format!("![{program} timeline]")))
            .map(|l| format!("{l}\n"))
            .collect();
        programs.push((program, table.trim().to_string() + "\n"));
    }
    Ok(Pieces {
        run,
        machine,
        closest,
        programs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "# `cargo xtask compare`\n\n- Command: `cargo xtask compare`\n\
        - Machine: a box\n- Scale 0.1: fast\n- Note: none\n\n## Closest to ideal\n\nPer program.\n\n| a | b |\n\n\
        ## count (seed 003, 004)\n\nThree count() coroutines.\n\n| runtime | elapsed |\n\
        | --- | --- |\n| smol | 1 s |\n\n![count timeline](timeline-count.svg)\n\n\
        ## say (seed 002)\n\nTwo tasks.\n";

    #[test]
    fn a_report_is_cut_at_its_headings() {
        let pieces = split(REPORT).unwrap();
        assert_eq!(
            pieces.machine,
            "- Command: `cargo xtask compare`\n- Machine: a box\n- Scale 0.1: fast\n"
        );
        assert!(pieces.run.ends_with("- Note: none\n"), "{}", pieces.run);
        assert_eq!(pieces.closest, "Per program.\n\n| a | b |\n");
        let names: Vec<_> = pieces.programs.iter().map(|(p, _)| *p).collect();
        assert_eq!(names, vec![Program::Count, Program::Say]);
        let count = &pieces.programs[0].1;
        assert!(count.contains("| smol | 1 s |"), "{count}");
        assert!(!count.contains("timeline-count.svg"), "{count}");
        assert!(!count.contains("## count"), "{count}");
    }

    #[test]
    fn a_report_without_its_bullets_is_refused() {
        assert!(split("## Closest to ideal\n").is_err());
    }
}
