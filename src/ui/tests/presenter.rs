//! The presenter's screen, drawn from real steps: a fresh embedded
//! simulator, the trainer's runner, the presenter's state machine.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::screen;
use crate::app::presenter::{Msg, Presenter};
use crate::app::{Key, KeyCode};
use crate::train::{Runner, embedded_named};

fn draw(presenter: &Presenter, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| crate::ui::presenter::render(frame, presenter))
        .unwrap();
    screen(terminal.backend().buffer())
}

/// The presenter on `name`, step `step` told, and revealed when `reveal`.
async fn at(name: &str, step: usize, reveal: bool) -> Presenter {
    let scenario = embedded_named(name).unwrap().unwrap();
    let runner = Runner::start(scenario.clone()).await.unwrap();
    let (mut presenter, _) = Presenter::new(scenario);
    for n in 0..=step {
        if n > 0 {
            presenter.update(Msg::Key(Key::plain(KeyCode::Right)));
        }
        presenter.update(Msg::Previewed(n, Box::new(runner.preview(n).await)));
        if n < step || reveal {
            presenter.update(Msg::Key(Key::plain(KeyCode::Enter)));
            presenter.update(Msg::Ran(Box::new(runner.step(n).await)));
        }
    }
    runner.shutdown().await;
    presenter
}

#[tokio::test]
async fn presenter_tells_the_put_step_before_sending_100x30() {
    let presenter = at("there-is-no-put", 0, false).await;
    assert_snapshot!(draw(&presenter, 100, 30));
}

#[tokio::test]
async fn presenter_reveals_the_put_answer_100x30() {
    let presenter = at("there-is-no-put", 0, true).await;
    let screen = draw(&presenter, 100, 30);
    assert!(screen.contains("404 Not Found"), "{screen}");
    assert_snapshot!(screen);
}

#[tokio::test]
async fn presenter_reveals_the_put_answer_80x24() {
    let presenter = at("there-is-no-put", 0, true).await;
    assert_snapshot!(draw(&presenter, 80, 24));
}

#[tokio::test]
async fn presenter_shows_the_flow_writing_its_value_back_80x24() {
    let presenter = at("flow-writeback", 1, true).await;
    let screen = draw(&presenter, 80, 24);
    assert!(screen.contains("billing-dispute"), "{screen}");
    assert_snapshot!(screen);
}

#[tokio::test]
async fn presenter_masks_secure_values_100x30() {
    let presenter = at("secure-put-vs-patch", 0, true).await;
    let screen = draw(&presenter, 100, 30);
    assert!(
        !screen.contains("ct-7781") && !screen.contains("tok_4417"),
        "{screen}"
    );
    assert_snapshot!(screen);
}

#[tokio::test]
async fn presenter_shows_the_429_with_retry_after_and_the_rate_limit_80x24() {
    let presenter = at("rate-limited", 0, true).await;
    let screen = draw(&presenter, 80, 24);
    assert!(screen.contains("429 Too Many Requests"), "{screen}");
    assert!(screen.contains("Retry-After: 1 s"), "{screen}");
    assert_snapshot!(screen);
}

#[tokio::test]
async fn presenter_draws_at_any_size_without_panicking() {
    let told = at("there-is-no-put", 0, false).await;
    let revealed = at("secure-put-vs-patch", 0, true).await;
    for presenter in [&told, &revealed] {
        for width in [1, 2, 5, 10, 20, 40, 79] {
            for height in [1, 2, 3, 5, 8, 12, 23] {
                draw(presenter, width, height);
            }
        }
    }
}
