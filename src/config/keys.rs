//! The `[keys]` table of our `config.toml`: each entry, `action = "key"` or
//! `action = ["key", …]`, becomes a [`Remap`] that carries its
//! `PATH:LINE:COLUMN`, for the app's keymap to apply and report on (see
//! [`crate::app::keymap`]). Pure: the file's text in, remaps and problems out.
//! Like the rest of `config`, no message quotes a value from the file but
//! the keys of `[keys]` itself (which hold no secret).

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::FileText;
use super::files::{origin, parse_table};
use crate::app::keymap::Remap;

/// The remaps of `[keys]`, and the problems met reading them (each starting
/// `PATH:LINE:COLUMN:`). A file with bad syntax gives the same message as the
/// profile resolution does, and no remaps.
#[must_use]
pub fn remaps(file: &FileText) -> (Vec<Remap>, Vec<String>) {
    if let Err(message) = parse_table(&file.path, &file.text) {
        return (Vec::new(), vec![message]);
    }
    let Ok(root) = DeTable::parse(&file.text) else {
        return (Vec::new(), Vec::new());
    };
    let at = |span: std::ops::Range<usize>| origin(&file.path, &file.text, span.start);
    let mut remaps = Vec::new();
    let mut problems = Vec::new();
    let Some((name, keys)) = root.get_ref().iter().find(|(k, _)| k.get_ref() == "keys") else {
        return (remaps, problems);
    };
    let DeValue::Table(table) = keys.get_ref() else {
        problems.push(format!(
            "{}: `keys` must be a table: [keys] with lines like send = \"x\"",
            at(name.span())
        ));
        return (remaps, problems);
    };
    // In the file's order (the table's own order is by name).
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(action, _)| action.span().start);
    for (action, value) in entries {
        let origin = at(action.span());
        match key_list(value) {
            Some(keys) => remaps.push(Remap {
                action: action.get_ref().to_string(),
                keys,
                origin,
            }),
            None => problems.push(format!(
                "{origin}: [keys] {0} must be a key in quotes or a list of them, e.g. \
                 {0} = \"x\" or {0} = [\"x\", \"ctrl-x\"]",
                action.get_ref()
            )),
        }
    }
    (remaps, problems)
}

fn key_list(value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
    match value.get_ref() {
        DeValue::String(text) => Some(vec![text.to_string()]),
        DeValue::Array(items) => items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(text) => Some(text.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> FileText {
        FileText {
            path: "/cfg/config.toml".into(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn each_entry_of_keys_carries_its_line_and_column() {
        let (remaps, problems) = remaps(&file(
            "[profiles.default]\nregion = \"eu-west-1\"\n\n[keys]\nsend = \"x\"\n  up = [\"up\", \"w\"]\n",
        ));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            remaps,
            [
                Remap {
                    action: "send".into(),
                    keys: vec!["x".into()],
                    origin: "/cfg/config.toml:5:1".into(),
                },
                Remap {
                    action: "up".into(),
                    keys: vec!["up".into(), "w".into()],
                    origin: "/cfg/config.toml:6:3".into(),
                },
            ]
        );
    }

    #[test]
    fn a_value_that_is_not_a_key_is_reported_where_it_is() {
        let (remaps, problems) = remaps(&file("[keys]\nsend = 1\nhelp = [\"F1\", 2]\n"));
        assert!(remaps.is_empty());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("/cfg/config.toml:2:1: [keys] send must be a key"),
            "{problems:?}"
        );
        assert!(problems[1].starts_with("/cfg/config.toml:3:1: [keys] help must be a key"));
    }

    #[test]
    fn bad_syntax_is_reported_once_with_its_position() {
        let (remaps, problems) = remaps(&file("[keys]\nsend = \"x\nup = 1\n"));
        assert!(remaps.is_empty());
        assert!(
            problems.len() == 1
                && problems[0].starts_with("/cfg/config.toml:2:")
                && problems[0].contains("bad TOML syntax"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_readme_example_applies_without_a_problem() {
        let readme = include_str!("../../README.md");
        let example = readme
            .split("```toml\n")
            .filter_map(|block| block.split_once("```").map(|(toml, _)| toml))
            .find(|toml| toml.starts_with("[keys]"))
            .expect("the README has a [keys] example");
        let (remaps, problems) = remaps(&file(example));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(remaps.len() >= 3, "{remaps:?}");
        let (keymap, problems) = crate::app::Keymap::with_remaps(&remaps);
        assert!(problems.is_empty(), "{problems:?}");
        assert_ne!(keymap, crate::app::Keymap::default());
    }

    #[test]
    fn keys_that_is_not_a_table_is_reported() {
        let (_, problems) = remaps(&file("keys = \"x\"\n"));
        assert!(
            problems.len() == 1
                && problems[0].starts_with("/cfg/config.toml:1:1: `keys` must be a table"),
            "{problems:?}"
        );
    }
}
