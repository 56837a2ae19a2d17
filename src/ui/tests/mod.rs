//! Frame tests: states built by driving `App::update` with messages, drawn
//! on a `TestBackend` and compared as text (insta snapshots), plus a sweep
//! over many sizes that must never panic.

mod feedback;
mod listing;
mod payload;
mod picker;
mod presenter;
mod remap;
mod replay;
mod search;
mod secure;
mod sizes;
mod snapshots;
mod terminal;
mod view;
mod window;
mod workbench;

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::api::{Exchange, RateLimit, RawRequest, Timings};
use crate::app::{App, Effect, Key, KeyCode, Mode, Msg};
use crate::genesys::Conversation;

const CORRELATION: &str = "5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10";
const BASE: &str = "http://127.0.0.1:8080";

/// The call fixture without its simulator-only key.
fn conversation() -> Conversation {
    crate::app::call_fixture()
}

fn id() -> String {
    conversation().id.unwrap()
}

fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    keys.iter().flat_map(|k| app.update(Msg::Key(*k))).collect()
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(Key::char(c)));
    }
}

fn code(code: KeyCode) -> Key {
    Key::plain(code)
}

fn enter() -> Key {
    code(KeyCode::Enter)
}

fn headers(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut list = vec![
        ("content-type", "application/json"),
        ("inin-correlation-id", CORRELATION),
        ("inin-ratelimit-count", "3"),
        ("inin-ratelimit-allowed", "300"),
        ("inin-ratelimit-reset", "42"),
    ];
    list.extend_from_slice(extra);
    list.into_iter()
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect()
}

/// A fixed exchange for a request: fixed timings and correlation id.
fn answer(
    request: &RawRequest,
    status: u16,
    reason: &str,
    body: &str,
    extra: &[(&str, &str)],
) -> Exchange {
    let response_headers = headers(extra);
    Exchange {
        method: request.method.clone(),
        url: format!("{BASE}{}", request.path),
        request_headers: vec![
            ("Authorization".into(), "Bearer <redacted>".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        request_body: request.body.clone(),
        outcome: crate::api::Outcome::Answer {
            status,
            reason: reason.into(),
        },
        rate_limit: RateLimit::from_headers(&response_headers),
        response_headers,
        response_body: body.into(),
        error_body: serde_json::from_str(body).ok().filter(|_| status >= 400),
        correlation_id: Some(CORRELATION.into()),
        timings: Timings {
            to_headers: Some(Duration::from_millis(80)),
            total: Duration::from_millis(84),
        },
        attempts: 1,
        at: Some("2026-11-20T17:42:05.120Z".into()),
    }
}

fn get(path: &str, body: &str) -> Exchange {
    answer(&RawRequest::get(path), 200, "OK", body, &[])
}

/// A new app on the picker, offering the simulator's fixtures as rows.
fn picker(mode: Mode) -> App {
    let mut app = App::new(mode, Vec::new());
    app.update(Msg::Suggestions(crate::app::fixture_rows()));
    app
}

/// The call fixture loaded; focus on the participants.
fn loaded(mode: Mode) -> App {
    let mut app = picker(mode);
    let effects = press(&mut app, &[enter()]);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: id()
        }]
    );
    let path = format!("/api/v2/conversations/{}", id());
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: Some(get(&path, "{}")),
    });
    app
}

fn live() -> Mode {
    Mode::Live {
        region: "eu-west-1".into(),
        profile: Some("prod".into()),
    }
}

/// Moves the form's selection to the row with this key.
fn select(app: &mut App, key: &str) {
    let rows = app.workspace.as_ref().unwrap().edits.rows().to_vec();
    let target = rows.iter().position(|r| r.key == key).unwrap();
    press(app, &[code(KeyCode::Home)]);
    for _ in 0..rows.len() {
        press(app, &[Key::char('k')]);
    }
    for _ in 0..target {
        press(app, &[Key::char('j')]);
    }
}

/// In the form: set the value of `key`.
fn set_value(app: &mut App, key: &str, value: &str) {
    select(app, key);
    press(app, &[Key::char('e'), Key::ctrl('u')]);
    typed(app, value);
    press(app, &[enter()]);
}

/// The call loaded, focus on the form, `callReason` changed and `ivrPath` deleted.
fn edited(mode: Mode) -> App {
    let mut app = loaded(mode);
    press(&mut app, &[enter()]);
    set_value(&mut app, "callReason", "billing-dispute-escalated");
    select(&mut app, "ivrPath");
    press(&mut app, &[Key::char('d')]);
    app
}

/// Opens the dialog and sends with Enter; returns the request sent.
fn send(app: &mut App) -> RawRequest {
    let effects = press(app, &[Key::char('s'), enter()]);
    match effects.as_slice() {
        [Effect::Send(request)] => request.clone(),
        other => panic!("expected one send, got {other:?}"),
    }
}

/// After `edited`: a 202, then a re-read that shows the merge.
fn accepted(observe: bool) -> App {
    let mut app = edited(Mode::Simulator);
    let request = send(&mut app);
    app.update(Msg::Sent(Ok(answer(&request, 202, "Accepted", "", &[]))));
    if observe {
        let mut after = conversation();
        let attributes = after.participants[0].attributes.as_mut().unwrap();
        attributes.insert("callReason".into(), "billing-dispute-escalated".into());
        let path = format!("/api/v2/conversations/{}", id());
        app.update(Msg::Reread {
            attempt: 1,
            result: Ok(after),
            exchange: Some(get(&path, "{}")),
        });
    }
    app
}

const NESTED_400: &str = r#"{"message":"The request could not be understood by the server due to malformed syntax.","code":"bad.request","status":400,"contextId":"5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10","details":[{"errorCode":"invalid.value","fieldName":"attributes.score"}],"errors":[{"message":"Value [42] is not valid for field type [string]. Allowable values are: string","code":"invalid.value","status":400,"messageWithParams":"Value [{value}] is not valid for field type [{type}]. Allowable values are: {allowed}","messageParams":{"value":"42","type":"string","allowed":"string"},"errors":[{"message":"Cannot update participant attribute map to a null value.","code":"conversation.error.participant.attribute.null","status":400}]}]}"#;

const RATE_LIMITED: &str = r#"{"message":"Rate limit exceeded the maximum [300] requests within [60] seconds","code":"too.many.requests","status":429,"messageWithParams":"Rate limit exceeded the maximum [{limit}] requests within [{duration}] seconds","messageParams":{"limit":"300","duration":"60"},"contextId":"5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10","details":[],"errors":[],"limit":{"key":"client.credentials.token.rate.per.minute","namespace":"platform.api","value":300}}"#;

/// A key with whitespace and a 300-character value, added in the form.
fn with_lint() -> App {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter(), Key::char('a')]);
    typed(&mut app, " intent");
    press(&mut app, &[enter()]);
    let value: String = "Wants a refund of the duplicate charge to the new card. "
        .chars()
        .cycle()
        .take(300)
        .collect();
    typed(&mut app, &value);
    press(&mut app, &[enter()]);
    app
}

fn rejected() -> App {
    let mut app = with_lint();
    let request = send(&mut app);
    app.update(Msg::Sent(Ok(answer(
        &request,
        400,
        "Bad Request",
        NESTED_400,
        &[],
    ))));
    app
}

fn rate_limited() -> App {
    let mut app = edited(Mode::Simulator);
    let request = send(&mut app);
    let extra = [("retry-after", "7")];
    let mut exchange = answer(&request, 429, "Too Many Requests", RATE_LIMITED, &extra);
    exchange.rate_limit.count = Some(300);
    exchange.response_headers[2].1 = "300".into();
    app.update(Msg::Sent(Ok(exchange)));
    app
}

/// Scrolls the focused pane so that the first line containing `needle`
/// (as drawn at 100 columns) shows `above` lines below the pane's top.
fn scroll_to(app: &mut App, needle: &str, above: usize) {
    let tall = draw(app, 100, 600);
    // Rows 0 and 1 are the top bar and the pane's border.
    let row = tall
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` is not on the screen:\n{tall}"));
    press(app, &[code(KeyCode::Home)]);
    for _ in 0..(row - 2).saturating_sub(above) {
        press(app, &[Key::char('j')]);
    }
}

/// The screen as text, one line per row, wide characters once, trailing
/// spaces removed.
fn screen(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    if width == 0 {
        return out;
    }
    for row in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in row {
            if skip == 0 {
                line.push_str(cell.symbol());
                skip = crate::ui::text::width(cell.symbol()).max(1);
            }
            skip -= 1;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws the app at a size and returns the screen as text.
fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| super::render(frame, app)).unwrap();
    screen(terminal.backend().buffer())
}
