//! The runner: a scenario's steps against a fresh embedded simulator, each
//! step's settings switched on the running simulator, its request sent by
//! the same client every other command uses, and what a GET shows after.
//! Both `gc-attrs train NAME --check` and the presenter call it.

use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use super::judge::{Actual, Comparison, judge};
use super::predict::{self, Planned, Prediction};
use super::scenario::{EditOn, PatchMode, RouteKind, Scenario, Step, StepRequest, StepSim, Values};
use crate::api::{Client, ClientConfig, Credentials, Exchange, RawRequest, Secret};
use crate::genesys::{Attributes, Conversation, Target};
use crate::sim::{self, RunningSim, SimConfig, SimSettings};
use crate::usecase::RouteChoice;
use crate::usecase::participant::media_route;

/// The settings of one step: the simulator's defaults, overridden by what
/// the step gives. Nothing carries over from the step before.
#[must_use]
pub fn settings_for(defaults: SimSettings, step: &StepSim) -> SimSettings {
    let ms = |ms: Option<u64>, default: Duration| ms.map_or(default, Duration::from_millis);
    SimSettings {
        lenient: step
            .values
            .map_or(defaults.lenient, |v| v == Values::Lenient),
        replace_on_patch: step
            .patch
            .map_or(defaults.replace_on_patch, |p| p == PatchMode::Replace),
        visibility_delay: ms(step.visibility_delay_ms, defaults.visibility_delay),
        throttle_rate: step.throttle_rate.unwrap_or(defaults.throttle_rate),
        flow_writeback: step
            .flow_writeback_ms
            .map(Duration::from_millis)
            .or(defaults.flow_writeback),
    }
}

/// What one step did.
#[derive(Debug, Clone)]
pub struct StepRun {
    /// The step's index (0-based).
    pub index: usize,
    /// What the tool predicted before sending, or why it could not.
    pub prediction: Result<Prediction, String>,
    /// The request and its answer; `None` for a check or a read.
    pub exchange: Option<Exchange>,
    /// The attributes before the step, as a GET showed them.
    pub before: Option<Attributes>,
    /// The attributes after it, as a GET showed them.
    pub after: Option<Attributes>,
    /// Whether the attributes are the conversation's secure ones (masked
    /// wherever they are shown).
    pub secure: bool,
    /// Each expectation against what came out.
    pub comparisons: Vec<Comparison>,
    /// Why the step could not run, if it could not (a read that failed).
    pub error: Option<String>,
}

impl StepRun {
    /// Whether the step ran and every expectation matched.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.prediction.is_ok() && self.comparisons.iter().all(|c| c.ok)
    }
}

/// A scenario on its own embedded simulator.
pub struct Runner {
    scenario: Scenario,
    sim: RunningSim,
    client: Client,
    defaults: SimSettings,
    /// The attributes last observed after a step: whose (secure, or the
    /// participant's id) and what they were.
    last: Mutex<Option<(bool, String, Attributes)>>,
}

impl std::fmt::Debug for Runner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field("scenario", &self.scenario.name)
            .field("sim", &self.sim.base_url())
            .finish_non_exhaustive()
    }
}

impl Runner {
    /// Starts a fresh embedded simulator on a free loopback port and logs
    /// in to it.
    ///
    /// # Errors
    /// The simulator did not start or the login failed (a bug: said so).
    pub async fn start(scenario: Scenario) -> Result<Self, String> {
        let config = SimConfig {
            // Fault injection repeats exactly from one run to the next.
            seed: Some(1),
            ..SimConfig::default()
        };
        let defaults = config.settings();
        let credentials = Credentials::ClientCredentials {
            client_id: config.client_id.clone(),
            client_secret: Secret::new(config.client_secret.clone()),
        };
        let sim = sim::start(config, SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .map_err(|e| format!("cannot start the embedded simulator: {e}"))?;
        let target = Target::parse(&sim.base_url())
            .map_err(|e| format!("the embedded simulator's address: {e}"))?;
        let client = Client::new(ClientConfig::new(target, credentials))
            .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
        client
            .login()
            .await
            .map_err(|e| format!("cannot log in to the embedded simulator: {e}"))?;
        Ok(Self {
            scenario,
            sim,
            client,
            defaults,
            last: Mutex::new(None),
        })
    }

    /// The scenario.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The simulator's state back to its start: the scenario begins again.
    pub fn reset(&self) {
        self.sim.reset();
        *lock(&self.last) = None;
    }

    fn last_seen(&self, secure: bool, participant_id: &str) -> Option<Attributes> {
        lock(&self.last)
            .as_ref()
            .filter(|(kind, whose, _)| *kind == secure && whose == participant_id)
            .map(|(_, _, attributes)| attributes.clone())
    }

    fn remember(&self, secure: bool, participant_id: &str, attributes: &Attributes) {
        *lock(&self.last) = Some((secure, participant_id.to_owned(), attributes.clone()));
    }

    /// Stops the simulator.
    pub async fn shutdown(self) {
        self.sim.shutdown().await;
    }

    fn participant_of<'a>(&'a self, step: &'a Step) -> &'a str {
        match &step.request {
            StepRequest::Edit(edit) => edit
                .participant
                .as_deref()
                .unwrap_or(&self.scenario.participant),
            _ => &self.scenario.participant,
        }
    }

    /// Reads the attributes a step is about: the participant's, or the
    /// conversation's secure ones (with their version).
    async fn read(
        &self,
        participant_id: &str,
        secure: bool,
    ) -> Result<(Attributes, Option<i64>, Option<Conversation>), String> {
        let conversation_id = &self.scenario.conversation;
        if secure {
            let (body, _) = self
                .client
                .get_secure_attributes(conversation_id)
                .await
                .map_err(|e| format!("reading the secure attributes failed: {e}"))?;
            return Ok((body.attributes.unwrap_or_default(), body.version, None));
        }
        let (conversation, _) = self
            .client
            .get_conversation(conversation_id)
            .await
            .map_err(|e| format!("reading the conversation failed: {e}"))?;
        let participant = conversation.participant(participant_id).ok_or_else(|| {
            format!("the conversation {conversation_id} has no participant {participant_id}")
        })?;
        let attributes = participant.attributes.clone().unwrap_or_default();
        Ok((attributes, None, Some(conversation)))
    }

    /// What step `index` would send and what the tool predicts, as the
    /// class sees it before the reveal: a read (with the defaults) and the
    /// prediction; nothing is sent and the step does not wait.
    ///
    /// # Errors
    /// The read failed, or the step's request cannot be predicted.
    pub async fn preview(&self, index: usize) -> Result<Prediction, String> {
        let step = self
            .scenario
            .steps
            .get(index)
            .ok_or_else(|| format!("there is no step {}", index + 1))?;
        self.sim
            .set_settings(self.defaults)
            .map_err(|e| e.to_string())?;
        match self.prepare(step).await {
            Ok((prediction, _)) => Ok(prediction),
            Err(Prepare::Read(error) | Prepare::Predict(error)) => Err(error),
        }
    }

    /// Reads what the step is about (not for a check) and predicts it.
    async fn prepare(&self, step: &Step) -> Result<(Prediction, Option<Attributes>), Prepare> {
        let conversation_id = self.scenario.conversation.as_str();
        let participant_id = self.participant_of(step);
        if let StepRequest::Check(text) = &step.request {
            return predict::checked(text)
                .map(|p| (p, None))
                .map_err(Prepare::Predict);
        }
        let (before, version, conversation) = self
            .read(participant_id, is_secure(step))
            .await
            .map_err(Prepare::Read)?;
        let prediction = match &step.request {
            StepRequest::Edit(edit) => {
                let route = match (edit.route, &conversation) {
                    (RouteKind::Media, Some(conversation)) => conversation
                        .participant(participant_id)
                        .and_then(media_route)
                        .ok_or_else(|| format!("participant {participant_id} has no media route")),
                    _ => Ok(RouteChoice::Generic),
                };
                route.and_then(|route| {
                    predict::edits_of(edit, before.clone())
                        .map_err(|e| e.to_string())
                        .map(|edits| {
                            predict::edit(
                                edit,
                                &edits,
                                conversation_id,
                                participant_id,
                                route,
                                version,
                            )
                        })
                })
            }
            StepRequest::Raw(raw) => predict::raw(raw, conversation_id, participant_id),
            StepRequest::Check(_) | StepRequest::Read(_) => Ok(read_prediction()),
        };
        prediction
            .map(|p| (p, Some(before)))
            .map_err(Prepare::Predict)
    }

    /// Runs step `index`: reads and predicts, waits, switches the simulator
    /// to the step's settings, sends, switches back, reads again, judges.
    pub async fn step(&self, index: usize) -> StepRun {
        let Some(step) = self.scenario.steps.get(index) else {
            return failed(index, format!("there is no step {}", index + 1));
        };
        let participant_id = self.participant_of(step);
        let secure = is_secure(step);
        if let Err(e) = self.sim.set_settings(self.defaults) {
            return failed(index, e.to_string());
        }
        // Predicted before the wait, as the class saw it.
        let (prediction, mut before) = match self.prepare(step).await {
            Ok((prediction, before)) => (Ok(prediction), before),
            Err(Prepare::Read(error)) => return failed(index, error),
            Err(Prepare::Predict(error)) => (Err(error), None),
        };
        if matches!(step.request, StepRequest::Read(_))
            && let Some(last) = self.last_seen(secure, participant_id)
        {
            // A read shows what changed since the state last observed
            // (while the trainer talked, a flow may have written).
            before = Some(last);
        }
        if step.wait_ms > 0 {
            tokio::time::sleep(Duration::from_millis(step.wait_ms)).await;
        }
        let mut run = StepRun {
            index,
            prediction,
            exchange: None,
            before,
            after: None,
            secure,
            comparisons: Vec::new(),
            error: None,
        };
        let Ok(prediction) = &run.prediction else {
            return run;
        };
        if let Some(planned) = &prediction.request {
            if let Err(e) = self
                .sim
                .set_settings(settings_for(self.defaults, &step.sim))
            {
                run.error = Some(e.to_string());
                return run;
            }
            let sent = self.client.send(&raw_request(planned)).await;
            // The observation reads with the defaults: a throttled step's
            // answer is the lesson, not the read after it.
            let restored = self.sim.set_settings(self.defaults);
            match (sent, restored) {
                (Ok(exchange), Ok(())) => run.exchange = Some(exchange),
                (Err(e), _) => run.error = Some(format!("the request could not be sent: {e}")),
                (_, Err(e)) => run.error = Some(e.to_string()),
            }
        }
        if !matches!(step.request, StepRequest::Check(_)) && run.error.is_none() {
            match self.read(participant_id, secure).await {
                Ok((after, _, _)) => {
                    self.remember(secure, participant_id, &after);
                    run.after = Some(after);
                }
                Err(error) => run.error = Some(error),
            }
        }
        let exchange = run.exchange.as_ref();
        let actual = Actual {
            status: exchange.and_then(Exchange::status),
            code: exchange
                .and_then(|e| e.error_body.as_ref())
                .and_then(|b| b.code.clone()),
            after: run.after.clone(),
        };
        run.comparisons = judge(&step.expect, prediction, &actual, secure);
        run
    }
}

/// Why a step could not be prepared.
enum Prepare {
    /// The read before it failed: the step cannot run.
    Read(String),
    /// Its request cannot be predicted (e.g. `unset` of a key not there).
    Predict(String),
}

/// Whether a step is about the conversation's secure attributes.
fn is_secure(step: &Step) -> bool {
    match &step.request {
        StepRequest::Edit(edit) => edit.on == EditOn::Secure,
        StepRequest::Raw(raw) => raw
            .path
            .trim_end_matches('/')
            .ends_with("/secureattributes"),
        StepRequest::Check(_) | StepRequest::Read(_) => false,
    }
}

/// A poisoned lock still holds a consistent value here (it is replaced whole).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn raw_request(planned: &Planned) -> RawRequest {
    RawRequest {
        method: planned.method.clone(),
        path: planned.path.clone(),
        content_type: planned.content_type.clone(),
        body: planned.body.clone(),
    }
}

fn read_prediction() -> Prediction {
    Prediction {
        verdict: "a read: nothing is sent".to_owned(),
        rejects: false,
        rules: Vec::new(),
        findings: Vec::new(),
        expected: None,
        request: None,
    }
}

fn failed(index: usize, error: String) -> StepRun {
    StepRun {
        index,
        prediction: Err(error.clone()),
        exchange: None,
        before: None,
        after: None,
        secure: false,
        comparisons: Vec::new(),
        error: Some(error),
    }
}
