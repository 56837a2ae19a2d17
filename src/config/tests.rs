//! Tests of [`super::resolve`] (table-driven, no real environment or home
//! directory), the file formats, the paths and [`super::load_with`].

use super::*;
use crate::api::{ENV_ACCESS_TOKEN, ENV_CLIENT_ID, ENV_CLIENT_SECRET};

const OWN: &str = "/cfg/gc-attrs/config.toml";
const GC: &str = "/home/u/.gc/config.toml";

/// A realistic gc CLI file: what `gc profiles new` writes through viper
/// (lowercased keys, grant_type as a string, the cached token data and
/// logging keys beside the credentials), plus the hand-written forms of
/// build/docs/index.md (`[DEFAULT]`, a token-only profile).
const GC_SAMPLE: &str = r#"[default]
access_token = ""
auto_pagination_enabled = false
client_credentials = "gc-default-id"
client_secret = "gc-default-secret"
environment = "mypurecloud.ie"
grant_type = "1"
logging_enabled = false
oauth_token_data = "{\"AccessToken\":\"gc-cached-token\",\"ExpiresIn\":86400}"
redirect_uri = ""
secure_login_enabled = false

[test_pro_1]
environment="ap-southeast-2"
client_credentials="gc-pro1-id"
client_secret="gc-pro1-secret"

[test_pro_2]
environment="mypurecloud.com"
access_token="gc-pro2-token"

[browser]
client_credentials = "gc-browser-id"
environment = "usw2.pure.cloud"
grant_type = "3"
redirect_uri = "http://localhost:8080"
"#;

const OWN_SAMPLE: &str = r#"
[profiles.default]
region = "eu-central-1"
client_id = "own-default-id"
client_secret = "own-default-secret"

[profiles.staging]
region = "https://api.usw2.pure.cloud"
access_token = "own-staging-token"

[profiles.noregion]
client_id = "own-noregion-id"
client_secret = "own-noregion-secret"
"#;

fn file(path: &str, text: &str) -> FileText {
    FileText {
        path: PathBuf::from(path),
        text: text.to_owned(),
    }
}

fn flags(profile: Option<&str>, region: Option<&str>, pair: Option<(&str, &str)>) -> Flags {
    Flags {
        sim: false,
        region: region.map(str::to_owned),
        client_id: pair.map(|(id, _)| id.to_owned()).filter(|s| !s.is_empty()),
        client_secret: pair
            .map(|(_, s)| Secret::new(s))
            .filter(|s| !s.expose().is_empty()),
        profile: profile.map(str::to_owned),
    }
}

fn run(flags: &Flags, env: &[(&str, &str)], own: Option<&str>, gc: Option<&str>) -> Resolution {
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let lookup = move |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let own = own.map(|t| file(OWN, t));
    let gc = gc.map(|t| file(GC, t));
    resolve(&Inputs {
        flags,
        env: &lookup,
        config_file: own.as_ref(),
        gc_cli_file: gc.as_ref(),
    })
}

/// `sim`, or `REGION SOURCE PROFILE CREDENTIAL` with `-` for no profile and
/// the client id or `token` for the credential.
fn summary(connection: &Connection) -> String {
    match connection {
        Connection::Simulator => "sim".to_owned(),
        Connection::Live {
            credentials,
            region_label,
            profile,
            source,
            ..
        } => {
            let source = match source {
                Source::Flags => "flags",
                Source::Env => "env",
                Source::ConfigFile(p) if p == Path::new(OWN) => "own",
                Source::GcCliFile(p) if p == Path::new(GC) => "gc",
                other => panic!("unexpected source {other}"),
            };
            let credential = match credentials {
                Credentials::ClientCredentials { client_id, .. } => client_id.as_str(),
                Credentials::AccessToken(_) => "token",
            };
            let profile = profile.as_deref().unwrap_or("-");
            format!("{region_label} {source} {profile} {credential}")
        }
    }
}

/// Environment variables of a case.
type Env<'a> = &'a [(&'a str, &'a str)];
/// Name, flags, environment, our file, the gc CLI file, expected [`summary`].
type Row<'a> = (
    &'a str,
    Flags,
    Env<'a>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
);
/// A [`Row`] and text each warning must contain.
type WarningRow<'a> = (
    &'a str,
    Flags,
    Env<'a>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    &'a [&'a str],
);

const ENV_PAIR: Env<'static> = &[
    (ENV_CLIENT_ID, "env-id"),
    (ENV_CLIENT_SECRET, "env-secret"),
    (ENV_REGION, "eu-west-2"),
];

#[test]
fn precedence_flags_env_profile_gc_cli_simulator() {
    let pair = Some(("flag-id", "flag-secret"));
    #[rustfmt::skip]
    let cases: &[Row] = &[
        ("nothing anywhere", flags(None, None, None), &[], None, None, "sim"),
        ("flags over env", flags(None, Some("eu-west-1"), pair), ENV_PAIR, Some(OWN_SAMPLE), Some(GC_SAMPLE), "eu-west-1 flags - flag-id"),
        ("flags take the env region", flags(None, None, pair), ENV_PAIR, None, None, "eu-west-2 flags - flag-id"),
        ("env over profile", flags(None, None, None), ENV_PAIR, Some(OWN_SAMPLE), Some(GC_SAMPLE), "eu-west-2 env - env-id"),
        ("env token over env pair", flags(None, None, None), &[(ENV_ACCESS_TOKEN, "env-token"), (ENV_CLIENT_ID, "x"), (ENV_REGION, "mypurecloud.jp")], None, None, "ap-northeast-1 env - token"),
        ("own default over gc CLI", flags(None, None, None), &[], Some(OWN_SAMPLE), Some(GC_SAMPLE), "eu-central-1 own default own-default-id"),
        ("gc CLI default, lowercased by viper", flags(None, None, None), &[], None, Some(GC_SAMPLE), "eu-west-1 gc default gc-default-id"),
        ("gc CLI [DEFAULT] as documented", flags(None, None, None), &[], None, Some("[DEFAULT]\nenvironment=\"mypurecloud.com\"\nclient_credentials=\"a-id\"\nclient_secret=\"a-secret\"\n"), "us-east-1 gc DEFAULT a-id"),
        ("--profile over env", flags(Some("staging"), None, None), ENV_PAIR, Some(OWN_SAMPLE), Some(GC_SAMPLE), "us-west-2 own staging token"),
        ("--profile found in gc CLI file", flags(Some("test_pro_1"), None, None), &[], Some(OWN_SAMPLE), Some(GC_SAMPLE), "ap-southeast-2 gc test_pro_1 gc-pro1-id"),
        ("--profile, gc token-only profile", flags(Some("TEST_PRO_2"), None, None), &[], None, Some(GC_SAMPLE), "us-east-1 gc test_pro_2 token"),
        ("--region overrides the profile's", flags(None, Some("sa-east-1"), None), &[], Some(OWN_SAMPLE), None, "sa-east-1 own default own-default-id"),
        ("env region fills a profile without one", flags(Some("noregion"), None, None), &[(ENV_REGION, "me-central-1")], Some(OWN_SAMPLE), None, "me-central-1 own noregion own-noregion-id"),
        ("--region as a base URL", flags(None, Some("http://127.0.0.1:8787"), Some(("demo-client", "demo-secret"))), &[], None, None, "http://127.0.0.1:8787 flags - demo-client"),
    ];
    for (name, flags, env, own, gc, expected) in cases {
        let resolution = run(flags, env, *own, *gc);
        assert_eq!(
            summary(&resolution.connection),
            *expected,
            "{name}: {resolution:?}"
        );
        assert!(
            resolution.warnings.is_empty(),
            "{name}: {:?}",
            resolution.warnings
        );
    }
}

#[test]
fn sim_flag_forces_the_simulator() {
    let mut forced = flags(Some("staging"), Some("eu-west-1"), Some(("id", "secret")));
    forced.sim = true;
    let resolution = run(&forced, ENV_PAIR, Some(OWN_SAMPLE), Some("not = [toml"));
    assert_eq!(resolution.connection, Connection::Simulator);
    assert!(resolution.warnings.is_empty(), "{:?}", resolution.warnings);
}

#[test]
fn problems_become_warnings_and_resolution_goes_on() {
    let no_flags = flags(None, None, None);
    let bad_syntax =
        "[profiles.default]\nregion = \"eu-west-1\"\nclient_id = \"id\"\nclient_secret = \"abc\n";
    let bad_region = "[profiles.default]\nregion = \"eu-west-9\"\nclient_id = \"id\"\nclient_secret = \"s3cr3t-x\"\n";
    let half = "[profiles.default]\nregion = \"eu-west-1\"\nclient_id = \"id\"\n";
    let typo = "[profiles.default]\nregion = \"eu-west-1\"\nclient_id = \"id\"\nclient_secert = \"xyzw\"\n";
    let wrong_type = "[profiles.default]\nregion = 1\naccess_token = \"tok-tok\"\n";
    let only_other = "[profiles.prod]\nregion = \"eu-west-1\"\naccess_token = \"tok-tok\"\n";
    #[rustfmt::skip]
    let cases: &[WarningRow] = &[
        ("bad syntax -> simulator", no_flags.clone(), &[], Some(bad_syntax), None, "sim",
            &["/cfg/gc-attrs/config.toml:4:21: bad TOML syntax: invalid basic string", "the file is ignored"]),
        ("bad syntax -> gc CLI file", no_flags.clone(), &[], Some(bad_syntax), Some(GC_SAMPLE), "eu-west-1 gc default gc-default-id",
            &["config.toml:4:21"]),
        ("bad syntax in the gc CLI file", no_flags.clone(), &[], None, Some("[default]\nenvironment = mypurecloud.com\n"), "sim",
            &["/home/u/.gc/config.toml:2:15: bad TOML syntax"]),
        ("unknown region in a profile", no_flags.clone(), &[], Some(bad_region), Some(GC_SAMPLE), "eu-west-1 gc default gc-default-id",
            &["profile `default` in /cfg/gc-attrs/config.toml, `region`: unknown region `eu-west-9`", "us-east-1 (mypurecloud.com)", "mx-central-1", "is skipped"]),
        ("unknown region in the environment", no_flags.clone(), &[(ENV_ACCESS_TOKEN, "env-token"), (ENV_REGION, "mars-1")], None, None, "sim",
            &["GENESYSCLOUD_REGION: unknown region `mars-1`", "eu-west-1 (mypurecloud.ie)"]),
        ("unknown --region", flags(None, Some("nowhere"), None), ENV_PAIR, Some(OWN_SAMPLE), None, "sim",
            &["--region: unknown region `nowhere`", "ap-south-1 (aps1.pure.cloud)"]),
        ("missing --profile lists the profiles", flags(Some("prod"), None, None), ENV_PAIR, Some(OWN_SAMPLE), Some(GC_SAMPLE), "sim",
            &["--profile prod: no such profile; profiles found: default, noregion, staging in /cfg/gc-attrs/config.toml; browser, default, test_pro_1, test_pro_2 in /home/u/.gc/config.toml"]),
        ("missing --profile, no files", flags(Some("prod"), None, None), &[], None, None, "sim",
            &["--profile prod: no such profile; no profiles were found"]),
        ("half a pair in flags", flags(None, None, Some(("flag-id", ""))), ENV_PAIR, None, None, "sim",
            &["--client-id is given but --client-secret is not"]),
        ("half a pair in the environment", no_flags.clone(), &[(ENV_CLIENT_SECRET, "env-secret")], Some(OWN_SAMPLE), None, "eu-central-1 own default own-default-id",
            &["environment: GENESYSCLOUD_OAUTHCLIENT_SECRET is set but GENESYSCLOUD_OAUTHCLIENT_ID is not"]),
        ("half a pair in a profile", no_flags.clone(), &[], Some(half), None, "sim",
            &["profile `default` in /cfg/gc-attrs/config.toml has `client_id` but no `client_secret`"]),
        ("a typo names the unknown key", no_flags.clone(), &[], Some(typo), None, "sim",
            &["unknown key `client_secert` (known: region, client_id, client_secret, access_token)", "has `client_id` but no `client_secret`"]),
        ("a value of the wrong type", no_flags.clone(), &[], Some(wrong_type), None, "sim",
            &["`region` must be a string in quotes, not integer"]),
        ("no default profile: a hint", no_flags.clone(), &[], Some(only_other), None, "sim",
            &["has no [profiles.default] (it has prod); choose one with --profile"]),
        ("gc CLI browser grant", flags(Some("browser"), None, None), &[], None, Some(GC_SAMPLE), "sim",
            &["gc CLI profile `browser` in /home/u/.gc/config.toml uses the PKCE grant"]),
        ("no region anywhere", flags(None, None, Some(("flag-id", "flag-secret"))), &[], None, None, "us-east-1 flags - flag-id",
            &["no region is given for --client-id", "using us-east-1"]),
        ("--region without credentials", flags(None, Some("eu-west-1"), None), &[], None, None, "sim",
            &["--region is given but no credentials were found"]),
        ("--profile beside a flag pair", flags(Some("staging"), Some("eu-west-1"), Some(("flag-id", "flag-secret"))), &[], Some(OWN_SAMPLE), None, "eu-west-1 flags - flag-id",
            &["--profile is ignored"]),
    ];
    for (name, flags, env, own, gc, expected, needles) in cases {
        let resolution = run(flags, env, *own, *gc);
        assert_eq!(
            summary(&resolution.connection),
            *expected,
            "{name}: {resolution:?}"
        );
        let all = resolution.warnings.join("\n");
        for needle in *needles {
            assert!(all.contains(needle), "{name}: `{needle}` not in:\n{all}");
        }
    }
}

#[test]
fn secrets_never_appear_in_warnings_or_debug() {
    const SECRET: &str = "Tr0ub4dor-known-secret";
    let unterminated =
        format!("[profiles.default]\nregion = \"eu-west-1\"\nclient_secret = \"{SECRET}\n");
    let bad_key = format!("[profiles.default]\n{SECRET} = 1 2\n");
    let wrong_table = format!("profiles = \"{SECRET}\"\n");
    let gc_half = format!("[default]\nenvironment = \"nowhere\"\nclient_secret = \"{SECRET}\"\n");
    let region_secret =
        format!("[profiles.default]\nregion = \"{SECRET}\"\naccess_token = \"{SECRET}\"\n");
    let cases: &[(Flags, Env, Option<&str>, Option<&str>)] = &[
        (Flags::default(), &[], Some(&unterminated), None),
        (Flags::default(), &[], Some(&bad_key), None),
        (Flags::default(), &[], Some(&wrong_table), None),
        (Flags::default(), &[], None, Some(&gc_half)),
        (Flags::default(), &[], Some(&region_secret), None),
        (flags(None, None, Some(("", SECRET))), &[], None, None),
        (
            flags(None, Some(SECRET), Some(("id", SECRET))),
            &[],
            None,
            None,
        ),
        (Flags::default(), &[(ENV_CLIENT_SECRET, SECRET)], None, None),
        (
            Flags::default(),
            &[(ENV_ACCESS_TOKEN, SECRET), (ENV_REGION, SECRET)],
            None,
            None,
        ),
        (
            flags(None, Some("eu-west-1"), Some(("id", SECRET))),
            &[],
            None,
            None,
        ),
    ];
    for (i, (flags, env, own, gc)) in cases.iter().enumerate() {
        let resolution = run(flags, env, *own, *gc);
        let shown = format!("{resolution:?} {}", resolution.connection.badge());
        assert!(!shown.contains(SECRET), "case {i}: {shown}");
    }
    let text = file(OWN, &unterminated);
    let with_secret = flags(None, None, Some(("id", SECRET)));
    let debug = format!("{text:?} {with_secret:?}");
    assert!(!debug.contains(SECRET), "{debug}");
}

#[test]
fn syntax_errors_point_at_line_and_column() {
    assert_eq!(files::line_column("abc", 0), (1, 1));
    assert_eq!(files::line_column("a\nbc\ndef", 6), (3, 2));
    assert_eq!(files::line_column("é\nxé=", 6), (2, 3), "counts characters");
    assert_eq!(
        files::line_column("é\nxé=", 5),
        (2, 2),
        "inside a character"
    );
    assert_eq!(files::line_column("ab", 99), (1, 3));
    let resolution = run(
        &Flags::default(),
        &[],
        Some("[profiles.default]\nregion = = 1\n"),
        None,
    );
    assert!(
        resolution.warnings[0].starts_with("/cfg/gc-attrs/config.toml:2:10: bad TOML syntax: "),
        "{:?}",
        resolution.warnings
    );
}

#[test]
fn the_badge_names_region_profile_and_source() {
    let live = run(&Flags::default(), &[], Some(OWN_SAMPLE), None).connection;
    assert_eq!(
        live.badge(),
        format!("eu-central-1 · profile default · {OWN}")
    );
    let gc = run(&Flags::default(), &[], None, Some(GC_SAMPLE)).connection;
    assert_eq!(
        gc.badge(),
        format!("eu-west-1 · profile default · gc CLI {GC}")
    );
    let env = run(&Flags::default(), ENV_PAIR, None, None).connection;
    assert_eq!(env.badge(), "eu-west-2 · environment");
    assert_eq!(Connection::Simulator.badge(), "SIMULATOR");
}

#[test]
fn paths_come_from_directories_or_the_override() {
    let project = (
        Path::new("/home/u/.config/gc-attrs"),
        Path::new("/home/u/.local/share/gc-attrs"),
    );
    let home = Some(Path::new("/home/u"));
    let paths = Paths::build(None, Some(project), home);
    assert_eq!(
        paths.config_file.as_deref(),
        Some(Path::new("/home/u/.config/gc-attrs/config.toml"))
    );
    assert_eq!(
        paths.gc_cli_file.as_deref(),
        Some(Path::new("/home/u/.gc/config.toml"))
    );
    assert_eq!(
        paths.data_dir.as_deref(),
        Some(Path::new("/home/u/.local/share/gc-attrs"))
    );
    let paths = Paths::build(Some(PathBuf::from("/tmp/ci")), Some(project), home);
    assert_eq!(
        paths.config_file.as_deref(),
        Some(Path::new("/tmp/ci/config.toml"))
    );
    assert_eq!(paths.data_dir.as_deref(), Some(Path::new("/tmp/ci/data")));
    assert_eq!(Paths::build(None, None, None), Paths::default());
}

#[test]
fn load_with_reads_the_files_and_tolerates_their_absence() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("config.toml");
    std::fs::write(&own, OWN_SAMPLE).unwrap();
    let paths = Paths {
        config_file: Some(own.clone()),
        gc_cli_file: Some(dir.path().join("absent.toml")),
        data_dir: None,
    };
    let resolution = load_with(&Flags::default(), &paths, &|_| None);
    assert!(resolution.warnings.is_empty(), "{:?}", resolution.warnings);
    match resolution.connection {
        Connection::Live { source, .. } => assert_eq!(source, Source::ConfigFile(own)),
        Connection::Simulator => panic!("expected the own profile"),
    }
    // A directory where a file should be: a warning, then the simulator.
    let paths = Paths {
        config_file: Some(dir.path().to_owned()),
        ..Paths::default()
    };
    let resolution = load_with(&Flags::default(), &paths, &|_| None);
    assert_eq!(resolution.connection, Connection::Simulator);
    assert!(
        resolution.warnings[0].contains("is not a regular file"),
        "{:?}",
        resolution.warnings
    );
}

#[test]
fn config_files_are_read_only_when_regular_and_small() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    assert_eq!(read_file(&missing), Ok(None));

    let fine = dir.path().join("config.toml");
    std::fs::write(&fine, "[keys]\nsend = \"x\"\n").unwrap();
    assert_eq!(
        read_file(&fine).unwrap().as_deref(),
        Some("[keys]\nsend = \"x\"\n")
    );

    // A link to an endless device: refused before reading, not 14 GB later.
    let zero = dir.path().join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let err = read_file(&zero).unwrap_err();
    assert!(
        err.contains("not a regular file") && err.contains("zero.toml"),
        "{err}"
    );

    // A FIFO would block start-up on open.
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    assert!(read_file(&fifo).unwrap_err().contains("not a regular file"));

    let big = dir.path().join("big.toml");
    std::fs::write(&big, vec![b'#'; 2 * 1024 * 1024]).unwrap();
    let err = read_file(&big).unwrap_err();
    assert!(err.contains("more than a configuration file's"), "{err}");
}
