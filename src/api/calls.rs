//! Typed calls on top of [`Client::send`]: reads that decode, and the
//! attribute and secure-attribute writes.

use serde::de::DeserializeOwned;

use super::client::{ApiError, Client, RawRequest};
use super::exchange::Exchange;
use crate::genesys::{
    Attributes, Conversation, ConversationSecureAttributes, Route, RouteKind, TokenInfo, Verb,
};

/// The route table lacks a route the calls below need: a bug of gc-attrs,
/// said as such rather than a panic.
fn not_in_table() -> ApiError {
    ApiError::Setup("the route table lacks this route: a bug of gc-attrs, please report it".into())
}

impl Client {
    /// GETs a path and decodes a 2xx answer.
    ///
    /// # Errors
    /// [`ApiError::Status`] for a non-2xx or no answer, [`ApiError::Decode`]
    /// for a body that does not decode, [`ApiError::Login`].
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<(T, Exchange), ApiError> {
        let exchange = self.send(&RawRequest::get(path)).await?;
        decode(exchange)
    }

    /// `GET /api/v2/conversations/{conversationId}`.
    ///
    /// # Errors
    /// As [`Client::get_json`].
    pub async fn get_conversation(
        &self,
        conversation_id: &str,
    ) -> Result<(Conversation, Exchange), ApiError> {
        let route =
            Route::lookup(RouteKind::Conversation, Verb::Get, None).ok_or_else(not_in_table)?;
        self.get_json(&route.path(conversation_id, "")).await
    }

    /// `GET /api/v2/tokens/me` (§10): what the API knows of this client's token.
    ///
    /// # Errors
    /// As [`Client::get_json`].
    pub async fn get_token_info(&self) -> Result<(TokenInfo, Exchange), ApiError> {
        let route =
            Route::lookup(RouteKind::TokenInfo, Verb::Get, None).ok_or_else(not_in_table)?;
        self.get_json(&route.path("", "")).await
    }

    /// `PATCH` a participant-attribute route with `{"attributes": …}`; the
    /// exchange comes back whatever the status.
    ///
    /// # Errors
    /// [`ApiError::Login`].
    pub async fn patch_attributes(
        &self,
        route: &Route,
        conversation_id: &str,
        participant_id: &str,
        attributes: &Attributes,
    ) -> Result<Exchange, ApiError> {
        let body = serde_json::json!({ "attributes": attributes });
        let path = route.path(conversation_id, participant_id);
        self.send(&RawRequest::json(route.verb.as_str(), path, &body))
            .await
    }

    /// `GET /api/v2/conversations/{conversationId}/secureattributes`.
    ///
    /// # Errors
    /// As [`Client::get_json`].
    pub async fn get_secure_attributes(
        &self,
        conversation_id: &str,
    ) -> Result<(ConversationSecureAttributes, Exchange), ApiError> {
        let route =
            Route::lookup(RouteKind::SecureAttributes, Verb::Get, None).ok_or_else(not_in_table)?;
        self.get_json(&route.path(conversation_id, ""))
            .await
            .map_err(|error| match error {
                // serde's words quote the value it choked on: a secret here.
                ApiError::Decode { exchange, .. } => ApiError::Decode {
                    message: "not a ConversationSecureAttributes {attributes: map<string,string>, \
                              version: int} (the decoder's details are withheld: they may \
                              quote a secure value)"
                        .into(),
                    exchange,
                },
                other => other,
            })
    }

    /// `PUT` (replace) or `PATCH` (amend) the secure attributes; the exchange
    /// comes back whatever the status.
    ///
    /// # Errors
    /// [`ApiError::Login`].
    pub async fn write_secure_attributes(
        &self,
        method: Verb,
        conversation_id: &str,
        body: &ConversationSecureAttributes,
    ) -> Result<Exchange, ApiError> {
        let body = serde_json::to_value(body).unwrap_or_default();
        // A verb the table lacks (e.g. DELETE) is sent to the same path, to
        // show what the server answers.
        let route = Route::lookup(RouteKind::SecureAttributes, method, None)
            .or_else(|| Route::lookup(RouteKind::SecureAttributes, Verb::Get, None))
            .ok_or_else(not_in_table)?;
        let path = route.path(conversation_id, "");
        self.send(&RawRequest::json(method.as_str(), path, &body))
            .await
    }
}

fn decode<T: DeserializeOwned>(exchange: Exchange) -> Result<(T, Exchange), ApiError> {
    if !exchange.is_success() {
        return Err(ApiError::Status {
            exchange: Box::new(exchange),
        });
    }
    match serde_json::from_str(&exchange.response_body) {
        Ok(value) => Ok((value, exchange)),
        Err(e) => Err(ApiError::Decode {
            message: e.to_string(),
            exchange: Box::new(exchange),
        }),
    }
}
