//! Which served routes a request path matches: the answer of
//! [`Route::for_path`] without its cost on every request (it splits each
//! template of `ROUTES` and searches the complete route list for every
//! path; profiled at over half of the handler's time, issue 9, item 14).
//!
//! The templates are split once. A path that one template alone matches,
//! with no path parameter holding a word that is a literal somewhere in the
//! route list, has that template as its answer: only such a word lets
//! another template win at a segment (a literal beats a parameter, §7).
//! Every other path is decided by [`Route::for_path`] itself. A test checks
//! the two agree over every template and its literal look-alikes.

use std::sync::LazyLock;

use crate::genesys::routes::inventory::inventory;
use crate::genesys::{Lifecycle, PathParams, ROUTES, Route};

/// One segment of a template.
enum Segment {
    Literal(&'static str),
    Conversation,
    Participant,
}

/// The served routes (removed ones left out), each with its template split.
static TABLE: LazyLock<Vec<(&'static Route, Vec<Segment>)>> = LazyLock::new(|| {
    ROUTES
        .iter()
        .filter(|route| route.lifecycle != Lifecycle::Removed)
        .map(|route| {
            let segments = route
                .template
                .split('/')
                .map(|segment| match segment {
                    "{conversationId}" => Segment::Conversation,
                    "{participantId}" => Segment::Participant,
                    literal => Segment::Literal(literal),
                })
                .collect();
            (route, segments)
        })
        .collect()
});

/// The served routes whose template matches `path`, with their parameters,
/// as [`Route::for_path`] gives them without the removed routes.
pub(crate) fn routes_for(path: &str) -> Vec<(&'static Route, PathParams)> {
    let concrete: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let mut found: Vec<(&'static Route, PathParams)> = Vec::new();
    let mut clear = true;
    for (route, segments) in TABLE.iter() {
        let Some(params) = matches(segments, &concrete) else {
            continue;
        };
        let ids = [&params.conversation_id, &params.participant_id];
        clear &= found
            .iter()
            .all(|(other, _)| other.template == route.template)
            && !ids
                .into_iter()
                .flatten()
                .any(|id| inventory().is_literal(id));
        found.push((route, params));
    }
    if clear {
        return found;
    }
    Route::for_path(path)
        .into_iter()
        .filter(|(route, _)| route.lifecycle != Lifecycle::Removed)
        .collect()
}

fn matches(template: &[Segment], concrete: &[&str]) -> Option<PathParams> {
    if template.len() != concrete.len() {
        return None;
    }
    let mut params = PathParams::default();
    for (expected, actual) in template.iter().zip(concrete) {
        match expected {
            Segment::Literal(text) if text == actual => {}
            Segment::Conversation if !actual.is_empty() => {
                params.conversation_id = Some((*actual).to_owned());
            }
            Segment::Participant if !actual.is_empty() => {
                params.participant_id = Some((*actual).to_owned());
            }
            _ => return None,
        }
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(path: &str) -> Vec<(&'static Route, PathParams)> {
        Route::for_path(path)
            .into_iter()
            .filter(|(route, _)| route.lifecycle != Lifecycle::Removed)
            .collect()
    }

    #[test]
    fn the_fast_match_agrees_with_for_path() {
        // Every template with ids, with each literal of the route list in
        // place of each id, with a trailing slash, and cut short.
        let mut words: Vec<&str> = vec!["c-1", "p-2", "", "participants", "attributes"];
        for template in inventory().templates() {
            words.extend(template.template.split('/').filter(|s| !s.starts_with('{')));
        }
        words.sort_unstable();
        words.dedup();
        let mut paths = Vec::new();
        for route in ROUTES {
            for (cid, pid) in [("c-1", "p-2")]
                .into_iter()
                .chain(words.iter().map(|w| (*w, "p-2")))
                .chain(words.iter().map(|w| ("c-1", *w)))
            {
                let path = route.path(cid, pid);
                paths.push(format!("{path}/"));
                if let Some((head, _)) = path.rsplit_once('/') {
                    paths.push(head.to_owned());
                }
                paths.push(path);
            }
        }
        assert!(paths.len() > 1_000, "{}", paths.len());
        for path in &paths {
            assert_eq!(routes_for(path), slow(path), "{path}");
        }
    }
}
