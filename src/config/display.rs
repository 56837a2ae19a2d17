//! The `[display]` table of our `config.toml`: how the TUI shows what it
//! shows. One setting today, `show_secure = true`: secure-attribute values in
//! clear on screen and in a copied curl (a trainer's demo), where the default
//! masks them. The history and the exports mask them whatever it says. Pure:
//! the file's text in, the settings and problems out; like the rest of
//! `config`, no message quotes a value from the file.

use toml::de::{DeTable, DeValue};

use super::FileText;
use super::files::{origin, parse_table};

/// The settings of `[display]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Display {
    /// `show_secure`: secure-attribute values in clear (default `false`).
    pub show_secure: bool,
}

/// The keys `[display]` knows.
const KNOWN: [&str; 1] = ["show_secure"];

/// The `[display]` settings of a file, and the problems met reading them
/// (each starting `PATH:LINE:COLUMN:`); a setting with a problem keeps its
/// default. A file with bad syntax gives the same message as the profile
/// resolution does, and the defaults.
#[must_use]
pub fn settings(file: &FileText) -> (Display, Vec<String>) {
    let mut display = Display::default();
    if let Err(message) = parse_table(&file.path, &file.text) {
        return (display, vec![message]);
    }
    let Ok(root) = DeTable::parse(&file.text) else {
        return (display, Vec::new());
    };
    let at = |offset: usize| origin(&file.path, &file.text, offset);
    let mut problems = Vec::new();
    let Some((name, table)) = root
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "display")
    else {
        return (display, problems);
    };
    let DeValue::Table(table) = table.get_ref() else {
        problems.push(format!(
            "{}: `display` must be a table: [display] with lines like show_secure = true",
            at(name.span().start)
        ));
        return (display, problems);
    };
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let here = at(key.span().start);
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("show_secure", DeValue::Boolean(on)) => display.show_secure = *on,
            ("show_secure", _) => problems.push(format!(
                "{here}: [display] show_secure must be true or false (without quotes); \
                 secure values stay masked"
            )),
            (other, _) => problems.push(format!(
                "{here}: [display] has no setting `{other}` (known: {})",
                KNOWN.join(", ")
            )),
        }
    }
    (display, problems)
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
    fn secure_values_are_masked_unless_show_secure_is_set_to_true() {
        assert_eq!(settings(&file("")), (Display::default(), Vec::new()));
        assert!(!Display::default().show_secure);
        let on = settings(&file(
            "[profiles.default]\nregion = \"eu-west-1\"\n\n[display]\nshow_secure = true\n",
        ));
        assert_eq!(on, (Display { show_secure: true }, Vec::new()));
        let off = settings(&file("[display]\nshow_secure = false\n"));
        assert_eq!(off, (Display { show_secure: false }, Vec::new()));
    }

    #[test]
    fn a_wrong_display_entry_is_reported_where_it_is_and_keeps_the_mask() {
        let (display, problems) =
            settings(&file("[display]\nshow_secure = \"yes\"\n  colour = 1\n"));
        assert!(!display.show_secure);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("/cfg/config.toml:2:1: [display] show_secure must be true or false"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("/cfg/config.toml:3:3: [display] has no setting `colour`"),
            "{problems:?}"
        );
        let (display, problems) = settings(&file("display = true\n"));
        assert!(!display.show_secure);
        assert!(
            problems[0].contains("`display` must be a table"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_readme_display_example_turns_show_secure_on() {
        let readme = include_str!("../../README.md");
        let example = readme
            .split("```toml\n")
            .filter_map(|block| block.split_once("```").map(|(toml, _)| toml))
            .find(|toml| toml.starts_with("[display]"))
            .expect("the README has a [display] example");
        assert_eq!(
            settings(&file(example)),
            (Display { show_secure: true }, Vec::new())
        );
    }
}
