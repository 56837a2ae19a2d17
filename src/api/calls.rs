//! Typed calls on top of [`Client::send`]: reads that decode, and the
//! attribute and secure-attribute writes.

use serde::de::DeserializeOwned;

use super::client::{ApiError, Client, RawRequest};
use super::exchange::Exchange;
use crate::genesys::{Attributes, Conversation, ConversationSecureAttributes, Route, Verb};

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
        self.get_json(&format!("/api/v2/conversations/{conversation_id}"))
            .await
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
        self.get_json(&format!(
            "/api/v2/conversations/{conversation_id}/secureattributes"
        ))
        .await
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
        let path = format!("/api/v2/conversations/{conversation_id}/secureattributes");
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
