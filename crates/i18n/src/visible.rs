//! The words a reader sees on a page, for the checks that no page or template holds words
//! outside the catalogues (the web crate's template check, the end-to-end Hindi walk).

/// The attributes whose values are shown or read aloud.
const READ_ATTRIBUTES: [&str; 4] = ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""];

/// The text of `html` a reader meets: what stands between tags, and the values of the
/// attributes shown or read aloud (alt, title, aria-label, the placeholder), without the
/// elements named in `hidden` (such as `script` and `style`, or `code`, which reads the
/// same in every language). Pieces are separated by spaces.
pub fn visible_text(html: &str, hidden: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tail = &rest[start..];
        if let Some(block) = hidden.iter().find(|b| {
            tail[1..].starts_with(*b)
                && tail[1 + b.len()..].starts_with(|c: char| c == '>' || c.is_whitespace())
        }) {
            let close = format!("</{block}>");
            rest = tail.find(&close).map_or("", |e| &tail[e + close.len()..]);
            continue;
        }
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let tag = &tail[..end];
        for attribute in READ_ATTRIBUTES {
            let mut attrs = tag;
            while let Some(at) = attrs.find(attribute) {
                let value = &attrs[at + attribute.len()..];
                let close = value.find('"').unwrap_or(value.len());
                out.push_str(&value[..close]);
                out.push(' ');
                attrs = &value[close..];
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::visible_text;

    #[test]
    fn text_and_read_attributes_are_kept_and_hidden_elements_dropped() {
        let html = "<p class=\"x\">Hello <img alt=\"a cat\" src=\"c.png\"><code>GET /</code></p>\
                    <script>var words = 1;</script><codex>kept</codex><input placeholder=\"name\">";
        let text = visible_text(html, &["script", "code"]);
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["Hello", "a", "cat", "kept", "name"]);
    }
}
