//! The pure core end to end: edit -> both bodies -> lint -> diff, for maps of
//! 10, 1,000 and 10,000 attributes with 64-character values; and the lint of
//! a pasted body with 4,000 numeric values (4,000 findings, one corrected
//! body, listed as both faces list it).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gc_attrs::genesys::{Attributes, Verb};
use gc_attrs::lint::{Request, lint, listing};
use gc_attrs::payload::Edits;
use gc_attrs::usecase::{EditTarget, Preview, RouteChoice};

const CONVERSATION: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
const PARTICIPANT: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

fn value(i: usize) -> String {
    format!("{i:08}-{}", "v".repeat(55))
}

fn original(n: usize) -> Attributes {
    (0..n)
        .map(|i| (format!("attribute{i:05}"), value(i)))
        .collect()
}

/// One realistic edit session: a tenth of the values changed, a few keys
/// added, a few deleted, one renamed; then the preview both faces compute:
/// both bodies, the lint of both requests and the PUT-vs-PATCH diff.
fn pipeline(original: &Attributes) -> usize {
    let mut edits = Edits::new(original.clone());
    let n = original.len();
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
    let target = EditTarget::ParticipantAttributes {
        conversation_id: CONVERSATION.to_owned(),
        participant_id: PARTICIPANT.to_owned(),
    };
    let preview = Preview::of(&target, &edits, Verb::Patch, RouteChoice::Generic);
    preview.patch.findings.len() + preview.put.findings.len() + preview.diff.lines.len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_bodies_lint_diff");
    for n in [10, 1_000, 10_000] {
        let map = original(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &map, |b, map| {
            b.iter(|| pipeline(black_box(map)));
        });
    }
    group.finish();
}

/// `{"attributes": {"k00000": 0, …}}` with `n` numeric values: 56 KB at 4,000.
fn numeric_body(n: usize) -> String {
    let map: serde_json::Map<String, serde_json::Value> = (0..n)
        .map(|i| (format!("k{i:05}"), serde_json::json!(i)))
        .collect();
    serde_json::json!({ "attributes": map }).to_string()
}

/// Lint of a body whose every value is a number: one `body/value-not-string`
/// finding per value, all sharing one corrected body, then the listing both
/// faces show.
fn numeric(c: &mut Criterion) {
    let target = EditTarget::ParticipantAttributes {
        conversation_id: CONVERSATION.to_owned(),
        participant_id: PARTICIPANT.to_owned(),
    };
    let (_, path) = target.route(Verb::Patch, RouteChoice::Generic);
    let mut group = c.benchmark_group("lint_numeric_values");
    let n = 4_000;
    let body = numeric_body(n);
    group.bench_with_input(BenchmarkId::from_parameter(n), &body, |b, body| {
        b.iter(|| {
            let findings = lint(&Request {
                verb: "PATCH",
                path: &path,
                content_type: Some("application/json"),
                body: black_box(body),
            });
            let listed = listing(&findings);
            (
                findings.len(),
                listed.findings.len(),
                listed.unlisted_count(),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, bench, numeric);
criterion_main!(benches);
