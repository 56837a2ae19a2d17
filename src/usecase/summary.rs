//! What a conversation is, in one row: its media, its participants
//! (purpose and name), when it started, how many attributes it holds, and
//! where the row comes from (a recent conversation of the history, or a
//! fixture of the simulator). The TUI's picker and `gc-attrs sim`'s list of
//! conversations say the same words.

use crate::genesys::Conversation;

/// Where a row of the picker comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A conversation opened before on this target (from the history).
    Recent,
    /// A conversation the simulator serves from its fixtures.
    Fixture,
}

impl Origin {
    /// The word shown for it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Recent => "recent",
            Self::Fixture => "fixture",
        }
    }
}

/// What is known of a conversation from a read of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// Its media kinds as words (`call`, `email`, …), each once, in the
    /// order its participants first show them.
    pub media: Vec<String>,
    /// Each participant's purpose and name (empty when absent).
    pub participants: Vec<(String, String)>,
    /// Its start, as `2026-11-20 14:02` (as given when not ISO-8601).
    pub start: String,
    /// The participant attributes it holds, over all participants.
    pub attributes: usize,
}

/// One row describing a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRow {
    /// The conversation id, lowercase.
    pub id: String,
    /// What a read of it showed; `None` when only its id is known (the
    /// history holds no successful read of it).
    pub details: Option<Details>,
    /// Where the row comes from.
    pub origin: Origin,
}

impl ConversationRow {
    /// The row of a conversation as read.
    #[must_use]
    pub fn of(conversation: &Conversation, origin: Origin) -> Self {
        Self {
            id: conversation
                .id
                .as_deref()
                .unwrap_or_default()
                .to_ascii_lowercase(),
            details: Some(Details::of(conversation)),
            origin,
        }
    }

    /// A row that knows only the id.
    #[must_use]
    pub fn bare(id: &str, origin: Origin) -> Self {
        Self {
            id: id.to_ascii_lowercase(),
            details: None,
            origin,
        }
    }

    /// Whether every word of `query` is found, case-insensitively, in the
    /// id, a media word or a participant's name or purpose. An empty query
    /// matches every row.
    #[must_use]
    pub fn matches(&self, query: &str) -> bool {
        let mut haystack = self.id.clone();
        if let Some(details) = &self.details {
            for media in &details.media {
                haystack.push(' ');
                haystack.push_str(media);
            }
            for (purpose, name) in &details.participants {
                haystack.push(' ');
                haystack.push_str(purpose);
                haystack.push(' ');
                haystack.push_str(name);
            }
        }
        let haystack = haystack.to_lowercase();
        query
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }

    /// The media as one word list, `call, callback`; empty when unknown.
    #[must_use]
    pub fn media(&self) -> String {
        match &self.details {
            Some(details) if !details.media.is_empty() => details.media.join(", "),
            Some(_) => "no media".to_owned(),
            None => String::new(),
        }
    }

    /// The participants, `customer Yamada Taro, agent Jana Müller`.
    #[must_use]
    pub fn participants(&self) -> String {
        let Some(details) = &self.details else {
            return "not read yet: open it to see what it is".to_owned();
        };
        if details.participants.is_empty() {
            return "no participants".to_owned();
        }
        details
            .participants
            .iter()
            .map(
                |(purpose, name)| match (purpose.is_empty(), name.is_empty()) {
                    (false, false) => format!("{purpose} {name}"),
                    (false, true) => purpose.clone(),
                    (true, false) => name.clone(),
                    (true, true) => "(unnamed)".to_owned(),
                },
            )
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The number of attributes in words, `17 attributes`; empty when
    /// unknown.
    #[must_use]
    pub fn attributes(&self) -> String {
        match &self.details {
            Some(Details { attributes: 1, .. }) => "1 attribute".to_owned(),
            Some(Details { attributes, .. }) => format!("{attributes} attributes"),
            None => String::new(),
        }
    }

    /// The start as `started 2026-11-20 14:02`; empty when unknown.
    #[must_use]
    pub fn start(&self) -> String {
        self.details
            .as_ref()
            .map(|d| format!("started {}", d.start))
            .unwrap_or_default()
    }

    /// The whole row after the id, as both faces say it:
    /// `call · customer Yamada Taro, agent Jana Müller · started 2026-11-20 14:02 · 17 attributes · fixture`.
    #[must_use]
    pub fn words(&self) -> String {
        [
            self.media(),
            self.participants(),
            self.start(),
            self.attributes(),
            self.origin.word().to_owned(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

impl Details {
    /// What a conversation as read shows.
    #[must_use]
    pub fn of(conversation: &Conversation) -> Self {
        let mut media: Vec<String> = Vec::new();
        for participant in &conversation.participants {
            for kind in participant.media_kinds() {
                let word = kind.strip_suffix('s').unwrap_or(kind).to_owned();
                if !media.contains(&word) {
                    media.push(word);
                }
            }
        }
        let participants = conversation
            .participants
            .iter()
            .map(|p| {
                (
                    p.purpose.clone().unwrap_or_default(),
                    p.name.clone().unwrap_or_default(),
                )
            })
            .collect();
        let attributes = conversation
            .participants
            .iter()
            .map(|p| {
                p.attributes
                    .as_ref()
                    .map_or(0, std::collections::BTreeMap::len)
            })
            .sum();
        Self {
            media,
            participants,
            start: minute(&conversation.start_time),
            attributes,
        }
    }
}

/// An ISO-8601 timestamp as `2026-11-20 14:02`, or as given when it is not one.
fn minute(timestamp: &str) -> String {
    match (timestamp.get(..10), timestamp.get(11..16)) {
        (Some(date), Some(time)) if timestamp.as_bytes().get(10) == Some(&b'T') => {
            format!("{date} {time}")
        }
        _ => timestamp.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{ConversationRow, Origin};

    fn call() -> ConversationRow {
        ConversationRow::of(&crate::app::call_fixture(), Origin::Fixture)
    }

    #[test]
    fn a_conversation_row_names_media_participants_start_attributes_and_origin() {
        assert_eq!(
            call().words(),
            "call · customer Yamada Taro, ivr Billing IVR, acd Billing Support, \
             agent Jana Müller · started 2026-11-20 14:02 · 17 attributes · fixture"
        );
    }

    #[test]
    fn a_row_known_only_by_its_id_says_it_was_not_read() {
        let row = ConversationRow::bare("6A1E3B52-9C4D-4F7A-8E21-5B0C7D9E2F14", Origin::Recent);
        assert_eq!(row.id, "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14");
        assert_eq!(
            row.words(),
            "not read yet: open it to see what it is · recent"
        );
    }

    #[test]
    fn a_query_matches_id_media_and_names_case_insensitively_word_by_word() {
        let row = call();
        for (query, expected) in [
            ("", true),
            ("6A1E3B", true),
            ("CALL", true),
            ("jana", true),
            ("müller call", true),
            ("yamada agent", true),
            ("email", false),
            ("jana email", false),
            ("fixture", false),
        ] {
            assert_eq!(row.matches(query), expected, "{query:?}");
        }
        let bare = ConversationRow::bare("6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14", Origin::Recent);
        assert!(bare.matches("6a1e"));
        assert!(!bare.matches("call"));
    }
}
