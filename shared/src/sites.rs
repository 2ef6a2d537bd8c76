//! The seed's six sites live in one data file, `shared/data/sites.txt`, that the Rust
//! catalogue and the Python port both read: [`parse`] turns it into
//! [`catalogue::http_fetch::SITES`](crate::catalogue::http_fetch::SITES) at compile time
//! (`python/http_fetch.py` parses the same lines at run time).
//!
//! The format: one site a line, `name seconds` (`google 1.062`); blank lines and lines that
//! start with `#` are skipped.

/// The `N` sites of `text` (see the module documentation), each with its latency in seconds.
/// A `const fn`: a malformed file, or one with other than `N` sites, is a compile error.
pub const fn parse<const N: usize>(text: &'static str) -> [(&'static str, f64); N] {
    let mut sites = [("", 0.0); N];
    let mut count = 0;
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let (line, after) = split_once(rest, b'\n');
        rest = after;
        let line = line.trim_ascii();
        if line.is_empty() || line[0] == b'#' {
            continue;
        }
        let (name, secs) = split_once(line, b' ');
        let Ok(name) = core::str::from_utf8(name.trim_ascii()) else {
            panic!("a site's name is not UTF-8");
        };
        assert!(
            !name.is_empty() && count < N,
            "sites.txt has more sites than expected"
        );
        sites[count] = (name, seconds(secs.trim_ascii()));
        count += 1;
    }
    assert!(count == N, "sites.txt has fewer sites than expected");
    sites
}

/// `bytes` before the first `separator` and after it (all of `bytes` and nothing, if none).
const fn split_once(bytes: &[u8], separator: u8) -> (&[u8], &[u8]) {
    let mut i = 0;
    while i < bytes.len() && bytes[i] != separator {
        i += 1;
    }
    if i == bytes.len() {
        return (bytes, &[]);
    }
    let (before, after) = bytes.split_at(i);
    (before, after.split_at(1).1)
}

/// A decimal number of seconds (`1.062`) as the `f64` the literal `1.062` is: the digits as
/// an integer divided by a power of ten, which IEEE division rounds to the nearest `f64`.
const fn seconds(text: &[u8]) -> f64 {
    let (mut digits, mut divisor, mut after_point) = (0u64, 1u64, false);
    assert!(!text.is_empty(), "a site has no latency");
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'.' if !after_point => after_point = true,
            digit @ b'0'..=b'9' => {
                digits = digits * 10 + (digit - b'0') as u64;
                if after_point {
                    divisor *= 10;
                }
            }
            _ => panic!("a site's latency is not a decimal number of seconds"),
        }
        i += 1;
    }
    digits as f64 / divisor as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_gives_the_seeds_six_sites_and_latencies() {
        let sites: [(&str, f64); 6] = parse(include_str!("../data/sites.txt"));
        assert_eq!(
            sites,
            [
                ("google", 1.062),
                ("yahoo", 1.481),
                ("linkedin", 0.659),
                ("apple", 0.125),
                ("microsoft", 0.460),
                ("facebook", 0.765),
            ]
        );
    }

    #[test]
    fn comments_blank_lines_and_spaces_are_skipped() {
        let sites: [(&str, f64); 2] = parse("# a comment\n\n  a 1\nb   0.25  \n");
        assert_eq!(sites, [("a", 1.0), ("b", 0.25)]);
    }
}
