//! The client-credentials token answer and its error shape (§4).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

/// The success answer of `POST /oauth/token` ([GO] `AuthResponse`).
#[skip_serializing_none]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResponse {
    /// The bearer token. A secret: `Debug` does not print it.
    pub access_token: String,
    /// Token type, `bearer`.
    pub token_type: String,
    /// Lifetime in seconds (per OAuth client, 5 min to 48 h, default 86400).
    pub expires_in: u64,
    /// Only for grants that issue one.
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for AuthResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthResponse")
            .field("access_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// The error answer of `POST /oauth/token` ([GO] `AuthErrorResponse`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthErrorResponse {
    /// Error name.
    pub error: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Description, OAuth spelling.
    pub error_description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_token() {
        let answer: AuthResponse = serde_json::from_str(
            r#"{"access_token":"s3cr3t-token","token_type":"bearer","expires_in":86400}"#,
        )
        .unwrap();
        let printed = format!("{answer:?}");
        assert!(!printed.contains("s3cr3t-token"), "{printed}");
        assert!(printed.contains("86400"));
    }
}
