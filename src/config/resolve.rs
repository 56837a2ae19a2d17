//! The resolution itself: flags, environment and profile files in the order
//! of the [`crate::config`] header, one [`Connection`] out, with warnings
//! scrubbed of every value that may be a secret.

use super::files::{self, FileKind, ProfileFile};
use super::{
    Connection, DEFAULT_PROFILE, DEFAULT_REGION, ENV_REGION, FileText, GC_CLI_DEFAULT_PROFILE,
    Inputs, Resolution, Source,
};
use crate::api::{Credentials, ENV_ACCESS_TOKEN, ENV_CLIENT_SECRET};
use crate::genesys::region::Target;

/// Decides where to connect, in the order of the [`crate::config`] header.
/// Pure: no environment, file or clock is read but through `inputs`.
#[must_use]
pub fn resolve(inputs: &Inputs<'_>) -> Resolution {
    let mut resolver = Resolver::new(inputs);
    let connection = resolver.connect();
    let secrets = secrets(inputs);
    let mut warnings: Vec<String> = Vec::new();
    for warning in resolver.warnings {
        let clean = scrub(&warning, &secrets);
        if !warnings.contains(&clean) {
            warnings.push(clean);
        }
    }
    Resolution {
        connection,
        warnings,
    }
}

/// A file parsed once, its problems reported the first time it is consulted.
struct Parsed {
    file: Option<Result<ProfileFile, String>>,
    reported: bool,
}

struct Resolver<'a> {
    inputs: &'a Inputs<'a>,
    own: Parsed,
    gc_cli: Parsed,
    warnings: Vec<String>,
}

impl<'a> Resolver<'a> {
    fn new(inputs: &'a Inputs<'a>) -> Self {
        let parse = |kind, file: Option<&FileText>| Parsed {
            file: file.map(|f| files::parse(kind, f)),
            reported: false,
        };
        Self {
            inputs,
            own: parse(FileKind::Own, inputs.config_file),
            gc_cli: parse(FileKind::GcCli, inputs.gc_cli_file),
            warnings: Vec::new(),
        }
    }

    fn env(&self, name: &str) -> Option<String> {
        (self.inputs.env)(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    fn connect(&mut self) -> Connection {
        let flags = self.inputs.flags;
        if flags.sim {
            return Connection::Simulator;
        }
        let region_flag = match flags.region.as_deref().map(Target::parse) {
            None => None,
            Some(Ok(target)) => Some(target),
            Some(Err(err)) => return self.simulator(format!("--region: {err}")),
        };
        let region_flag = region_flag.as_ref();
        // 1. Flags.
        let id = flags
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        let secret = flags
            .client_secret
            .as_ref()
            .filter(|s| !s.expose().trim().is_empty());
        match (id, secret) {
            (Some(id), Some(secret)) => {
                if flags.profile.is_some() {
                    self.warnings.push(
                        "--profile is ignored: --client-id and --client-secret are given".into(),
                    );
                }
                let credentials = Credentials::ClientCredentials {
                    client_id: id.to_owned(),
                    client_secret: secret.clone(),
                };
                return self
                    .live(
                        region_flag,
                        None,
                        "--client-id",
                        credentials,
                        None,
                        Source::Flags,
                    )
                    .unwrap_or(Connection::Simulator);
            }
            (Some(_), None) => {
                return self.simulator(
                    "--client-id is given but --client-secret is not: give both".into(),
                );
            }
            (None, Some(_)) => {
                return self.simulator(
                    "--client-secret is given but --client-id is not: give both".into(),
                );
            }
            (None, None) => {}
        }
        if let Some(name) = &flags.profile {
            return self.named_profile(name, region_flag);
        }
        // 2. Environment.
        match Credentials::from_lookup(|name| self.env(name)) {
            Ok(Some(credentials)) => {
                if let Some(live) = self.live(
                    region_flag,
                    None,
                    "the environment",
                    credentials,
                    None,
                    Source::Env,
                ) {
                    return live;
                }
            }
            Ok(None) => {}
            Err(err) => self.warnings.push(format!("environment: {err}")),
        }
        // 3. and 4. The default profiles.
        if let Some(live) = self.default_profile(FileKind::Own, region_flag) {
            return live;
        }
        if let Some(live) = self.default_profile(FileKind::GcCli, region_flag) {
            return live;
        }
        if flags.region.is_some() {
            self.warnings.push(
                "--region is given but no credentials were found; opening the simulator".into(),
            );
        }
        Connection::Simulator
    }

    fn simulator(&mut self, warning: String) -> Connection {
        self.warnings.push(warning);
        Connection::Simulator
    }

    /// The parsed file of that kind, reporting its problems once.
    fn consult(&mut self, kind: FileKind) -> Option<&ProfileFile> {
        let parsed = match kind {
            FileKind::Own => &mut self.own,
            FileKind::GcCli => &mut self.gc_cli,
        };
        if !parsed.reported {
            parsed.reported = true;
            match &parsed.file {
                Some(Err(message)) => self.warnings.push(message.clone()),
                Some(Ok(file)) => self.warnings.extend(file.notes.iter().cloned()),
                None => {}
            }
        }
        parsed.file.as_ref()?.as_ref().ok()
    }

    fn named_profile(&mut self, name: &str, region_flag: Option<&Target>) -> Connection {
        for kind in [FileKind::Own, FileKind::GcCli] {
            let found = self.consult(kind).is_some_and(|f| f.find(name).is_some());
            if found {
                return self
                    .use_profile(kind, name, region_flag)
                    .unwrap_or(Connection::Simulator);
            }
        }
        let mut found = Vec::new();
        for kind in [FileKind::Own, FileKind::GcCli] {
            if let Some(file) = self.consult(kind).filter(|f| !f.profiles.is_empty()) {
                found.push(format!("{} in {}", file.names(), file.path.display()));
            }
        }
        let listing = if found.is_empty() {
            "no profiles were found".to_owned()
        } else {
            format!("profiles found: {}", found.join("; "))
        };
        self.simulator(format!("--profile {name}: no such profile; {listing}"))
    }

    fn default_profile(
        &mut self,
        kind: FileKind,
        region_flag: Option<&Target>,
    ) -> Option<Connection> {
        let name = match kind {
            FileKind::Own => DEFAULT_PROFILE,
            FileKind::GcCli => GC_CLI_DEFAULT_PROFILE,
        };
        let file = self.consult(kind)?;
        if file.find(name).is_none() {
            if kind == FileKind::Own && !file.profiles.is_empty() {
                let hint = format!(
                    "{} has no [profiles.{name}] (it has {}); choose one with --profile",
                    file.path.display(),
                    file.names()
                );
                self.warnings.push(hint);
            }
            return None;
        }
        self.use_profile(kind, name, region_flag)
    }

    fn use_profile(
        &mut self,
        kind: FileKind,
        name: &str,
        region_flag: Option<&Target>,
    ) -> Option<Connection> {
        let file = match kind {
            FileKind::Own => &self.own,
            FileKind::GcCli => &self.gc_cli,
        };
        let file = file.file.as_ref()?.as_ref().ok()?;
        let profile = file.find(name)?;
        let label = file.label(profile);
        self.warnings.extend(profile.notes.iter().cloned());
        if !profile.problems.is_empty() {
            let problems = profile.problems.join("; ");
            self.warnings
                .push(format!("{problems}; {label} is skipped"));
            return None;
        }
        let credentials = match file.credentials(profile) {
            Ok(credentials) => credentials,
            Err(message) => {
                self.warnings.push(format!("{message}; it is skipped"));
                return None;
            }
        };
        let region = profile.region.clone();
        let own = region
            .as_deref()
            .map(|r| (r, format!("{label}, `{}`", file.region_key())));
        let (profile_name, source) = (profile.name.clone(), file.source());
        self.live(
            region_flag,
            own,
            &label,
            credentials,
            Some(profile_name),
            source,
        )
    }

    /// A live connection, with the region chosen as the module header says;
    /// `None` (and a warning) when that region cannot be read.
    fn live(
        &mut self,
        region_flag: Option<&Target>,
        own_region: Option<(&str, String)>,
        who: &str,
        credentials: Credentials,
        profile: Option<String>,
        source: Source,
    ) -> Option<Connection> {
        let target = if let Some(target) = region_flag {
            target.clone()
        } else {
            let (text, origin) = match (own_region, self.env(ENV_REGION)) {
                (Some((text, origin)), _) => (text.to_owned(), origin),
                (None, Some(text)) => (text, ENV_REGION.to_owned()),
                (None, None) => {
                    self.warnings.push(format!(
                        "no region is given for {who} (no --region, {ENV_REGION} or profile \
                         region); using {DEFAULT_REGION}"
                    ));
                    (DEFAULT_REGION.to_owned(), String::new())
                }
            };
            match Target::parse(&text) {
                Ok(target) => target,
                Err(err) => {
                    self.warnings
                        .push(format!("{origin}: {err}; {who} is skipped"));
                    return None;
                }
            }
        };
        let region_label = match &target {
            Target::Region(region) => region.dashed(),
            Target::Custom { api_base, .. } => api_base.clone(),
        };
        Some(Connection::Live {
            target,
            credentials,
            region_label,
            profile,
            source,
        })
    }
}

/// Every value that may be a secret, longest first, for [`scrub`].
fn secrets(inputs: &Inputs<'_>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    if let Some(secret) = &inputs.flags.client_secret {
        all.push(secret.expose().trim().to_owned());
    }
    for name in [ENV_CLIENT_SECRET, ENV_ACCESS_TOKEN] {
        all.extend((inputs.env)(name).map(|v| v.trim().to_owned()));
    }
    for file in [inputs.config_file, inputs.gc_cli_file]
        .into_iter()
        .flatten()
    {
        all.extend(files::secret_candidates(&file.text));
    }
    // Shorter strings are too likely to be ordinary words of a message.
    all.retain(|s| s.chars().count() >= 4);
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all.dedup();
    all
}

/// `message` with every secret replaced by `<redacted>`.
fn scrub(message: &str, secrets: &[String]) -> String {
    secrets.iter().fold(message.to_owned(), |text, secret| {
        text.replace(secret.as_str(), "<redacted>")
    })
}
