//! The embedded Genesys Cloud simulator (axum): the participant-attribute
//! routes, the conversation reads, the secure-attributes PUT/PATCH pair and
//! the client-credentials token endpoint, with error bodies, rate limits and
//! fault injection, over fixture conversations embedded in the binary.
//!
//! It reproduces the *server* from the schema in [`crate::genesys`]; it never
//! asks `lint` what to reject. Every behaviour is documented (traces to the
//! fact sheet) or assumed (the sheet says unconfirmed); `docs/simulator.md`
//! holds the fidelity table, and the assumed behaviours that matter are
//! switchable in [`SimConfig`]. Five of them ([`SimSettings`]) can also be
//! switched while it runs ([`RunningSim::set_settings`]), and
//! [`RunningSim::reset`] brings back the state at start.
//!
//! With [`SimConfig::flow_writeback`] set, a flow that holds the PATCHed
//! participant writes its own values back after the delay (§12, documented;
//! which participants a flow holds and when are assumed: the customer and
//! the ivr of a conversation with an `ivr` participant, the fixture's values,
//! the keys the PATCH changed that the flow set). Applied write-backs are
//! logged: [`RunningSim::flow_writes`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), gc_attrs::sim::SimError> {
//! let sim = gc_attrs::sim::start(Default::default(), "127.0.0.1:0".parse().unwrap()).await?;
//! println!("{}", sim.base_url());
//! sim.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod attributes;
mod auth;
mod body;
mod config;
mod conversations;
mod errors;
mod fixtures;
mod flow;
mod limits;
mod routing;
mod secure;
mod serve;
mod server;
mod state;
mod stored;
mod tokens;
mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use config::{
    DEFAULT_MAX_REQUEST_BODY, DEFAULT_MAX_STORED_ATTRIBUTES, MAX_SIM_DELAY, MAX_TOKEN_TTL,
    SimConfig, SimSettings,
};
pub use flow::FlowWrite;
pub use server::router;
pub use state::SimState;

/// How long [`RunningSim::shutdown`] waits for open connections to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Why a simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// A configuration value the simulator cannot run with.
    #[error("invalid simulator configuration: {0}")]
    InvalidConfig(String),
    /// The `--fixtures` folder could not be read.
    #[error("cannot read the fixtures folder {}", path.display())]
    FixturesDir {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The address could not be bound.
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Builds the state, binds `addr` (use `127.0.0.1:0` for a free port) and
/// serves in a spawned task; returns as soon as the socket is bound.
///
/// # Errors
///
/// [`SimError`] for a bad configuration, an unreadable fixtures folder or an
/// address that cannot be bound.
pub async fn start(config: SimConfig, addr: SocketAddr) -> Result<RunningSim, SimError> {
    let state = Arc::new(SimState::new(config)?);
    let bind_error = |source| SimError::Bind { addr, source };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(bind_error)?;
    let local = listener.local_addr().map_err(bind_error)?;
    let cancel = CancellationToken::new();
    let app = router(Arc::clone(&state));
    let timeouts = serve::Timeouts {
        header: state.config.header_timeout,
        idle: state.config.idle_timeout,
        grace: SHUTDOWN_GRACE,
    };
    let task = tokio::spawn(serve::serve(listener, app, timeouts, cancel.clone()));
    Ok(RunningSim {
        base_url: format!("http://{local}"),
        addr: local,
        state,
        cancel,
        task: Some(task),
    })
}

/// A simulator serving in the background. Dropping it stops the server too;
/// [`RunningSim::shutdown`] also waits for it to finish.
#[derive(Debug)]
pub struct RunningSim {
    base_url: String,
    addr: SocketAddr,
    state: Arc<SimState>,
    cancel: CancellationToken,
    task: Option<JoinHandle<()>>,
}

impl RunningSim {
    /// The base URL, e.g. `http://127.0.0.1:41234`, without a trailing slash.
    /// The token endpoint is `{base_url}/oauth/token`, the API `{base_url}/api/v2/…`.
    #[must_use]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The bound address.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The OAuth client id the token endpoint accepts.
    #[must_use]
    pub fn client_id(&self) -> &str {
        &self.state.config().client_id
    }

    /// `FILE:LINE:COLUMN: message` for each fixture file that did not load.
    #[must_use]
    pub fn fixture_warnings(&self) -> &[String] {
        self.state.fixture_warnings()
    }

    /// The ids of the loaded conversations, sorted.
    #[must_use]
    pub fn conversation_ids(&self) -> Vec<String> {
        self.state.conversation_ids()
    }

    /// The loaded conversations as a GET shows them now, sorted by id.
    #[must_use]
    pub fn conversations(&self) -> Vec<crate::genesys::Conversation> {
        self.state.conversations()
    }

    /// The switchable behaviours now (they start as the config's).
    #[must_use]
    pub fn settings(&self) -> SimSettings {
        self.state.settings()
    }

    /// Switches the behaviours while the simulator runs; the next request
    /// uses them.
    ///
    /// # Errors
    ///
    /// [`SimError::InvalidConfig`] when `settings` does not validate
    /// ([`SimSettings::validate`]); nothing changes then.
    pub fn set_settings(&self, settings: SimSettings) -> Result<(), SimError> {
        self.state.set_settings(settings)
    }

    /// Back to the state at start: fixtures reloaded (attributes, secure
    /// attributes and versions), pending writes and scheduled write-backs
    /// dropped, the write-back log emptied, settings back to the config's.
    /// Tokens, rate-limit windows and the fault RNG are kept.
    pub fn reset(&self) {
        self.state.reset();
    }

    /// The flow write-backs applied so far (the last 256), oldest first,
    /// after applying every one that is due: writes made by someone other
    /// than the client.
    #[must_use]
    pub fn flow_writes(&self) -> Vec<FlowWrite> {
        self.state.flow_writes()
    }

    /// Stops accepting connections, lets open requests finish (up to a few
    /// seconds), and waits for the server task.
    pub async fn shutdown(mut self) {
        self.cancel.cancel();
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE + Duration::from_secs(1), &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Whole seconds, rounded up, so a part second is not reported as one second
/// less (`expires_in`, `inin-ratelimit-reset`, `Retry-After`).
pub(crate) fn seconds_rounded_up(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis().div_ceil(1000)).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_up() {
        assert_eq!(seconds_rounded_up(Duration::ZERO), 0);
        assert_eq!(seconds_rounded_up(Duration::from_millis(300)), 1);
        assert_eq!(seconds_rounded_up(Duration::from_millis(40_001)), 41);
        assert_eq!(seconds_rounded_up(Duration::from_secs(86_400)), 86_400);
        assert_eq!(seconds_rounded_up(Duration::MAX), u64::MAX);
    }
}
