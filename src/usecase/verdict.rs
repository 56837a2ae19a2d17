//! The lint verdict of a request, in the words every face prints: the
//! payload pane's first lines, the send dialog, `gc-attrs diff`, `check`
//! and `lint`. Rejects are counted apart from warnings and infos, and the
//! rules that predict a rejection are named, each once:
//! `PUT ✖ 1 reject (route/put-on-attributes) · 1 info`.

use crate::lint::{Finding, Severity};

/// A severity's glyph: `✖` reject, `✗` likely reject, `!` warning, `i` info.
#[must_use]
pub fn glyph(severity: Severity) -> &'static str {
    match severity {
        Severity::Reject => "✖",
        Severity::LikelyReject => "✗",
        Severity::Warning => "!",
        Severity::Info => "i",
    }
}

/// `✓ no findings`, or the worst severity's glyph and the findings counted
/// by severity, most severe first, each reject count with its rules:
/// `✖ 1 reject (route/put-on-attributes) · 1 likely reject
/// (body/value-not-string) · 2 warnings · 1 info`.
#[must_use]
pub fn summary(findings: &[Finding]) -> String {
    let Some(worst) = findings.iter().map(|f| f.severity).max() else {
        return "✓ no findings".to_owned();
    };
    let mut parts = Vec::new();
    for (severity, one, many) in [
        (Severity::Reject, "reject", "rejects"),
        (Severity::LikelyReject, "likely reject", "likely rejects"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "infos"),
    ] {
        let mut rules: Vec<&str> = Vec::new();
        let mut count = 0;
        for finding in findings.iter().filter(|f| f.severity == severity) {
            count += 1;
            if !rules.contains(&finding.rule) {
                rules.push(finding.rule);
            }
        }
        if count == 0 {
            continue;
        }
        let noun = if count == 1 { one } else { many };
        let mut part = format!("{} {noun}", super::words::thousands(count));
        if severity.rejects() {
            part = format!("{part} ({})", rules.join(", "));
        }
        parts.push(part);
    }
    format!("{} {}", glyph(worst), parts.join(" · "))
}

/// One request's verdict on one line: `PATCH ✓ no findings`, `PUT ✖ 1
/// reject (route/put-on-attributes) · 1 info`.
#[must_use]
pub fn line(verb: &str, findings: &[Finding]) -> String {
    format!("{verb} {}", summary(findings))
}

/// A PATCH's verdict with the keys it would leave in place although the
/// edit deletes or renames them (it merges: it cannot remove a key, §3):
/// `PATCH ✓ no findings · cannot remove 1 key (ivrPath)`. Unchanged when
/// there are none.
#[must_use]
pub fn with_unremovable(line: String, keys: &[String]) -> String {
    match keys {
        [] => line,
        [one] => format!("{line} · cannot remove 1 key ({one})"),
        [first, ..] => format!(
            "{line} · cannot remove {} keys ({first}, …)",
            super::words::thousands(keys.len())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Location, Rule};

    fn finding(rule: &str, severity: Severity) -> Finding {
        let mut finding = Rule::by_id(rule)
            .unwrap_or_else(|| panic!("no rule {rule}"))
            .finding(Location::Verb, "m".into(), "e".into(), None);
        finding.severity = severity;
        finding
    }

    #[test]
    fn rejects_are_counted_apart_from_warnings_and_infos_and_their_rules_named() {
        let put = "route/put-on-attributes";
        let value = "body/value-not-string";
        let rows: [(&[(&str, Severity)], &str); 5] = [
            (&[], "PUT ✓ no findings"),
            (&[(put, Severity::Info)], "PUT i 1 info"),
            (
                &[(put, Severity::Reject), (value, Severity::Info)],
                "PUT ✖ 1 reject (route/put-on-attributes) · 1 info",
            ),
            (
                &[
                    (value, Severity::Warning),
                    (value, Severity::Warning),
                    (put, Severity::Info),
                ],
                "PUT ! 2 warnings · 1 info",
            ),
            (
                &[
                    (value, Severity::LikelyReject),
                    (put, Severity::Reject),
                    (value, Severity::LikelyReject),
                    (put, Severity::Warning),
                ],
                "PUT ✖ 1 reject (route/put-on-attributes) · 2 likely rejects (body/value-not-string) · 1 warning",
            ),
        ];
        for (findings, want) in rows {
            let findings: Vec<Finding> = findings.iter().map(|(r, s)| finding(r, *s)).collect();
            assert_eq!(line("PUT", &findings), want);
        }
    }

    #[test]
    fn a_patch_verdict_names_the_keys_it_cannot_remove() {
        let line = || "PATCH ✓ no findings".to_owned();
        assert_eq!(with_unremovable(line(), &[]), "PATCH ✓ no findings");
        assert_eq!(
            with_unremovable(line(), &["ivrPath".to_owned()]),
            "PATCH ✓ no findings · cannot remove 1 key (ivrPath)"
        );
        assert_eq!(
            with_unremovable(line(), &["a".to_owned(), "b".to_owned()]),
            "PATCH ✓ no findings · cannot remove 2 keys (a, …)"
        );
    }
}
