//! The baseline of `benches/first_frame.rs`: a bare ratatui program that
//! draws a `Paragraph` in a `Block` and waits for a key. Nothing else runs
//! before its first frame, so its time to first frame is the terminal's own.

use ratatui::widgets::{Block, Paragraph};

/// The text the bench waits for on the screen.
const MARKER: &str = "first frame";

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| {
        let block = Block::bordered().title("bare ratatui");
        frame.render_widget(Paragraph::new(MARKER).block(block), frame.area());
    });
    let read = drawn.and_then(|_| {
        loop {
            if let crossterm::event::Event::Key(_) = crossterm::event::read()? {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    read
}
