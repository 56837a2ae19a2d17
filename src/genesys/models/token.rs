//! `TokenInfo`, the answer of `GET /api/v2/tokens/me` (§10), with the JSON
//! names of the Python SDK 269.0.0 (`models/token_info.py`, `named_entity.py`,
//! `org_o_auth_client.py`).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Extra;

/// An `{id, name}` reference ([PY] `NamedEntity`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NamedEntity {
    /// Entity id.
    pub id: Option<String>,
    /// Entity name.
    pub name: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What the API knows of the token a request carries ([PY] `TokenInfo`).
/// Every field is optional: the SDK marks none required.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    /// The organization the token belongs to.
    pub organization: Option<NamedEntity>,
    /// The user's home organization (a cloned user's original one).
    pub home_organization: Option<NamedEntity>,
    /// The scopes the token carries; client-credentials tokens carry roles,
    /// not scopes (§4).
    pub authorized_scope: Option<Vec<String>>,
    /// The original user of a cloned user ([PY] `TokenInfoClonedUser`), kept
    /// as sent: gc-attrs reads none of it.
    pub cloned_user: Option<serde_json::Value>,
    /// "Date/Time when token is due to expire", ISO-8601 ([PY]).
    pub date_token_idles: Option<String>,
    /// The OAuth client that issued the token ([PY] `OrgOAuthClient`, of
    /// which only `id` and `name` are named here).
    #[serde(rename = "OAuthClient")]
    pub oauth_client: Option<NamedEntity>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_info_reads_the_sdk_json_names_and_round_trips() {
        let text = r#"{
          "organization": {"id": "o-1", "name": "Demo"},
          "homeOrganization": {"id": "o-0", "name": "Home"},
          "authorizedScope": ["conversations"],
          "clonedUser": {"id": "u-1"},
          "dateTokenIdles": "2026-12-03T13:00:00.000Z",
          "OAuthClient": {"id": "c-1", "name": "gc-attrs", "authorizedGrantType": "CLIENT-CREDENTIALS"}
        }"#;
        let info: TokenInfo = serde_json::from_str(text).unwrap();
        assert_eq!(
            info.organization.as_ref().unwrap().name.as_deref(),
            Some("Demo")
        );
        assert_eq!(
            info.oauth_client.as_ref().unwrap().id.as_deref(),
            Some("c-1")
        );
        assert_eq!(
            info.authorized_scope.as_deref(),
            Some(&["conversations".to_owned()][..])
        );
        assert_eq!(
            info.date_token_idles.as_deref(),
            Some("2026-12-03T13:00:00.000Z")
        );
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_value(&info).unwrap(), original);
    }

    #[test]
    fn an_empty_token_info_reads_as_all_absent() {
        let info: TokenInfo = serde_json::from_str(r#"{"oauthClient": {"id": "x"}}"#).unwrap();
        assert!(info.oauth_client.is_none(), "the SDK spells it OAuthClient");
        assert!(info.extra.contains_key("oauthClient"));
    }
}
