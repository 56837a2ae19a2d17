//! What one keystroke costs in the TUI at 10, 1,000 and 10,000 attributes:
//! `App::update` for the key, then what the shell does before each frame
//! (the scroll limit, `Msg::Viewport`) and the frame itself, drawn on a
//! 100x30 ratatui `TestBackend`. The participant has the edit session of
//! `benches/core.rs` applied (a tenth of the values changed, three keys
//! added, four deleted, one renamed), so that the payload pane holds a long
//! diff and both predicted maps.
//!
//! - `navigate`: ↓/↑ in the attribute form (no re-derive);
//! - `scroll`: PgDn/PgUp in the payload pane (no re-derive);
//! - `prompt`: `e` opens the value editor, Esc closes it (two keys, two frames);
//! - `type`: a character typed into the value editor, then Backspace (no
//!   re-derive: the preview follows an edit when it is committed);
//! - `commit`: Enter in the value editor, which applies the edit and
//!   re-derives the preview (bodies, lint, diff).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gc_attrs::app::{App, Key, KeyCode, Mode, Msg};
use gc_attrs::genesys::Conversation;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde_json::{Map, Value, json};

const CONVERSATION: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
const PARTICIPANT: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn value(i: usize) -> String {
    format!("{i:08}-{}", "v".repeat(55))
}

fn conversation(n: usize) -> Conversation {
    let attributes: Map<String, Value> = (0..n)
        .map(|i| (format!("attribute{i:05}"), Value::from(value(i))))
        .collect();
    serde_json::from_value(json!({
        "id": CONVERSATION,
        "startTime": "2026-12-01T09:00:00.000Z",
        "participants": [{
            "id": PARTICIPANT,
            "purpose": "customer",
            "name": "Bench Customer",
            "attributes": attributes,
        }],
    }))
    .expect("the bench conversation is a Conversation")
}

/// An app with a participant of `n` attributes loaded, the edit session of
/// `benches/core.rs` applied, the form focused.
fn app(n: usize) -> App {
    let mut app = App::new(Mode::Simulator, vec![CONVERSATION.to_owned()]);
    app.update(Msg::Loaded {
        id: CONVERSATION.to_owned(),
        result: Ok(conversation(n)),
        exchange: None,
    });
    app.update(Msg::Key(Key::plain(KeyCode::Enter)));
    let workspace = app.workspace.as_mut().expect("loaded");
    let edits = &mut workspace.edits;
    for i in (0..n).step_by(10) {
        let _ = edits.set_value(&format!("attribute{i:05}"), &value(i + 1));
    }
    for i in 0..3 {
        let _ = edits.add(&format!("added{i}"), &value(i));
    }
    for i in (1..n).step_by(n.max(4) / 4) {
        let _ = edits.delete(&format!("attribute{i:05}"));
    }
    let _ = edits.rename("attribute00002", "renamed");
    workspace.refresh();
    // Start a few rows down, on a live row.
    workspace.row = 4.min(n.saturating_sub(1));
    app
}

/// One keystroke as the shell handles it: update, scroll limit, frame.
fn stroke(app: &mut App, terminal: &mut Terminal<TestBackend>, key: Key) {
    black_box(app.update(Msg::Key(key)));
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    app.update(Msg::Viewport {
        scroll_limit: gc_attrs::ui::scroll_limit(app, area),
        page: gc_attrs::ui::page_length(area),
        jump: gc_attrs::ui::jump_line(app, area),
    });
    terminal
        .draw(|frame| gc_attrs::ui::render(frame, app))
        .expect("a test backend draws");
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test backend")
}

/// Alternates two keys, one keystroke per iteration.
fn alternate(c: &mut Criterion, name: &str, keys: [Key; 2], setup: fn(&mut App)) {
    let mut group = c.benchmark_group(name);
    group.measurement_time(Duration::from_secs(4));
    for n in [10, 1_000, 10_000] {
        let mut app = app(n);
        setup(&mut app);
        let mut terminal = terminal();
        let mut i = 0usize;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                i += 1;
                stroke(&mut app, &mut terminal, keys[i % 2]);
            });
        });
    }
    group.finish();
}

fn navigate(c: &mut Criterion) {
    let keys = [Key::plain(KeyCode::Down), Key::plain(KeyCode::Up)];
    alternate(c, "keystroke_navigate", keys, |_| {});
}

fn scroll(c: &mut Criterion) {
    let keys = [Key::plain(KeyCode::PageDown), Key::plain(KeyCode::PageUp)];
    alternate(c, "keystroke_scroll", keys, |app| {
        // The form, then the payload pane.
        app.update(Msg::Key(Key::plain(KeyCode::Tab)));
    });
}

fn prompt(c: &mut Criterion) {
    let keys = [Key::char('e'), Key::plain(KeyCode::Esc)];
    alternate(c, "keystroke_prompt", keys, |_| {});
}

fn typing(c: &mut Criterion) {
    let keys = [Key::char('x'), Key::plain(KeyCode::Backspace)];
    alternate(c, "keystroke_type", keys, |app| {
        app.update(Msg::Key(Key::char('e')));
    });
}

fn commit(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_commit");
    group.measurement_time(Duration::from_secs(6));
    group.sample_size(20);
    for n in [10, 1_000, 10_000] {
        let mut app = app(n);
        let mut terminal = terminal();
        let mut i = 0usize;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    // Open the editor on the selected row and change its
                    // value (untimed: a character added, then taken away
                    // again), then commit (timed).
                    i += 1;
                    stroke(&mut app, &mut terminal, Key::char('e'));
                    let key = if i % 2 == 0 {
                        Key::char('x')
                    } else {
                        Key::plain(KeyCode::Backspace)
                    };
                    stroke(&mut app, &mut terminal, key);
                    let start = Instant::now();
                    stroke(&mut app, &mut terminal, Key::plain(KeyCode::Enter));
                    total += start.elapsed();
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, navigate, scroll, prompt, typing, commit);
criterion_main!(benches);
