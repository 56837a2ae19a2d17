//! Claims found in code or prose, such as a forum answer pasted whole: SDK
//! methods, models, packages and imports, scopes, routes, body keys, content
//! types, status and error codes, token and channel URLs, and statements
//! such as "the PATCH merges" (§5, §12, §13). Each is reported at its line
//! and column with a [`Verdict`]: the names and statements that are right
//! are `true` claims, never `false` ones.
//!
//! Three sources feed the claims: a table of fixed names ([`table`]), a
//! table of patterns for prose and code shapes ([`prose`]), and names judged
//! against the route inventory and the regions ([`judged`]: SDK methods,
//! token URLs, "a PUT exists"). Where two claims cover the same text, the
//! one that starts first (then the longer) is kept.

mod judged;
pub use judged::route_of_method;
mod prose;
mod table;

use serde::Serialize;

use super::{Finding, Fix, Location, Rule};

/// How the fact sheet judges a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The fact sheet says otherwise.
    False,
    /// Part of it is right (e.g. strings-only is true of the schema, the
    /// server's rejection is undocumented).
    Partly,
    /// The fact sheet says it is not confirmed either way.
    Unconfirmed,
    /// The fact sheet confirms it.
    True,
}

impl Verdict {
    /// The lowercase label, as in `--json`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::False => "false",
            Self::Partly => "partly",
            Self::Unconfirmed => "unconfirmed",
            Self::True => "true",
        }
    }
}

/// One claim found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextClaim {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text the claim was found in, as written.
    #[serde(rename = "match")]
    pub matched: String,
    /// How the fact sheet judges it.
    pub verdict: Verdict,
    /// What kind of claim (a `claim/…` id; the false ones are lint rules).
    pub rule: &'static str,
    /// What is true instead (or, for a true claim, what it is).
    pub truth: String,
    /// What to write instead (for a true claim, nothing to change).
    pub fix: String,
    /// The fact-sheet section, e.g. `§5 a`.
    pub evidence: &'static str,
    /// How the finding's message says it, e.g. `does not exist`.
    #[serde(skip)]
    pub says: &'static str,
    /// The length of the match, in characters (for overlaps).
    #[serde(skip)]
    pub width: usize,
}

impl TextClaim {
    /// Whether this claim covers some of the same characters as `other`.
    #[must_use]
    pub fn overlaps(&self, other: &TextClaim) -> bool {
        self.line == other.line
            && self.column < other.column + other.width.max(1)
            && other.column < self.column + self.width.max(1)
    }

    /// The claim as a lint finding (for the false ones).
    #[must_use]
    pub fn finding(&self) -> Option<Finding> {
        let rule = Rule::by_id(self.rule)?;
        Some(rule.finding(
            Location::LineColumn {
                line: self.line,
                column: self.column,
            },
            format!("`{}` {}", self.matched, self.says),
            self.truth.clone(),
            Some(Fix {
                summary: self.fix.clone(),
                ..Fix::default()
            }),
        ))
    }
}

/// A claim at a byte range of one line.
pub(crate) struct Hit<'a> {
    pub line_index: usize,
    pub line: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Hit<'_> {
    /// The claim, with the words of an entry.
    pub(crate) fn claim(
        &self,
        verdict: Verdict,
        rule: &'static str,
        words: (&'static str, String, String, &'static str),
    ) -> TextClaim {
        let (says, truth, fix, evidence) = words;
        let matched = &self.line[self.start..self.end];
        TextClaim {
            line: self.line_index + 1,
            column: self.line[..self.start].chars().count() + 1,
            matched: matched.to_owned(),
            verdict,
            rule,
            truth,
            fix,
            evidence,
            says,
            width: matched.chars().count(),
        }
    }
}

/// Every claim of a text the fact sheet can judge, in text order; of
/// claims covering the same characters, the first (then the longest) only.
#[must_use]
pub fn claims(text: &str) -> Vec<TextClaim> {
    let mut found = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        table::find(line_index, line, &mut found);
        prose::find(line_index, line, &mut found);
        judged::find(line_index, line, &mut found);
    }
    keep_first(found)
}

/// The claims sorted by position, without those overlapping an earlier
/// (or, at the same column, a longer) one. Ties keep the one found first.
#[must_use]
pub fn keep_first(mut found: Vec<TextClaim>) -> Vec<TextClaim> {
    found.sort_by_key(|c| (c.line, c.column, std::cmp::Reverse(c.width)));
    let mut kept: Vec<TextClaim> = Vec::with_capacity(found.len());
    for claim in found {
        let clash = kept
            .iter()
            .rev()
            .take_while(|k| k.line == claim.line)
            .any(|k| k.overlaps(&claim));
        if !clash {
            kept.push(claim);
        }
    }
    kept
}

/// The false claims of §5, §12 and §13 in a piece of code or prose, as lint
/// findings.
#[must_use]
pub fn check_snippet(text: &str) -> Vec<Finding> {
    claims(text)
        .iter()
        .filter(|c| c.verdict == Verdict::False)
        .filter_map(TextClaim::finding)
        .collect()
}

/// Whether `line[start..end]` stands alone: the characters either side are
/// not in `word`.
pub(crate) fn stands_alone(line: &str, start: usize, end: usize, word: fn(char) -> bool) -> bool {
    let before = line[..start].chars().next_back().is_none_or(|c| !word(c));
    let after = line[end..].chars().next().is_none_or(|c| !word(c));
    before && after
}

/// A character of an identifier.
pub(crate) fn identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A character of a token such as a scope, a package or a media type.
pub(crate) fn token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | ':')
}

#[cfg(test)]
mod tests;
