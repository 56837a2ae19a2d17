//! Rate limiting (§4): a fixed 60-second window per bucket, opened by the
//! bucket's first request (the window is assumed). The buckets (assumed: §4
//! gives per-client limits only): API calls with a valid bearer count against
//! the client's; token requests with the client's valid credentials against
//! its login bucket; token requests without them against an anonymous login
//! bucket, so that a flood of bad logins locks out neither the client's calls
//! nor its logins; every other request (a missing or bad bearer, a path
//! outside `/api/v2`) against one anonymous bucket. The simulator has one
//! OAuth client, so a bucket is a fixed slot. Every answer carries `inin-ratelimit-count`,
//! `inin-ratelimit-allowed` and `inin-ratelimit-reset` (seconds until the
//! window ends); past the limit the answer is 429 `too.many.requests` with
//! `Retry-After`.

use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue};

use super::seconds_rounded_up;

/// The window length. "Per minute" is the community-cited unit (§4).
pub(crate) const WINDOW: Duration = Duration::from_secs(60);

const COUNT: HeaderName = HeaderName::from_static("inin-ratelimit-count");
const ALLOWED: HeaderName = HeaderName::from_static("inin-ratelimit-allowed");
const RESET: HeaderName = HeaderName::from_static("inin-ratelimit-reset");

/// What a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bucket {
    /// API calls with a valid bearer token of the client.
    Client = 0,
    /// Token requests with the client's valid credentials.
    Login = 1,
    /// Token requests without valid client credentials.
    AnonymousLogin = 2,
    /// Every other request without a valid bearer token.
    Anonymous = 3,
}

/// One bucket's current window.
#[derive(Debug, Clone, Copy)]
struct Window {
    start: Instant,
    count: u32,
}

/// The current window of each bucket.
#[derive(Debug, Default)]
pub(crate) struct Windows([Option<Window>; 4]);

/// The rate-limit state of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateState {
    /// Requests in the window, this one included.
    pub count: u32,
    /// Requests allowed in the window.
    pub allowed: u32,
    /// Whole seconds until the window ends, rounded up (at least 1).
    pub reset_seconds: u64,
}

impl RateState {
    /// Whether this request is past the limit.
    pub fn exceeded(&self) -> bool {
        self.count > self.allowed
    }

    /// Adds the three `inin-ratelimit-*` headers.
    pub fn apply(&self, headers: &mut HeaderMap) {
        headers.insert(COUNT, HeaderValue::from(self.count));
        headers.insert(ALLOWED, HeaderValue::from(self.allowed));
        headers.insert(RESET, HeaderValue::from(self.reset_seconds));
    }
}

/// Counts one request against `bucket` at `now`.
pub(crate) fn hit(windows: &mut Windows, bucket: Bucket, allowed: u32, now: Instant) -> RateState {
    let window = windows.0[bucket as usize].get_or_insert(Window {
        start: now,
        count: 0,
    });
    if now.duration_since(window.start) >= WINDOW {
        *window = Window {
            start: now,
            count: 0,
        };
    }
    window.count = window.count.saturating_add(1);
    let left = WINDOW.saturating_sub(now.duration_since(window.start));
    RateState {
        count: window.count,
        allowed,
        reset_seconds: seconds_rounded_up(left).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_past_the_limit_is_refused_until_the_window_ends() {
        let mut windows = Windows::default();
        let start = Instant::now();
        for n in 1..=3 {
            let state = hit(&mut windows, Bucket::Client, 3, start);
            assert_eq!(state.count, n);
            assert!(!state.exceeded());
            assert_eq!(state.reset_seconds, 60);
        }
        let fourth = hit(
            &mut windows,
            Bucket::Client,
            3,
            start + Duration::from_millis(20_500),
        );
        assert!(fourth.exceeded());
        assert_eq!(fourth.reset_seconds, 40);
        for other in [Bucket::Login, Bucket::AnonymousLogin, Bucket::Anonymous] {
            assert_eq!(hit(&mut windows, other, 3, start).count, 1, "{other:?}");
        }
        let next = hit(&mut windows, Bucket::Client, 3, start + WINDOW);
        assert_eq!(next.count, 1);
    }

    #[test]
    fn headers_are_set() {
        let mut headers = HeaderMap::new();
        RateState {
            count: 2,
            allowed: 300,
            reset_seconds: 7,
        }
        .apply(&mut headers);
        assert_eq!(headers["inin-ratelimit-allowed"], "300");
        assert_eq!(headers["inin-ratelimit-reset"], "7");
    }
}
