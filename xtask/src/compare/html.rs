//! `report.html`: the compare report as one self-contained page. The Markdown of
//! `report.md` rendered by pulldown-cmark, each timeline's SVG written into the page where
//! the Markdown links it, and a short stylesheet inline: the file opens in a browser with
//! nothing beside it (an empty inline icon, too, so the browser asks for no favicon).

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// The page's style: readable tables, code and diffs, timelines as wide as the page.
const STYLE: &str = "\
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
th { background: #f3f3f3; }
code { font: 0.9em ui-monospace, monospace; background: #f5f5f5; padding: 0 0.2em; }
pre { background: #f5f5f5; padding: 0.6rem; overflow-x: auto; }
pre code { background: none; padding: 0; }
figure.timeline { margin: 1rem 0; }
figure.timeline svg { max-width: 100%; height: auto; }
";

/// The page for `markdown` (a `report.md`), its timelines read from `dir`; a timeline whose
/// file cannot be read stays a link, named as missing.
pub fn page(markdown: &str, dir: &Path) -> String {
    let mut body = String::new();
    let mut events = Vec::new();
    let mut in_image: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Image { dest_url, .. })
                if dest_url.ends_with(".svg") && !dest_url.contains(['/', ':']) =>
            {
                in_image = Some(dest_url.to_string());
            }
            Event::End(TagEnd::Image) if in_image.is_some() => {
                let name = in_image.take().expect("inside an image");
                let svg = std::fs::read_to_string(dir.join(&name))
                    .ok()
                    .and_then(|text| text.find("<svg").map(|at| text[at..].to_string()));
                let figure = match svg {
                    Some(svg) => format!("<figure class=\"timeline\">{svg}</figure>"),
                    None => format!("<p>(timeline {name} missing)</p>"),
                };
                events.push(Event::Html(figure.into()));
            }
            // The image's alt text: the inline SVG has its own title.
            _ if in_image.is_some() => {}
            other => events.push(other),
        }
    }
    html::push_html(&mut body, events.into_iter());
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("cargo xtask compare");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        crate::svg::escape(&title.replace('`', ""))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_its_tables_and_timelines_inline() {
        let dir = std::env::temp_dir().join(format!("compare-html-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("timeline-count.svg"),
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>count</title></svg>\n",
        )
        .unwrap();
        let markdown = "# `cargo xtask compare`\n\n| runtime | elapsed |\n| --- | --- |\n| smol | 1 s |\n\n\
                        ![count timeline](timeline-count.svg)\n\n![say timeline](timeline-say.svg)\n";
        let page = page(markdown, &dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(
            page.contains("<title>cargo xtask compare</title>"),
            "{page}"
        );
        assert!(page.contains("<td>smol</td>"), "{page}");
        assert!(
            page.contains("<figure class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\"><title>count</title></svg>"),
            "{page}"
        );
        assert!(
            !page.contains("<?xml"),
            "the XML declaration stays out of the HTML: {page}"
        );
        assert!(!page.contains("<img"), "no picture is linked: {page}");
        assert!(
            page.contains("(timeline timeline-say.svg missing)"),
            "{page}"
        );
    }
}
