//! The error codes the spec declares for these routes (§2, [SW18]).

/// One declared error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    /// The `code` of the ErrorBody.
    pub code: &'static str,
    /// The HTTP status it comes with.
    pub status: u16,
    /// The message the spec gives, where it gives one (`%s` are parameters).
    pub message: Option<&'static str>,
}

macro_rules! codes {
    ($($code:literal => $status:literal $(, $message:literal)?;)+) => {
        &[$(ErrorCode { code: $code, status: $status, message: codes!(@msg $($message)?) },)+]
    };
    (@msg) => { None };
    (@msg $message:literal) => { Some($message) };
}

/// Every code of §2, in its order.
pub const ERROR_CODES: &[ErrorCode] = codes! {
    "bad.request" => 400;
    "invalid.date" => 400;
    "invalid.value" => 400, "Value [%s] is not valid for field type [%s]. Allowable values are: %s";
    "authentication.required" => 401;
    "bad.credentials" => 401;
    "missing.permissions" => 403;
    "missing.any.permissions" => 403;
    "not.authorized" => 403;
    "not.found" => 404;
    "unsupported.media.type" => 415;
    "too.many.requests" => 429, "Rate limit exceeded the maximum [%s] requests within [%s] seconds";
    "internal.server.error" => 500;
    "service.unavailable" => 503;
    "request.timeout" => 504;
    "authentication.request.timeout" => 504;
    // Declared in 2018 for the participant PATCH (MediaParticipantRequest).
    "conversation.error.participant.attribute.null" => 400, "Cannot update participant attribute map to a null value.";
    "conversation.error.hold.alerting" => 400;
    "conversation.error.wrapup.code.required" => 400;
    "conversation.error.cannot.disconnect.call" => 400;
    "conversation.error.participant.no.active.conversations" => 400;
    "conversation.error.not.conversation.participant" => 404;
};

/// The declared code with this name.
#[must_use]
pub fn lookup(code: &str) -> Option<&'static ErrorCode> {
    ERROR_CODES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_found() {
        for (i, code) in ERROR_CODES.iter().enumerate() {
            assert_eq!(lookup(code.code), Some(code));
            assert!(
                ERROR_CODES[i + 1..].iter().all(|c| c.code != code.code),
                "{}",
                code.code
            );
            assert!((400..600).contains(&code.status));
        }
        assert_eq!(lookup("too.many.requests").map(|c| c.status), Some(429));
        assert!(lookup("conflict").is_none());
    }
}
