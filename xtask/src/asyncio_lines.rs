//! Whether a Rust form of an asyncio row printed its Python form's lines but for exactly the
//! row's declared differences: one rule, used by the rows' test (`xtask/tests/asyncio.rs`) and
//! by the book's check of the recorded outputs (`cargo xtask book --check`).
//!
//! The outputs are diffed line by line (Myers, `similar`); each run of differing lines (a
//! hunk) must be the next declared difference of that runtime, or several consecutive ones
//! joined, in the order they print; a declared difference that is not printed fails too.

use shared::asyncio::Difference;
use similar::{Algorithm, DiffOp};

/// One run of lines that differ: the Python form's lines out, the Rust form's lines in.
#[derive(Debug, Default, PartialEq)]
pub struct Hunk<'a> {
    pub python: Vec<&'a str>,
    pub rust: Vec<&'a str>,
}

/// The runs of lines where `rust` differs from `python`.
pub fn hunks<'a>(python: &[&'a str], rust: &[&'a str]) -> Vec<Hunk<'a>> {
    let mut hunks: Vec<Hunk> = Vec::new();
    let mut open = false;
    for op in similar::capture_diff_slices(Algorithm::Myers, python, rust) {
        if let DiffOp::Equal { .. } = op {
            open = false;
            continue;
        }
        if !open {
            hunks.push(Hunk::default());
            open = true;
        }
        let hunk = hunks.last_mut().expect("just pushed");
        hunk.python.extend(&python[op.old_range()]);
        hunk.rust.extend(&rust[op.new_range()]);
    }
    hunks
}

/// Whether `rust`'s lines are `python`'s but for exactly the `declared` differences (one
/// runtime's, in the order their lines appear); `Err` says which lines are not declared, or
/// which declared ones were not printed.
pub fn check_lines(python: &[&str], rust: &[&str], declared: &[&Difference]) -> Result<(), String> {
    let mut next = 0;
    for hunk in hunks(python, rust) {
        let mut expected = Hunk::default();
        loop {
            let Some(difference) = declared.get(next) else {
                return Err(format!(
                    "undeclared difference: python {:?} -> rust {:?}",
                    hunk.python, hunk.rust
                ));
            };
            next += 1;
            expected.python.extend(difference.python);
            expected.rust.extend(difference.rust);
            if expected == hunk {
                break;
            }
            if !(hunk.python.starts_with(&expected.python) && hunk.rust.starts_with(&expected.rust))
            {
                return Err(format!(
                    "python {:?} -> rust {:?} is not the declared difference python {:?} -> \
                     rust {:?}",
                    hunk.python, hunk.rust, expected.python, expected.rust
                ));
            }
        }
    }
    match declared.get(next) {
        None => Ok(()),
        Some(missing) => Err(format!(
            "declared but not printed: python {:?} -> rust {:?}",
            missing.python, missing.rust
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DROPPED: Difference = Difference {
        runtime: "smol",
        python: &["b"],
        rust: &[],
        why: "test",
    };
    const ADDED: Difference = Difference {
        runtime: "smol",
        python: &[],
        rust: &["late"],
        why: "test",
    };
    const REPLACED: Difference = Difference {
        runtime: "smol",
        python: &["c"],
        rust: &["C"],
        why: "test",
    };

    #[test]
    fn equal_lines_pass_and_any_other_line_fails() {
        assert_eq!(check_lines(&["a", "b"], &["a", "b"], &[]), Ok(()));
        assert!(check_lines(&["a", "b"], &["a", "x"], &[]).is_err());
        assert!(check_lines(&["a", "b"], &["b", "a"], &[]).is_err());
        assert!(check_lines(&["a", "b"], &["a"], &[]).is_err());
        assert!(check_lines(&["a"], &["a", "b"], &[]).is_err());
    }

    #[test]
    fn declared_differences_pass_only_where_printed_and_in_their_order() {
        let python = ["a", "b", "c", "d"];
        assert_eq!(
            check_lines(
                &python,
                &["a", "C", "d", "late"],
                &[&DROPPED, &REPLACED, &ADDED]
            ),
            Ok(())
        );
        // Declared but not printed.
        assert!(check_lines(&python, &python, &[&DROPPED]).is_err());
        assert!(check_lines(&python, &["a", "c", "d"], &[&DROPPED, &ADDED]).is_err());
        // Printed but other than declared.
        assert!(check_lines(&python, &["a", "X", "d"], &[&DROPPED, &REPLACED]).is_err());
        // Declared in another order than printed.
        assert!(
            check_lines(
                &python,
                &["a", "C", "d", "late"],
                &[&REPLACED, &DROPPED, &ADDED]
            )
            .is_err()
        );
    }
}
