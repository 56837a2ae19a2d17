//! The findings as both faces list them: at most [`LISTED_PER_RULE`] of
//! each rule, in the lint's order, and for each rule with more, how many
//! were left out. A body with 4,000 numeric values has 4,000
//! `body/value-not-string` findings; listing them all says nothing the
//! first twenty do not, and a reader needs the count, not the pages.

use serde::Serialize;

use super::Finding;

/// Most findings of one rule that a listing shows; the rest are counted in
/// [`Unlisted`]. Twenty fill a screen of the TUI and show the pattern (which
/// keys, which values); the count says how far it goes.
pub const LISTED_PER_RULE: usize = 20;

/// How many findings of one rule a listing leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Unlisted {
    /// The rule's id.
    pub rule: &'static str,
    /// Findings of the rule beyond the first [`LISTED_PER_RULE`].
    pub count: usize,
}

/// The findings of one request as listed: the shown ones, then the counts of
/// the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listing<'a> {
    /// At most [`LISTED_PER_RULE`] findings per rule, in the lint's order
    /// (the most severe first).
    pub findings: Vec<&'a Finding>,
    /// Per rule with more findings than listed, how many more, in the order
    /// the rules first appear.
    pub unlisted: Vec<Unlisted>,
}

impl Listing<'_> {
    /// How many findings are not listed, over all rules.
    #[must_use]
    pub fn unlisted_count(&self) -> usize {
        self.unlisted.iter().map(|u| u.count).sum()
    }
}

/// Lists `findings`: the first [`LISTED_PER_RULE`] of each rule, and the
/// count of the rest per rule.
#[must_use]
pub fn listing(findings: &[Finding]) -> Listing<'_> {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    let mut listed = Vec::new();
    for finding in findings {
        let index = seen
            .iter()
            .position(|(rule, _)| *rule == finding.rule)
            .unwrap_or_else(|| {
                seen.push((finding.rule, 0));
                seen.len() - 1
            });
        seen[index].1 += 1;
        if seen[index].1 <= LISTED_PER_RULE {
            listed.push(finding);
        }
    }
    let unlisted = seen
        .into_iter()
        .filter(|(_, count)| *count > LISTED_PER_RULE)
        .map(|(rule, count)| Unlisted {
            rule,
            count: count - LISTED_PER_RULE,
        })
        .collect();
    Listing {
        findings: listed,
        unlisted,
    }
}
