//! The common command line of every binary (`PROGRAMS.md`, "Command line"), built on clap:
//!
//! ```text
//! <program> [--mode MODE] [--scale FACTOR] [--trace FILE] [--chrome-trace FILE] [program options] [runtime options]
//! ```
//!
//! A binary calls [`main`] (through its runtime crate's wrapper) with the program's options
//! type and its runtime's options type; it gets a [`Run`] to run. Bad arguments print one
//! line on stderr and exit with code 2, before any work; a `--trace FILE` that cannot be
//! created is one of them. An error from the program prints one line and exits with code 1;
//! the trace is written at the end either way, its summary last. stdout that cannot take a
//! line ends the program at once (see [`Out`]): exit code 1 with one line on stderr, or 141,
//! quietly, for a closed pipe (`| head -1`).

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Args, Command, FromArgMatches, ValueEnum};

use crate::catalogue::{Mode, Program, Runtime};
use crate::out::{Out, Summary};
use crate::run::Run;

/// The options a program or runtime adds to the common ones (a clap `Args` type).
pub trait Options: Args + FromArgMatches + Clone + Send + Sync + 'static {}
impl<T: Args + FromArgMatches + Clone + Send + Sync + 'static> Options for T {}

/// No options of its own.
#[derive(Debug, Clone, Default, Args)]
pub struct NoOpts {}

/// `count`'s options.
#[derive(Debug, Clone, Args)]
pub struct CountOpts {
    /// How many count() tasks to run; over 100, each task's lines are replaced by a one-line
    /// summary at the end.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub tasks: u64,
}

impl Default for CountOpts {
    fn default() -> Self {
        CountOpts { tasks: 3 }
    }
}

impl CountOpts {
    /// Above this many tasks, `count` prints a summary instead of every task's lines.
    pub const MAX_PRINTED_TASKS: u64 = 100;

    /// Whether every task prints its own lines.
    pub fn prints_each_task(&self) -> bool {
        self.tasks <= Self::MAX_PRINTED_TASKS
    }
}

/// `say`'s options.
#[derive(Debug, Clone, Default, Args)]
pub struct SayOpts {
    /// Keep the loop running after hello and world (the seed's run_forever) until Ctrl+C.
    #[arg(long)]
    pub forever: bool,
}

/// `makerandom`'s options.
#[derive(Debug, Clone, Args)]
pub struct MakerandomOpts {
    /// Seed of the random generator (CPython's random.seed).
    #[arg(long, default_value_t = crate::catalogue::makerandom::SEED)]
    pub seed: u64,
}

impl Default for MakerandomOpts {
    fn default() -> Self {
        MakerandomOpts {
            seed: crate::catalogue::makerandom::SEED,
        }
    }
}

/// The most workers `http_fetch --workers` takes.
pub const MAX_WORKERS: usize = 4096;

/// `http_fetch`'s options: the URLs, how many workers fetch them, and how long one request
/// may take.
#[derive(Debug, Clone, Args)]
pub struct HttpOpts {
    /// URLs to fetch (http or https). None: the seed's six sites, stood in for by a server on
    /// 127.0.0.1 that answers each after the latency the seed measured.
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// How many workers take URLs from the queue (1 to 4096; the seed's names for the first
    /// 8).
    #[arg(long, value_name = "N", default_value_t = 2,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_WORKERS as u64))]
    pub workers: usize,
    /// Fetch the URLs this many times over (a load: `cargo xtask bench`'s fetch at scale).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000_000))]
    pub times: usize,
    /// Seconds one request may take, from connecting to the last byte of the body (> 0; not
    /// scaled by --scale).
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = parse_timeout)]
    pub timeout: f64,
}

impl Default for HttpOpts {
    fn default() -> Self {
        HttpOpts {
            urls: Vec::new(),
            workers: 2,
            times: 1,
            timeout: 10.0,
        }
    }
}

impl HttpOpts {
    /// The longest `--timeout` accepted: one day.
    pub const MAX_TIMEOUT_SECS: f64 = 86_400.0;

    /// `--timeout` as a duration.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs_f64(self.timeout)
    }
}

fn parse_timeout(text: &str) -> Result<f64, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| "not a number".to_string())?;
    if secs.is_finite() && secs > 0.0 && secs <= HttpOpts::MAX_TIMEOUT_SECS {
        Ok(secs)
    } else {
        Err(format!(
            "must be a number of seconds greater than 0 and at most {}",
            HttpOpts::MAX_TIMEOUT_SECS
        ))
    }
}

/// The options of the sync, async-std and smol runtimes: none on the command line; the
/// thread count of a pool comes from the environment.
#[derive(Debug, Clone, Default, Args)]
pub struct NoRuntimeOpts {}

/// tokio's runtime options.
#[derive(Debug, Clone, Default, Args)]
pub struct TokioOpts {
    /// Which tokio scheduler runs the program.
    #[arg(long, value_enum, default_value_t = Flavor::MultiThread)]
    pub flavor: Flavor,
}

/// tokio's two schedulers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Flavor {
    /// A pool of worker threads (`#[tokio::main]`'s default), sized by
    /// `TOKIO_WORKER_THREADS` or the number of cores.
    #[default]
    MultiThread,
    /// Every task on the thread that called `block_on`.
    CurrentThread,
}

impl fmt::Display for Flavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Flavor::MultiThread => "multi-thread",
            Flavor::CurrentThread => "current-thread",
        })
    }
}

/// How many worker threads a runtime's pool has, as each runtime itself decides it: from its
/// environment variable, else the number of cores (smol's global executor: 1).
pub fn pool_threads(runtime: Runtime, flavor: Flavor) -> Option<usize> {
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
    };
    let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
    match runtime {
        // The handmade runtime runs every task on the thread of its `block_on`: no pool.
        Runtime::Sync | Runtime::Handmade | Runtime::Python => None,
        Runtime::Tokio if flavor == Flavor::CurrentThread => None,
        Runtime::Tokio => Some(env("TOKIO_WORKER_THREADS").unwrap_or_else(cores)),
        Runtime::AsyncStd => Some(env("ASYNC_STD_THREAD_COUNT").unwrap_or_else(cores)),
        Runtime::Smol => Some(env("SMOL_THREADS").unwrap_or(1)),
    }
}

/// `--scale`'s parser: a finite number greater than 0.
pub fn parse_scale(text: &str) -> Result<f64, String> {
    let scale: f64 = text
        .trim()
        .parse()
        .map_err(|_| "not a number".to_string())?;
    if scale.is_finite() && scale > 0.0 {
        Ok(scale)
    } else {
        Err("must be a number greater than 0".to_string())
    }
}

/// The clap command of `program` under `runtime`, with its options and the runtime's.
pub fn command<O: Options, R: Options>(program: Program, runtime: Runtime) -> Command {
    let modes = program.modes(runtime);
    let mode_help: Vec<String> = modes
        .iter()
        .map(|m| {
            // To the millisecond: 2.486, not 2.4859999999999998.
            let ideal = program
                .ideal(*m)
                .map_or(0.0, |d| d.as_millis() as f64 / 1000.0);
            format!("{m} (ideal {ideal} s)")
        })
        .collect();
    let command = Command::new(program.name())
        .after_help(match program {
            Program::HttpFetch => {
                "Exit codes: 0 every URL was fetched, 1 any URL failed (each failure has its own \
                 line, then one summary line on stderr) or stdout cannot be written, 2 bad \
                 arguments (a --trace FILE that cannot be created too), 141 stdout was closed \
                 (| head).\n\
                 Durations (the stand-in server's latencies) are the seed's times multiplied by \
                 --scale; --timeout is not scaled."
            }
            _ => {
                "Exit codes: 0 success, 1 the program failed or stdout cannot be written (one \
                 line on stderr), 2 bad arguments (a --trace FILE that cannot be created too), \
                 141 stdout was closed (| head).\n\
                 Durations are the seed's times multiplied by --scale."
            }
        })
        .arg(
            Arg::new("mode")
                .long("mode")
                .value_name("MODE")
                .help(format!("How to run it: {}", mode_help.join(", ")))
                .value_parser(PossibleValuesParser::new(modes.iter().map(|m| m.name())))
                .default_value(modes[0].name()),
        )
        .arg(
            Arg::new("scale")
                .long("scale")
                .value_name("FACTOR")
                .help("Multiply every duration by FACTOR (> 0); 0.01 runs a 17 s program in 0.17 s")
                .value_parser(parse_scale)
                .default_value("1"),
        )
        .arg(
            Arg::new("trace")
                .long("trace")
                .value_name("FILE")
                .help(
                    "Write a JSON Lines trace: one object per printed line, then the elapsed time",
                )
                .value_parser(clap::value_parser!(PathBuf))
                .action(ArgAction::Set),
        )
        .arg(
            Arg::new("chrome-trace")
                .long("chrome-trace")
                .value_name("FILE")
                .help(
                    "Write every task's polls and printed lines in Chrome's Trace Event Format \
                     (open it in https://ui.perfetto.dev or chrome://tracing)",
                )
                .value_parser(clap::value_parser!(PathBuf))
                .action(ArgAction::Set),
        );
    // The about comes last: a derived `Args` type sets the command's about to its own doc
    // comment when it is added.
    R::augment_args(O::augment_args(command)).about(format!(
        "{} (seed {}; {runtime} runtime)",
        program.about(),
        program.seeds()
    ))
}

/// What [`parse`] read.
#[derive(Debug)]
pub struct Parsed<O, R> {
    pub run: Run<O>,
    pub runtime_opts: R,
    pub trace: Option<PathBuf>,
    pub chrome_trace: Option<PathBuf>,
}

/// Parses `args` (the first is the program name). On `--help` the error is the help text.
pub fn parse<O: Options, R: Options>(
    program: Program,
    runtime: Runtime,
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Parsed<O, R>, clap::Error> {
    let mut matches = command::<O, R>(program, runtime).try_get_matches_from(args)?;
    let mode_name: String = matches.remove_one("mode").expect("mode has a default");
    let mode = Mode::from_str(&mode_name, false).expect("clap only accepts the program's modes");
    let scale: f64 = matches.remove_one("scale").expect("scale has a default");
    let trace: Option<PathBuf> = matches.remove_one("trace");
    let chrome_trace: Option<PathBuf> = matches.remove_one("chrome-trace");
    let opts = O::from_arg_matches(&matches)?;
    let runtime_opts = R::from_arg_matches(&matches)?;
    let out = Out::stdout();
    if trace.is_some() || chrome_trace.is_some() {
        // Only a run that writes a trace pays for recording its polls.
        out.record_polls();
    }
    let run = Run {
        program,
        runtime,
        mode,
        scale,
        out,
        opts,
    };
    Ok(Parsed {
        run,
        runtime_opts,
        trace,
        chrome_trace,
    })
}

/// clap's error as one line: the message and its possible values, without usage and tips.
pub fn one_line(error: &clap::Error) -> String {
    error
        .render()
        .to_string()
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole life of a binary: parse the command line, run `body`, report, write the trace,
/// and turn the outcome into an exit code (see the module documentation).
pub fn main<O: Options, R: Options>(
    program: Program,
    runtime: Runtime,
    threads: impl FnOnce(&R) -> Option<usize>,
    body: impl FnOnce(Run<O>, R) -> anyhow::Result<()>,
) -> ExitCode {
    let parsed = match parse::<O, R>(program, runtime, std::env::args_os()) {
        Ok(parsed) => parsed,
        Err(error) if !error.use_stderr() => {
            // --help: clap prints it, on stdout.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("{}", one_line(&error));
            return ExitCode::from(2);
        }
    };
    let Parsed {
        run,
        runtime_opts,
        trace,
        chrome_trace,
    } = parsed;
    // The trace files are made now: a path that cannot be written is a bad argument, told
    // before the program runs, and a run that does not finish leaves them without a summary.
    let mut files = Vec::new();
    for path in [trace, chrome_trace] {
        files.push(match path {
            None => None,
            Some(path) => match std::fs::File::create(&path) {
                Ok(file) => Some((path, file)),
                Err(error) => {
                    eprintln!(
                        "error: cannot create the trace file {}: {error}",
                        path.display()
                    );
                    return ExitCode::from(2);
                }
            },
        });
    }
    let chrome_trace = files.pop().flatten();
    let trace = files.pop().flatten();
    let out = run.out.clone();
    let mode = run.mode;
    let scale = run.scale;
    let threads = threads(&runtime_opts);
    let result = body(run, runtime_opts);
    let mut code = ExitCode::SUCCESS;
    if let Err(error) = &result {
        eprintln!("error: {error:#}");
        code = ExitCode::FAILURE;
    }
    let summary = Summary {
        program: program.name().to_string(),
        runtime: runtime.name().to_string(),
        mode: mode.name().to_string(),
        scale,
        threads,
        elapsed_us: out.elapsed().as_micros() as u64,
    };
    if let Some((path, file)) = trace
        && let Err(error) = out.write_trace_to(file, &summary)
    {
        eprintln!("error: cannot write trace {}: {error}", path.display());
        code = ExitCode::FAILURE;
    }
    if let Some((path, file)) = chrome_trace
        && let Err(error) = crate::chrome::write_chrome_trace_to(file, &out.trace(&summary))
    {
        eprintln!("error: cannot write trace {}: {error}", path.display());
        code = ExitCode::FAILURE;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_count(args: &[&str]) -> Result<Parsed<CountOpts, TokioOpts>, clap::Error> {
        parse(
            Program::Count,
            Runtime::Tokio,
            std::iter::once("count").chain(args.iter().copied()),
        )
    }

    #[test]
    fn defaults_are_the_first_mode_and_scale_one() {
        let parsed = parse_count(&[]).unwrap();
        assert_eq!(parsed.run.mode, Mode::Concurrent);
        assert_eq!(parsed.run.scale, 1.0);
        assert_eq!(parsed.run.opts.tasks, 3);
        assert_eq!(parsed.runtime_opts.flavor, Flavor::MultiThread);
        assert_eq!(parsed.trace, None);
    }

    #[test]
    fn options_are_read() {
        let parsed = parse_count(&[
            "--mode",
            "sequential",
            "--scale",
            "0.01",
            "--tasks",
            "7",
            "--flavor",
            "current-thread",
        ])
        .unwrap();
        assert_eq!(parsed.run.mode, Mode::Sequential);
        assert_eq!(parsed.run.secs(1.0), Duration::from_millis(10));
        assert_eq!(parsed.run.opts.tasks, 7);
        assert_eq!(parsed.runtime_opts.flavor, Flavor::CurrentThread);
    }

    #[test]
    fn bad_arguments_are_one_line_errors() {
        for (args, expected) in [
            (
                &["--mode", "threads"][..],
                "invalid value 'threads' for '--mode <MODE>'",
            ),
            (&["--scale", "0"][..], "must be a number greater than 0"),
            (&["--scale", "abc"][..], "not a number"),
            (&["--scale", "NaN"][..], "must be a number greater than 0"),
            (&["--bogus"][..], "unexpected argument '--bogus'"),
            (&["--tasks", "0"][..], "'--tasks <TASKS>'"),
        ] {
            let error = parse_count(args).unwrap_err();
            let line = one_line(&error);
            assert!(line.starts_with("error: "), "{line}");
            assert!(line.contains(expected), "{args:?}: {line}");
            assert!(!line.contains('\n'));
        }
    }

    #[test]
    fn http_fetch_reads_urls_workers_and_timeout() {
        let parse_http = |args: &[&str]| {
            parse::<HttpOpts, NoRuntimeOpts>(
                Program::HttpFetch,
                Runtime::Sync,
                std::iter::once("http_fetch").chain(args.iter().copied()),
            )
        };
        let parsed = parse_http(&[]).unwrap();
        assert_eq!(parsed.run.mode, Mode::Sequential);
        assert!(parsed.run.opts.urls.is_empty());
        assert_eq!(parsed.run.opts.workers, 2);
        assert_eq!(parsed.run.opts.timeout(), Duration::from_secs(10));
        let parsed = parse_http(&[
            "http://a",
            "--workers",
            "8",
            "--timeout",
            "0.5",
            "not a url",
        ])
        .unwrap();
        assert_eq!(parsed.run.opts.urls, ["http://a", "not a url"]);
        assert_eq!(parsed.run.opts.workers, 8);
        assert_eq!(parsed.run.opts.timeout(), Duration::from_millis(500));
        assert_eq!(parsed.run.opts.times, 1);
        let parsed = parse_http(&["http://a", "--workers", "1024", "--times", "3"]).unwrap();
        assert_eq!((parsed.run.opts.workers, parsed.run.opts.times), (1024, 3));
        for (args, expected) in [
            (&["--workers", "0"][..], "'--workers <N>'"),
            (&["--workers", "4097"][..], "'--workers <N>'"),
            (&["--timeout", "0"][..], "greater than 0"),
            (&["--timeout", "inf"][..], "greater than 0"),
            (&["--timeout", "1e30"][..], "at most 86400"),
        ] {
            let line = one_line(&parse_http(args).unwrap_err());
            assert!(line.contains(expected), "{args:?}: {line}");
        }
        let help = command::<HttpOpts, NoRuntimeOpts>(Program::HttpFetch, Runtime::Sync)
            .render_help()
            .to_string();
        assert!(help.contains("1 any URL failed"), "{help}");
        assert!(help.contains("[URL]..."), "{help}");
        assert!(help.contains("threads (ideal 2.486 s)"), "{help}");
        assert!(help.starts_with(Program::HttpFetch.about()), "{help}");
    }

    #[test]
    fn a_trace_of_either_kind_turns_the_polls_on() {
        let polls_after = |args: &[&str]| {
            let parsed = parse_count(args).unwrap();
            let out = parsed.run.out.clone();
            ready_at_once(out.traced("main", async {}));
            (parsed.trace, parsed.chrome_trace, out.polls().len())
        };
        assert_eq!(polls_after(&[]), (None, None, 0));
        let (trace, chrome, polls) = polls_after(&["--chrome-trace", "t.json"]);
        assert_eq!(
            (trace, chrome, polls),
            (None, Some(PathBuf::from("t.json")), 1)
        );
        assert_eq!(polls_after(&["--trace", "t.jsonl"]).2, 1);
        let help = command::<CountOpts, TokioOpts>(Program::Count, Runtime::Tokio)
            .render_help()
            .to_string();
        assert!(help.contains("--chrome-trace <FILE>"), "{help}");
        assert!(help.contains("ui.perfetto.dev"), "{help}");
    }

    /// Polls a future that is ready at once.
    fn ready_at_once<F: std::future::Future>(future: F) -> F::Output {
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        match std::pin::pin!(future).poll(&mut cx) {
            std::task::Poll::Ready(value) => value,
            std::task::Poll::Pending => panic!("not ready at once"),
        }
    }

    #[test]
    fn the_mode_error_names_the_modes() {
        let line = one_line(&parse_count(&["--mode", "x"]).unwrap_err());
        assert!(
            line.contains("[possible values: concurrent, sequential]"),
            "{line}"
        );
    }

    #[test]
    fn help_lists_modes_with_their_ideal_times() {
        let help = command::<CountOpts, TokioOpts>(Program::Count, Runtime::Tokio)
            .render_help()
            .to_string();
        assert!(help.contains("concurrent (ideal 1 s)"), "{help}");
        assert!(help.contains("--flavor"), "{help}");
        assert!(help.contains("--tasks"), "{help}");
    }
}
