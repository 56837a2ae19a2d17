//! Every state at many sizes, down to 0×0: drawing never panics.

use super::*;
use crate::genesys::ConversationSecureAttributes;

/// Every state worth drawing, each built through messages.
fn states() -> Vec<(&'static str, App)> {
    let mut typed_picker = picker(Mode::Simulator);
    typed(&mut typed_picker, "https://apps.mypurecloud.ie/…/山田/");
    let mut in_flight = loaded(live());
    press(&mut in_flight, &[Key::char('R')]);
    in_flight.update(Msg::Tick);
    let mut cancelling = in_flight.clone();
    press(&mut cancelling, &[code(KeyCode::Esc)]);
    let mut sending = edited(Mode::Simulator);
    send(&mut sending);
    let mut secure = loaded(Mode::Simulator);
    press(&mut secure, &[Key::char('S')]);
    secure.update(Msg::SecureLoaded {
        result: Ok(ConversationSecureAttributes {
            attributes: Some(
                [("verifiedPin".to_owned(), "true".to_owned())]
                    .into_iter()
                    .collect(),
            ),
            version: Some(3),
        }),
        exchange: None,
    });
    let mut side = edited(Mode::Simulator);
    press(&mut side, &[code(KeyCode::Tab), Key::char('v')]);
    let mut observed_side = accepted(true);
    press(&mut observed_side, &[Key::char('v')]);
    let mut failed = edited(Mode::Simulator);
    send(&mut failed);
    failed.update(Msg::Sent(Err("connection refused".into())));
    let mut renamed = edited(Mode::Simulator);
    select(&mut renamed, "sentiment");
    press(&mut renamed, &[Key::char('r'), Key::ctrl('u')]);
    typed(&mut renamed, "気分");
    press(&mut renamed, &[enter()]);
    let mut new_key = loaded(Mode::Simulator);
    press(&mut new_key, &[enter(), Key::char('a')]);
    let mut empty_history = loaded(Mode::Simulator);
    empty_history.history.clear();
    press(&mut empty_history, &[Key::char('H')]);
    let mut help_on_picker = picker(Mode::Simulator);
    press(&mut help_on_picker, &[code(KeyCode::F(1))]);
    let mut history = accepted(true);
    press(&mut history, &[Key::char('H')]);
    let mut live_dialog = edited(live());
    press(
        &mut live_dialog,
        &[Key::char('s'), code(KeyCode::Right), code(KeyCode::Down)],
    );
    typed(&mut live_dialog, "yes");
    let bench = super::workbench::pasted();
    let mut bench_answer = bench.clone();
    if let [Effect::Send(request)] = press(&mut bench_answer, &[Key::ctrl('s')]).as_slice() {
        bench_answer.update(Msg::Sent(Ok(answer(
            request,
            400,
            "Bad Request",
            "{}",
            &[],
        ))));
    }
    let mut bench_explain = picker(Mode::Simulator);
    press(&mut bench_explain, &[code(KeyCode::F(2)), Key::ctrl('t')]);
    bench_explain.update(Msg::Paste("HTTP 400 {\"code\":\"bad.request\"}".into()));
    let mut bench_live = loaded(live());
    press(&mut bench_live, &[code(KeyCode::F(2))]);
    bench_live.update(Msg::Paste(super::workbench::forum_curl()));
    press(&mut bench_live, &[Key::ctrl('s')]);
    vec![
        ("workbench", bench),
        ("workbench answer", bench_answer),
        ("workbench explain", bench_explain),
        ("workbench live confirmation", bench_live),
        ("empty picker", App::new(Mode::Simulator, Vec::new())),
        ("picker", picker(Mode::Simulator)),
        ("typed picker", typed_picker),
        ("loaded", loaded(Mode::Simulator)),
        ("in flight", in_flight),
        ("cancelling", cancelling),
        ("sending", sending),
        ("edited", edited(Mode::Simulator)),
        ("renamed", renamed),
        ("new key prompt", new_key),
        ("secure", secure),
        ("side by side", side),
        ("lint", with_lint()),
        ("pending re-read", accepted(false)),
        ("observed", accepted(true)),
        ("observed side by side", observed_side),
        ("rejected", rejected()),
        ("rate limited", rate_limited()),
        ("not sent", failed),
        ("history", history),
        ("empty history", empty_history),
        ("help on picker", help_on_picker),
        ("live dialog", live_dialog),
    ]
}

/// The replay's states: a recorded session, at its end under the help, empty.
fn replay_states() -> Vec<(&'static str, App)> {
    let mut end = super::replay::recorded();
    press(&mut end, &[code(KeyCode::End), Key::char('?')]);
    let empty = App::replaying(crate::app::Replay::new("x", Vec::new(), false));
    vec![
        ("replay", super::replay::recorded()),
        ("replay at its end under the help", end),
        ("empty replay", empty),
    ]
}

#[test]
fn every_state_draws_at_every_size() {
    for (name, app) in states().into_iter().chain(replay_states()) {
        for width in (0..=120).step_by(7) {
            for height in (0..=40).step_by(3) {
                let result = std::panic::catch_unwind(|| draw(&app, width, height));
                assert!(result.is_ok(), "{name} panicked at {width}×{height}");
            }
        }
        for (width, height) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (59, 16),
            (60, 16),
            (60, 15),
            (80, 24),
        ] {
            let screen = draw(&app, width, height);
            assert_eq!(screen.lines().count(), usize::from(height), "{name}");
        }
    }
}

#[test]
fn below_the_minimum_only_the_notice_shows() {
    let app = loaded(Mode::Simulator);
    for (width, height) in [(20, 5), (59, 16), (60, 15)] {
        let screen = draw(&app, width, height);
        assert!(screen.contains("enlarge"), "{width}×{height}:\n{screen}");
        assert!(!screen.contains("Participants"), "{screen}");
    }
    let screen = draw(&app, 60, 16);
    assert!(
        !screen.contains("enlarge") && screen.contains("gc-attrs"),
        "{screen}"
    );
}

#[test]
fn the_prompt_places_the_terminal_cursor() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter(), Key::char('a')]);
    typed(&mut app, "山田");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| crate::ui::render(frame, &app))
        .unwrap();
    let cursor = ratatui::backend::Backend::get_cursor_position(terminal.backend_mut()).unwrap();
    let buffer = terminal.backend().buffer();
    // The cursor sits just after the two wide characters typed.
    assert_eq!(buffer[(cursor.x - 2, cursor.y)].symbol(), "田");
}

#[test]
fn the_scroll_limit_matches_what_is_drawn() {
    let screen = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut app = with_lint();
    press(&mut app, &[code(KeyCode::Tab)]);
    let limit = crate::ui::scroll_limit(&app, screen);
    assert!(limit > 0);
    for _ in 0..30 {
        press(&mut app, &[code(KeyCode::PageDown)]);
    }
    let bottom = draw(&app, 100, 30);
    app.scroll.payload = limit;
    assert_eq!(
        draw(&app, 100, 30),
        bottom,
        "the limit is the last full page"
    );
    app.scroll.payload = limit - 1;
    assert_ne!(draw(&app, 100, 30), bottom);
    assert_eq!(crate::ui::scroll_limit(&picker(Mode::Simulator), screen), 0);
}
