//! The right code for an edit: a complete program (or, for curl and the gc
//! CLI, a shell script) that sends exactly the PATCH gc-attrs previews, with
//! the official tool of each language, in the shapes of fact sheet §11.
//!
//! Every program reads its credentials from `GENESYSCLOUD_OAUTHCLIENT_ID`
//! and `GENESYSCLOUD_OAUTHCLIENT_SECRET` and its target from
//! `GENESYSCLOUD_REGION`: a region (`eu_west_1`, `eu-west-1`), an
//! environment (`mypurecloud.ie`), an API host (`api.mypurecloud.ie`) or a
//! base URL (`https://api.mypurecloud.ie`, `http://127.0.0.1:8787`), as
//! gc-attrs reads `--region`. The curl script uses `GENESYSCLOUD_ACCESS_TOKEN`
//! instead when it is set.
//!
//! The Python, JavaScript and curl programs are run against the simulator by
//! the tests; the Java, C#, Go and gc ones follow the SDK documentation and
//! say in a comment that they were not run here.

use std::fmt::Write as _;

use crate::genesys::REGIONS;
use crate::genesys::{Attributes, Route};

/// A language (or tool) to write the edit in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// A POSIX shell script around curl.
    Curl,
    /// Python 3 with `PureCloudPlatformClientV2`.
    Python,
    /// Node.js with `purecloud-platform-client-v2`.
    Javascript,
    /// Java with `com.mypurecloud:platform-client-v2`.
    Java,
    /// C# with `PureCloudPlatform.Client.V2`.
    Csharp,
    /// Go with `platform-client-sdk-go`.
    Go,
    /// A shell script around the Genesys Cloud CLI, `gc`.
    Gc,
}

impl Lang {
    /// Every language, in the order the picker lists them.
    pub const ALL: [Lang; 7] = [
        Lang::Curl,
        Lang::Python,
        Lang::Javascript,
        Lang::Java,
        Lang::Csharp,
        Lang::Go,
        Lang::Gc,
    ];

    /// The name `--lang` takes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Lang::Curl => "curl",
            Lang::Python => "python",
            Lang::Javascript => "javascript",
            Lang::Java => "java",
            Lang::Csharp => "csharp",
            Lang::Go => "go",
            Lang::Gc => "gc",
        }
    }

    /// Whether this project's tests run the program (against the simulator).
    #[must_use]
    pub fn is_tested_here(self) -> bool {
        matches!(self, Lang::Curl | Lang::Python | Lang::Javascript)
    }
}

/// The edit to write: who, on which route, with which PATCH attributes.
#[derive(Debug, Clone, Copy)]
pub struct CodeRequest<'a> {
    /// The conversation's id.
    pub conversation_id: &'a str,
    /// The participant's id.
    pub participant_id: &'a str,
    /// The attribute PATCH route (generic or a media one).
    pub route: &'static Route,
    /// The attributes the PATCH sends (added and changed keys).
    pub attributes: &'a Attributes,
    /// Keys the edit removed, which a PATCH cannot remove.
    pub unremovable: &'a [String],
}

/// The program for `lang` that sends the PATCH of a preview (its route,
/// its attributes, the keys it cannot remove): what `gc-attrs code` prints
/// and the TUI copies.
///
/// # Errors
/// When the preview's PATCH path matches no PATCH route (a gc-attrs bug).
pub fn for_preview(
    lang: Lang,
    conversation_id: &str,
    participant_id: &str,
    preview: &super::Preview,
) -> Result<String, String> {
    let path = &preview.patch.path;
    let route = Route::find(crate::genesys::Verb::Patch, path)
        .map(|(route, _)| route)
        .ok_or_else(|| {
            format!("no PATCH route matches {path}; this is a gc-attrs bug, please report it")
        })?;
    Ok(program(
        lang,
        &CodeRequest {
            conversation_id,
            participant_id,
            route,
            attributes: &preview.plan.patch,
            unremovable: preview.unremovable(),
        },
    ))
}

/// The program for `lang`.
#[must_use]
pub fn program(lang: Lang, request: &CodeRequest<'_>) -> String {
    let text = match lang {
        Lang::Curl => CURL,
        Lang::Python => PYTHON,
        Lang::Javascript => JAVASCRIPT,
        Lang::Java => JAVA,
        Lang::Csharp => CSHARP,
        Lang::Go => GO,
        Lang::Gc => GC,
    };
    let comment = if matches!(lang, Lang::Curl | Lang::Python | Lang::Gc) {
        "#"
    } else {
        "//"
    };
    let path = request
        .route
        .path(request.conversation_id, request.participant_id);
    let go_result = if request.route.success_body.is_some() {
        // Go's generated methods give the answer's model first when there is one.
        "_, _, err"
    } else {
        "_, err"
    };
    fill(
        text,
        &[
            ("HEADER", header(lang, request, comment, &path)),
            ("REGIONS", regions(lang)),
            ("CID", quote(lang, request.conversation_id)),
            ("PID", quote(lang, request.participant_id)),
            ("PATH", path.clone()),
            ("METHOD", method(lang, request.route)),
            ("ATTRIBUTES", attributes(lang, request.attributes)),
            ("BODY", shell_quote(&body_json(request.attributes))),
            ("GO_RESULT", go_result.to_owned()),
        ],
    )
}

/// The template with each `@NAME@` replaced by its value, in one pass, so
/// that a value (an attribute, an id) is never read as a marker.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('@') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let marker = after.find('@').and_then(|end| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..end])
                .map(|(name, value)| (name.len(), value))
        });
        if let Some((len, value)) = marker {
            out.push_str(value);
            rest = &after[len + 1..];
        } else {
            out.push('@');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The opening comment: what the program does, what it needs, and what a
/// PATCH cannot do.
fn header(lang: Lang, request: &CodeRequest<'_>, comment: &str, path: &str) -> String {
    let mut lines = vec![
        format!(
            "Generated by gc-attrs {}: PATCH {path}",
            env!("CARGO_PKG_VERSION")
        ),
        format!(
            "with {} (fact sheet §11).",
            match lang {
                Lang::Curl => "curl",
                Lang::Python => "the Python SDK, pip install PureCloudPlatformClientV2",
                Lang::Javascript => "the JavaScript SDK, npm install purecloud-platform-client-v2",
                Lang::Java => "the Java SDK, Maven com.mypurecloud:platform-client-v2",
                Lang::Csharp => "the .NET SDK, NuGet PureCloudPlatform.Client.V2",
                Lang::Go => "the Go SDK, github.com/mypurecloud/platform-client-sdk-go",
                Lang::Gc => "the Genesys Cloud CLI, gc",
            }
        ),
    ];
    if lang == Lang::Gc {
        lines.push("gc logs in with its own configuration (its profile): set it up first;".into());
        lines.push("whether gc reads the GENESYSCLOUD_* variables is not confirmed here.".into());
    } else {
        lines.push("Needs GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and".into());
        lines.push("GENESYSCLOUD_REGION (a region such as eu_west_1, or a base URL).".into());
    }
    if lang == Lang::Curl {
        lines.push("GENESYSCLOUD_ACCESS_TOKEN, when set, is used instead of a login.".into());
    }
    if !lang.is_tested_here() {
        lines.push(
            "Written to the SDK documentation's shapes; not executed by gc-attrs' tests.".into(),
        );
        lines.push(format!(
            "The documentation followed: {}.",
            match lang {
                Lang::Java => "MyPureCloud/platform-client-sdk-java, docs/ConversationsApi.md",
                Lang::Csharp => "MyPureCloud/platform-client-sdk-dotnet, docs/ConversationsApi.md",
                Lang::Go => "MyPureCloud/platform-client-sdk-go, README.md and docs/index.md",
                _ => "MyPureCloud/platform-client-sdk-cli, README.md",
            }
        ));
    }
    if lang == Lang::Gc && request.route.media.is_some() {
        lines.push(
            "gc has the generic route only in gc-attrs' fact sheet: this script uses it.".into(),
        );
    }
    if !request.unremovable.is_empty() {
        let (keys, verb) = match request.unremovable {
            [one] => (one.clone(), "keeps its value"),
            many => (many.join(", "), "keep their values"),
        };
        lines.push(format!(
            "A PATCH merges per key and cannot remove one: {keys} {verb}."
        ));
    }
    lines
        .iter()
        .map(|line| format!("{comment} {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The SDK method of the route in this language's spelling.
fn method(lang: Lang, route: &Route) -> String {
    let camel = camel_case(route.python);
    match lang {
        Lang::Python => route.python.to_owned(),
        Lang::Javascript | Lang::Java => camel,
        Lang::Csharp | Lang::Go => {
            let mut chars = camel.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        }
        Lang::Curl | Lang::Gc => String::new(),
    }
}

/// `patch_conversations_call_participant_attributes` →
/// `patchConversationsCallParticipantAttributes`.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A string literal in this language.
fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Curl | Lang::Gc => shell_quote(text),
        Lang::Java => java_quote(text),
        // JSON's escapes are valid in these languages' string literals.
        Lang::Python | Lang::Javascript | Lang::Csharp | Lang::Go => {
            serde_json::Value::String(text.to_owned()).to_string()
        }
    }
}

/// A Java string literal: control characters as octal escapes, since Java
/// reads `\uXXXX` before it reads the literal.
fn java_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\{:03o}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A single-quoted shell word.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// `{"attributes": {...}}` as compact JSON.
fn body_json(attributes: &Attributes) -> String {
    serde_json::json!({ "attributes": attributes }).to_string()
}

/// The attribute map as this language's literal.
fn attributes(lang: Lang, attributes: &Attributes) -> String {
    let pairs = |open: &str, sep: &str, close: &str, indent: &str| {
        if attributes.is_empty() {
            return format!("{open}{close}");
        }
        let lines: Vec<String> = attributes
            .iter()
            .map(|(key, value)| format!("{indent}{}{sep}{},", quote(lang, key), quote(lang, value)))
            .collect();
        format!("{open}\n{}\n{close}", lines.join("\n"))
    };
    match lang {
        Lang::Python => pairs("{", ": ", "    }", "        "),
        Lang::Javascript => pairs("{", ": ", "  }", "    "),
        Lang::Go => pairs("map[string]string{", ": ", "\t}", "\t\t"),
        Lang::Csharp => {
            let lines: Vec<String> = attributes
                .iter()
                .map(|(k, v)| format!("            {{ {}, {} }},", quote(lang, k), quote(lang, v)))
                .collect();
            format!(
                "new Dictionary<string, string>\n        {{\n{}\n        }}",
                lines.join("\n")
            )
        }
        Lang::Java => {
            let lines: Vec<String> = attributes
                .iter()
                .map(|(k, v)| {
                    format!(
                        "        attributes.put({}, {});",
                        quote(lang, k),
                        quote(lang, v)
                    )
                })
                .collect();
            lines.join("\n")
        }
        Lang::Curl | Lang::Gc => body_json(attributes),
    }
}

/// The region table as this language's lookup (key → environment).
fn regions(lang: Lang) -> String {
    match lang {
        Lang::Curl | Lang::Gc => REGIONS
            .iter()
            .map(|r| {
                format!(
                    "    {key}|{dashed}|{env}|api.{env}|https://api.{env}|https://api.{env}/) env={env} ;;",
                    key = r.key,
                    dashed = r.dashed(),
                    env = r.env
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Lang::Python | Lang::Javascript => REGIONS
            .iter()
            .map(|r| format!("    \"{}\": \"{}\",", r.key, r.env))
            .collect::<Vec<_>>()
            .join("\n"),
        Lang::Go => REGIONS
            .iter()
            .map(|r| format!("\t\"{}\": \"{}\",", r.key, r.env))
            .collect::<Vec<_>>()
            .join("\n"),
        Lang::Csharp => REGIONS
            .iter()
            .map(|r| format!("        {{ \"{}\", \"{}\" }},", r.key, r.env))
            .collect::<Vec<_>>()
            .join("\n"),
        Lang::Java => REGIONS
            .iter()
            .map(|r| format!("        REGIONS.put(\"{}\", \"{}\");", r.key, r.env))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

const CURL: &str = r#"#!/bin/sh
@HEADER@
set -eu

# The target, read as gc-attrs reads --region.
target=${GENESYSCLOUD_REGION:?set GENESYSCLOUD_REGION to a region such as eu_west_1, or a base URL}
lower=$(printf '%s' "$target" | tr '[:upper:]' '[:lower:]')
env=
case "$lower" in
@REGIONS@
    http://*|https://*)
        api=$(printf '%s' "$target" | sed -e 's,/*$,,' -e 's,/api/v2$,,')
        login=$(printf '%s' "$api" | sed 's,//api\.,//login.,') ;;
    *) echo "unknown GENESYSCLOUD_REGION '$target': use a region such as eu_west_1, or a base URL" >&2; exit 2 ;;
esac
if [ -n "$env" ]; then api=https://api.$env; login=https://login.$env; fi

# A token: the one given, or one from a client-credentials login. The
# credentials go to curl on its standard input, never on its command line.
if [ -n "${GENESYSCLOUD_ACCESS_TOKEN:-}" ]; then
    token=$GENESYSCLOUD_ACCESS_TOKEN
else
    basic=$(printf '%s:%s' "${GENESYSCLOUD_OAUTHCLIENT_ID:?set GENESYSCLOUD_OAUTHCLIENT_ID}" \
        "${GENESYSCLOUD_OAUTHCLIENT_SECRET:?set GENESYSCLOUD_OAUTHCLIENT_SECRET}" | base64 | tr -d '\n')
    answer=$(printf 'Authorization: Basic %s\n' "$basic" |
        curl -sS --fail-with-body -H @- -d grant_type=client_credentials "$login/oauth/token")
    token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
    [ -n "$token" ] || { echo "the login answered without a token: $answer" >&2; exit 3; }
fi

printf 'Authorization: Bearer %s\n' "$token" |
    curl -sS --fail-with-body -X PATCH "$api@PATH@" \
        -H @- -H 'Content-Type: application/json' \
        --data-binary @BODY@
echo "PATCH @PATH@ accepted"
"#;

const PYTHON: &str = r#"#!/usr/bin/env python3
@HEADER@
import os
import sys

import PureCloudPlatformClientV2 as gc
from PureCloudPlatformClientV2.rest import ApiException

CONVERSATION_ID = @CID@
PARTICIPANT_ID = @PID@

# Region keys and their environments, as gc-attrs knows them.
REGIONS = {
@REGIONS@
}


def api_base(target):
    """The API base URL for GENESYSCLOUD_REGION, read as gc-attrs reads --region."""
    text = target.strip()
    if "://" in text:
        base = text.rstrip("/")
        return base[: -len("/api/v2")] if base.endswith("/api/v2") else base
    key = text.lower().replace("-", "_")
    if key in REGIONS:
        return "https://api." + REGIONS[key]
    env = text.lower().rstrip("/")
    for prefix in ("api.", "login."):
        if env.startswith(prefix):
            env = env[len(prefix):]
    if env in REGIONS.values():
        return "https://api." + env
    sys.exit(f"unknown GENESYSCLOUD_REGION {target!r}: use a region such as eu_west_1, or a base URL")


def main():
    names = ["GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "GENESYSCLOUD_REGION"]
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        sys.exit("set " + ", ".join(missing))
    client = gc.api_client.ApiClient(host=api_base(os.environ["GENESYSCLOUD_REGION"]))
    client = client.get_client_credentials_token(
        os.environ["GENESYSCLOUD_OAUTHCLIENT_ID"], os.environ["GENESYSCLOUD_OAUTHCLIENT_SECRET"]
    )
    body = gc.ParticipantAttributes()
    body.attributes = @ATTRIBUTES@
    try:
        gc.ConversationsApi(client).@METHOD@(CONVERSATION_ID, PARTICIPANT_ID, body)
    except ApiException as error:
        sys.exit(f"the PATCH was refused: {error.status} {error.reason}\n{error.body}")
    print("PATCH @PATH@ accepted")


if __name__ == "__main__":
    main()
"#;

const JAVASCRIPT: &str = r"#!/usr/bin/env node
@HEADER@
'use strict';

const platformClient = require('purecloud-platform-client-v2');

const CONVERSATION_ID = @CID@;
const PARTICIPANT_ID = @PID@;

// Region keys and their environments, as gc-attrs knows them.
const REGIONS = {
@REGIONS@
};

// Points the client at GENESYSCLOUD_REGION, read as gc-attrs reads --region.
function target(client, text) {
  const value = text.trim();
  if (value.includes('://')) {
    const url = new URL(value);
    const env = url.hostname.replace(/^(api|login)\./, '');
    if (url.protocol === 'https:' && !url.port && Object.values(REGIONS).includes(env)) {
      client.setEnvironment(env);
    } else {
      const gateway = { host: url.hostname, protocol: url.protocol.replace(':', '') };
      if (url.port) gateway.port = Number(url.port);
      client.setGateway(gateway);
    }
    return;
  }
  const key = value.toLowerCase().replace(/-/g, '_');
  const env = REGIONS[key] || value.toLowerCase().replace(/\/$/, '').replace(/^(api|login)\./, '');
  if (!Object.values(REGIONS).includes(env)) {
    throw new Error(`unknown GENESYSCLOUD_REGION '${text}': use a region such as eu_west_1, or a base URL`);
  }
  client.setEnvironment(env);
}

async function main() {
  const names = ['GENESYSCLOUD_OAUTHCLIENT_ID', 'GENESYSCLOUD_OAUTHCLIENT_SECRET', 'GENESYSCLOUD_REGION'];
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length) throw new Error(`set ${missing.join(', ')}`);
  const client = platformClient.ApiClient.instance;
  target(client, process.env.GENESYSCLOUD_REGION);
  await client.loginClientCredentialsGrant(
    process.env.GENESYSCLOUD_OAUTHCLIENT_ID,
    process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET,
  );
  const body = {
    attributes: @ATTRIBUTES@,
  };
  await new platformClient.ConversationsApi().@METHOD@(CONVERSATION_ID, PARTICIPANT_ID, body);
  console.log('PATCH @PATH@ accepted');
}

main().catch((error) => {
  const detail = error && error.body ? JSON.stringify(error.body) : String(error && error.message || error);
  console.error(`the PATCH was refused: ${error && error.status ? error.status + ' ' : ''}${detail}`);
  process.exit(1);
});
";

const JAVA: &str = r#"@HEADER@
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.Configuration;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.model.ParticipantAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

public class SetParticipantAttributes {
    static final String CONVERSATION_ID = @CID@;
    static final String PARTICIPANT_ID = @PID@;
    static final Map<String, String> REGIONS = new LinkedHashMap<>();

    static {
@REGIONS@
    }

    // The API base URL for GENESYSCLOUD_REGION, read as gc-attrs reads --region.
    static String apiBase(String target) {
        String text = target.trim();
        if (text.contains("://")) {
            String base = text.replaceAll("/+$", "");
            return base.endsWith("/api/v2") ? base.substring(0, base.length() - 7) : base;
        }
        String key = text.toLowerCase().replace('-', '_');
        if (REGIONS.containsKey(key)) {
            return "https://api." + REGIONS.get(key);
        }
        String env = text.toLowerCase().replaceAll("/+$", "").replaceFirst("^(api|login)\\.", "");
        if (REGIONS.containsValue(env)) {
            return "https://api." + env;
        }
        throw new IllegalArgumentException("unknown GENESYSCLOUD_REGION '" + target + "'");
    }

    public static void main(String[] args) throws Exception {
        ApiClient apiClient = ApiClient.Builder.standard()
                .withBasePath(apiBase(System.getenv("GENESYSCLOUD_REGION")))
                .build();
        apiClient.authorizeClientCredentials(
                System.getenv("GENESYSCLOUD_OAUTHCLIENT_ID"),
                System.getenv("GENESYSCLOUD_OAUTHCLIENT_SECRET"));
        Configuration.setDefaultApiClient(apiClient);

        Map<String, String> attributes = new LinkedHashMap<>();
@ATTRIBUTES@
        try {
            new ConversationsApi().@METHOD@(
                    CONVERSATION_ID, PARTICIPANT_ID, new ParticipantAttributes().attributes(attributes));
        } catch (ApiException error) {
            System.err.println("the PATCH was refused: " + error.getStatusCode() + " " + error.getRawBody());
            System.exit(1);
        }
        System.out.println("PATCH @PATH@ accepted");
    }
}
"#;

const CSHARP: &str = r#"@HEADER@
using System;
using System.Collections.Generic;
using System.Linq;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Client;
using PureCloudPlatform.Client.V2.Model;

class SetParticipantAttributes
{
    const string ConversationId = @CID@;
    const string ParticipantId = @PID@;

    static readonly Dictionary<string, string> Regions = new Dictionary<string, string>
    {
@REGIONS@
    };

    // The API base URL for GENESYSCLOUD_REGION, read as gc-attrs reads --region.
    static string ApiBase(string target)
    {
        var text = target.Trim();
        if (text.Contains("://"))
        {
            var trimmed = text.TrimEnd('/');
            return trimmed.EndsWith("/api/v2") ? trimmed.Substring(0, trimmed.Length - 7) : trimmed;
        }
        var key = text.ToLowerInvariant().Replace('-', '_');
        if (Regions.TryGetValue(key, out var known)) return "https://api." + known;
        var env = text.ToLowerInvariant().TrimEnd('/');
        if (env.StartsWith("api.") || env.StartsWith("login.")) env = env.Substring(env.IndexOf('.') + 1);
        if (Regions.Values.Contains(env)) return "https://api." + env;
        throw new ArgumentException($"unknown GENESYSCLOUD_REGION '{target}'");
    }

    static void Main()
    {
        Configuration.Default.ApiClient.setBasePath(ApiBase(Environment.GetEnvironmentVariable("GENESYSCLOUD_REGION")));
        Configuration.Default.ApiClient.PostToken(
            Environment.GetEnvironmentVariable("GENESYSCLOUD_OAUTHCLIENT_ID"),
            Environment.GetEnvironmentVariable("GENESYSCLOUD_OAUTHCLIENT_SECRET"));
        var attributes = @ATTRIBUTES@;
        try
        {
            new ConversationsApi().@METHOD@(ConversationId, ParticipantId, new ParticipantAttributes(Attributes: attributes));
        }
        catch (ApiException error)
        {
            Console.Error.WriteLine($"the PATCH was refused: {error.ErrorCode} {error.ErrorContent}");
            Environment.Exit(1);
        }
        Console.WriteLine("PATCH @PATH@ accepted");
    }
}
"#;

const GO: &str = r#"@HEADER@
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

const conversationID = @CID@
const participantID = @PID@

// Region keys and their environments, as gc-attrs knows them.
var regions = map[string]string{
@REGIONS@
}

// apiBase is the API base URL for GENESYSCLOUD_REGION, read as gc-attrs reads --region.
func apiBase(target string) (string, error) {
	text := strings.TrimSpace(target)
	if strings.Contains(text, "://") {
		return strings.TrimSuffix(strings.TrimRight(text, "/"), "/api/v2"), nil
	}
	if env, ok := regions[strings.ReplaceAll(strings.ToLower(text), "-", "_")]; ok {
		return "https://api." + env, nil
	}
	env := strings.TrimRight(strings.ToLower(text), "/")
	env = strings.TrimPrefix(strings.TrimPrefix(env, "api."), "login.")
	for _, known := range regions {
		if known == env {
			return "https://api." + env, nil
		}
	}
	return "", fmt.Errorf("unknown GENESYSCLOUD_REGION %q", target)
}

func main() {
	base, err := apiBase(os.Getenv("GENESYSCLOUD_REGION"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	config := platformclientv2.GetDefaultConfiguration()
	config.BasePath = base
	if err := config.AuthorizeClientCredentials(os.Getenv("GENESYSCLOUD_OAUTHCLIENT_ID"), os.Getenv("GENESYSCLOUD_OAUTHCLIENT_SECRET")); err != nil {
		fmt.Fprintln(os.Stderr, "login failed:", err)
		os.Exit(3)
	}
	attrs := @ATTRIBUTES@
	api := platformclientv2.NewConversationsApi()
	if @GO_RESULT@ := api.@METHOD@(conversationID, participantID, platformclientv2.Participantattributes{Attributes: &attrs}); err != nil {
		fmt.Fprintln(os.Stderr, "the PATCH was refused:", err)
		os.Exit(1)
	}
	fmt.Println("PATCH @PATH@ accepted")
}
"#;

const GC: &str = r#"#!/bin/sh
@HEADER@
set -eu
echo @BODY@ | gc conversations participants attributes update @CID@ @PID@
echo "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes sent"
"#;

#[cfg(test)]
mod tests;
