//! String enums of the API, kept lossless.
//!
//! The platform adds enum values over time, so each enum here keeps a value it
//! does not know in `Other` and writes it back unchanged: reading and
//! re-serializing a conversation never loses or rejects a new value.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`")] $variant,)+
            /// A value not known to this version of gc-attrs, kept verbatim.
            Other(String),
        }

        impl $name {
            /// Every value the fact sheet lists, in its order.
            pub const KNOWN: &'static [&'static str] = &[$($text),+];

            /// The wire text of this value.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Other(text) => text,
                }
            }

            /// Reads a wire value; an unknown one becomes `Other`.
            #[must_use]
            pub fn from_wire(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }

            /// Whether the value is one the fact sheet lists.
            #[must_use]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Ok(Self::from_wire(&text))
            }
        }
    };
}

string_enum! {
    /// CommunicationState (§2): the state of a conversation or a communication.
    CommunicationState {
        Alerting => "alerting",
        Dialing => "dialing",
        Contacting => "contacting",
        Offering => "offering",
        Connected => "connected",
        Disconnected => "disconnected",
        Terminated => "terminated",
        Converting => "converting",
        Uploading => "uploading",
        Transmitting => "transmitting",
        Parked => "parked",
        None => "none",
    }
}

string_enum! {
    /// `Conversation.recordingState` (§2).
    ConversationRecordingState {
        Active => "ACTIVE",
        Paused => "PAUSED",
        None => "NONE",
    }
}

string_enum! {
    /// `recordingState` of a media participant such as CallMediaParticipant (§2).
    MediaRecordingState {
        None => "none",
        Active => "active",
        Paused => "paused",
    }
}

string_enum! {
    /// `purpose` of a media participant (§2).
    MediaParticipantPurpose {
        Agent => "agent",
        User => "user",
        Customer => "customer",
        External => "external",
        Acd => "acd",
        Ivr => "ivr",
    }
}

string_enum! {
    /// `direction` of a media participant (§2).
    Direction {
        Inbound => "inbound",
        Outbound => "outbound",
    }
}

string_enum! {
    /// `disconnectType` of a media participant (§2).
    DisconnectType {
        Endpoint => "endpoint",
        EndpointDoNotDisturb => "endpoint.donotdisturb",
        Client => "client",
        System => "system",
        Transfer => "transfer",
        TransferConference => "transfer.conference",
        TransferConsult => "transfer.consult",
        TransferDoNotDisturb => "transfer.donotdisturb",
        TransferForward => "transfer.forward",
        TransferNoAnswer => "transfer.noanswer",
        TransferNotAvailable => "transfer.notavailable",
        TransportFailure => "transport.failure",
        Error => "error",
        Peer => "peer",
        OtherReason => "other",
        Spam => "spam",
        Inactivity => "inactivity",
        SessionExpired => "session.expired",
        Takeover => "takeover",
    }
}

string_enum! {
    /// `Participant.wrapupPrompt` (§2).
    WrapupPrompt {
        Mandatory => "mandatory",
        Optional => "optional",
        AgentRequested => "agentRequested",
        Timeout => "timeout",
        ForcedTimeout => "forcedTimeout",
    }
}

string_enum! {
    /// `Participant.screenRecordingState` (§2).
    ScreenRecordingState {
        Requested => "requested",
        Active => "active",
        Paused => "paused",
        Stopped => "stopped",
        Error => "error",
        Timeout => "timeout",
    }
}

string_enum! {
    /// `Participant.flaggedReason` (§2).
    FlaggedReason {
        General => "general",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip() {
        for text in CommunicationState::KNOWN {
            let state = CommunicationState::from_wire(text);
            assert!(state.is_known(), "{text}");
            assert_eq!(state.as_str(), *text);
        }
        assert_eq!(
            DisconnectType::from_wire("other"),
            DisconnectType::OtherReason
        );
    }

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let value: MediaParticipantPurpose = serde_json::from_str("\"workflow\"").unwrap();
        assert_eq!(value, MediaParticipantPurpose::Other("workflow".into()));
        assert!(!value.is_known());
        assert_eq!(serde_json::to_string(&value).unwrap(), "\"workflow\"");
    }

    #[test]
    fn non_string_values_are_rejected() {
        assert!(serde_json::from_str::<CommunicationState>("3").is_err());
    }
}
