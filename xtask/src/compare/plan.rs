//! What a comparison runs: the programs, runtimes and modes that the options select, as one
//! [`Plan`] per run, and Python if it is asked for and present.

use std::collections::BTreeMap;

use shared::{Program, Runtime};

use super::{Column, CompareArgs};
use crate::python::{self, Python};

/// One run to make: a program, in a mode, under a column; or why it is skipped.
#[derive(Debug, Clone)]
pub struct Plan {
    pub program: Program,
    pub column: Column,
    pub mode: shared::Mode,
    pub skip: Option<String>,
}

/// Everything the options select.
#[derive(Debug)]
pub struct Selection {
    /// In the catalogue's order.
    pub programs: Vec<Program>,
    /// Found, when a Python column was asked for.
    pub python: Option<Python>,
    /// Program by program, in the columns' order.
    pub plans: Vec<Plan>,
}

/// The runs that `args` select. What the reports must say about the choice (no Python, a
/// missing Python module) goes to `notes`; an error when nothing is left to run.
pub fn select(args: &CompareArgs, notes: &mut Vec<String>) -> anyhow::Result<Selection> {
    let programs = programs(args);
    let mut runtimes: Vec<Runtime> = if args.runtimes.is_empty() {
        Runtime::RUST.to_vec()
    } else {
        args.runtimes.clone()
    };
    if args.python && !runtimes.contains(&Runtime::Python) {
        runtimes.push(Runtime::Python);
    }
    let mut python = None;
    if runtimes.contains(&Runtime::Python) {
        python = python::find();
        if python.is_none() {
            notes.push(format!(
                "{} not found: no Python column.",
                python::interpreter()
            ));
            runtimes.retain(|&r| r != Runtime::Python);
        }
    }
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| runtimes.contains(&c.runtime()))
        .collect();
    let mut unprovided = None;
    if let Some(found) = &python {
        // The modules beyond the standard library that the selected Python runs need: from
        // the Python found, or else from the project's venv (made and filled if need be).
        let modules = needed_modules(args, &programs);
        match python::provide(found, &modules, &python::Venv::project()) {
            Ok(None) => {}
            Ok(Some(venv)) => {
                eprintln!("==> python: {}", venv.executable.display());
                python = Some(venv);
            }
            Err(why) => unprovided = Some(why),
        }
    }
    let plans = plans(
        args,
        &programs,
        &columns,
        python.as_ref(),
        unprovided,
        notes,
    );
    anyhow::ensure!(
        !plans.is_empty(),
        "nothing to run: no program has that runtime and mode"
    );
    Ok(Selection {
        programs,
        python,
        plans,
    })
}

/// `--program`s in the catalogue's order, or every seed program.
fn programs(args: &CompareArgs) -> Vec<Program> {
    if args.programs.is_empty() {
        Program::ALL.to_vec()
    } else {
        Program::ALL
            .into_iter()
            .chain(Program::CONCEPTS)
            .filter(|p| args.programs.contains(p))
            .collect()
    }
}

/// Every mode of every program under every column (only `--mode`s, if given); a Python run
/// whose module is missing is planned as skipped, and a line of `notes` says which modules
/// and why (`unprovided`: why the project's venv could not provide them).
fn plans(
    args: &CompareArgs,
    programs: &[Program],
    columns: &[Column],
    python: Option<&Python>,
    unprovided: Option<String>,
    notes: &mut Vec<String>,
) -> Vec<Plan> {
    let mut missing_modules: BTreeMap<&str, bool> = BTreeMap::new();
    let mut plans = Vec::new();
    for &program in programs {
        for &column in columns {
            for &mode in column.modes(program) {
                if !args.modes.is_empty() && !args.modes.contains(&mode) {
                    continue;
                }
                let mut skip = None;
                if let (Column::Python, Some(module), Some(python)) =
                    (column, python::needs(program, mode), python)
                {
                    let missing = *missing_modules
                        .entry(module)
                        .or_insert_with(|| !python::has_module(python, module));
                    if missing {
                        skip = Some(format!("needs the Python module {module}"));
                    }
                }
                plans.push(Plan {
                    program,
                    column,
                    mode,
                    skip,
                });
            }
        }
    }
    let missing: Vec<&str> = missing_modules
        .iter()
        .filter(|(_, missing)| **missing)
        .map(|(module, _)| *module)
        .collect();
    if !missing.is_empty() {
        let why = unprovided.unwrap_or_else(|| "not installed".to_string());
        notes.push(format!(
            "python: http_fetch's Python runs that need {} are skipped: {why}",
            missing.join(" or ")
        ));
    }
    plans
}

/// The Python modules that the selected programs' Python modes need (`--mode`s only, if
/// given), each once.
fn needed_modules(args: &CompareArgs, programs: &[Program]) -> Vec<&'static str> {
    let mut modules: Vec<&'static str> = programs
        .iter()
        .flat_map(|&program| {
            python::modes(program)
                .iter()
                .filter(|mode| args.modes.is_empty() || args.modes.contains(mode))
                .filter_map(move |&mode| python::needs(program, mode))
        })
        .collect();
    modules.sort_unstable();
    modules.dedup();
    modules
}
