//! CPython's `random` module, as far as `makerandom` needs it: `random.seed(n)` and
//! `random.randint(a, b)`, drawing exactly the numbers CPython draws.
//!
//! The generator is the Mersenne Twister (MT19937, from the `rand_mt` crate). What is
//! CPython's own is how it is seeded and how an integer in a range is drawn:
//! - `seed(n)` feeds the 32-bit words of `|n|`, least significant first, to MT19937's
//!   `init_by_array` (`rand_mt`'s `new_with_key`);
//! - `randint(a, b)` is `a + _randbelow(b - a + 1)`, and `_randbelow(n)` draws
//!   `getrandbits(n.bit_length())` (the top bits of one 32-bit output) until the draw is
//!   below `n`: rejection sampling, so every value is equally likely.

use rand_mt::Mt;

/// A random number generator that draws what CPython's `random` draws after `seed(n)`.
#[derive(Debug, Clone)]
pub struct PyRandom {
    mt: Mt,
}

impl PyRandom {
    /// `random.seed(seed)` for a non-negative integer seed.
    pub fn new(seed: u64) -> Self {
        let mut key: Vec<u32> = Vec::new();
        let mut rest = seed;
        while rest > 0 {
            key.push(rest as u32);
            rest >>= 32;
        }
        if key.is_empty() {
            key.push(0);
        }
        PyRandom {
            mt: Mt::new_with_key(key),
        }
    }

    /// `random.getrandbits(k)` for `1 <= k <= 32`.
    pub fn getrandbits(&mut self, k: u32) -> u32 {
        assert!(
            (1..=32).contains(&k),
            "getrandbits({k}) is only written for 1..=32 bits"
        );
        self.mt.next_u32() >> (32 - k)
    }

    /// `random.randint(a, b)`: a uniform integer in `a..=b`.
    pub fn randint(&mut self, a: i64, b: i64) -> i64 {
        assert!(a <= b, "randint({a}, {b}): empty range");
        let n = (b - a + 1) as u64;
        assert!(
            n <= 1 << 32,
            "randint over more than 2^32 values is not needed here"
        );
        let bits = 64 - n.leading_zeros();
        loop {
            let r = u64::from(self.getrandbits(bits));
            if r < n {
                return a + r as i64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first 25 draws of `random.seed(444); [random.randint(0, 10) for _ in range(25)]`,
    /// as CPython 3.11 prints them (the test in `tests/python_random.rs` checks them against
    /// the python3 of the machine when there is one).
    pub const SEED_444_FIRST_25: [i64; 25] = [
        4, 4, 0, 4, 7, 4, 4, 8, 10, 7, 8, 4, 7, 1, 6, 9, 3, 9, 7, 10, 0, 1, 0, 1, 9,
    ];

    #[test]
    fn seed_444_draws_what_cpython_draws() {
        let mut rng = PyRandom::new(444);
        let draws: Vec<i64> = (0..25).map(|_| rng.randint(0, 10)).collect();
        assert_eq!(draws, SEED_444_FIRST_25);
    }
}
