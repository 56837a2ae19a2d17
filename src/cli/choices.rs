//! The closed choices of the command line as types (`clap::ValueEnum`), so
//! that clap rejects a bad value itself, with the list of valid ones, and
//! the commands match on variants rather than strings. New closed choices
//! (the code languages of an export, say) belong here too.

use clap::ValueEnum;

use crate::genesys::Verb;

/// `send --verb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerbChoice {
    /// The keys to add or change (the real route).
    #[value(name = "PATCH")]
    Patch,
    /// The whole map, to see what the server answers (no PUT route exists).
    #[value(name = "PUT")]
    Put,
}

impl VerbChoice {
    /// The verb of the API model.
    #[must_use]
    pub fn verb(self) -> Verb {
        match self {
            Self::Patch => Verb::Patch,
            Self::Put => Verb::Put,
        }
    }
}

/// `diff --route` and `send --route` (§1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteArg {
    /// …/conversations/{id}/participants/{id}/attributes, for every media.
    Generic,
    /// The route of the participant's first media that has one
    /// (…/conversations/calls/…; co-browse is deprecated).
    Media,
}

impl RouteArg {
    /// The value as typed on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Generic => "generic",
            Self::Media => "media",
        }
    }
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One curl command line per exchange.
    Curl,
    /// A JSON array of history entries.
    Json,
}
