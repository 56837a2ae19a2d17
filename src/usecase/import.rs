//! What a user brings, read as a request: a curl command, a raw HTTP
//! request, or a bare JSON body. Pure: the text in, a request out, with
//! notes on what was read in a way the user might not expect (curl's POST
//! and form content type for `-d`, curly quotes, a dropped token).
//!
//! The pasted request keeps its verb, path, content type and body exactly as
//! written, wrong or not: the point is to reproduce the user's request. Only
//! credentials are dropped, at the source: a pasted `Authorization` header
//! is kept as its scheme and `<redacted>`, since gc-attrs sends with its own.

pub mod sdk;

/// The largest text read, in bytes: a paste is a request, not a file dump.
pub const MAX_IMPORT: usize = 1024 * 1024;

/// What kind of text the request came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A curl command line.
    Curl,
    /// A raw HTTP request (`PATCH /api/v2/… HTTP/1.1`, headers, body).
    Http,
    /// A bare JSON body; the route is the selected participant's.
    Json,
    /// An SDK call with a body literal (Python or JavaScript).
    Sdk,
}

impl Source {
    /// The lowercase name, as in `--json` output.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Source::Curl => "curl",
            Source::Http => "http",
            Source::Json => "json",
            Source::Sdk => "sdk",
        }
    }
}

/// A request read from pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// What it was read from.
    pub source: Source,
    /// The verb as written (curl's default when none was: GET, or POST with
    /// a body).
    pub verb: String,
    /// The path or full URL as written; `None` for a bare body.
    pub target: Option<String>,
    /// The headers other than `Content-Type`, in order, credentials
    /// redacted.
    pub headers: Vec<(String, String)>,
    /// The `Content-Type` the request would carry, if any.
    pub content_type: Option<String>,
    /// The body as it would be sent (empty for none).
    pub body: String,
    /// How the text was read where it may surprise, one sentence each.
    pub notes: Vec<String>,
}

/// Why a text could not be read as a request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing to read.
    #[error("nothing to read: paste a curl command, an HTTP request or a JSON body")]
    Empty,
    /// Larger than [`MAX_IMPORT`].
    #[error(
        "the text is {0} bytes, more than the {MAX_IMPORT} a request may be: paste the request alone"
    )]
    TooLarge(usize),
    /// A curl command whose quotes do not close.
    #[error("the curl command has a quote that is never closed: check its ' and \" pairs")]
    Unquoted,
    /// A curl command with no URL.
    #[error("the curl command has no URL: add the request's URL (or --url URL)")]
    NoUrl,
    /// A curl option that needs a value came last.
    #[error("the curl option {0} needs a value after it")]
    MissingValue(String),
    /// Not any of the forms read.
    #[error(
        "not a request gc-attrs can read: paste a curl command, an HTTP request \
         (`PATCH /api/v2/… HTTP/1.1`, headers, a blank line, the body) or a JSON body"
    )]
    Unknown,
}

/// Reads `text` as a curl command, a raw HTTP request, a Python or
/// JavaScript SDK call with a body literal, or a bare JSON body.
///
/// # Errors
/// When it is none of them, or is too large, or its curl quoting is broken.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT {
        return Err(ImportError::TooLarge(text.len()));
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    let first_word = trimmed.split_whitespace().next().unwrap_or_default();
    if first_word == "curl" || first_word.ends_with("/curl") || first_word == "curl.exe" {
        return curl(trimmed);
    }
    if let Some(imported) = http(trimmed) {
        return Ok(imported);
    }
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        if let Some(imported) = sdk::call_in(trimmed) {
            return Ok(imported);
        }
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Ok(Imported {
            source: Source::Json,
            verb: "PATCH".into(),
            target: None,
            headers: Vec::new(),
            content_type: Some("application/json".into()),
            body: trimmed.to_owned(),
            notes: Vec::new(),
        });
    }
    Err(ImportError::Unknown)
}

/// The curly quotes forums put in place of straight ones, and what they
/// stand for.
const CURLY: [(char, char); 6] = [
    ('\u{201c}', '"'),
    ('\u{201d}', '"'),
    ('\u{201e}', '"'),
    ('\u{2018}', '\''),
    ('\u{2019}', '\''),
    ('\u{201a}', '\''),
];

/// curl options that take no value, which do not change the request.
const CURL_FLAGS: &[&str] = &[
    "-s",
    "--silent",
    "-S",
    "--show-error",
    "-i",
    "--include",
    "-v",
    "--verbose",
    "-k",
    "--insecure",
    "-L",
    "--location",
    "--compressed",
    "-f",
    "--fail",
    "-sS",
    "-Ss",
    "-si",
    "-is",
    "-sSL",
    "-sL",
    "-g",
    "--globoff",
];

/// curl options that take a value, which do not change the request.
const CURL_VALUED: &[&str] = &[
    "-o",
    "--output",
    "-m",
    "--max-time",
    "--connect-timeout",
    "-w",
    "--write-out",
    "-A",
    "--user-agent",
    "-e",
    "--referer",
    "--retry",
];

fn curl(text: &str) -> Result<Imported, ImportError> {
    let mut notes = Vec::new();
    let words = curl_words(text, &mut notes)?;
    let parts = CurlParts::read(words, &mut notes)?;
    let CurlParts {
        verb,
        url,
        mut headers,
        data,
        json,
    } = parts;
    let url = url.ok_or(ImportError::NoUrl)?;
    let body = data.join("&");
    let mut content_type = take_header(&mut headers, "content-type");
    if json && content_type.is_none() {
        content_type = Some("application/json".into());
    }
    if !body.is_empty() && content_type.is_none() {
        notes.push(
            "-d without a Content-Type header: curl sends application/x-www-form-urlencoded, \
             and so does this request"
                .to_owned(),
        );
        content_type = Some("application/x-www-form-urlencoded".into());
    }
    let verb = verb.unwrap_or_else(|| {
        if body.is_empty() {
            "GET".into()
        } else {
            notes.push(
                "a body without -X: curl sends it as a POST, and so does this request".into(),
            );
            "POST".into()
        }
    });
    redact_credentials(&mut headers, &mut notes);
    Ok(Imported {
        source: Source::Curl,
        verb,
        target: Some(url),
        headers,
        content_type,
        body,
        notes,
    })
}

/// The command's words, after `curl`: curly quotes read as straight ones
/// (with a note), line continuations joined, split as a shell would.
fn curl_words(text: &str, notes: &mut Vec<String>) -> Result<Vec<String>, ImportError> {
    let mut straight = text.to_owned();
    if straight
        .chars()
        .any(|c| CURLY.iter().any(|(curly, _)| *curly == c))
    {
        for (curly, plain) in CURLY {
            straight = straight.replace(curly, &plain.to_string());
        }
        notes.push(
            "curly quotes (“ ” ‘ ’) were read as straight ones, as a forum's formatting \
             turns them; a shell would not"
                .to_owned(),
        );
    }
    // The shell's `\`, Windows' `^` and PowerShell's backtick continuations
    // (shlex would read `\` and a newline as an escaped newline, a word).
    let joined = straight
        .replace("\\\r\n", " ")
        .replace("\\\n", " ")
        .replace("^\r\n", " ")
        .replace("^\n", " ")
        .replace("`\r\n", " ")
        .replace("`\n", " ");
    let words = shlex::split(&joined).ok_or(ImportError::Unquoted)?;
    Ok(words.into_iter().skip(1).collect())
}

/// What a curl command's options say, before defaults.
#[derive(Default)]
struct CurlParts {
    verb: Option<String>,
    url: Option<String>,
    headers: Vec<(String, String)>,
    data: Vec<String>,
    json: bool,
}

impl CurlParts {
    fn read(words: Vec<String>, notes: &mut Vec<String>) -> Result<Self, ImportError> {
        let mut parts = CurlParts::default();
        let mut words = words.into_iter();
        while let Some(word) = words.next() {
            let (option, attached) = split_option(&word);
            let mut value = || -> Result<String, ImportError> {
                match attached.clone() {
                    Some(value) => Ok(value),
                    None => words
                        .next()
                        .ok_or_else(|| ImportError::MissingValue(option.clone())),
                }
            };
            match option.as_str() {
                "-X" | "--request" => parts.verb = Some(value()?),
                "-H" | "--header" => {
                    if let Some((name, content)) = value()?.split_once(':') {
                        parts
                            .headers
                            .push((name.trim().to_owned(), content.trim().to_owned()));
                    }
                }
                "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii" => {
                    let body = value()?;
                    if option != "--data-raw" && body.starts_with('@') {
                        notes.push(format!(
                            "{option} {body} reads a file gc-attrs cannot see: paste the \
                             file's content as the body"
                        ));
                    }
                    parts.data.push(body);
                }
                "--json" => {
                    parts.data.push(value()?);
                    parts.json = true;
                }
                "--url" => parts.url = Some(redact_url(&value()?)),
                "-u" | "--user" | "--oauth2-bearer" | "-b" | "--cookie" | "--proxy-user" | "-U"
                | "-E" | "--cert" | "--key" | "--pass" | "-x" | "--proxy" => {
                    value()?;
                    notes.push(format!(
                        "{option} was dropped: gc-attrs sends with its own credentials"
                    ));
                }
                flag if CURL_FLAGS.contains(&flag) => {}
                valued if CURL_VALUED.contains(&valued) => {
                    value()?;
                }
                // Only the option's name is quoted: its value may be a secret.
                _ if word.starts_with('-') && word.len() > 1 => {
                    notes.push(format!("the curl option {option} was ignored"));
                }
                _ if parts.url.is_none() && looks_like_url(&word) => {
                    parts.url = Some(redact_url(&word));
                }
                // Not quoted: an unknown option's value (a token) lands here.
                _ => notes.push(
                    "a word that is no option and no URL was ignored (the value of an option \
                     gc-attrs does not read?)"
                        .to_owned(),
                ),
            }
        }
        Ok(parts)
    }
}

/// Whether a word is the request's URL: an http(s) URL or an API path.
fn looks_like_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with('/')
        || lower.starts_with("api.")
        || lower.contains("/api/v2/")
}

/// Query fields that carry a credential.
const SECRET_QUERY: [&str; 4] = ["access_token", "token", "client_secret", "password"];

/// A URL without the credentials it may carry: `user:pass@` and secret
/// query fields become `<redacted>`.
fn redact_url(text: &str) -> String {
    let Ok(mut url) = url::Url::parse(text) else {
        return text.to_owned();
    };
    let mut changed = false;
    if !url.username().is_empty() || url.password().is_some() {
        let _ = url.set_username("");
        let _ = url.set_password(None);
        changed = true;
    }
    if url.query().is_some() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                if SECRET_QUERY.iter().any(|s| s.eq_ignore_ascii_case(&k)) {
                    changed = true;
                    (k.into_owned(), "<redacted>".to_owned())
                } else {
                    (k.into_owned(), v.into_owned())
                }
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    if changed {
        url.to_string()
    } else {
        text.to_owned()
    }
}

/// `--name=value` and `-Xvalue` as the option and its attached value;
/// anything else as itself.
fn split_option(word: &str) -> (String, Option<String>) {
    if let Some(rest) = word.strip_prefix("--") {
        if let Some((name, value)) = rest.split_once('=') {
            return (format!("--{name}"), Some(value.to_owned()));
        }
        return (word.to_owned(), None);
    }
    let short_with_value = ["-X", "-H", "-d", "-u", "-o", "-m", "-w", "-A", "-e"];
    for short in short_with_value {
        if let Some(value) = word.strip_prefix(short).filter(|v| !v.is_empty()) {
            return (short.to_owned(), Some(value.to_owned()));
        }
    }
    (word.to_owned(), None)
}

/// The methods an HTTP request line may start with.
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/// A raw HTTP request: the request line, headers up to a blank line, the
/// body. `None` when the first line is no request line.
fn http(text: &str) -> Option<Imported> {
    let normalized = text.replace("\r\n", "\n");
    let (head, body) = normalized
        .split_once("\n\n")
        .unwrap_or((normalized.as_str(), ""));
    let mut lines = head.lines();
    let request_line = lines.next()?.trim();
    let mut parts = request_line.split_whitespace();
    let verb = parts.next()?;
    if !METHODS.iter().any(|m| m.eq_ignore_ascii_case(verb)) {
        return None;
    }
    let target = parts.next()?;
    if !(target.starts_with('/') || target.starts_with("http")) {
        return None;
    }
    if parts
        .next()
        .is_some_and(|version| !version.starts_with("HTTP/"))
    {
        return None;
    }
    let mut headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let host = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.clone());
    let target = redact_url(&match host {
        Some(host) if target.starts_with('/') => format!("https://{host}{target}"),
        _ => target.to_owned(),
    });
    headers.retain(|(name, _)| !name.eq_ignore_ascii_case("host"));
    let content_type = take_header(&mut headers, "content-type");
    let mut notes = Vec::new();
    redact_credentials(&mut headers, &mut notes);
    Some(Imported {
        source: Source::Http,
        verb: verb.to_owned(),
        target: Some(target),
        headers,
        content_type,
        body: body.trim_end_matches('\n').to_owned(),
        notes,
    })
}

/// Removes the header `name` (the last one counts, as for a server) and
/// gives its value.
fn take_header(headers: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let value = headers
        .iter()
        .rev()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone());
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    value
}

/// Pasted credentials are not kept: the scheme stays, the rest is redacted.
fn redact_credentials(headers: &mut [(String, String)], notes: &mut Vec<String>) {
    for (name, value) in headers.iter_mut() {
        let credential = [
            "authorization",
            "proxy-authorization",
            "cookie",
            "x-api-key",
            "api-key",
        ]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n));
        if credential {
            let scheme = value.split_whitespace().next().unwrap_or_default();
            let schemed = name.to_ascii_lowercase().ends_with("authorization");
            let kept = if schemed && !scheme.is_empty() {
                format!("{scheme} <redacted>")
            } else {
                "<redacted>".to_owned()
            };
            if *value != kept {
                notes.push(format!(
                    "the pasted {name} header was dropped: gc-attrs sends with its own credentials"
                ));
                *value = kept;
            }
        }
    }
}

/// A placeholder in a path or body: `{conversationId}`, `{{participantId}}`,
/// `<conversation_id>`, `:participantId`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// As written, e.g. `{{participantId}}`.
    pub written: String,
    /// What it stands for.
    pub kind: PlaceholderKind,
}

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceholderKind {
    /// The conversation id.
    Conversation,
    /// The participant id.
    Participant,
}

/// The most placeholders offered to fill: a request has two ids.
const MAX_PLACEHOLDERS: usize = 8;

/// The placeholders of the request's target and body, each once, in order
/// (at most [`MAX_PLACEHOLDERS`]).
#[must_use]
pub fn placeholders(imported: &Imported) -> Vec<Placeholder> {
    let mut found: Vec<Placeholder> = Vec::new();
    let texts = imported
        .target
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(imported.body.as_str()));
    for text in texts {
        for written in candidates(text) {
            let Some(kind) = kind_of(&written) else {
                continue;
            };
            if !found.iter().any(|p| p.written == written) {
                found.push(Placeholder { written, kind });
                if found.len() == MAX_PLACEHOLDERS {
                    return found;
                }
            }
        }
    }
    found
}

/// The request with each placeholder of a kind replaced by its value.
#[must_use]
pub fn fill(imported: &Imported, conversation: &str, participant: &str) -> Imported {
    let mut filled = imported.clone();
    for placeholder in placeholders(imported) {
        let value = match placeholder.kind {
            PlaceholderKind::Conversation => conversation,
            PlaceholderKind::Participant => participant,
        };
        if let Some(target) = &mut filled.target {
            *target = target.replace(&placeholder.written, value);
        }
        filled.body = filled.body.replace(&placeholder.written, value);
    }
    filled
}

/// The bracketed and `:name` words of a text that may be placeholders, in
/// the order they appear.
fn candidates(text: &str) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (open, close) in [("{{", "}}"), ("{", "}"), ("<", ">")] {
        let mut from = 0;
        while let Some(start) = text[from..].find(open).map(|i| i + from) {
            let after = start + open.len();
            let Some(end) = text[after..].find(close).map(|i| i + after) else {
                break;
            };
            let name = &text[after..end];
            if !name.is_empty() && name.len() <= 40 && name.chars().all(is_name_char) {
                out.push((start, format!("{open}{name}{close}")));
            }
            from = end;
        }
    }
    let mut at = 0;
    for segment in text.split('/') {
        if let Some(name) = segment.strip_prefix(':') {
            if !name.is_empty() && name.chars().all(is_name_char) {
                out.push((at, segment.to_owned()));
            }
        }
        at += segment.len() + 1;
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, written)| written).collect()
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == ' '
}

/// Whether a placeholder names the conversation or the participant id.
fn kind_of(written: &str) -> Option<PlaceholderKind> {
    let name: String = written
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "conversationid" | "cid" | "conversation" | "convid" | "interactionid" => {
            Some(PlaceholderKind::Conversation)
        }
        "participantid" | "pid" | "participant" | "customerparticipantid" => {
            Some(PlaceholderKind::Participant)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;

/// What stands in for a credential dropped from pasted text.
pub const REDACTED: &str = "<redacted>";

/// `text` with the credentials a pasted log line, exception print or forum
/// answer may hold replaced by [`REDACTED`]: the token after `Bearer` or
/// `Basic`, and the value of an `access_token`, `refresh_token`, `id_token`,
/// `client_secret`, `password` or `token` field (JSON, query or `key: value`);
/// how many were replaced. gc-attrs never needs them: it sends with its own.
#[must_use]
pub fn redact_text(text: &str) -> (String, usize) {
    static PATTERNS: std::sync::LazyLock<[regex::Regex; 2]> = std::sync::LazyLock::new(|| {
        [
            // `Bearer eyJ…`, `Basic dXNlcjpwYXNz`
            regex::Regex::new(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=\-]{6,}")
                .unwrap_or_else(|_| unreachable!("a valid pattern")),
            // `"access_token": "…"`, `access_token=…`, `client_secret: …`
            regex::Regex::new(
                r#"(?i)\b(access_token|refresh_token|id_token|client_secret|password|token)(["']?\s*[:=]\s*["']?)([^"'&\s,;}\]]{4,})"#,
            )
            .unwrap_or_else(|_| unreachable!("a valid pattern")),
        ]
    });
    let mut count = 0;
    let mut out = text.to_owned();
    for pattern in PATTERNS.iter() {
        let replaced = pattern.replace_all(&out, |caps: &regex::Captures<'_>| {
            let value = caps
                .get(3)
                .or_else(|| caps.get(0))
                .map_or("", |m| m.as_str());
            if value == REDACTED || value.starts_with('<') || value.starts_with('$') {
                // Already a placeholder (`<redacted>`, `<token>`, `$TOKEN`).
                return caps[0].to_owned();
            }
            count += 1;
            format!("{}{}{REDACTED}", &caps[1], &caps[2])
        });
        out = replaced.into_owned();
    }
    (out, count)
}
