//! Reading the bot's HTML messages as Telegram and a person would: the one HTML checker of the test
//! suites (the fake Bot API refuses what it refuses; the handler tests and the layout tests assert it).

/// Tags Telegram's HTML parse mode accepts.
pub const TELEGRAM_TAGS: [&str; 9] = [
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
];
/// Tags the bot itself writes (`report_bot::telegram::html`): bold, italic and quotes.
pub const BOT_TAGS: [&str; 3] = ["b", "i", "blockquote"];
/// Telegram's limit for one message's text, in UTF-16 units.
pub const MAX_TEXT_LEN: usize = 4096;

/// The text a reader sees: tags dropped, entities decoded.
pub fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Checks Telegram-style HTML: only `tags`, properly nested and all closed, and no bare `<`, `>` or `&`
/// outside tags and the entities the bot writes. The error reads like Telegram's.
pub fn check_html(html: &str, tags: &[&str]) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(['<', '>', '&']) {
        let tail = &rest[at..];
        if tail.starts_with('>') {
            return Err("unescaped >".into());
        }
        if tail.starts_with('&') {
            let entity = ["&amp;", "&lt;", "&gt;", "&quot;"]
                .into_iter()
                .find(|e| tail.starts_with(e))
                .ok_or("unsupported entity")?;
            rest = &tail[entity.len()..];
            continue;
        }
        let end = tail.find('>').ok_or("unclosed tag")?;
        let tag = &tail[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("unexpected end tag {name}"));
            }
        } else {
            let name = tag.split_whitespace().next().unwrap_or_default();
            if !tags.contains(&name) {
                return Err(format!("unsupported start tag {tag:?}"));
            }
            open.push(name);
        }
        rest = &tail[end + 1..];
    }
    match open.pop() {
        Some(tag) => Err(format!(
            "can't find end tag corresponding to start tag {tag}"
        )),
        None => Ok(()),
    }
}

/// Asserts that `html` is well formed with only the bot's own tags.
pub fn assert_well_formed(html: &str) {
    if let Err(problem) = check_html(html, &BOT_TAGS) {
        panic!("{problem} in {html:?}");
    }
}

/// Asserts what holds for every message the bot sends: within Telegram's length, not blank, and well
/// formed with only the bot's own tags.
pub fn assert_sendable(html: &str) {
    assert!(
        html.encode_utf16().count() <= MAX_TEXT_LEN,
        "too long: {}",
        html.len()
    );
    assert!(!visible(html).trim().is_empty(), "empty message");
    assert_well_formed(html);
}
