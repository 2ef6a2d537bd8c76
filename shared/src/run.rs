//! [`Run`]: the context every program receives: which program, under which runtime and in
//! which mode, the `--scale` of its durations, the output sink, and its own options. The
//! command line ([`cli`](crate::cli)) builds one for a binary; tests and the harness build one
//! with [`Run::capture`].

use std::time::Duration;

use crate::catalogue::{Mode, Program, Runtime};
use crate::out::Out;

/// Everything a program run gets: what to run and how, where to print, and its own options.
#[derive(Debug, Clone)]
pub struct Run<O> {
    pub program: Program,
    pub runtime: Runtime,
    pub mode: Mode,
    /// `--scale`: every duration of the program is multiplied by it.
    pub scale: f64,
    pub out: Out,
    /// The program's own options (`--tasks`, `--seed`, …).
    pub opts: O,
}

impl<O> Run<O> {
    /// A run that records its lines instead of printing them (for tests and the harness).
    pub fn capture(program: Program, runtime: Runtime, mode: Mode, scale: f64, opts: O) -> Run<O> {
        Run {
            program,
            runtime,
            mode,
            scale,
            out: Out::capture(),
            opts,
        }
    }

    /// The same run, printing into `out` instead.
    pub fn with_out(self, out: Out) -> Run<O> {
        Run { out, ..self }
    }

    /// The same run with other program options.
    pub fn with_opts<P>(self, opts: P) -> Run<P> {
        let Run {
            program,
            runtime,
            mode,
            scale,
            out,
            ..
        } = self;
        Run {
            program,
            runtime,
            mode,
            scale,
            out,
            opts,
        }
    }

    /// `secs` seconds of the seed's time, scaled by `--scale`.
    pub fn secs(&self, secs: f64) -> Duration {
        Duration::from_secs_f64(secs * self.scale)
    }
}
