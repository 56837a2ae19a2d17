//! `gc-attrs whoami`: who the connection is, read with one
//! `GET /api/v2/tokens/me` (§10, needs no permission): the organization, the
//! OAuth client, the session kind, the token's scopes and its expiry, as the
//! server says (`dateTokenIdles`) and as the client knows it (when it will
//! log in again). Never the token or the secret.
//!
//! `--json` prints:
//!
//! ```json
//! {
//!   "organization": {"id": "…"|null, "name": "…"|null}|null,
//!   "homeOrganization": {"id": "…"|null, "name": "…"|null}|null,
//!   "oauthClient": {"id": "…"|null, "name": "…"|null}|null,
//!   "session": "client-credentials"|"access-token",
//!   "scopes": ["…"]|null,
//!   "dateTokenIdles": "…"|null,
//!   "renewsInSeconds": 86340|null
//! }
//! ```
//!
//! `scopes` is the server's `authorizedScope` (`null` when it sent none);
//! `renewsInSeconds` is when the client logs in again (`null` for a pre-set
//! access token, whose expiry the client cannot know). A 401 or 403 is
//! explained: the route needs no permission, so the token itself was refused.

use serde_json::json;

use super::ConnectArgs;
use super::WhoamiArgs;
use super::common::{self, CliError, Output, Session, table};
use crate::api::{ApiError, TokenState};
use crate::genesys::{NamedEntity, TokenInfo};

fn entity_json(entity: Option<&NamedEntity>) -> serde_json::Value {
    entity.map_or(
        serde_json::Value::Null,
        |e| json!({"id": e.id, "name": e.name}),
    )
}

fn entity_text(entity: Option<&NamedEntity>) -> String {
    match entity {
        Some(NamedEntity {
            id,
            name: Some(name),
            ..
        }) => format!("{name} ({})", id.as_deref().unwrap_or("no id")),
        Some(NamedEntity { id: Some(id), .. }) => id.clone(),
        _ => "—".to_owned(),
    }
}

/// `1h 02m 03s`-style, to the second.
fn span(seconds: u64) -> String {
    humantime::format_duration(std::time::Duration::from_secs(seconds)).to_string()
}

fn text(info: &TokenInfo, state: TokenState, out: Output) -> String {
    let mut rows = vec![vec![
        "organization".to_owned(),
        entity_text(info.organization.as_ref()),
    ]];
    if info.home_organization.is_some() && info.home_organization != info.organization {
        rows.push(vec![
            "home organization".to_owned(),
            entity_text(info.home_organization.as_ref()),
        ]);
    }
    rows.push(vec![
        "OAuth client".to_owned(),
        entity_text(info.oauth_client.as_ref()),
    ]);
    let (session, renews) = match state {
        TokenState::AccessToken => (
            "a pre-set access token",
            "unknown to the client (a pre-set token is never renewed)".to_owned(),
        ),
        TokenState::ClientCredentials { renews_in } => (
            "client credentials",
            format!("the client logs in again in {}", span(renews_in.as_secs())),
        ),
        TokenState::NotYet => ("client credentials", "no token yet".to_owned()),
    };
    rows.push(vec!["session".to_owned(), session.to_owned()]);
    let scopes = match info.authorized_scope.as_deref() {
        None => "none sent".to_owned(),
        Some([]) if state != TokenState::AccessToken => {
            "none (client-credentials tokens carry roles, not scopes)".to_owned()
        }
        Some([]) => "none".to_owned(),
        Some(scopes) => scopes.join(", "),
    };
    rows.push(vec!["scopes".to_owned(), scopes]);
    rows.push(vec![
        "token idles".to_owned(),
        info.date_token_idles
            .clone()
            .unwrap_or_else(|| "not sent".to_owned()),
    ]);
    rows.push(vec!["renewal".to_owned(), renews]);
    // A table without a heading row.
    let table = table(0, &["", ""], &rows, out);
    table
        .split_once('\n')
        .map_or_else(String::new, |(_, rest)| rest.to_owned())
}

fn json(info: &TokenInfo, state: TokenState) -> serde_json::Value {
    let renews = match state {
        TokenState::ClientCredentials { renews_in } => Some(renews_in.as_secs()),
        TokenState::AccessToken | TokenState::NotYet => None,
    };
    json!({
        "organization": entity_json(info.organization.as_ref()),
        "homeOrganization": entity_json(info.home_organization.as_ref()),
        "oauthClient": entity_json(info.oauth_client.as_ref()),
        "session": if state == TokenState::AccessToken { "access-token" } else { "client-credentials" },
        "scopes": info.authorized_scope,
        "dateTokenIdles": info.date_token_idles,
        "renewsInSeconds": renews,
    })
}

/// A refusal of `tokens/me` said for what it is: the route needs no
/// permission (§10), so a 401 or 403 refuses the token itself.
fn refused(error: &ApiError) -> CliError {
    let mut cli = CliError::api(error);
    if let ApiError::Status { exchange } = error {
        match exchange.status() {
            Some(403) => cli.message.push_str(
                ": GET /api/v2/tokens/me needs no permission (§10), so the token itself was \
                 refused, not a missing role",
            ),
            Some(401) => cli
                .message
                .push_str(": the token is unknown or expired; log in again or pass a fresh one"),
            _ => {}
        }
    }
    cli
}

/// Runs `whoami`.
///
/// # Errors
/// Usage (no credentials), the login's failure, or the GET's refusal or failure.
pub async fn run(_args: &WhoamiArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let mut session = Session::connect(connect).await?;
    let result = session.client.get_token_info().await;
    let info = match result {
        Ok((info, exchange)) => {
            session.record(&exchange);
            info
        }
        Err(error) => {
            if let Some(exchange) = error.exchange() {
                session.record(exchange);
            }
            return Err(refused(&error));
        }
    };
    let state = session.client.token_state().await;
    if out.json {
        common::print_json(&json(&info, state));
    } else {
        common::print(&text(&info, state, out));
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::api::{Exchange, Outcome, RateLimit, Timings};

    fn refusal(status: u16) -> ApiError {
        ApiError::Status {
            exchange: Box::new(Exchange {
                method: "GET".into(),
                url: "https://api.mypurecloud.ie/api/v2/tokens/me".into(),
                request_headers: Vec::new(),
                request_body: None,
                outcome: Outcome::Answer {
                    status,
                    reason: String::new(),
                },
                rate_limit: RateLimit::from_headers(&[]),
                response_headers: Vec::new(),
                response_body: String::new(),
                error_body: None,
                correlation_id: None,
                timings: Timings {
                    to_headers: None,
                    total: Duration::ZERO,
                },
                attempts: 1,
                at: None,
            }),
        }
    }

    #[test]
    fn a_403_on_tokens_me_is_the_token_refused_not_a_missing_permission() {
        let error = refused(&refusal(403));
        assert_eq!(error.exit, common::CLIENT_ERROR);
        assert!(error.message.contains("answered 403"), "{}", error.message);
        assert!(
            error.message.contains("needs no permission"),
            "{}",
            error.message
        );
        assert!(
            error.message.contains("token itself was refused"),
            "{}",
            error.message
        );
        let other = refused(&refusal(404));
        assert!(
            !other.message.contains("needs no permission"),
            "{}",
            other.message
        );
    }

    #[test]
    fn json_says_access_token_and_no_renewal_for_a_preset_token() {
        let info = TokenInfo::default();
        let value = json(&info, TokenState::AccessToken);
        assert_eq!(value["session"], "access-token");
        assert!(value["renewsInSeconds"].is_null());
        assert!(value["organization"].is_null());
        let value = json(
            &info,
            TokenState::ClientCredentials {
                renews_in: Duration::from_secs(90),
            },
        );
        assert_eq!(value["session"], "client-credentials");
        assert_eq!(value["renewsInSeconds"], 90);
    }
}
