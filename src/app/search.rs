//! `/` searches the focused pane: the participants' and the form's rows by
//! what they show, the payload's and the response's lines as drawn (the
//! renderer finds those, [`super::Msg::SearchHits`]). `n` and `N` go to the
//! next and the previous match, around the end. A masked secure value is
//! never matched: a search must not tell what it hides.

use super::{App, Focus};

/// The search in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The text looked for (matched without regard to case).
    pub query: String,
    /// The lines of the payload or response pane that hold it, as the
    /// renderer last found them.
    pub hits: Vec<u16>,
    /// A move still to make, once the renderer has found the lines
    /// (`forward`, and whether the line at the top counts): the lines are
    /// looked for only then, not on every frame.
    pub pending: Option<(bool, bool)>,
}

impl Search {
    /// Whether `text` holds the query.
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        contains(text, &self.query)
    }
}

/// Whether `text` holds `query`, without regard to case.
#[must_use]
pub fn contains(text: &str, query: &str) -> bool {
    !query.is_empty() && text.to_lowercase().contains(&query.to_lowercase())
}

impl App {
    /// Enter in the search prompt: the search starts from where the pane is;
    /// an empty text ends the search.
    pub(super) fn start_search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            self.set_status("search cleared", false);
            return;
        }
        self.search = Some(Search {
            query: query.to_owned(),
            hits: Vec::new(),
            pending: None,
        });
        match self.focus {
            Focus::Participants | Focus::Attributes => self.step_rows(true, true),
            // The renderer finds the lines first.
            _ => self.defer(true, true),
        }
    }

    /// `n` (forward) or `N`.
    pub(super) fn search_step(&mut self, forward: bool) {
        if self.search.is_none() {
            let key = self.keymap.first(
                super::keymap::Context::Global,
                super::keymap::Action::Search,
            );
            self.set_status(format!("no search: press {key} to search this pane"), false);
            return;
        }
        match self.focus {
            Focus::Participants | Focus::Attributes => self.step_rows(forward, false),
            Focus::Payload | Focus::Response => self.defer(forward, false),
            Focus::Picker | Focus::Workbench => {}
        }
    }

    fn defer(&mut self, forward: bool, here: bool) {
        if let Some(search) = &mut self.search {
            search.pending = Some((forward, here));
        }
    }

    /// The renderer found the lines of the shown pane that match.
    pub(super) fn search_hits(&mut self, hits: Vec<u16>) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.hits = hits;
        if let Some((forward, here)) = search.pending.take() {
            self.step_lines(forward, here);
        }
    }

    /// The rows of the focused list as they show, with the selected one.
    fn row_texts(&self) -> Option<(Vec<String>, usize)> {
        let workspace = self.workspace.as_ref()?;
        match self.focus {
            Focus::Participants => {
                let rows = workspace
                    .conversation
                    .participants
                    .iter()
                    .map(|p| {
                        let state = crate::usecase::participant_state(p);
                        [
                            p.purpose.as_deref(),
                            p.name.as_deref(),
                            state,
                            p.id.as_deref(),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                    })
                    .collect();
                Some((rows, workspace.participant))
            }
            Focus::Attributes => {
                let rows = workspace
                    .edits
                    .rows()
                    .iter()
                    .map(|row| {
                        let value = workspace.edits.value(&row.key).unwrap_or_default();
                        if self.shows_value(&row.key) {
                            format!("{} {value}", row.key)
                        } else {
                            row.key.clone()
                        }
                    })
                    .collect();
                Some((rows, workspace.row))
            }
            _ => None,
        }
    }

    /// Selects the next (or previous) matching row; `here`: the selected
    /// row counts (a new search).
    fn step_rows(&mut self, forward: bool, here: bool) {
        let Some(search) = self.search.clone() else {
            return;
        };
        let Some((rows, at)) = self.row_texts() else {
            return;
        };
        let hits: Vec<usize> = (0..rows.len())
            .filter(|&i| search.matches(&rows[i]))
            .collect();
        let Some(target) = next(&hits, at, forward, here) else {
            self.no_match(&search.query);
            return;
        };
        let place = hits.iter().position(|&h| h == target).unwrap_or(0) + 1;
        if self.focus == Focus::Participants {
            let delta = isize::try_from(target).unwrap_or(0) - isize::try_from(at).unwrap_or(0);
            self.select_participant(delta);
        } else if let Some(workspace) = self.workspace.as_mut() {
            workspace.row = target;
            workspace.revealed = None;
        }
        self.matched(&search.query, place, hits.len());
    }

    /// Scrolls the shown pane to the next (or previous) matching line.
    fn step_lines(&mut self, forward: bool, here: bool) {
        let Some(search) = self.search.clone() else {
            return;
        };
        let hits: Vec<usize> = search.hits.iter().map(|&h| usize::from(h)).collect();
        let at = usize::from(self.shown_scroll());
        let Some(target) = next(&hits, at, forward, here) else {
            self.no_match(&search.query);
            return;
        };
        let place = hits.iter().position(|&h| h == target).unwrap_or(0) + 1;
        let target = i32::try_from(target).unwrap_or(i32::MAX);
        self.scroll_by(target - i32::try_from(at).unwrap_or(0));
        self.matched(&search.query, place, hits.len());
    }

    fn matched(&mut self, query: &str, place: usize, of: usize) {
        let next = self.keymap.first(
            super::keymap::Context::Global,
            super::keymap::Action::SearchNext,
        );
        let previous = self.keymap.first(
            super::keymap::Context::Global,
            super::keymap::Action::SearchPrevious,
        );
        self.set_status(
            format!("`{query}`: match {place} of {of} ({next}/{previous} next/previous)"),
            false,
        );
    }

    fn no_match(&mut self, query: &str) {
        let pane = match self.focus {
            Focus::Participants => "the participants",
            Focus::Attributes => "the form",
            Focus::Payload => "the payload",
            Focus::Response => "the response",
            Focus::Picker | Focus::Workbench => "this pane",
        };
        self.set_status(format!("`{query}` is not in {pane}"), false);
    }
}

/// The match to go to from `at`: the first at or after it when `here`, else
/// strictly after it (before it, going back), around the end.
fn next(hits: &[usize], at: usize, forward: bool, here: bool) -> Option<usize> {
    if forward {
        hits.iter()
            .copied()
            .find(|&h| if here { h >= at } else { h > at })
            .or_else(|| hits.first().copied())
    } else {
        hits.iter()
            .rev()
            .copied()
            .find(|&h| h < at)
            .or_else(|| hits.last().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_match_goes_around_the_end_both_ways() {
        let hits = [2, 5, 9];
        assert_eq!(next(&hits, 5, true, true), Some(5));
        assert_eq!(next(&hits, 5, true, false), Some(9));
        assert_eq!(next(&hits, 9, true, false), Some(2));
        assert_eq!(next(&hits, 5, false, false), Some(2));
        assert_eq!(next(&hits, 2, false, false), Some(9));
        assert_eq!(next(&[], 0, true, true), None);
    }

    #[test]
    fn matching_ignores_case_and_an_empty_query_matches_nothing() {
        assert!(contains("billing-Dispute", "DISPUTE"));
        assert!(contains("山田 太郎", "太郎"));
        assert!(!contains("anything", ""));
    }
}
