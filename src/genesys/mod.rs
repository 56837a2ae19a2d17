//! The Genesys Cloud Platform API as data: models, regions, routes and error
//! codes. No I/O happens here.
//!
//! Every name, field and code traces to the project's fact sheet
//! (`shared/docs/genesys-api.md`), cited as "§n". Where the sheet says a
//! behaviour is *unconfirmed*, the item says so in its documentation.

mod enums;
pub mod error_codes;
pub mod models;
pub mod region;
pub mod routes;
pub mod secure;

pub use enums::{
    CommunicationState, ConversationRecordingState, Direction, DisconnectType, FlaggedReason,
    MediaParticipantPurpose, MediaRecordingState, ScreenRecordingState, WrapupPrompt,
};
pub use models::*;
pub use region::{REGIONS, Region, RegionError, Target};
pub use routes::{
    AttributeRoute, BodyModel, Lifecycle, Media, OTHER_ROUTES, PathParams, ROUTES, Route,
    RouteKind, Verb,
};
