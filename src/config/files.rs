//! Reading the two profile files: our own `config.toml` and the Genesys `gc`
//! CLI's `~/.gc/config.toml`. Parsing is pure (text in, profiles out); no
//! message built here ever quotes a value from the file, only key names,
//! profile names, the path and positions.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use super::{FileText, Source};
use crate::api::{Credentials, Secret};

/// Which of the two formats a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    /// Ours: `[profiles.NAME]` with `region`, `client_id`, `client_secret`,
    /// `access_token`.
    Own,
    /// The gc CLI's: one top-level table per profile (see [`parse_gc_cli`]).
    GcCli,
}

/// Keys of our own profile tables.
const OWN_KEYS: &[&str] = &["region", "client_id", "client_secret", "access_token"];

/// A parsed profile file.
#[derive(Debug)]
pub(super) struct ProfileFile {
    pub kind: FileKind,
    pub path: PathBuf,
    pub profiles: Vec<Profile>,
    /// Remarks about the file as a whole (unknown top-level keys).
    pub notes: Vec<String>,
}

impl ProfileFile {
    /// The profile called `name`: exact for our file; case-insensitive for the
    /// gc CLI's, whose library (viper) lowercases keys when it writes and
    /// matches them case-insensitively when it reads.
    pub fn find(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| match self.kind {
            FileKind::Own => p.name == name,
            FileKind::GcCli => p.name.eq_ignore_ascii_case(name),
        })
    }

    /// The profile names, comma-separated, for messages.
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.profiles.iter().map(|p| p.name.as_str()).collect();
        names.join(", ")
    }

    /// Where a profile of this file came from.
    pub fn source(&self) -> Source {
        match self.kind {
            FileKind::Own => Source::ConfigFile(self.path.clone()),
            FileKind::GcCli => Source::GcCliFile(self.path.clone()),
        }
    }

    /// "profile `NAME` in PATH", the way messages name a profile.
    pub fn label(&self, profile: &Profile) -> String {
        let kind = match self.kind {
            FileKind::Own => "profile",
            FileKind::GcCli => "gc CLI profile",
        };
        format!("{kind} `{}` in {}", profile.name, self.path.display())
    }

    /// The key that holds the region in this format.
    pub fn region_key(&self) -> &'static str {
        match self.kind {
            FileKind::Own => "region",
            FileKind::GcCli => "environment",
        }
    }

    fn client_id_key(&self) -> &'static str {
        match self.kind {
            FileKind::Own => "client_id",
            FileKind::GcCli => "client_credentials",
        }
    }

    /// The credentials a profile gives, or why it gives none. The access token
    /// wins over the client-credentials pair, as in the gc CLI ("If you
    /// provide an access token, this will take precedence over any
    /// authorization grant type") and in [`Credentials::from_lookup`].
    pub fn credentials(&self, profile: &Profile) -> Result<Credentials, String> {
        let label = self.label(profile);
        if let Some(token) = &profile.access_token {
            return Ok(Credentials::AccessToken(token.clone()));
        }
        if let Some(grant) = profile.browser_grant {
            return Err(format!(
                "{label} uses the {grant} grant, which needs a browser login; gc-attrs needs \
                 client credentials (grant_type \"1\") or an access_token"
            ));
        }
        let id_key = self.client_id_key();
        match (&profile.client_id, &profile.client_secret) {
            (Some(id), Some(secret)) => Ok(Credentials::ClientCredentials {
                client_id: id.clone(),
                client_secret: secret.clone(),
            }),
            (Some(_), None) => Err(format!(
                "{label} has `{id_key}` but no `client_secret`: set both, or set `access_token`"
            )),
            (None, Some(_)) => Err(format!(
                "{label} has `client_secret` but no `{id_key}`: set both, or set `access_token`"
            )),
            (None, None) => Err(format!(
                "{label} has no credentials: set `{id_key}` and `client_secret`, or `access_token`"
            )),
        }
    }
}

/// One profile as read, before it is checked.
#[derive(Debug, Default)]
pub(super) struct Profile {
    pub name: String,
    pub region: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    pub access_token: Option<Secret>,
    /// The gc CLI's `grant_type` when it names a browser grant (implicit, PKCE).
    pub browser_grant: Option<&'static str>,
    /// What makes the profile unusable (a value of the wrong type).
    pub problems: Vec<String>,
    /// Remarks that do not (unknown keys).
    pub notes: Vec<String>,
}

/// Parses a file of the given kind.
///
/// # Errors
/// A message naming the file, line and column when the TOML syntax is bad.
pub(super) fn parse(kind: FileKind, file: &FileText) -> Result<ProfileFile, String> {
    let table = parse_table(&file.path, &file.text)?;
    Ok(match kind {
        FileKind::Own => parse_own(&file.path, &table),
        FileKind::GcCli => parse_gc_cli(&file.path, &table),
    })
}

/// The text as a TOML table; on a syntax error, `PATH:LINE:COLUMN: …`. The
/// toml crate's own `Display` is not used: it quotes the offending line, which
/// may hold a secret. Its `message()` describes the fault without the text.
pub(super) fn parse_table(path: &Path, text: &str) -> Result<Table, String> {
    toml::from_str::<Table>(text).map_err(|err| {
        let mut at = path.display().to_string();
        if let Some(span) = err.span() {
            let (line, column) = line_column(text, span.start);
            let _ = write!(at, ":{line}:{column}");
        }
        format!(
            "{at}: bad TOML syntax: {}; the file is ignored",
            err.message()
        )
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// `path:line:column` of a byte offset in a file's text, for a message.
pub(super) fn origin(path: &Path, text: &str, offset: usize) -> String {
    let (line, column) = line_column(text, offset);
    format!("{}:{line}:{column}", path.display())
}

/// Our own format: see the module header of [`crate::config`].
fn parse_own(path: &Path, table: &Table) -> ProfileFile {
    let mut file = ProfileFile {
        kind: FileKind::Own,
        path: path.to_owned(),
        profiles: Vec::new(),
        notes: Vec::new(),
    };
    let shown = path.display();
    for (key, value) in table {
        if key == "keys" || key == "display" {
            // Key bindings and display settings: read by `config::keys` and
            // `config::display`.
            continue;
        }
        if key != "profiles" {
            file.notes.push(format!(
                "{shown}: unknown top-level key `{key}`; profiles go in [profiles.NAME] tables, key bindings in [keys], display settings in [display]"
            ));
            continue;
        }
        let Value::Table(profiles) = value else {
            file.notes.push(format!(
                "{shown}: `profiles` must be a table of [profiles.NAME] tables"
            ));
            continue;
        };
        for (name, value) in profiles {
            let mut profile = Profile {
                name: name.clone(),
                ..Profile::default()
            };
            let context = format!("[profiles.{name}] in {shown}");
            if let Value::Table(fields) = value {
                for key in fields.keys().filter(|k| !OWN_KEYS.contains(&k.as_str())) {
                    profile.notes.push(format!(
                        "{context}: unknown key `{key}` (known: {})",
                        OWN_KEYS.join(", ")
                    ));
                }
                let mut get =
                    |key: &str| string_field(fields.get(key), key, &context, &mut profile.problems);
                profile.region = get("region");
                profile.client_id = get("client_id");
                profile.client_secret = get("client_secret").map(Secret::new);
                profile.access_token = get("access_token").map(Secret::new);
            } else {
                profile
                    .problems
                    .push(format!("{context}: `profiles.{name}` must be a table"));
            }
            file.profiles.push(profile);
        }
    }
    file
}

/// The gc CLI's `~/.gc/config.toml`, read-only. Format taken from
/// MyPureCloud/platform-client-sdk-cli: `build/gc/config/config.go` (the viper
/// keys `<profile>.environment`, `.client_credentials` (the client *id*),
/// `.client_secret`, `.access_token`, `.grant_type`, written by `writeConfig`
/// and read by `GetConfig`), `build/gc/cmd/profiles/createprofile.go` (grant
/// types "0" none, "1" client credentials, "2" implicit, "3" PKCE; default
/// profile name `DEFAULT`; `environment` may be a domain or a region such as
/// `us-east-1`) and `build/docs/index.md` (a hand-written sample:
/// `[DEFAULT]`, `environment="mypurecloud.com"`, `client_credentials=…`,
/// `client_secret=…`, and a profile with only `access_token`). Every other key
/// (`oauth_token_data`, `redirect_uri`, `secure_login_enabled`, `logging_*`,
/// `proxy_*`, `gateway_*`, …) is ignored. Keys match case-insensitively, as
/// viper does; that viper writes them lowercased (`[default]`) is known viper
/// behaviour, not shown in that repository.
fn parse_gc_cli(path: &Path, table: &Table) -> ProfileFile {
    let mut file = ProfileFile {
        kind: FileKind::GcCli,
        path: path.to_owned(),
        profiles: Vec::new(),
        notes: Vec::new(),
    };
    for (name, value) in table {
        let Value::Table(fields) = value else {
            continue;
        };
        let context = format!("gc CLI profile `{name}` in {}", path.display());
        let mut profile = Profile {
            name: name.clone(),
            ..Profile::default()
        };
        let lookup = |wanted: &str| {
            fields
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(wanted))
                .map(|(_, v)| v)
        };
        let mut get = |key: &str| string_field(lookup(key), key, &context, &mut profile.problems);
        profile.region = get("environment");
        profile.client_id = get("client_credentials");
        profile.client_secret = get("client_secret").map(Secret::new);
        profile.access_token = get("access_token").map(Secret::new);
        // viper's GetString turns a number into text, so accept grant_type = 2 too.
        let grant = match lookup("grant_type") {
            Some(Value::String(text)) => text.trim().to_owned(),
            Some(Value::Integer(number)) => number.to_string(),
            _ => String::new(),
        };
        profile.browser_grant = match grant.as_str() {
            "2" => Some("implicit"),
            "3" => Some("PKCE"),
            _ => None,
        };
        file.profiles.push(profile);
    }
    file
}

/// A string value, trimmed; `None` when absent or blank. A value of another
/// type is a problem, reported by key name only.
fn string_field(
    value: Option<&Value>,
    key: &str,
    context: &str,
    problems: &mut Vec<String>,
) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        other => {
            problems.push(format!(
                "{context}: `{key}` must be a string in quotes, not {}",
                other.type_str()
            ));
            None
        }
    }
}

/// Values in `text` that may be secrets: whatever follows `=` on a line whose
/// key mentions a secret, token or password, quotes removed. Used to scrub
/// messages even when the file does not parse.
pub(super) fn secret_candidates(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            let key = key.to_ascii_lowercase();
            ["secret", "token", "password"]
                .iter()
                .any(|word| key.contains(word))
                .then(|| {
                    value
                        .trim()
                        .trim_matches(|c| c == '"' || c == '\'')
                        .trim()
                        .to_owned()
                })
        })
        .collect()
}
