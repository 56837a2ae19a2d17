//! Where the app connects and with what credentials: the embedded simulator,
//! or a live org with a region, credentials and the source they came from.
//!
//! # Order (first match wins)
//!
//! 1. `--sim` forces the simulator. Then the flags: `--client-id` with
//!    `--client-secret`, else `--profile NAME` (looked up in our
//!    `config.toml`, then in the gc CLI's file).
//! 2. The environment: `GENESYSCLOUD_ACCESS_TOKEN`, or
//!    `GENESYSCLOUD_OAUTHCLIENT_ID` with `GENESYSCLOUD_OAUTHCLIENT_SECRET`
//!    (see [`Credentials::from_lookup`]).
//! 3. Profile `default` of our `config.toml`, in the config directory of
//!    `directories` (`~/.config/gc-attrs/` on Linux), or in
//!    `$GC_ATTRS_CONFIG_DIR` when that is set.
//! 4. Profile `DEFAULT` of the gc CLI's `~/.gc/config.toml`, read-only.
//! 5. Nothing found: the simulator.
//!
//! The region is `--region` when given; else the profile's own region; else
//! `GENESYSCLOUD_REGION`; else `us-east-1` (the SDKs' default), with a
//! warning. A region is a name (`eu-west-1`, `eu_west_1`), an environment
//! (`mypurecloud.ie`) or a base URL, as [`Target::parse`] reads it.
//!
//! Nothing here fails. What the user typed on the command line is never
//! silently replaced: a wrong flag or a missing `--profile` opens the
//! simulator. A broken environment or file (bad TOML syntax, unknown region,
//! half a client-credentials pair) is skipped and the next source is tried.
//! Either way the reason is in [`Resolution::warnings`], which never contains
//! a secret.
//!
//! # Our `config.toml`
//!
//! ```toml
//! [profiles.default]
//! region = "eu-west-1"
//! client_id = "0f2c…"
//! client_secret = "…"
//!
//! [profiles.staging]
//! region = "mypurecloud.com"
//! access_token = "…"       # a token obtained elsewhere; wins over the pair
//!
//! [keys]                     # remap the TUI's keys: action = key(s)
//! send = "x"
//! up = ["up", "i"]
//!
//! [display]
//! show_secure = true         # secure-attribute values in clear (default: masked)
//! ```
//!
//! `[keys]` is read by [`keys`] (and [`load_keys`]) whatever the connection,
//! also with `--sim`.
//!
//! [`resolve`] is pure: flags, an environment lookup and the files' text in,
//! a [`Resolution`] out. [`load`] is the thin shell that reads the real
//! environment and files.

pub mod display;
mod files;
pub mod keys;
mod resolve;

pub use resolve::resolve;

use std::fmt;
use std::path::{Path, PathBuf};

use directories::{BaseDirs, ProjectDirs};

use crate::api::{Credentials, Secret};
use crate::genesys::region::Target;

/// The region variable the Genesys CLI and Terraform provider read.
pub const ENV_REGION: &str = "GENESYSCLOUD_REGION";
/// Overrides the config directory (for tests and CI): `config.toml` is read
/// from it and data goes to its `data` folder.
pub const ENV_CONFIG_DIR: &str = "GC_ATTRS_CONFIG_DIR";
/// The profile of our `config.toml` used without `--profile`.
pub const DEFAULT_PROFILE: &str = "default";
/// The profile of the gc CLI's file used without `--profile` (its `-p` default).
pub const GC_CLI_DEFAULT_PROFILE: &str = "DEFAULT";
/// The region used when none is given anywhere.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The command-line flags that choose the connection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--sim`: open on the embedded simulator whatever else is set.
    pub sim: bool,
    /// `--region`: a region name, environment or base URL.
    pub region: Option<String>,
    /// `--client-id`.
    pub client_id: Option<String>,
    /// `--client-secret`.
    pub client_secret: Option<Secret>,
    /// `--profile NAME`.
    pub profile: Option<String>,
}

/// Where live credentials came from, for the badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--client-id` and `--client-secret`.
    Flags,
    /// The `GENESYSCLOUD_*` environment variables.
    Env,
    /// A profile of our `config.toml` at this path.
    ConfigFile(PathBuf),
    /// A profile of the gc CLI's file at this path.
    GcCliFile(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flags => f.write_str("flags"),
            Self::Env => f.write_str("environment"),
            Self::ConfigFile(path) => write!(f, "{}", path.display()),
            Self::GcCliFile(path) => write!(f, "gc CLI {}", path.display()),
        }
    }
}

/// Where the app connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// The embedded simulator.
    Simulator,
    /// A live org.
    Live {
        /// Where requests go.
        target: Target,
        /// How to authenticate.
        credentials: Credentials,
        /// The region for display: `eu-west-1`, or the base URL of a custom target.
        region_label: String,
        /// The profile used, if any.
        profile: Option<String>,
        /// Where the credentials came from.
        source: Source,
    },
}

impl Connection {
    /// A one-line badge: `SIMULATOR`, or `eu-west-1 · profile prod · PATH`.
    #[must_use]
    pub fn badge(&self) -> String {
        match self {
            Self::Simulator => "SIMULATOR".to_owned(),
            Self::Live {
                region_label,
                profile,
                source,
                ..
            } => match profile {
                Some(name) => format!("{region_label} · profile {name} · {source}"),
                None => format!("{region_label} · {source}"),
            },
        }
    }
}

/// The outcome of [`resolve`]: a connection, always, and what was wrong on the
/// way (for the UI to show). Warnings never contain a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// Where to connect.
    pub connection: Connection,
    /// Problems found in flags, environment or files, one sentence each.
    pub warnings: Vec<String>,
}

/// A file already read: its path (for messages and the badge) and text.
#[derive(Clone, PartialEq, Eq)]
pub struct FileText {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its contents.
    pub text: String,
}

impl fmt::Debug for FileText {
    // The text holds secrets: show its size only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileText")
            .field("path", &self.path)
            .field("bytes", &self.text.len())
            .finish()
    }
}

/// Everything [`resolve`] looks at.
pub struct Inputs<'a> {
    /// The command-line flags.
    pub flags: &'a Flags,
    /// Reads an environment variable (`None` when unset).
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Our `config.toml`, if it exists.
    pub config_file: Option<&'a FileText>,
    /// The gc CLI's `~/.gc/config.toml`, if it exists.
    pub gc_cli_file: Option<&'a FileText>,
}

/// Where the files are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paths {
    /// Our `config.toml` (`None` without a home directory).
    pub config_file: Option<PathBuf>,
    /// The gc CLI's `~/.gc/config.toml`.
    pub gc_cli_file: Option<PathBuf>,
    /// Where gc-attrs keeps its data (history).
    pub data_dir: Option<PathBuf>,
}

impl Paths {
    /// The paths of this machine: `directories`' project dirs for "gc-attrs",
    /// the home directory for the gc CLI's file, and [`ENV_CONFIG_DIR`] when set.
    #[must_use]
    pub fn discover() -> Self {
        let config_dir = std::env::var_os(ENV_CONFIG_DIR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let project = ProjectDirs::from("", "", "gc-attrs");
        let home = BaseDirs::new().map(|b| b.home_dir().to_owned());
        Self::build(
            config_dir,
            project.as_ref().map(|p| (p.config_dir(), p.data_dir())),
            home.as_deref(),
        )
    }

    fn build(
        config_dir: Option<PathBuf>,
        project: Option<(&Path, &Path)>,
        home: Option<&Path>,
    ) -> Self {
        let (config_file, data_dir) = match (config_dir, project) {
            (Some(dir), _) => (Some(dir.join("config.toml")), Some(dir.join("data"))),
            (None, Some((config, data))) => {
                (Some(config.join("config.toml")), Some(data.to_owned()))
            }
            (None, None) => (None, None),
        };
        Self {
            config_file,
            gc_cli_file: home.map(|h| h.join(".gc").join("config.toml")),
            data_dir,
        }
    }
}

/// Reads the real environment and files, then [`resolve`]s.
#[must_use]
pub fn load(flags: &Flags) -> Resolution {
    load_with(flags, &Paths::discover(), &|name| std::env::var(name).ok())
}

/// [`load`] with given paths and environment. A missing file is no error; a
/// file that exists but cannot be read is a warning.
#[must_use]
pub fn load_with(flags: &Flags, paths: &Paths, env: &dyn Fn(&str) -> Option<String>) -> Resolution {
    if flags.sim {
        return Resolution {
            connection: Connection::Simulator,
            warnings: Vec::new(),
        };
    }
    let mut warnings = Vec::new();
    let mut read = |path: Option<&PathBuf>| {
        let path = path?;
        match read_file(path) {
            Ok(Some(text)) => Some(FileText {
                path: path.clone(),
                text,
            }),
            Ok(None) => None,
            Err(message) => {
                warnings.push(message);
                None
            }
        }
    };
    let config_file = read(paths.config_file.as_ref());
    let gc_cli_file = read(paths.gc_cli_file.as_ref());
    let mut resolution = resolve(&Inputs {
        flags,
        env,
        config_file: config_file.as_ref(),
        gc_cli_file: gc_cli_file.as_ref(),
    });
    warnings.append(&mut resolution.warnings);
    resolution.warnings = warnings;
    resolution
}

/// The `[keys]` remaps of our `config.toml`, read from `paths`, and the
/// problems met (each `PATH:LINE:COLUMN: …`). A missing file has none.
#[must_use]
pub fn load_keys(paths: &Paths) -> (Vec<crate::app::keymap::Remap>, Vec<String>) {
    let Some(path) = &paths.config_file else {
        return (Vec::new(), Vec::new());
    };
    match read_file(path) {
        Ok(Some(text)) => keys::remaps(&FileText {
            path: path.clone(),
            text,
        }),
        Ok(None) => (Vec::new(), Vec::new()),
        Err(message) => (Vec::new(), vec![message]),
    }
}

/// The `[display]` settings of our `config.toml`, read from `paths`, and
/// the problems met (each `PATH:LINE:COLUMN: …`). A missing file has the
/// defaults (secure values masked).
#[must_use]
pub fn load_display(paths: &Paths) -> (display::Display, Vec<String>) {
    let Some(path) = &paths.config_file else {
        return (display::Display::default(), Vec::new());
    };
    match read_file(path) {
        Ok(Some(text)) => display::settings(&FileText {
            path: path.clone(),
            text,
        }),
        Ok(None) => (display::Display::default(), Vec::new()),
        Err(message) => (display::Display::default(), vec![message]),
    }
}

/// The largest configuration file read (a config.toml is a few KiB).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a configuration file safely: `None` when it does not exist; an
/// error naming the file when it is not a regular file (a FIFO would hang
/// start-up, a device never end), is larger than [`MAX_CONFIG_BYTES`], or
/// cannot be read. Never reads more than the cap, even from a growing file.
///
/// # Errors
/// The message to show, naming the file and what to do.
pub fn read_file(path: &std::path::Path) -> Result<Option<String>, String> {
    use std::io::Read as _;
    let shown = path.display();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(format!("cannot read {shown}: {err}")),
    };
    if !metadata.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a FIFO, device or folder): not read; point to a file"
        ));
    }
    if metadata.len() > MAX_CONFIG_BYTES {
        return Err(format!(
            "{shown} is {} bytes, more than a configuration file's {MAX_CONFIG_BYTES}: not read",
            metadata.len()
        ));
    }
    let file = std::fs::File::open(path).map_err(|err| format!("cannot read {shown}: {err}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot read {shown}: {err}"))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(format!(
            "{shown} grew past {MAX_CONFIG_BYTES} bytes while read: not read"
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{shown} is not UTF-8 text: not read"))
}

#[cfg(test)]
mod tests;
