//! The trainer's presenter through a real pseudo-terminal: `gc-attrs train
//! there-is-no-put` tells each step with its prediction, Enter sends it and
//! shows the real answer, → goes on, `r` puts the simulator back at its
//! start, and `q` quits with the terminal restored.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use pty::Tui;
const ENTER: &[u8] = b"\r";
const RIGHT: &[u8] = b"\x1b[C";

#[test]
fn the_presenter_predicts_sends_and_reveals_each_step_resets_and_quits_restored() {
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-train-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut tui = Tui::spawn(&["train", "there-is-no-put"], &home);

    // Step 1 is told; its prediction arrives once the simulator is up.
    tui.wait_for(&[
        "1/3 PUT the whole map",
        "We want to replace the attributes",
        "predicted: PUT ✖",
        "not sent yet",
    ]);
    // Else "left the alternate screen" at the end would prove nothing.
    assert!(
        tui.on_alternate_screen(),
        "the presenter is not on the alternate screen"
    );
    tui.send(ENTER);
    tui.wait_for(&[
        "404 Not Found",
        "step 1 as the scenario expects",
        "1 sent, 1 as expected, of 3",
    ]);

    // Step 2: its own prediction (its own rule) before it can be sent.
    tui.send(RIGHT);
    tui.wait_for(&[
        "2/3 PUT on the participant",
        "route/put-on-participant",
        "not sent yet",
    ]);
    tui.send(ENTER);
    tui.wait_for(&[
        "404 Not Found",
        "step 2 as the scenario expects",
        "2 sent, 2 as expected, of 3",
    ]);

    // Step 3, the PATCH: accepted, and the whole scenario as expected.
    tui.send(RIGHT);
    tui.wait_for(&[
        "3/3 The real thing: PATCH",
        "predicted: PATCH ✓",
        "not sent yet",
    ]);
    tui.send(ENTER);
    tui.wait_for(&[
        "202 Accepted",
        "step 3 as the scenario expects",
        "3 sent, 3 as expected, of 3",
    ]);

    // r: the simulator back at its start, and step 1 told again.
    tui.send(b"r");
    tui.wait_for(&[
        "the simulator is back at its start",
        "0 sent, 0 as expected, of 3",
        "1/3 PUT the whole map",
        "predicted: PUT ✖",
    ]);

    tui.send(b"q");
    assert_eq!(tui.exit_code(), 0);
    tui.assert_restored();
    let _ = std::fs::remove_dir_all(&home);
}
