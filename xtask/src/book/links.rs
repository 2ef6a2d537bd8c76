//! The internal links of the built book: every `href` and `src` that is not an external URL
//! must name a file of the book, and its `#fragment` an `id` on that page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use anyhow::Context as _;
use scraper::{Html, Selector};

/// One built page: where it is (relative to the book's root), its ids, its links.
#[derive(Debug, Default)]
pub struct Page {
    pub ids: BTreeSet<String>,
    /// Every `href`/`src` value, as written.
    pub links: Vec<String>,
}

/// Reads a page's ids and links.
pub fn page(html: &str) -> Page {
    let document = Html::parse_document(html);
    let with_id = Selector::parse("[id]").expect("a valid selector");
    let with_name = Selector::parse("a[name]").expect("a valid selector");
    let linking = Selector::parse("[href], [src]").expect("a valid selector");
    let mut page = Page::default();
    for element in document.select(&with_id) {
        page.ids
            .extend(element.value().attr("id").map(str::to_string));
    }
    for element in document.select(&with_name) {
        page.ids
            .extend(element.value().attr("name").map(str::to_string));
    }
    for element in document.select(&linking) {
        for attr in ["href", "src"] {
            page.links
                .extend(element.value().attr(attr).map(str::to_string));
        }
    }
    page
}

/// Whether `link` leaves the book (a scheme such as `https:`, `mailto:`, `data:`, or a
/// protocol-relative `//host`).
fn external(link: &str) -> bool {
    link.starts_with("//")
        || link.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.contains('/')
        })
}

/// `dir/../a/./b` → `a/b`, or `None` if it climbs out of the root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => parts.clear(),
        }
    }
    Some(parts.iter().collect())
}

/// Every internal link of the built book at `root` that does not resolve, as
/// `page: link (why)`.
pub fn broken(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut pages: BTreeMap<PathBuf, Page> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.with_context(|| format!("listing {}", root.display()))?;
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            let relative = entry.path().strip_prefix(root).expect("under root");
            pages.insert(relative.to_path_buf(), page(&html));
        }
    }
    let mut broken = Vec::new();
    for (path, page) in &pages {
        // mdBook's 404 page is served from anywhere, so its links are absolute to the
        // site's root and cannot be checked from the file.
        if path == Path::new("404.html") {
            continue;
        }
        let folder = path.parent().unwrap_or(Path::new(""));
        for link in &page.links {
            if link.is_empty() || external(link) {
                continue;
            }
            let (target, fragment) = match link.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (link.as_str(), None),
            };
            let target = target.split('?').next().unwrap_or_default();
            let resolved = if target.is_empty() {
                Some(path.clone())
            } else {
                normalize(&folder.join(target)).map(|p| {
                    if target.ends_with('/') || root.join(&p).is_dir() {
                        p.join("index.html")
                    } else {
                        p
                    }
                })
            };
            let Some(resolved) = resolved else {
                broken.push(format!("{}: {link} (outside the book)", path.display()));
                continue;
            };
            if !root.join(&resolved).is_file() {
                broken.push(format!("{}: {link} (no such file)", path.display()));
                continue;
            }
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let fragment = percent_decode(fragment);
            match pages.get(&resolved) {
                Some(target) if !target.ids.contains(&fragment) => broken.push(format!(
                    "{}: {link} (no id \"{fragment}\" on {})",
                    path.display(),
                    resolved.display()
                )),
                _ => {}
            }
        }
    }
    Ok(broken)
}

/// `%C3%A9` → `é` (fragments of headings with non-ASCII text come percent-encoded).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII");
            out.push(u8::from_str_radix(hex, 16).expect("two hex digits"));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links_are_told_apart() {
        assert!(external("https://tokio.rs"));
        assert!(external("mailto:a@b"));
        assert!(external("//cdn.example/x.js"));
        assert!(!external("programs/count.html#modes"));
        assert!(!external("../index.html"));
        assert!(!external("#top"));
    }

    #[test]
    fn broken_files_and_fragments_are_found() {
        let root = std::env::temp_dir().join(format!("links-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("programs")).unwrap();
        std::fs::write(
            root.join("index.html"),
            r##"<h1 id="top">x</h1><a href="programs/count.html#modes">ok</a>
                <a href="#top">ok</a><a href="https://tokio.rs">ok</a>
                <a href="programs/gone.html">no file</a><a href="#nowhere">no id</a>
                <img src="programs/count.svg">"##,
        )
        .unwrap();
        std::fs::write(
            root.join("programs/count.html"),
            r##"<h2 id="modes">m</h2><a href="../index.html#top">ok</a><a href="../../x.html">out</a>"##,
        )
        .unwrap();
        let broken = broken(&root).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(broken.len(), 4, "{broken:#?}");
        assert!(
            broken[0].contains("programs/gone.html (no such file)"),
            "{broken:#?}"
        );
        assert!(broken[1].contains("#nowhere (no id"), "{broken:#?}");
        assert!(
            broken[2].contains("programs/count.svg (no such file)"),
            "{broken:#?}"
        );
        assert!(
            broken[3].contains("../../x.html (outside the book)"),
            "{broken:#?}"
        );
    }

    #[test]
    fn fragments_are_percent_decoded() {
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("a%2"), "a%2");
    }
}
