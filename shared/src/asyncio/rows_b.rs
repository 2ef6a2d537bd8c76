//! The second half of the asyncio rows: threads, generators, context managers, timeouts,
//! synchronisation, the loop's own calls, subprocesses, sockets and signals.

use super::Row;

pub(super) const ROWS: &[Row] = &[];
