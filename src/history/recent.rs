//! Where an exchange was made ([`Place`]: the simulator, or an org reached
//! with one login) and the recent conversations of one place, read back
//! from the history for the picker.

use serde::{Deserialize, Serialize};

use super::Entry;
use crate::api::Credentials;
use crate::genesys::Conversation;

/// The target an exchange was made on, as the history records it:
/// `{"kind":"simulator"}` or `{"kind":"org","api":"https://api.mypurecloud.ie","login":"3f2a…"}`.
///
/// An org is named by its API base and a fingerprint of the login, not by
/// its org id: that id is only known after one more call (`GET
/// /api/v2/organizations/me`), which the tool does not make just for this.
/// Two OAuth clients of one org are therefore two places, and two orgs of
/// one region reached with the same kind of pasted token are one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Place {
    /// The simulator (embedded or standalone): its fixtures are the same
    /// whatever port it listens on.
    Simulator,
    /// An org.
    Org {
        /// The API base, e.g. `https://api.mypurecloud.ie`.
        api: String,
        /// [`login_fingerprint`] of the credentials used.
        login: String,
    },
}

impl Place {
    /// The place of an org reached at `api_base` with `credentials`.
    #[must_use]
    pub fn org(api_base: &str, credentials: &Credentials) -> Self {
        Self::Org {
            api: api_base.trim_end_matches('/').to_owned(),
            login: login_fingerprint(api_base, credentials),
        }
    }
}

/// A short fingerprint (16 hex digits) that tells logins apart without
/// saying who they are: a 64-bit FNV-1a hash of the API base and the OAuth
/// client id. Neither the client id nor any secret is written in clear; the
/// secret and a token are never even hashed. Every pasted access token of
/// one API base has the same fingerprint: a token expires, and its
/// conversations stay recent.
#[must_use]
pub fn login_fingerprint(api_base: &str, credentials: &Credentials) -> String {
    let who = match credentials {
        Credentials::ClientCredentials { client_id, .. } => format!("client\0{client_id}"),
        Credentials::AccessToken(_) => "token".to_owned(),
    };
    let text = format!("gc-attrs login\0{}\0{who}", api_base.trim_end_matches('/'));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A conversation opened before, with what its newest successful read
/// showed.
#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    /// The conversation id, lowercase.
    pub id: String,
    /// The conversation as last read whole (`GET …/conversations/{id}`
    /// answered 200 with a body that still parses), if the history holds one.
    pub conversation: Option<Conversation>,
}

/// The conversations of `place` in these entries (oldest first, as
/// [`super::History::last`] gives them), newest first, each once, at most
/// `max`. Entries of another place, and entries written before the place
/// was recorded, are left out: a live session lists none of the
/// simulator's, nor the simulator another org's.
#[must_use]
pub fn recent_conversations(entries: &[Entry], place: &Place, max: usize) -> Vec<Recent> {
    let mine: Vec<Entry> = entries
        .iter()
        .filter(|e| e.place.as_ref() == Some(place))
        .cloned()
        .collect();
    recent_conversation_ids(&mine, max)
        .into_iter()
        .map(|id| {
            let conversation = mine.iter().rev().find_map(|e| read_whole(e, &id));
            Recent { id, conversation }
        })
        .collect()
}

/// The conversation an entry read whole, when it is `id`'s.
fn read_whole(entry: &Entry, id: &str) -> Option<Conversation> {
    let exchange = &entry.exchange;
    if exchange.method != "GET" || exchange.status() != Some(200) {
        return None;
    }
    let conversation: Conversation = serde_json::from_str(&exchange.response_body).ok()?;
    conversation
        .id
        .as_deref()
        .is_some_and(|read| read.eq_ignore_ascii_case(id))
        .then_some(conversation)
}

/// The conversation ids of these entries' URLs, newest first (the entries
/// are oldest first, as [`super::History::last`] gives them), each once, at
/// most `max`, lowercase.
///
/// An id is the first path segment after `/conversations/` when it is a UUID,
/// else the second (`/conversations/{media}/{id}`), so a participant id is
/// never taken for one. Exchanges answered 404 are left out: that id (or
/// something under it) was not found.
#[must_use]
pub fn recent_conversation_ids(entries: &[Entry], max: usize) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for entry in entries.iter().rev() {
        if ids.len() >= max {
            break;
        }
        if entry.exchange.status() == Some(404) {
            continue;
        }
        if let Some(id) = conversation_id(&entry.exchange.url) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// The conversation id in a URL's path: `…/conversations/{id}…` or
/// `…/conversations/{media}/{id}…`.
fn conversation_id(url: &str) -> Option<String> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path
        .split('/')
        .skip_while(|s| *s != "conversations")
        .skip(1);
    let first = segments.next()?;
    let id = if crate::lint::is_uuid(first) {
        first
    } else {
        segments.next().filter(|s| crate::lint::is_uuid(s))?
    };
    Some(id.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{Place, Recent, login_fingerprint, recent_conversation_ids, recent_conversations};
    use crate::api::{Credentials, Exchange, Outcome, Secret};
    use crate::history::Entry;

    const A: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
    const B: &str = "4e6a8c0d-2f4b-4d6e-8a0c-3b5d7f9e1a2c";
    const C: &str = "a4c6e8f0-2b4d-4f6a-8c0e-1d3f5b7a9c2e";
    const P: &str = "8b2f4d6a-1c3e-4a5b-9d7f-0e2a4c6b8d10";

    fn entry(url: &str, status: Option<u16>) -> Entry {
        Entry {
            time: "2025-01-31T09:12:03.120Z".into(),
            source: "cli".into(),
            place: None,
            exchange: Exchange::new(
                "GET",
                url,
                status.map_or(Outcome::Cancelled, Outcome::answer),
            ),
        }
    }

    fn at(place: &Place, exchange: Exchange) -> Entry {
        Entry {
            place: Some(place.clone()),
            exchange,
            ..entry("", None)
        }
    }

    fn client(id: &str, secret: &str) -> Credentials {
        Credentials::ClientCredentials {
            client_id: id.into(),
            client_secret: Secret::new(secret.to_owned()),
        }
    }

    #[test]
    fn recent_conversation_ids_are_newest_first_once_each_and_capped() {
        let base = "https://api.mypurecloud.ie";
        let entries = [
            entry(&format!("{base}/api/v2/conversations/{A}"), Some(200)),
            entry(&format!("{base}/oauth/token"), Some(200)),
            entry(
                &format!("{base}/api/v2/conversations/calls/{B}/participants/{P}/attributes"),
                Some(202),
            ),
            // A participant id is not a conversation id.
            entry(
                &format!("{base}/api/v2/conversations/c1/participants/{P}/attributes"),
                Some(400),
            ),
            entry(
                &format!("http://127.0.0.1:4000/api/v2/conversations/{A}?expand=x"),
                None,
            ),
            // Not found: not offered.
            entry(&format!("{base}/api/v2/conversations/{P}"), Some(404)),
            entry(
                &format!(
                    "{base}/api/v2/conversations/{}/secureattributes",
                    C.to_uppercase()
                ),
                Some(200),
            ),
            entry("not a url", None),
        ];
        assert_eq!(recent_conversation_ids(&entries, 20), [C, A, B]);
        assert_eq!(recent_conversation_ids(&entries, 2), [C, A]);
        assert!(recent_conversation_ids(&entries, 0).is_empty());
        assert!(recent_conversation_ids(&[], 20).is_empty());
    }

    #[test]
    fn recent_conversations_list_only_this_place_with_the_newest_read() {
        let sim = Place::Simulator;
        let org = Place::org("https://api.mypurecloud.ie", &client("id-1", "s"));
        let fixture = crate::app::call_fixture();
        let body = serde_json::to_string(&fixture).unwrap();
        let get = |id: &str, status: u16, body: &str| Exchange {
            response_body: body.to_owned(),
            ..Exchange::new(
                "GET",
                format!("http://127.0.0.1:1/api/v2/conversations/{id}"),
                Outcome::answer(status),
            )
        };
        let entries = [
            at(&sim, get(A, 200, &body)),
            // A later read that failed keeps the earlier one's details.
            at(&sim, get(A, 503, "")),
            at(&org, get(B, 200, "{}")),
            // Written before places were recorded: not listed anywhere.
            Entry {
                exchange: get(C, 200, "{}"),
                ..entry("", None)
            },
            at(
                &sim,
                Exchange::new(
                    "PATCH",
                    format!(
                        "http://127.0.0.1:1/api/v2/conversations/{P}/participants/x/attributes"
                    ),
                    Outcome::answer(202),
                ),
            ),
        ];
        assert_eq!(
            recent_conversations(&entries, &sim, 20),
            [
                Recent {
                    id: P.into(),
                    conversation: None
                },
                Recent {
                    id: A.into(),
                    conversation: Some(fixture)
                },
            ]
        );
        let listed: Vec<String> = recent_conversations(&entries, &org, 20)
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(listed, [B]);
        let other = Place::org("https://api.mypurecloud.ie", &client("id-2", "s"));
        assert!(recent_conversations(&entries, &other, 20).is_empty());
    }

    #[test]
    fn a_place_is_written_without_the_client_id_or_secret() {
        let place = Place::org(
            "https://api.mypurecloud.ie/",
            &client("my-client-id", "hunter22"),
        );
        let json = serde_json::to_string(&place).unwrap();
        assert!(
            json.starts_with(r#"{"kind":"org","api":"https://api.mypurecloud.ie","login":""#),
            "{json}"
        );
        assert!(
            !json.contains("my-client-id") && !json.contains("hunter22"),
            "{json}"
        );
        assert_eq!(
            serde_json::to_string(&Place::Simulator).unwrap(),
            r#"{"kind":"simulator"}"#
        );
        // The same login is the same place; another client, base or a token is not.
        let base = "https://api.mypurecloud.ie";
        let one = login_fingerprint(base, &client("my-client-id", "hunter22"));
        assert_eq!(
            one,
            login_fingerprint(base, &client("my-client-id", "changed"))
        );
        assert_ne!(
            one,
            login_fingerprint(base, &client("other-client", "hunter22"))
        );
        assert_ne!(
            one,
            login_fingerprint("https://api.usw2.pure.cloud", &client("my-client-id", "x"))
        );
        let token = Credentials::AccessToken(Secret::new("tok-1".to_owned()));
        assert_ne!(one, login_fingerprint(base, &token));
        assert_eq!(one.len(), 16);
    }
}
