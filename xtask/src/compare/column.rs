//! The columns of the tables: a runtime, and for tokio one of its two schedulers; also the
//! columns of `cargo xtask bench`.

use shared::cli::Flavor;
use shared::{Mode, Program, Runtime};

use crate::python;

/// A column of the tables: a runtime, and for tokio one of its two schedulers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Sync,
    Tokio(Flavor),
    AsyncStd,
    Smol,
    /// The runtime written in this workspace (`examples-handmade/src/runtime/`).
    Handmade,
    Python,
}

impl Column {
    /// Every column, in the tables' order.
    pub const ALL: [Column; 7] = [
        Column::Sync,
        Column::Tokio(Flavor::MultiThread),
        Column::Tokio(Flavor::CurrentThread),
        Column::AsyncStd,
        Column::Smol,
        Column::Handmade,
        Column::Python,
    ];

    pub fn runtime(self) -> Runtime {
        match self {
            Column::Sync => Runtime::Sync,
            Column::Tokio(_) => Runtime::Tokio,
            Column::AsyncStd => Runtime::AsyncStd,
            Column::Smol => Runtime::Smol,
            Column::Handmade => Runtime::Handmade,
            Column::Python => Runtime::Python,
        }
    }

    pub fn flavor(self) -> Option<Flavor> {
        match self {
            Column::Tokio(flavor) => Some(flavor),
            _ => None,
        }
    }

    /// `tokio multi-thread`, `smol`, …
    pub fn label(self) -> String {
        match self {
            Column::Tokio(flavor) => format!("tokio {flavor}"),
            other => other.runtime().name().to_string(),
        }
    }

    pub(super) fn slug(self) -> String {
        self.label().replace(' ', "-")
    }

    /// The modes this column runs `program` in.
    pub fn modes(self, program: Program) -> &'static [Mode] {
        match self {
            Column::Python => python::modes(program),
            other => program.modes(other.runtime()),
        }
    }

    /// Whose transcript the column's run of `mode` must print.
    pub fn transcript_runtime(self, program: Program, mode: Mode) -> Runtime {
        match self {
            Column::Python => python::transcript_runtime(program, mode),
            other => other.runtime(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_cover_tokio_twice() {
        let labels: Vec<String> = Column::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "sync",
                "tokio multi-thread",
                "tokio current-thread",
                "async-std",
                "smol",
                "handmade",
                "python"
            ]
        );
    }
}
