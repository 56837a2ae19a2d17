//! One table of edits fed to both faces: `gc-attrs diff --json` (the CLI)
//! and the TUI's payload pane (the app driven by keys, then drawn). For the
//! same edit and route both must show the same requests and the same
//! findings, because both call the one preview of `gc_attrs::usecase`.

use gc_attrs::app::{App, Focus, Key, KeyCode, Mode, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::support::*;

/// The customer of the call fixture.
const CUSTOMER: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

/// One edit of the customer's attributes.
enum Edit {
    Set(&'static str, &'static str),
    Unset(&'static str),
    Rename(&'static str, &'static str),
}

struct Case {
    name: &'static str,
    edits: &'static [Edit],
    /// `generic` or `media` (the customer's call route).
    route: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "a new key on the generic route",
        edits: &[Edit::Set("outcome", "resolved")],
        route: "generic",
    },
    Case {
        name: "a key with a stray space on the call route",
        edits: &[Edit::Set(" intent", "refund")],
        route: "media",
    },
    Case {
        name: "a deleted key PATCH cannot remove, and a changed one",
        edits: &[Edit::Unset("ivrPath"), Edit::Set("callReason", "escalated")],
        route: "generic",
    },
    Case {
        name: "a rename on the call route",
        edits: &[Edit::Rename("sentiment", "mood")],
        route: "media",
    },
];

fn fixture() -> gc_attrs::genesys::Conversation {
    let text = include_str!("../../assets/fixtures/call-billing-dispute.json");
    let mut value: Value = serde_json::from_str(text).unwrap();
    value.as_object_mut().unwrap().remove("_sim");
    serde_json::from_value(value).unwrap()
}

fn key(app: &mut App, key: Key) {
    app.update(Msg::Key(key));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, Key::char(c));
    }
}

/// Moves the form's selection onto `name`.
fn select_row(app: &mut App, name: &str) {
    let rows = &app.workspace.as_ref().unwrap().edits.rows();
    let target = rows.iter().position(|r| r.key == name).unwrap();
    let at = app.workspace.as_ref().unwrap().row;
    let (code, n) = if target >= at {
        (KeyCode::Down, target - at)
    } else {
        (KeyCode::Up, at - target)
    };
    for _ in 0..n {
        key(app, Key::plain(code));
    }
    assert_eq!(app.workspace.as_ref().unwrap().row, target);
}

/// Replaces the text of the open prompt.
fn retype(app: &mut App, text: &str) {
    let old = app.prompt().unwrap().input.text().chars().count();
    for _ in 0..old {
        key(app, Key::plain(KeyCode::Backspace));
    }
    typed(app, text);
    key(app, Key::plain(KeyCode::Enter));
}

/// The TUI: load, open the customer's form, type the edits, choose the
/// route in the send dialog, close it, and show the payload pane.
fn tui(case: &Case) -> App {
    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Loaded {
        id: CALL.to_owned(),
        result: Ok(fixture()),
        exchange: None,
    });
    assert_eq!(
        app.workspace
            .as_ref()
            .unwrap()
            .selected()
            .unwrap()
            .id
            .as_deref(),
        Some(CUSTOMER)
    );
    key(&mut app, Key::plain(KeyCode::Enter));
    assert_eq!(app.focus, Focus::Attributes);
    for edit in case.edits {
        let existing = |app: &App, k: &str| {
            app.workspace
                .as_ref()
                .unwrap()
                .edits
                .rows()
                .iter()
                .any(|r| r.key == k)
        };
        match edit {
            Edit::Set(k, v) if existing(&app, k) => {
                select_row(&mut app, k);
                key(&mut app, Key::char('e'));
                retype(&mut app, v);
            }
            Edit::Set(k, v) => {
                key(&mut app, Key::char('a'));
                typed(&mut app, k);
                key(&mut app, Key::plain(KeyCode::Enter));
                typed(&mut app, v);
                key(&mut app, Key::plain(KeyCode::Enter));
            }
            Edit::Unset(k) => {
                select_row(&mut app, k);
                key(&mut app, Key::char('d'));
            }
            Edit::Rename(old, new) => {
                select_row(&mut app, old);
                key(&mut app, Key::char('r'));
                retype(&mut app, new);
            }
        }
    }
    assert!(
        app.prompt().is_none(),
        "{}: every prompt is closed",
        case.name
    );
    key(&mut app, Key::char('s'));
    if case.route == "media" {
        key(&mut app, Key::plain(KeyCode::Down));
    }
    key(&mut app, Key::plain(KeyCode::Esc));
    key(&mut app, Key::plain(KeyCode::Right));
    assert_eq!(app.focus, Focus::Payload, "{}", case.name);
    app
}

/// Every cell of a tall screen with the payload pane drawn, as text.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(140, 400)).unwrap();
    terminal
        .draw(|frame| gc_attrs::ui::render(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn cli_args(case: &Case) -> Vec<String> {
    let mut args: Vec<String> = [
        "diff", CALL, CUSTOMER, "--route", case.route, "--sim", "--json",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for edit in case.edits {
        let (flag, value) = match edit {
            Edit::Set(k, v) => ("--set", format!("{k}={v}")),
            Edit::Unset(k) => ("--unset", (*k).to_owned()),
            Edit::Rename(old, new) => ("--rename", format!("{old}={new}")),
        };
        args.push(flag.to_owned());
        args.push(value);
    }
    args
}

/// (rule, severity, location, message) of each finding, in order.
fn cli_findings(request: &Value) -> Vec<(String, String, String, String)> {
    request["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
                serde_json::to_string(&f["location"]).unwrap(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn tui_findings(
    request: &gc_attrs::usecase::PreviewRequest,
) -> Vec<(String, String, String, String)> {
    request
        .findings
        .iter()
        .map(|f| {
            let json = serde_json::to_value(f).unwrap();
            (
                f.rule.to_owned(),
                json["severity"].as_str().unwrap().to_owned(),
                serde_json::to_string(&json["location"]).unwrap(),
                f.message.clone(),
            )
        })
        .collect()
}

#[test]
fn the_cli_diff_and_the_tui_payload_pane_show_the_same_requests_and_findings() {
    let env = Env::new();
    let mut compared = 0;
    for case in CASES {
        let args = cli_args(case);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = env.run(&args);
        assert_eq!(run.code, 0, "{}: {}", case.name, run.stderr);
        let cli = run.json();

        let app = tui(case);
        let preview = &app.workspace.as_ref().unwrap().derived;
        let shown = screen(&app);
        for (cli_request, tui_request) in
            [(&cli["patch"], &preview.patch), (&cli["put"], &preview.put)]
        {
            assert_eq!(
                cli_request["verb"],
                tui_request.verb.as_str(),
                "{}",
                case.name
            );
            assert_eq!(
                cli_request["path"],
                tui_request.path.as_str(),
                "{}",
                case.name
            );
            assert_eq!(cli_request["body"], tui_request.body, "{}", case.name);
            let findings = cli_findings(cli_request);
            assert_eq!(findings, tui_findings(tui_request), "{}", case.name);
            for (rule, ..) in &findings {
                assert!(
                    shown.contains(rule.as_str()),
                    "{}: the pane shows {rule}\n{shown}",
                    case.name
                );
                compared += 1;
            }
        }
        if case.route == "media" {
            assert!(preview.patch.path.contains("/calls/"), "{}", case.name);
        }
        assert_eq!(
            cli["unremovable"],
            serde_json::json!(preview.unremovable()),
            "{}",
            case.name
        );
    }
    assert!(
        compared >= 4,
        "the table yields findings to compare ({compared})"
    );
}
