//! Writing a report so that no reader ever sees half of it, and an interrupted run never
//! leaves a truncated one: [`write`] puts the text in a temporary file of the same folder
//! (`.report.md.XXXXXX.tmp`: the same file system, so a rename can replace the report in one
//! step), then renames it over the report. A reader opens either the old file or the new one,
//! whole. A write that fails removes its temporary file and leaves the old report as it was;
//! only a SIGKILL in the middle of a write can leave a `.….tmp` behind.
//!
//! `cargo xtask compare` and `bench` write every report, table and timeline through it; their
//! Ctrl+C handling (`interrupt`) only stops them between two writes, never inside one.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::Context;

/// Writes `contents` to `path` atomically (see the module documentation). The error names
/// `path`.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> anyhow::Result<()> {
    write_inner(path, contents.as_ref()).with_context(|| format!("writing {}", path.display()))
}

fn write_inner(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| anyhow::anyhow!("not a file name"))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        // What `std::fs::write` would give a new file (before the umask), not tempfile's 0600.
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    file.write_all(contents)?;
    file.flush()?;
    // On failure the temporary file is dropped, which removes it.
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces_leaving_only_the_report() {
        let dir = scratch("replace");
        let path = dir.join("report.md");
        write(&path, "first").unwrap();
        write(&path, "second, longer").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second, longer");
        assert_eq!(names(&dir), ["report.md"]);
        // Readable by others, as a report written by std::fs::write.
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(mode & 0o044, 0, "mode {mode:o}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_the_old_one_and_no_temporary() {
        let dir = scratch("fail");
        // A folder where the report should be: the rename fails after the temporary was written.
        let path = dir.join("report.json");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "old").unwrap();
        let error = write(&path, "new").unwrap_err();
        assert!(format!("{error:#}").contains("report.json"), "{error:#}");
        assert_eq!(names(&dir), ["report.json"]);
        assert_eq!(std::fs::read_to_string(path.join("inside")).unwrap(), "old");
        // A missing folder: nothing is created anywhere.
        let missing = dir.join("no-such-folder").join("bench.json");
        let error = write(&missing, "x").unwrap_err();
        assert!(format!("{error:#}").contains("bench.json"), "{error:#}");
        assert_eq!(names(&dir), ["report.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_reader_sees_a_whole_report_or_the_old_one_never_a_part() {
        // One thread rewrites a 1 MiB report over and over, alternating its letter; another
        // reads it meanwhile. Written in place (truncate, then write), reads would catch it
        // empty or half-written.
        let dir = scratch("readers");
        let path = dir.join("bench.json");
        const LEN: usize = 1 << 20;
        write(&path, vec![b'a'; LEN]).unwrap();
        let writer = {
            let path = path.clone();
            std::thread::spawn(move || {
                for round in 0..40 {
                    let letter = if round % 2 == 0 { b'b' } else { b'a' };
                    write(&path, vec![letter; LEN]).unwrap();
                }
            })
        };
        let mut reads = 0;
        while !writer.is_finished() || reads == 0 {
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(bytes.len(), LEN, "read {} bytes", bytes.len());
            assert!(bytes.iter().all(|&b| b == bytes[0]), "a mixed report");
            reads += 1;
        }
        writer.join().unwrap();
        assert_eq!(names(&dir), ["bench.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
