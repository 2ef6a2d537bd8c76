//! The first half of the asyncio rows: running, spawning, waiting, queues and locks.

use super::Row;

pub(super) const ROWS: &[Row] = &[];
