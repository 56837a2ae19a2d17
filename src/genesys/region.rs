//! Regions (§4): `api.<env>` for the API, `login.<env>` for auth.

use std::fmt;

use url::Url;

/// One Genesys Cloud region, by its SDK key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// The SDK key, e.g. `us_east_1`.
    pub key: &'static str,
    /// The environment domain, e.g. `mypurecloud.com`.
    pub env: &'static str,
}

impl Region {
    /// `https://api.<env>`.
    #[must_use]
    pub fn api_base(&self) -> String {
        format!("https://api.{}", self.env)
    }

    /// `https://login.<env>`.
    #[must_use]
    pub fn login_base(&self) -> String {
        format!("https://login.{}", self.env)
    }

    /// The key with dashes, e.g. `us-east-1`.
    #[must_use]
    pub fn dashed(&self) -> String {
        self.key.replace('_', "-")
    }
}

/// Every region of the fact sheet (§4), in its order.
pub const REGIONS: &[Region] = &[
    Region {
        key: "us_east_1",
        env: "mypurecloud.com",
    },
    Region {
        key: "us_west_2",
        env: "usw2.pure.cloud",
    },
    Region {
        key: "us_east_2",
        env: "use2.us-gov-pure.cloud",
    },
    Region {
        key: "ca_central_1",
        env: "cac1.pure.cloud",
    },
    Region {
        key: "eu_west_1",
        env: "mypurecloud.ie",
    },
    Region {
        key: "eu_west_2",
        env: "euw2.pure.cloud",
    },
    Region {
        key: "eu_central_1",
        env: "mypurecloud.de",
    },
    Region {
        key: "eu_central_2",
        env: "euc2.pure.cloud",
    },
    Region {
        key: "ap_south_1",
        env: "aps1.pure.cloud",
    },
    Region {
        key: "ap_northeast_1",
        env: "mypurecloud.jp",
    },
    Region {
        key: "ap_northeast_2",
        env: "apne2.pure.cloud",
    },
    Region {
        key: "ap_northeast_3",
        env: "apne3.pure.cloud",
    },
    Region {
        key: "ap_southeast_1",
        env: "apse1.pure.cloud",
    },
    Region {
        key: "ap_southeast_2",
        env: "mypurecloud.com.au",
    },
    Region {
        key: "sa_east_1",
        env: "sae1.pure.cloud",
    },
    Region {
        key: "me_central_1",
        env: "mec1.pure.cloud",
    },
    Region {
        key: "mx_central_1",
        env: "mxc1.pure.cloud",
    },
    // In the JS SDK (259.0.0) and, per the 2026-12 re-check, in the Python SDK
    // 269.0.0 too (§4).
    Region {
        key: "eusc_de_east_1",
        env: "edee1.eusc-pure.cloud",
    },
];

/// Where requests go: a known region, or an explicit base URL (such as the
/// simulator's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A region of [`REGIONS`].
    Region(Region),
    /// An explicit base URL that is not a known region's.
    Custom {
        /// Scheme, host and port of the API, without a trailing slash.
        api_base: String,
        /// Where `POST /oauth/token` goes: the API host with a leading `api.`
        /// replaced by `login.` ([GO], [PY]); the same host when it has no
        /// `api.` prefix (as SDKs do against such a host).
        login_base: String,
    },
}

impl Target {
    /// Base URL of the API, without a trailing slash.
    #[must_use]
    pub fn api_base(&self) -> String {
        match self {
            Self::Region(region) => region.api_base(),
            Self::Custom { api_base, .. } => api_base.clone(),
        }
    }

    /// Base URL of the login service, without a trailing slash.
    #[must_use]
    pub fn login_base(&self) -> String {
        match self {
            Self::Region(region) => region.login_base(),
            Self::Custom { login_base, .. } => login_base.clone(),
        }
    }

    /// Parses a region name (`us-east-1`, `us_east_1`), an environment
    /// (`mypurecloud.com`), a host (`api.mypurecloud.com`) or a base URL
    /// (`https://api.mypurecloud.com`, `http://127.0.0.1:8787`).
    ///
    /// # Errors
    /// [`RegionError`] names the input and lists the valid region names.
    pub fn parse(input: &str) -> Result<Self, RegionError> {
        let text = input.trim().to_ascii_lowercase();
        let unknown = || RegionError::Unknown {
            input: input.trim().to_owned(),
        };
        if text.is_empty() {
            return Err(unknown());
        }
        if text.contains("://") {
            return parse_url(input.trim());
        }
        let key = text.replace('-', "_");
        if let Some(region) = REGIONS.iter().find(|r| r.key == key) {
            return Ok(Self::Region(*region));
        }
        let host = text.trim_end_matches('/');
        let env = host
            .strip_prefix("api.")
            .or_else(|| host.strip_prefix("login."))
            .unwrap_or(host);
        REGIONS
            .iter()
            .find(|r| r.env == env)
            .map(|r| Self::Region(*r))
            .ok_or_else(unknown)
    }
}

fn parse_url(input: &str) -> Result<Target, RegionError> {
    let bad = |why: &str| RegionError::BadUrl {
        input: input.to_owned(),
        why: why.to_owned(),
    };
    let url = Url::parse(input).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("the scheme must be http or https"));
    }
    let Some(host) = url.host_str() else {
        return Err(bad("it has no host"));
    };
    let path = url.path().trim_end_matches('/');
    if !(path.is_empty() || path == "/api/v2") {
        return Err(bad(
            "give the base URL only (scheme, host and port), without a path",
        ));
    }
    if url.scheme() == "https" && url.port().is_none() {
        let env = host
            .strip_prefix("api.")
            .or_else(|| host.strip_prefix("login."))
            .unwrap_or(host);
        if let Some(region) = REGIONS.iter().find(|r| r.env == env) {
            return Ok(Target::Region(*region));
        }
    }
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let scheme = url.scheme();
    let login_host = host
        .strip_prefix("api.")
        .map_or_else(|| host.to_owned(), |rest| format!("login.{rest}"));
    Ok(Target::Custom {
        api_base: format!("{scheme}://{host}{port}"),
        login_base: format!("{scheme}://{login_host}{port}"),
    })
}

/// A region or base URL that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// Not a region name, environment or host of the table.
    #[error(
        "unknown region `{input}`; use one of {names}, an API host such as api.mypurecloud.com, \
         or a base URL such as https://api.mypurecloud.com",
        names = RegionNames
    )]
    Unknown {
        /// What was given.
        input: String,
    },
    /// Looked like a URL but is not a usable base URL.
    #[error("`{input}` is not a usable base URL: {why}")]
    BadUrl {
        /// What was given.
        input: String,
        /// What is wrong with it.
        why: String,
    },
}

struct RegionNames;

impl fmt::Display for RegionNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, region) in REGIONS.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{} ({})", region.dashed(), region.env)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region_key(input: &str) -> &'static str {
        match Target::parse(input).unwrap() {
            Target::Region(r) => r.key,
            Target::Custom { .. } => panic!("{input} parsed as custom"),
        }
    }

    #[test]
    fn every_accepted_spelling_names_the_region() {
        for input in [
            "us-east-1",
            "us_east_1",
            "US-EAST-1",
            "mypurecloud.com",
            "api.mypurecloud.com",
            "login.mypurecloud.com",
            "https://api.mypurecloud.com",
            "https://api.mypurecloud.com/",
            "https://api.mypurecloud.com/api/v2",
            " us-east-1 ",
        ] {
            assert_eq!(region_key(input), "us_east_1", "{input}");
        }
        assert_eq!(region_key("euw2.pure.cloud"), "eu_west_2");
        assert_eq!(
            region_key("https://api.mypurecloud.com.au"),
            "ap_southeast_2"
        );
    }

    #[test]
    fn every_region_parses_by_each_name() {
        for region in REGIONS {
            for input in [
                region.key.to_owned(),
                region.dashed(),
                region.env.to_owned(),
                region.api_base(),
            ] {
                assert_eq!(region_key(&input), region.key, "{input}");
            }
            assert_eq!(region.login_base(), format!("https://login.{}", region.env));
        }
        assert_eq!(REGIONS.len(), 18);
    }

    #[test]
    fn an_explicit_url_is_a_custom_target() {
        let target = Target::parse("http://127.0.0.1:8787").unwrap();
        assert_eq!(target.api_base(), "http://127.0.0.1:8787");
        assert_eq!(target.login_base(), "http://127.0.0.1:8787");
        let target = Target::parse("https://api.example.test:8443/").unwrap();
        assert_eq!(target.api_base(), "https://api.example.test:8443");
        assert_eq!(target.login_base(), "https://login.example.test:8443");
    }

    #[test]
    fn bad_input_lists_the_valid_names() {
        let err = Target::parse("us-east-9").unwrap_err().to_string();
        assert!(err.contains("unknown region `us-east-9`"), "{err}");
        assert!(err.contains("us-east-1 (mypurecloud.com)"), "{err}");
        assert!(err.contains("mx-central-1"), "{err}");
        assert!(Target::parse("").is_err());
        let err = Target::parse("ftp://api.mypurecloud.com")
            .unwrap_err()
            .to_string();
        assert!(err.contains("scheme"), "{err}");
        let err = Target::parse("https://api.mypurecloud.com/api/v2/conversations")
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a path"), "{err}");
    }
}
