//! The complete route list of `/api/v2/conversations` (fact sheet §7): every
//! (verb, path) pair of the official Python SDK, generated into
//! `conversations-routes.tsv` beside this file by `scripts/gen-routes.py` and
//! embedded here, with a matcher from a concrete path to its route.
//!
//! Matching: a concrete path (no host, no query; a trailing slash is ignored)
//! matches a template when both have as many segments, every literal is
//! equal and every `{parameter}` takes a non-empty segment. When several
//! templates match, the one with a literal at the first position where they
//! differ wins (`/conversations/settings` is not a conversation id; 17
//! literals compete with `{conversationId}` at that position).

mod nearest;

use std::sync::LazyLock;

use super::{Lifecycle, Verb};
pub use nearest::{Intent, Near};

/// The generated inventory, as committed.
pub const INVENTORY_TSV: &str = include_str!("conversations-routes.tsv");

/// The prefix every route of the inventory starts with.
pub const PREFIX: &str = "/api/v2/conversations";

/// Whether a route takes a body (the Python docstring's `body` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyNeed {
    /// The operation has no body parameter.
    None,
    /// The body may be left out.
    Optional,
    /// The body is required.
    Required,
}

/// One row of the inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRoute {
    /// The verb.
    pub verb: Verb,
    /// The path template, e.g. `/api/v2/conversations/{conversationId}`.
    pub template: &'static str,
    /// The Python SDK method.
    pub python: &'static str,
    /// The body model, if the operation takes a body.
    pub body_model: Option<&'static str>,
    /// Whether the body is required.
    pub body: BodyNeed,
    /// Current, deprecated or preview.
    pub lifecycle: Lifecycle,
    /// The Python return type, if the operation returns a body.
    pub returns: Option<&'static str>,
    /// The SDK file and line the row comes from, e.g. `conversations_api.py:13411`.
    pub source: (&'static str, u32),
}

/// One segment of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A literal, e.g. `participants`.
    Literal(&'static str),
    /// A parameter, by its name without braces, e.g. `conversationId`.
    Param(&'static str),
}

impl Segment {
    fn parse(text: &'static str) -> Self {
        match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(name) => Self::Param(name),
            None => Self::Literal(text),
        }
    }

    pub(crate) fn text(self) -> String {
        match self {
            Self::Literal(text) => text.to_owned(),
            Self::Param(name) => format!("{{{name}}}"),
        }
    }
}

/// A distinct path template with the routes (verbs) it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    /// The template.
    pub template: &'static str,
    pub(crate) segments: Vec<Segment>,
    /// Indexes into [`Inventory::routes`], in verb order.
    routes: Vec<usize>,
}

/// The inventory: its routes and their distinct templates.
#[derive(Debug, Clone)]
pub struct Inventory {
    /// The comment line at the top of the file (SDK name and version).
    pub source: &'static str,
    routes: Vec<ApiRoute>,
    templates: Vec<PathTemplate>,
    literals: Vec<&'static str>,
    errors: Vec<String>,
}

/// A concrete path matched to its template: every verb it has, and the
/// parameter values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMatch<'a> {
    /// The winning template.
    pub template: &'static str,
    /// Its routes, one per verb, in verb order.
    pub routes: Vec<&'a ApiRoute>,
    /// (parameter name, value) in path order.
    pub params: Vec<(&'static str, String)>,
}

impl<'a> PathMatch<'a> {
    /// The verbs the path has.
    #[must_use]
    pub fn verbs(&self) -> Vec<Verb> {
        self.routes.iter().map(|r| r.verb).collect()
    }

    /// The route for this verb, if the path has it.
    #[must_use]
    pub fn route(&self, verb: Verb) -> Option<&'a ApiRoute> {
        self.routes.iter().copied().find(|r| r.verb == verb)
    }

    /// The value of a parameter, e.g. `conversationId`.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

static INVENTORY: LazyLock<Inventory> = LazyLock::new(|| Inventory::parse(INVENTORY_TSV));

/// The embedded inventory (parsed once).
#[must_use]
pub fn inventory() -> &'static Inventory {
    &INVENTORY
}

/// The verbs in the order rows and matches list them.
const VERB_ORDER: [Verb; 5] = [Verb::Get, Verb::Post, Verb::Put, Verb::Patch, Verb::Delete];

fn verb_rank(verb: Verb) -> usize {
    VERB_ORDER.iter().position(|v| *v == verb).unwrap_or(0)
}

fn parse_row(line: &'static str) -> Result<ApiRoute, String> {
    let cells: Vec<&'static str> = line.split('\t').collect();
    let [
        verb,
        template,
        python,
        body_model,
        body,
        lifecycle,
        returns,
        file,
        source_line,
    ] = cells[..]
    else {
        return Err(format!("{} cells, 9 expected", cells.len()));
    };
    let verb = verb.parse::<Verb>().map_err(|e| e.to_string())?;
    if template != PREFIX && !template.starts_with("/api/v2/conversations/") {
        return Err(format!("`{template}` is not under {PREFIX}"));
    }
    let body = match body {
        "" => BodyNeed::None,
        "optional" => BodyNeed::Optional,
        "required" => BodyNeed::Required,
        other => return Err(format!("body_required `{other}`")),
    };
    let lifecycle = match lifecycle {
        "current" => Lifecycle::Current,
        "deprecated" => Lifecycle::Deprecated,
        "preview" => Lifecycle::Preview,
        other => return Err(format!("lifecycle `{other}`")),
    };
    let source_line = source_line
        .parse::<u32>()
        .map_err(|e| format!("line `{source_line}`: {e}"))?;
    let some = |text: &'static str| (!text.is_empty()).then_some(text);
    Ok(ApiRoute {
        verb,
        template,
        python,
        body_model: some(body_model),
        body,
        lifecycle,
        returns: some(returns),
        source: (file, source_line),
    })
}

impl Inventory {
    /// Reads the generated TSV. Rows that cannot be read are left out and
    /// listed in [`Inventory::errors`] (a unit test asserts there are none).
    #[must_use]
    pub fn parse(text: &'static str) -> Self {
        let mut source = "";
        let mut routes = Vec::new();
        let mut errors = Vec::new();
        let mut header_seen = false;
        for (number, line) in text.lines().enumerate() {
            if let Some(comment) = line.strip_prefix("# ") {
                source = comment;
            } else if !header_seen {
                header_seen = true;
                if !line.starts_with("verb\tpath\t") {
                    errors.push(format!("line {}: no header", number + 1));
                }
            } else if !line.is_empty() {
                match parse_row(line) {
                    Ok(route) => routes.push(route),
                    Err(err) => errors.push(format!("line {}: {err}", number + 1)),
                }
            }
        }
        let mut templates: Vec<PathTemplate> = Vec::new();
        for (index, route) in routes.iter().enumerate() {
            match templates.iter_mut().find(|t| t.template == route.template) {
                Some(t) => t.routes.push(index),
                None => templates.push(PathTemplate {
                    template: route.template,
                    segments: route
                        .template
                        .split('/')
                        .skip(1)
                        .map(Segment::parse)
                        .collect(),
                    routes: vec![index],
                }),
            }
        }
        for template in &mut templates {
            template.routes.sort_by_key(|&i| verb_rank(routes[i].verb));
        }
        let mut literals: Vec<&'static str> = templates
            .iter()
            .flat_map(|t| t.segments.iter())
            .filter_map(|s| match s {
                Segment::Literal(text) => Some(*text),
                Segment::Param(_) => None,
            })
            .collect();
        literals.sort_unstable();
        literals.dedup();
        Self {
            source,
            routes,
            templates,
            literals,
            errors,
        }
    }

    /// Every route, in the file's order (by path, then verb).
    #[must_use]
    pub fn routes(&self) -> &[ApiRoute] {
        &self.routes
    }

    /// The distinct path templates.
    #[must_use]
    pub fn templates(&self) -> &[PathTemplate] {
        &self.templates
    }

    /// Rows the parser could not read.
    #[must_use]
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// Whether a segment is a literal somewhere in a template (`api`,
    /// `conversations`, `participants`, `calls`, `settings`, …).
    #[must_use]
    pub fn is_literal(&self, segment: &str) -> bool {
        self.literals.binary_search(&segment).is_ok()
    }

    pub(crate) fn routes_of(&self, template: &PathTemplate) -> Vec<&ApiRoute> {
        template.routes.iter().map(|&i| &self.routes[i]).collect()
    }

    /// The template a concrete path matches, literal first at each segment,
    /// with every verb it has; `None` when no route has this path.
    #[must_use]
    pub fn lookup(&self, path: &str) -> Option<PathMatch<'_>> {
        let concrete = split(path);
        let best = self
            .templates
            .iter()
            .filter(|t| matches(&t.segments, &concrete))
            .min_by(|a, b| literal_first(&a.segments, &b.segments))?;
        let params = best
            .segments
            .iter()
            .zip(&concrete)
            .filter_map(|(s, value)| match s {
                Segment::Param(name) => Some((*name, (*value).to_owned())),
                Segment::Literal(_) => None,
            })
            .collect();
        Some(PathMatch {
            template: best.template,
            routes: self.routes_of(best),
            params,
        })
    }

    /// The route with this verb and path.
    #[must_use]
    pub fn find(&self, verb: Verb, path: &str) -> Option<&ApiRoute> {
        self.lookup(path)?.route(verb)
    }
}

/// The segments of a concrete path after the leading slash, a trailing slash
/// ignored.
pub(crate) fn split(path: &str) -> Vec<&str> {
    let path = path.trim_end_matches('/');
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

fn matches(template: &[Segment], concrete: &[&str]) -> bool {
    template.len() == concrete.len()
        && template.iter().zip(concrete).all(|(s, c)| match s {
            Segment::Literal(text) => text == c,
            Segment::Param(_) => !c.is_empty(),
        })
}

/// Orders two templates that match the same path: the one with a literal at
/// the first position where they differ comes first.
fn literal_first(a: &[Segment], b: &[Segment]) -> std::cmp::Ordering {
    let param = |s: &Segment| matches!(s, Segment::Param(_));
    a.iter().map(param).cmp(b.iter().map(param))
}

#[cfg(test)]
mod tests;
