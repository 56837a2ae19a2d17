//! The nearest real routes to a path that matches none: the fix a person
//! needs for `…/participant/…` or `/conversations/participants/{id}`.
//!
//! Nearness is a segment-wise edit distance between the concrete path and
//! each template, in half-points so that a near-miss is cheaper than
//! dropping a segment:
//!
//! | step | cost |
//! |---|---|
//! | a segment is missing or extra | 2 |
//! | a literal differs by a typo or a plural (at most 2 letters) | 1 |
//! | a literal is another word | 4 (= drop one, add one) |
//! | a `{parameter}` takes any value | 0 |
//! | … except a word the API uses as a literal (`participants`, `calls`) | 2 |
//! | the template lacks the request's verb | +4 |
//! | the body is a model no verb of the template takes | +4 |
//!
//! Ties go to the template that keeps more of the path's words (literals
//! equal in both), then to the first in alphabetical order.

use super::{ApiRoute, Inventory, PathTemplate, Segment, split};
use crate::genesys::Verb;

const GAP: u32 = 2;
const TYPO: u32 = 1;
const OTHER_WORD: u32 = 4;
const WORD_AS_PARAM: u32 = 2;
const PENALTY: u32 = 4;

/// What the request says about the route it meant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Intent<'a> {
    /// The request's verb, if it is one.
    pub verb: Option<Verb>,
    /// The body model the request's body looks like, e.g. `ParticipantAttributes`.
    pub body_model: Option<&'a str>,
}

/// A real route near a path that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near<'a> {
    /// The template.
    pub template: &'static str,
    /// The template with the request's values where they line up with a
    /// parameter; parameters with no value stay as `{name}`.
    pub path: String,
    /// The verb to use: the request's, when the template has it.
    pub verb: Verb,
    /// The route for that verb.
    pub route: &'a ApiRoute,
    /// The distance (lower is nearer), in the half-points of the table above.
    pub distance: u32,
    /// How many of the path's segments are literals of the template as they are.
    pub kept: usize,
}

impl Inventory {
    /// The 1 to 3 nearest templates (all within 2 of the best), nearest first.
    #[must_use]
    pub fn nearest(&self, path: &str, intent: Intent<'_>) -> Vec<Near<'_>> {
        let concrete = split(path);
        let mut scored: Vec<Near<'_>> = self
            .templates
            .iter()
            .filter_map(|t| self.score(t, &concrete, intent))
            .collect();
        scored.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.kept.cmp(&a.kept))
                .then(a.template.cmp(b.template))
        });
        let best = scored.first().map_or(0, |n| n.distance);
        scored.retain(|n| n.distance <= best + 2);
        scored.truncate(3);
        scored
    }

    fn score(
        &self,
        template: &PathTemplate,
        concrete: &[&str],
        intent: Intent<'_>,
    ) -> Option<Near<'_>> {
        let (edits, kept, path) = self.align(&template.segments, concrete);
        let routes = self.routes_of(template);
        let wanted = intent
            .verb
            .and_then(|verb| routes.iter().copied().find(|r| r.verb == verb));
        let by_model = intent
            .body_model
            .and_then(|model| routes.iter().copied().find(|r| r.body_model == Some(model)));
        let mut distance = edits;
        if intent.verb.is_some() && wanted.is_none() {
            distance += PENALTY;
        }
        if intent.body_model.is_some() && by_model.is_none() {
            distance += PENALTY;
        }
        let route = wanted.or(by_model).or_else(|| routes.first().copied())?;
        Some(Near {
            template: template.template,
            path,
            verb: route.verb,
            route,
            distance,
            kept,
        })
    }

    fn substitution(&self, template: Segment, concrete: &str) -> u32 {
        match template {
            Segment::Literal(text) if text == concrete => 0,
            Segment::Literal(text) if levenshtein(text, concrete) <= 2 => TYPO,
            Segment::Literal(_) => OTHER_WORD,
            Segment::Param(_) if concrete.is_empty() => GAP,
            Segment::Param(_) if self.is_literal(concrete) => WORD_AS_PARAM,
            Segment::Param(_) => 0,
        }
    }

    /// The edit distance, the number of literals kept, and the template
    /// filled with the concrete values that line up with its parameters at
    /// no cost.
    fn align(&self, template: &[Segment], concrete: &[&str]) -> (u32, usize, String) {
        let (m, n) = (template.len(), concrete.len());
        // cost[i][j]: template[..i] against concrete[..j].
        let mut cost = vec![vec![0u32; n + 1]; m + 1];
        for (i, row) in cost.iter_mut().enumerate() {
            row[0] = GAP * u32::try_from(i).unwrap_or(u32::MAX / 4);
        }
        for (j, cell) in cost[0].iter_mut().enumerate() {
            *cell = GAP * u32::try_from(j).unwrap_or(u32::MAX / 4);
        }
        for i in 1..=m {
            for j in 1..=n {
                let sub = cost[i - 1][j - 1] + self.substitution(template[i - 1], concrete[j - 1]);
                cost[i][j] = sub.min(cost[i - 1][j] + GAP).min(cost[i][j - 1] + GAP);
            }
        }
        let mut filled = Vec::with_capacity(m);
        let mut kept = 0;
        let (mut i, mut j) = (m, n);
        while i > 0 {
            let segment = template[i - 1];
            if j > 0 {
                let sub = self.substitution(segment, concrete[j - 1]);
                let equal_literal = sub == 0 && matches!(segment, Segment::Literal(_));
                // On a tie, a value goes to the earlier parameter: one id
                // given is more likely the conversation's than the participant's.
                let insert_ties = cost[i][j] == cost[i - 1][j] + GAP;
                if cost[i][j] == cost[i - 1][j - 1] + sub && (equal_literal || !insert_ties) {
                    kept += usize::from(equal_literal);
                    filled.push(match segment {
                        Segment::Param(_) if sub == 0 => concrete[j - 1].to_owned(),
                        other => other.text(),
                    });
                    i -= 1;
                    j -= 1;
                    continue;
                }
                if cost[i][j] == cost[i][j - 1] + GAP {
                    j -= 1;
                    continue;
                }
            }
            filled.push(segment.text());
            i -= 1;
        }
        filled.reverse();
        (cost[m][n], kept, format!("/{}", filled.join("/")))
    }
}

/// Letters to change, add or drop to turn one word into the other.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn levenshtein_counts_letters() {
        assert_eq!(levenshtein("participant", "participants"), 1);
        assert_eq!(levenshtein("calls", "call"), 1);
        assert_eq!(levenshtein("voice", "calls"), 5);
        assert_eq!(levenshtein("", "abc"), 3);
    }
}
