//! The error codes the spec declares for these routes (§2, [SW18]).
//!
//! §2 gives most codes with their HTTP status. Five codes declared in 2018
//! for the participant PATCH (`conversation.error.*` other than
//! `not.conversation.participant`) come with no status in the fact sheet:
//! their `status` is `None`, and a simulator that must answer one uses
//! [`ASSUMED_STATUS`] (assumed).

/// One declared error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    /// The `code` of the ErrorBody.
    pub code: &'static str,
    /// The HTTP status the fact sheet gives it with; `None` when the sheet
    /// declares the code without one.
    pub status: Option<u16>,
    /// The message the spec gives, where it gives one (`%s` are parameters).
    pub message: Option<&'static str>,
}

/// The status used for a declared code whose status the fact sheet does not
/// give (assumed: the codes are body-validation errors of a PATCH).
pub const ASSUMED_STATUS: u16 = 400;

impl ErrorCode {
    /// The documented status, or [`ASSUMED_STATUS`] when there is none.
    #[must_use]
    pub const fn status_or_assumed(&self) -> u16 {
        match self.status {
            Some(status) => status,
            None => ASSUMED_STATUS,
        }
    }

    /// Whether [`ErrorCode::status_or_assumed`] is an assumption.
    #[must_use]
    pub const fn status_is_assumed(&self) -> bool {
        self.status.is_none()
    }
}

macro_rules! codes {
    ($($code:literal => $status:tt $(, $message:literal)?;)+) => {
        &[$(ErrorCode {
            code: $code,
            status: codes!(@status $status),
            message: codes!(@msg $($message)?),
        },)+]
    };
    (@status _) => { None };
    (@status $status:literal) => { Some($status) };
    (@msg) => { None };
    (@msg $message:literal) => { Some($message) };
}

/// Every code of §2, in its order. `_` marks a code declared without a status.
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
    // Declared in 2018 for the participant PATCH (MediaParticipantRequest);
    // the fact sheet gives a status for the last one only.
    "conversation.error.participant.attribute.null" => _, "Cannot update participant attribute map to a null value.";
    "conversation.error.hold.alerting" => _;
    "conversation.error.wrapup.code.required" => _;
    "conversation.error.cannot.disconnect.call" => _;
    "conversation.error.participant.no.active.conversations" => _;
    "conversation.error.not.conversation.participant" => 404;
};

/// The declared code with this name.
#[must_use]
pub fn lookup(code: &str) -> Option<&'static ErrorCode> {
    ERROR_CODES.iter().find(|c| c.code == code)
}

/// The declared code with this name, for constants: evaluated in a `const`,
/// an undeclared name fails the build.
///
/// # Panics
///
/// When `code` is not in [`ERROR_CODES`] (at compile time in a `const`).
#[must_use]
pub const fn declared(code: &str) -> &'static ErrorCode {
    let mut i = 0;
    while i < ERROR_CODES.len() {
        if same(ERROR_CODES[i].code.as_bytes(), code.as_bytes()) {
            return &ERROR_CODES[i];
        }
        i += 1;
    }
    panic!("error code not declared in ERROR_CODES");
}

/// Byte equality usable in a `const fn`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_found() {
        for (i, code) in ERROR_CODES.iter().enumerate() {
            assert_eq!(lookup(code.code), Some(code));
            assert_eq!(declared(code.code), code);
            assert!(
                ERROR_CODES[i + 1..].iter().all(|c| c.code != code.code),
                "{}",
                code.code
            );
            assert!((400..600).contains(&code.status_or_assumed()));
        }
        assert_eq!(
            lookup("too.many.requests").and_then(|c| c.status),
            Some(429)
        );
        assert!(lookup("conflict").is_none());
    }

    #[test]
    fn only_the_not_participant_code_of_2018_has_a_documented_status() {
        let undocumented: Vec<&str> = ERROR_CODES
            .iter()
            .filter(|c| c.status_is_assumed())
            .map(|c| c.code)
            .collect();
        assert_eq!(
            undocumented,
            [
                "conversation.error.participant.attribute.null",
                "conversation.error.hold.alerting",
                "conversation.error.wrapup.code.required",
                "conversation.error.cannot.disconnect.call",
                "conversation.error.participant.no.active.conversations",
            ]
        );
        let null_map = declared("conversation.error.participant.attribute.null");
        assert_eq!((null_map.status, null_map.status_or_assumed()), (None, 400));
        assert_eq!(
            declared("conversation.error.not.conversation.participant").status,
            Some(404)
        );
    }

    #[test]
    #[should_panic(expected = "not declared")]
    fn an_undeclared_code_is_refused() {
        let _ = declared("conflict");
    }
}
