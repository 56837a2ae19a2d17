//! An SDK call with a body literal, read as the request the SDK sends:
//! Python `patch_conversation_participant_attributes(cid, pid,
//! ParticipantAttributes(attributes={...}))` or a dict, JavaScript
//! `patchConversationParticipantAttributes(cid, pid, {attributes: {...}})`.
//! The method gives the verb and path (the route inventory, §7), the
//! arguments the ids (a literal as its value, a variable as `{name}`), the
//! body literal the JSON (Python keyword names camel-cased, as the SDK's
//! attribute map does). Values are kept as written: the Python SDK does not
//! type-check them (§11).

use serde_json::{Map, Number, Value};

use super::{Imported, Source};
use crate::genesys::routes::inventory::ApiRoute;
use crate::lint::route_of_method;

/// The longest call read, in bytes.
const MAX_CALL: usize = 256 * 1024;

/// The first SDK call of a known method in `text` that has a body literal
/// (or whose route takes no body).
#[must_use]
pub fn call_in(text: &str) -> Option<Imported> {
    let mut from = 0;
    while let Some((start, name)) = next_method(&text[from..]) {
        if let Some(imported) = call_at(&text[from + start..]) {
            return Some(imported);
        }
        from += start + name.len();
    }
    None
}

/// The first identifier of `text` that is a known SDK method and is
/// followed by `(`: its byte offset and name.
#[must_use]
pub fn next_method(text: &str) -> Option<(usize, &str)> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let offset = rest.find(|c: char| c.is_ascii_alphabetic())?;
        let start = at + offset;
        let len = text[start..]
            .find(|c: char| !is_ident(c))
            .unwrap_or(text.len() - start);
        let name = &text[start..start + len];
        let preceded = text[..start].chars().next_back().is_some_and(is_ident);
        if !preceded
            && name.contains("onversation")
            && route_of_method(name).is_some()
            && text[start + len..].trim_start().starts_with('(')
        {
            return Some((start, name));
        }
        at = start + len.max(1);
    }
    None
}

/// The call that starts `text` (`method(args…)`), if its method is known
/// and its body is a literal.
#[must_use]
pub fn call_at(text: &str) -> Option<Imported> {
    let len = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let name = &text[..len];
    let route = route_of_method(name)?;
    let open = len + text[len..].find('(')?;
    let inner = &text[open + 1..];
    let inner = &inner[..inner.len().min(MAX_CALL)];
    let args = Parser::new(inner).args()?;
    let params: Vec<&str> = route
        .template
        .split('/')
        .filter(|s| s.starts_with('{'))
        .collect();
    let mut ids = Vec::new();
    for (i, param) in params.iter().enumerate() {
        let id = match args.get(i) {
            Some(Arg::Literal(Value::String(s))) => s.clone(),
            Some(Arg::Name(n)) => format!("{{{n}}}"),
            _ => (*param).to_owned(),
        };
        ids.push(id);
    }
    let body = match args.get(params.len()) {
        Some(Arg::Literal(value)) => serde_json::to_string(value).ok()?,
        None if route.body_model.is_none() => String::new(),
        _ => return None,
    };
    Some(Imported {
        source: Source::Sdk,
        verb: route.verb.as_str().to_owned(),
        target: Some(fill_template(route, &ids)),
        headers: Vec::new(),
        content_type: (!body.is_empty()).then(|| "application/json".to_owned()),
        body,
        notes: vec![format!(
            "read from the SDK call {name}(…): the SDK sends {} {} with application/json",
            route.verb, route.template
        )],
    })
}

fn fill_template(route: &ApiRoute, ids: &[String]) -> String {
    let mut ids = ids.iter();
    route
        .template
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                ids.next().map_or(segment, String::as_str).to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// One argument of a call.
enum Arg {
    /// A literal, read as JSON.
    Literal(Value),
    /// A variable (or an expression read no further), by its text.
    Name(String),
    /// Something else.
    Other,
}

/// A reader of Python and JavaScript literals.
struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    depth: usize,
}

/// The deepest literal read.
const MAX_DEPTH: usize = 64;

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            chars: text.chars().peekable(),
            depth: 0,
        }
    }

    fn skip_space(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.chars.next();
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_space();
        if self.chars.peek() == Some(&c) {
            self.chars.next();
            true
        } else {
            false
        }
    }

    /// The arguments up to the call's `)`.
    fn args(&mut self) -> Option<Vec<Arg>> {
        let mut out = Vec::new();
        loop {
            if self.eat(')') {
                return Some(out);
            }
            out.push(self.arg()?);
            if !self.eat(',') {
                return self.eat(')').then_some(out);
            }
        }
    }

    /// One argument: `name=value` is read as its value.
    fn arg(&mut self) -> Option<Arg> {
        self.skip_space();
        match self.chars.peek() {
            Some(c) if c.is_alphabetic() || *c == '_' => {
                let word = self.word();
                self.skip_space();
                if self.chars.peek() == Some(&'=') {
                    self.chars.next();
                    return self.arg();
                }
                self.after_word(word).map(|value| match value {
                    Word::Value(v) => Arg::Literal(v),
                    Word::Name(n) => Arg::Name(n),
                })
            }
            Some(_) => self.value().map(Arg::Literal).or(Some(Arg::Other)),
            None => None,
        }
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_alphanumeric() || c == '_' || c == '.' {
                word.push(c);
                self.chars.next();
            } else {
                break;
            }
        }
        word
    }

    /// A word read: a keyword literal, a model call `Model(kw=…)`, or a name.
    fn after_word(&mut self, word: String) -> Option<Word> {
        match word.as_str() {
            "True" | "true" => return Some(Word::Value(Value::Bool(true))),
            "False" | "false" => return Some(Word::Value(Value::Bool(false))),
            "None" | "null" | "undefined" => return Some(Word::Value(Value::Null)),
            "new" => {
                self.skip_space();
                let model = self.word();
                return self.after_word(model);
            }
            _ => {}
        }
        if self.eat('(') {
            return self.model().map(Word::Value);
        }
        Some(Word::Name(word))
    }

    /// `Model(attributes={…}, other=…)` as `{"attributes": …, "other": …}`.
    fn model(&mut self) -> Option<Value> {
        let mut map = Map::new();
        loop {
            if self.eat(')') {
                return Some(Value::Object(map));
            }
            self.skip_space();
            let key = self.word();
            if key.is_empty() || !self.eat('=') {
                return None;
            }
            let value = self.value()?;
            map.insert(camel(&key), value);
            if !self.eat(',') {
                return self.eat(')').then_some(Value::Object(map));
            }
        }
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_space();
        match *self.chars.peek()? {
            '{' => self.nested(Self::object),
            '[' => self.nested(Self::array),
            '"' | '\'' | '`' => self.string().map(Value::String),
            c if c == '-' || c == '+' || c.is_ascii_digit() => self.number(),
            c if c.is_alphabetic() || c == '_' => {
                let word = self.word();
                match self.after_word(word)? {
                    Word::Value(v) => Some(v),
                    Word::Name(_) => None,
                }
            }
            _ => None,
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Option<Value>) -> Option<Value> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        self.chars.next();
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Option<Value> {
        let mut map = Map::new();
        loop {
            if self.eat('}') {
                return Some(Value::Object(map));
            }
            self.skip_space();
            let key = match *self.chars.peek()? {
                '"' | '\'' | '`' => self.string()?,
                c if c.is_alphanumeric() || c == '_' || c == '$' => self.word(),
                _ => return None,
            };
            if !self.eat(':') {
                return None;
            }
            let value = self.value()?;
            map.insert(key, value);
            if !self.eat(',') {
                return self.eat('}').then_some(Value::Object(map));
            }
        }
    }

    fn array(&mut self) -> Option<Value> {
        let mut items = Vec::new();
        loop {
            if self.eat(']') {
                return Some(Value::Array(items));
            }
            items.push(self.value()?);
            if !self.eat(',') {
                return self.eat(']').then_some(Value::Array(items));
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        let quote = self.chars.next()?;
        let mut out = String::new();
        loop {
            match self.chars.next()? {
                c if c == quote => return Some(out),
                '\\' => match self.chars.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
    }

    fn number(&mut self) -> Option<Value> {
        let mut text = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E' | '_') {
                if c != '_' {
                    text.push(c);
                }
                self.chars.next();
            } else {
                break;
            }
        }
        let text = text.trim_start_matches('+');
        if let Ok(n) = text.parse::<i64>() {
            return Some(Value::Number(n.into()));
        }
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
    }
}

/// A word read as a value or a name.
enum Word {
    Value(Value),
    Name(String),
}

/// `wrapup_skipped` as `wrapupSkipped` (the Python SDK's attribute map).
fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
