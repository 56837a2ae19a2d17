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

/// `code --lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// A shell script around curl (tested against the simulator).
    Curl,
    /// Python 3 with PureCloudPlatformClientV2 (tested against the simulator).
    Python,
    /// Node.js with purecloud-platform-client-v2 (tested against the simulator).
    Javascript,
    /// Java with com.mypurecloud:platform-client-v2 (not run here).
    Java,
    /// C# with PureCloudPlatform.Client.V2 (not run here).
    Csharp,
    /// Go with platform-client-sdk-go (not run here).
    Go,
    /// A shell script around the Genesys Cloud CLI (not run here).
    Gc,
}

impl LangChoice {
    /// The language of the use case.
    #[must_use]
    pub fn lang(self) -> crate::usecase::code::Lang {
        use crate::usecase::code::Lang;
        match self {
            Self::Curl => Lang::Curl,
            Self::Python => Lang::Python,
            Self::Javascript => Lang::Javascript,
            Self::Java => Lang::Java,
            Self::Csharp => Lang::Csharp,
            Self::Go => Lang::Go,
            Self::Gc => Lang::Gc,
        }
    }
}
