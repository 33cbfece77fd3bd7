//! Validation: the `Validate` trait, the report it fills, and the checks of the spec's keywords.
//!
//! Every generated type implements [`Validate`] twice over: `validate_at` checks a typed value
//! (enum membership and the constraints that Rust types cannot express), and `check_json` finds
//! every problem in a JSON value that did not decode (missing fields, wrong types, bad formats),
//! recursing only into the parts that fail. Both write into one [`Report`], so one call reports
//! every problem of a document, each with the JSON Pointer of its place.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{OnceLock, RwLock};

use serde::Serialize;
use serde_json::Value;

use super::DateTime;
use super::structs::{EmptySlots, FieldSink, FieldVisitor, GeneratedStruct, UnknownProperties};
pub use crate::schema::Code;
use crate::schema::Schemas;
pub use crate::schema::format::Format;
pub use crate::schema::json::Num;
use crate::schema::keyword::{self, Problem};

/// Whether a value that an enum does not list is a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The spec as written: a value an enum does not list is reported (code [`Code::Enum`]).
    #[default]
    Strict,
    /// A newer server may send values this spec does not know yet: they pass, and stay available
    /// in the enum's `Unknown` variant. Everything else is checked as in [`Mode::Strict`].
    ForwardCompatible,
}

/// One problem in a document or value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    path: String,
    code: Code,
    message: String,
}

impl ValidationError {
    /// Where the problem is, as an RFC 6901 JSON Pointer (`/notifications/errors/0/time`); `""` is
    /// the whole document. A missing property's pointer names the property.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What kind of problem it is.
    pub fn code(&self) -> Code {
        self.code
    }

    /// What is wrong, in plain words, with the offending value where there is one.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {} [{}]", self.message, self.code)
    }
}

impl std::error::Error for ValidationError {}

/// Every problem found in a document or value, in the order they were found. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// The problems.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.0.iter()
    }

    /// How many problems there are (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: there is at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, as a vector.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.0
    }

    pub(crate) fn single(path: String, code: Code, message: String) -> ValidationErrors {
        ValidationErrors(vec![ValidationError {
            path,
            code,
            message,
        }])
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A place in a document, built on the stack as validation descends: no allocation unless a
/// problem is found there.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The whole document.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    /// The property `key` of the value here.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The item `index` of the array here.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The RFC 6901 JSON Pointer: `/a/0/b~1c`.
    pub fn pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut node = Some(self);
        while let Some(path) = node {
            segments.push(path.segment);
            node = path.parent;
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            match segment {
                Segment::Root => {}
                Segment::Key(key) => {
                    out.push('/');
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(index) => {
                    out.push('/');
                    out.push_str(&index.to_string());
                }
            }
        }
        out
    }
}

/// Where validation writes the problems it finds.
#[derive(Debug)]
pub struct Report {
    mode: Mode,
    errors: Vec<ValidationError>,
}

impl Report {
    pub(crate) fn new(mode: Mode) -> Report {
        Report {
            mode,
            errors: Vec::new(),
        }
    }

    /// The mode the report was made for.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Records a problem at the JSON Pointer `path`.
    pub fn push_at(&mut self, path: String, code: Code, message: String) {
        self.errors.push(ValidationError {
            path,
            code,
            message,
        });
    }

    /// Records a problem at `at`.
    pub fn push(&mut self, at: &Path<'_>, code: Code, message: String) {
        self.errors.push(ValidationError {
            path: at.pointer(),
            code,
            message,
        });
    }

    pub(crate) fn len(&self) -> usize {
        self.errors.len()
    }

    /// The one problem of a whole document (`""`): what is wrong with it, in words.
    pub(crate) fn whole_document(code: Code, message: String) -> ValidationErrors {
        ValidationErrors(vec![ValidationError {
            path: String::new(),
            code,
            message,
        }])
    }

    pub(crate) fn finish(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(self.errors))
        }
    }

    /// A value that an enum does not list: a problem only in [`Mode::Strict`]. The message is
    /// the schema's for `enum`.
    pub fn unknown_enum_value(&mut self, at: &Path<'_>, value: &str, values: &[&str]) {
        if self.mode == Mode::ForwardCompatible {
            return;
        }
        let (code, message) = keyword::unlisted_string(value, values);
        self.push(at, code, message);
    }

    /// A value of the wrong JSON type.
    pub fn wrong_type(&mut self, at: &Path<'_>, expected: &str, found: &Value) {
        self.push(
            at,
            Code::Type,
            format!("expected {expected}, found {}", Describe(found)),
        );
    }
}

/// The spec's constraints on a value that its Rust type does not enforce. Generated code writes
/// them as constants; they apply to typed values and to raw JSON alike.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// Numbers: `minimum`.
    Minimum(Num),
    /// Numbers: `maximum`.
    Maximum(Num),
    /// Numbers: `exclusiveMinimum`.
    ExclusiveMinimum(Num),
    /// Numbers: `exclusiveMaximum`.
    ExclusiveMaximum(Num),
    /// Numbers: `multipleOf`.
    MultipleOf(Num),
    /// Strings: `minLength`, in code points.
    MinLength(u64),
    /// Strings: `maxLength`, in code points.
    MaxLength(u64),
    /// Strings: `pattern`, an ECMA-262 regular expression that must match somewhere.
    Pattern(&'static str),
    /// Strings: a `format` that the Rust type does not enforce.
    Format(Format),
    /// Arrays: `minItems`.
    MinItems(u64),
    /// Arrays: `maxItems`.
    MaxItems(u64),
    /// Arrays: `uniqueItems: true`.
    UniqueItems,
    /// Objects and maps: `minProperties`.
    MinProperties(u64),
    /// Objects and maps: `maxProperties`.
    MaxProperties(u64),
    /// Arrays: the rules of every item.
    Items(&'static [Rule]),
    /// Maps: the rules of every value.
    Values(&'static [Rule]),
    /// Any value: one of these JSON texts (`enum` or `const` of numbers, booleans, …).
    Enum(&'static [&'static str]),
}

/// Compiled patterns, one per distinct pattern text, shared by every validation; compiled as
/// the program compiles `pattern` (ECMA-262, Unicode mode), and leaked: a crate has a fixed set.
fn compiled_pattern(pattern: &'static str) -> Option<&'static regress::Regex> {
    type Cache = HashMap<&'static str, Option<&'static regress::Regex>>;
    static CACHE: OnceLock<RwLock<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Ok(map) = cache.read()
        && let Some(compiled) = map.get(pattern)
    {
        return *compiled;
    }
    let compiled = crate::schema::program::compile_regex(pattern)
        .ok()
        .map(|regex| &*Box::leak(Box::new(regex)));
    if let Ok(mut map) = cache.write() {
        map.entry(pattern).or_insert(compiled);
    }
    compiled
}

/// Reports what a shared keyword check found.
fn report_problem(found: Option<impl FnOnce() -> Problem>, at: &Path<'_>, report: &mut Report) {
    if let Some(problem) = found {
        let (code, message) = problem();
        report.push(at, code, message);
    }
}

/// Validation of typed values and of raw JSON. Every generated type implements it.
pub trait Validate {
    /// Every problem of this value in [`Mode::Strict`]: the spec as written.
    fn validate(&self) -> Result<(), ValidationErrors> {
        self.validate_with(Mode::Strict)
    }

    /// Every problem of this value in the given mode.
    fn validate_with(&self, mode: Mode) -> Result<(), ValidationErrors> {
        let mut report = Report::new(mode);
        self.validate_at(&Path::ROOT, &mut report);
        report.finish()
    }

    /// Whether [`validate_at`](Validate::validate_at) can find a problem in a value of this
    /// type: `false` for leaves (strings, numbers, date-times, JSON values), which can fail only
    /// the rules that a field gives them, so that typed validation skips such fields.
    #[doc(hidden)]
    const HAS_CHECKS: bool = true;

    /// Checks the value at `at`: enum membership and the constraints its type does not enforce.
    #[doc(hidden)]
    fn validate_at(&self, at: &Path<'_>, report: &mut Report);

    /// Checks one of the spec's constraints on this value; types a rule does not apply to ignore it.
    #[doc(hidden)]
    fn check_rule(&self, _rule: &Rule, _at: &Path<'_>, _report: &mut Report) {}

    /// Finds every problem in a JSON value that did not decode as `Self`, with the `rules` of
    /// the field or item that holds it.
    ///
    /// A generated type asks its compiled schema: one function of the runtime for every type,
    /// rather than a typed walk of the JSON compiled for each (which was most of a generated
    /// crate's release build). Types without a schema (leaves, containers, a user's) say it
    /// themselves.
    #[doc(hidden)]
    fn check_json(value: &Value, rules: &[Rule], at: &Path<'_>, report: &mut Report)
    where
        Self: Sized,
    {
        if let Some(schema) = Self::schema() {
            schema.check(value, at, report);
        }
        check_rules(value, rules, at, report);
    }

    /// The compiled schema of a generated type: its JSON Schema verdict is the one every
    /// function of the runtime gives. `None` for types that are not generated from a schema.
    #[doc(hidden)]
    fn schema() -> Option<Schema>
    where
        Self: Sized,
    {
        None
    }

    /// Whether schemas alone can judge this type's JSON: a generated type, or a container of one.
    /// Then [`check_json`](Validate::check_json) is a whole check of any JSON value, not only
    /// of one that failed to decode.
    #[doc(hidden)]
    fn by_schema() -> bool
    where
        Self: Sized,
    {
        Self::schema().is_some()
    }

    /// Whether decoding and typed checks give the schema's verdict on this type's documents: the
    /// type's own `Schema::exact`, a container's items'; `true` for types without a schema.
    #[doc(hidden)]
    fn exact() -> bool
    where
        Self: Sized,
    {
        Self::schema().is_none_or(|schema| schema.exact)
    }
}

/// Where a generated type's schema is: its crate's compiled schemas and its node there.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Schema {
    /// The generated crate's compiled schemas.
    pub schemas: &'static Schemas,
    /// The type's node.
    pub node: u32,
    /// The type's decoding and typed checks give exactly the schema's verdict (the generator
    /// proved it for this type and every type it holds), so a document needs no second walk.
    pub exact: bool,
}

impl Schema {
    /// Every problem of `value` against the schema, reported below `at`.
    pub fn check(&self, value: &Value, at: &Path<'_>, report: &mut Report) {
        self.schemas.check(self.node, value, at, report);
    }
}

/// Validates a typed value by its schema, through its JSON: for the generated types whose typed
/// checks cannot say all their schema says (`validate = schema` in the runtime's macros).
pub fn validate_by_schema<T: Serialize + Validate>(value: &T, at: &Path<'_>, report: &mut Report) {
    let Some(schema) = T::schema() else {
        return;
    };
    match serde_json::to_value(value) {
        Ok(json) => schema.check(&json, at, report),
        Err(err) => report.push(at, Code::Decode, format!("cannot encode the value: {err}")),
    }
}

/// Applies `rules` to a typed value.
pub fn check_rules<T: Validate + ?Sized>(
    value: &T,
    rules: &[Rule],
    at: &Path<'_>,
    report: &mut Report,
) {
    for rule in rules {
        value.check_rule(rule, at, report);
    }
}

/// Checks one JSON value as a `T`: decodes it, and on success validates the typed value; on
/// failure looks for every reason why. Nothing is lost: when no check can name the reason, the
/// decoder's own message is reported.
pub fn check_element<'v, T>(value: &'v Value, rules: &[Rule], at: &Path<'_>, report: &mut Report)
where
    T: Validate + serde::Deserialize<'v>,
{
    // A generated type's schema (or, for a container of them, its items') gives the verdict
    // without decoding.
    if T::by_schema() {
        T::check_json(value, rules, at, report);
        return;
    }
    match T::deserialize(value) {
        Ok(typed) => {
            typed.validate_at(at, report);
            check_rules(&typed, rules, at, report);
        }
        Err(err) => {
            let before = report.len();
            T::check_json(value, rules, at, report);
            if report.len() == before {
                report.push(at, Code::Decode, err.to_string());
            }
        }
    }
}

/// Validates each field of a generated struct: its own checks, then its rules (see
/// [`validate_field`]). The struct's `Validate` impl calls it, with the checks of its own (extra
/// properties, property counts) that the generator writes for some structs.
pub fn validate_fields<T: GeneratedStruct>(value: &T, at: &Path<'_>, report: &mut Report) {
    value.visit(&mut ValidateFields { at, report });
}

/// The [`FieldVisitor`] of [`validate_fields`].
struct ValidateFields<'a, 'p> {
    at: &'a Path<'p>,
    report: &'a mut Report,
}

impl FieldVisitor for ValidateFields<'_, '_> {
    fn field<T: Serialize + fmt::Debug + Validate + ?Sized>(
        &mut self,
        _: &'static str,
        wire: &'static str,
        value: &T,
        rules: &[Rule],
    ) {
        if T::HAS_CHECKS || !rules.is_empty() {
            validate_field(value, wire, rules, self.at, self.report);
        }
    }

    fn optional<T: Serialize + fmt::Debug + Validate>(
        &mut self,
        name: &'static str,
        wire: &'static str,
        value: &Option<T>,
        rules: &[Rule],
    ) {
        if let Some(value) = value {
            self.field(name, wire, value, rules);
        }
    }
}

/// Finds every problem in a JSON value that did not decode as the struct `T`: see
/// [`check_fields`].
pub fn check_object<T: GeneratedStruct>(value: &Value, at: &Path<'_>, report: &mut Report) {
    if let Some(object) = expect_object(value, at, report) {
        check_fields::<T>(object, at, report);
    }
}

/// Checks the properties of a JSON object as the fields of the struct `T`: a missing required
/// property, each property as its field, and (`additionalProperties: false`) properties that
/// are not fields.
pub fn check_fields<T: GeneratedStruct>(
    object: &serde_json::Map<String, Value>,
    at: &Path<'_>,
    report: &mut Report,
) {
    let info = T::INFO;
    for (index, (name, required)) in info.fields.iter().zip(info.required).enumerate() {
        let here = at.key(name);
        match object.get(*name) {
            Some(value) => {
                let mut slots = <T::Slots as EmptySlots<T>>::EMPTY;
                let mut check = Checking {
                    value,
                    at: &here,
                    report,
                };
                let Ok(()) = T::read(&mut slots, index, &mut check);
            }
            None if *required => report.push(
                &here,
                Code::Required,
                format!("missing required property `{name}`"),
            ),
            None => {}
        }
    }
    if info.unknown == UnknownProperties::Deny
        && object
            .keys()
            .any(|key| !info.fields.contains(&key.as_str()))
    {
        deny_unknown_properties(object, info.fields, at, report);
    }
}

/// The rules of a field that has none.
pub const NO_RULES: &[Rule] = &[];

/// The [`FieldSink`] of [`check_fields`]: the property's value checked as the field's type.
struct Checking<'v, 'a, 'p> {
    value: &'v Value,
    at: &'a Path<'p>,
    report: &'a mut Report,
}

impl<'v> FieldSink<'v> for Checking<'v, '_, '_> {
    type Error = std::convert::Infallible;

    fn value<T: serde::Deserialize<'v> + Validate>(
        &mut self,
        rules: &[Rule],
    ) -> Result<Option<T>, Self::Error> {
        check_element::<T>(self.value, rules, self.at, self.report);
        Ok(None)
    }
}

/// Validates one field of a typed struct: its own checks, then its rules.
pub fn validate_field<T: Validate + ?Sized>(
    value: &T,
    name: &'static str,
    rules: &[Rule],
    at: &Path<'_>,
    report: &mut Report,
) {
    let here = at.key(name);
    value.validate_at(&here, report);
    check_rules(value, rules, &here, report);
}

/// The object that a struct decodes from, or a `type` problem.
pub fn expect_object<'v>(
    value: &'v Value,
    at: &Path<'_>,
    report: &mut Report,
) -> Option<&'v serde_json::Map<String, Value>> {
    let object = value.as_object();
    if object.is_none() {
        report.wrong_type(at, "an object", value);
    }
    object
}

/// Reports the properties of `object` that are not `known` (`additionalProperties: false`).
pub fn deny_unknown_properties(
    object: &serde_json::Map<String, Value>,
    known: &[&str],
    at: &Path<'_>,
    report: &mut Report,
) {
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            report.push(
                &at.key(key),
                Code::AdditionalProperties,
                format!(
                    "property `{key}` is not allowed here (expected only {})",
                    list(known)
                ),
            );
        }
    }
}

/// A tagged union's value whose discriminator the spec does not list: a problem only in
/// [`Mode::Strict`], like an unknown enum value.
pub fn unknown_tag(
    value: &Value,
    property: &'static str,
    tags: &[&str],
    at: &Path<'_>,
    report: &mut Report,
) {
    if report.mode == Mode::ForwardCompatible {
        return;
    }
    let tag = value
        .get(property)
        .and_then(Value::as_str)
        .unwrap_or_default();
    let (code, message) = keyword::unknown_discriminator(tag, property, tags.iter().copied());
    report.push(&at.key(property), code, message);
}

/// Checks `minProperties`/`maxProperties` on an object of `count` properties.
pub fn check_property_count(count: usize, rules: &[Rule], at: &Path<'_>, report: &mut Report) {
    for rule in rules {
        match *rule {
            Rule::MinProperties(min) => {
                report_problem(keyword::min_properties(count, min), at, report)
            }
            Rule::MaxProperties(max) => {
                report_problem(keyword::max_properties(count, max), at, report)
            }
            _ => {}
        }
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A string in a message: quoted, and cut short when long.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 80;
        match self.0.char_indices().nth(MAX) {
            Some((cut, _)) => write!(f, "{:?}…", &self.0[..cut]),
            None => write!(f, "{:?}", self.0),
        }
    }
}

/// A JSON value in a message: its type, and the value itself where it is short.
struct Describe<'a>(&'a Value);

impl fmt::Display for Describe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "the boolean {b}"),
            Value::Number(n) => write!(f, "the number {n}"),
            Value::String(s) => write!(f, "the string {}", Quoted(s)),
            Value::Array(items) => write!(f, "an array of {} items", items.len()),
            Value::Object(object) => write!(f, "an object with {} properties", object.len()),
        }
    }
}

fn check_number(value: Num, rule: &Rule, at: &Path<'_>, report: &mut Report) {
    let found = match *rule {
        Rule::Minimum(limit) => keyword::minimum(value, limit).map(boxed),
        Rule::Maximum(limit) => keyword::maximum(value, limit).map(boxed),
        Rule::ExclusiveMinimum(limit) => keyword::exclusive_minimum(value, limit).map(boxed),
        Rule::ExclusiveMaximum(limit) => keyword::exclusive_maximum(value, limit).map(boxed),
        Rule::MultipleOf(divisor) => keyword::multiple_of(value, divisor).map(boxed),
        _ => None,
    };
    report_problem(found, at, report);
}

/// One type for the problems of checks that differ in their closures' types; only a failing
/// check makes one.
fn boxed<'a>(problem: impl FnOnce() -> Problem + 'a) -> Box<dyn FnOnce() -> Problem + 'a> {
    Box::new(problem)
}

fn check_string(text: &str, rule: &Rule, at: &Path<'_>, report: &mut Report) {
    match *rule {
        Rule::MinLength(min) => report_problem(keyword::min_length(text, min), at, report),
        Rule::MaxLength(max) => report_problem(keyword::max_length(text, max), at, report),
        Rule::Pattern(pattern) => match compiled_pattern(pattern) {
            Some(regex) => report_problem(keyword::pattern(regex, pattern, text), at, report),
            None => report.push(
                at,
                Code::Pattern,
                format!(
                    "the pattern `{pattern}` cannot be compiled, so {} cannot be checked",
                    Quoted(text)
                ),
            ),
        },
        Rule::Format(format) => report_problem(keyword::format(format, text), at, report),
        _ => {}
    }
}

/// `enum`/`const` of non-string values: the value, as JSON, must be one of `listed`.
fn check_listed(value: &Value, rule: &Rule, at: &Path<'_>, report: &mut Report) {
    let Rule::Enum(listed) = *rule else {
        return;
    };
    // The generator writes each value as JSON text; what does not parse cannot match.
    let values: Vec<Value> = listed
        .iter()
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect();
    report_problem(keyword::listed(value, &values), at, report);
}

fn check_count(count: usize, rule: &Rule, at: &Path<'_>, report: &mut Report) {
    match *rule {
        Rule::MinItems(min) => report_problem(keyword::min_items(count, min), at, report),
        Rule::MaxItems(max) => report_problem(keyword::max_items(count, max), at, report),
        _ => {}
    }
}

/// The array rules (`minItems`, `maxItems`, `uniqueItems`, the items' rules) on typed items.
fn check_array<T: Validate + PartialEq>(
    items: &[T],
    rule: &Rule,
    at: &Path<'_>,
    report: &mut Report,
) {
    check_count(items.len(), rule, at, report);
    match rule {
        Rule::UniqueItems => check_unique(items, at, report),
        Rule::Items(rules) => {
            for (i, item) in items.iter().enumerate() {
                check_rules(item, rules, &at.index(i), report);
            }
        }
        _ => {}
    }
}

/// `uniqueItems` on typed items, which are equal as values exactly when they are as JSON (the
/// generator makes the rule exact only for such types); the first repeat, as the schema reports.
fn check_unique<T: PartialEq>(items: &[T], at: &Path<'_>, report: &mut Report) {
    let repeat = items.iter().enumerate().find_map(|(j, item)| {
        items[..j]
            .iter()
            .position(|earlier| earlier == item)
            .map(|i| (i, j))
    });
    if let Some((i, j)) = repeat {
        report_problem(Some(|| keyword::repeated_item(i, j)), &at.index(j), report);
    }
}

macro_rules! validate_leaf {
    ($($ty:ty => $expected:literal, $check:expr;)*) => {$(
        impl Validate for $ty {
            const HAS_CHECKS: bool = false;

            fn validate_at(&self, _at: &Path<'_>, _report: &mut Report) {}

            fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
                #[allow(clippy::redundant_closure_call)]
                ($check)(self, rule, at, report)
            }

            fn check_json(value: &Value, _rules: &[Rule], at: &Path<'_>, report: &mut Report) {
                report.wrong_type(at, $expected, value);
            }
        }
    )*};
}

validate_leaf! {
    bool => "a boolean", |v: &bool, rule: &Rule, at: &Path<'_>, report: &mut Report| {
        check_listed(&Value::Bool(*v), rule, at, report)
    };
    f64 => "a number", |v: &f64, rule: &Rule, at: &Path<'_>, report: &mut Report| {
        check_number(Num::from_f64(*v), rule, at, report);
        check_listed(&Value::from(*v), rule, at, report);
    };
    f32 => "a number", |v: &f32, rule: &Rule, at: &Path<'_>, report: &mut Report| {
        check_number(Num::from_f64(f64::from(*v)), rule, at, report);
        check_listed(&Value::from(*v), rule, at, report);
    };
    String => "a string", |v: &String, rule: &Rule, at: &Path<'_>, report: &mut Report| {
        check_string(v, rule, at, report);
        if matches!(rule, Rule::Enum(_)) {
            check_listed(&Value::String(v.clone()), rule, at, report);
        }
    };
}

macro_rules! validate_integer {
    ($($ty:ty => $format:literal;)*) => {$(
        impl Validate for $ty {
            const HAS_CHECKS: bool = false;

            fn validate_at(&self, _at: &Path<'_>, _report: &mut Report) {}

            fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
                check_number(Num::Int(i128::from(*self)), rule, at, report);
                check_listed(&Value::from(*self), rule, at, report);
            }

            fn check_json(value: &Value, _rules: &[Rule], at: &Path<'_>, report: &mut Report) {
                match value {
                    Value::Number(n) if n.is_i64() || n.is_u64() => report.push(
                        at,
                        Code::Format,
                        format!("{n} is out of the range of {}", $format),
                    ),
                    Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => report.push(
                        at,
                        Code::Format,
                        format!("{n} is out of the range of {}", $format),
                    ),
                    _ => report.wrong_type(at, "an integer", value),
                }
            }
        }
    )*};
}

validate_integer! {
    i64 => "int64";
    i32 => "int32";
}

impl Validate for DateTime {
    const HAS_CHECKS: bool = false;

    fn validate_at(&self, _at: &Path<'_>, _report: &mut Report) {}

    fn check_json(value: &Value, _rules: &[Rule], at: &Path<'_>, report: &mut Report) {
        match value {
            // It did not decode, so it is not one; the message is the schema's.
            Value::String(text) => {
                let (code, message) = keyword::format(Format::DateTime, text)
                    .map(|problem| problem())
                    .unwrap_or_else(|| {
                        (
                            Code::Format,
                            format!("{} is not a valid date-time", Quoted(text)),
                        )
                    });
                report.push(at, code, message);
            }
            _ => report.wrong_type(at, "a date-time string", value),
        }
    }
}

/// A schema that allows any value; constraints apply by the value's JSON type.
impl Validate for Value {
    const HAS_CHECKS: bool = false;

    fn validate_at(&self, _at: &Path<'_>, _report: &mut Report) {}

    fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
        check_listed(self, rule, at, report);
        match self {
            Value::Number(n) => check_number(Num::of(n), rule, at, report),
            Value::String(s) => check_string(s, rule, at, report),
            Value::Array(items) => check_array(items, rule, at, report),
            Value::Object(object) => {
                check_property_count(object.len(), std::slice::from_ref(rule), at, report);
                if let Rule::Values(rules) = rule {
                    for (key, value) in object {
                        check_rules(value, rules, &at.key(key), report);
                    }
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }

    fn check_json(_value: &Value, _rules: &[Rule], _at: &Path<'_>, _report: &mut Report) {}
}

impl<T: Validate> Validate for Option<T> {
    const HAS_CHECKS: bool = T::HAS_CHECKS;

    fn by_schema() -> bool {
        T::by_schema()
    }

    fn exact() -> bool {
        T::exact()
    }

    fn validate_at(&self, at: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_at(at, report);
        }
    }

    fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.check_rule(rule, at, report);
        }
    }

    fn check_json(value: &Value, rules: &[Rule], at: &Path<'_>, report: &mut Report) {
        if !value.is_null() {
            T::check_json(value, rules, at, report);
        }
    }
}

impl<T: Validate> Validate for Box<T> {
    const HAS_CHECKS: bool = T::HAS_CHECKS;

    fn by_schema() -> bool {
        T::by_schema()
    }

    fn exact() -> bool {
        T::exact()
    }

    fn validate_at(&self, at: &Path<'_>, report: &mut Report) {
        (**self).validate_at(at, report);
    }

    fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
        (**self).check_rule(rule, at, report);
    }

    fn check_json(value: &Value, rules: &[Rule], at: &Path<'_>, report: &mut Report) {
        T::check_json(value, rules, at, report);
    }
}

/// The rules that apply to each item (or value) of a container.
fn inner_rules(rules: &[Rule]) -> &'static [Rule] {
    rules
        .iter()
        .find_map(|rule| match rule {
            Rule::Items(inner) | Rule::Values(inner) => Some(*inner),
            _ => None,
        })
        .unwrap_or(&[])
}

impl<T: Validate + PartialEq + serde::de::DeserializeOwned> Validate for Vec<T> {
    const HAS_CHECKS: bool = T::HAS_CHECKS;

    fn by_schema() -> bool {
        T::by_schema()
    }

    fn exact() -> bool {
        T::exact()
    }

    fn validate_at(&self, at: &Path<'_>, report: &mut Report) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&at.index(i), report);
        }
    }

    fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
        check_array(self, rule, at, report);
    }

    fn check_json(value: &Value, rules: &[Rule], at: &Path<'_>, report: &mut Report) {
        let Value::Array(items) = value else {
            report.wrong_type(at, "an array", value);
            return;
        };
        let item_rules = inner_rules(rules);
        for (i, item) in items.iter().enumerate() {
            check_element::<T>(item, item_rules, &at.index(i), report);
        }
        // The array as a whole: its length and, on the raw items, uniqueness.
        for rule in rules {
            check_count(items.len(), rule, at, report);
            if *rule == Rule::UniqueItems {
                check_unique(items, at, report);
            }
        }
    }
}

impl<T: Validate + serde::de::DeserializeOwned> Validate for BTreeMap<String, T> {
    const HAS_CHECKS: bool = T::HAS_CHECKS;

    fn by_schema() -> bool {
        T::by_schema()
    }

    fn exact() -> bool {
        T::exact()
    }

    fn validate_at(&self, at: &Path<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_at(&at.key(key), report);
        }
    }

    fn check_rule(&self, rule: &Rule, at: &Path<'_>, report: &mut Report) {
        check_property_count(self.len(), std::slice::from_ref(rule), at, report);
        if let Rule::Values(rules) = rule {
            for (key, value) in self {
                check_rules(value, rules, &at.key(key), report);
            }
        }
    }

    fn check_json(value: &Value, rules: &[Rule], at: &Path<'_>, report: &mut Report) {
        let Some(object) = expect_object(value, at, report) else {
            return;
        };
        let value_rules = inner_rules(rules);
        for (key, value) in object {
            check_element::<T>(value, value_rules, &at.key(key), report);
        }
        check_property_count(object.len(), rules, at, report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems<T: Validate + serde::de::DeserializeOwned>(
        value: Value,
        rules: &[Rule],
    ) -> Vec<(String, &'static str)> {
        let mut report = Report::new(Mode::Strict);
        check_element::<T>(&value, rules, &Path::ROOT, &mut report);
        report
            .errors
            .iter()
            .map(|e| (e.path.clone(), e.code.as_str()))
            .collect()
    }

    fn codes(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect()
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        let root = Path::ROOT;
        let a = root.key("a/b");
        let b = a.index(3);
        let c = b.key("m~n");
        assert_eq!(c.pointer(), "/a~1b/3/m~0n");
        assert_eq!(Path::ROOT.pointer(), "");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            problems::<i64>(serde_json::json!(5), &[Rule::Minimum(Num::Int(6))]),
            codes(&[("", "minimum")])
        );
        assert_eq!(
            problems::<i64>(serde_json::json!(5), &[Rule::ExclusiveMaximum(Num::Int(5))]),
            codes(&[("", "exclusive_maximum")])
        );
        assert_eq!(
            problems::<f64>(serde_json::json!(0.3), &[Rule::MultipleOf(Num::Float(0.1))]),
            codes(&[])
        );
        assert_eq!(
            problems::<f64>(
                serde_json::json!(0.35),
                &[Rule::MultipleOf(Num::Float(0.1))]
            ),
            codes(&[("", "multiple_of")])
        );
        assert_eq!(
            problems::<i32>(serde_json::json!(2147483648i64), &[]),
            codes(&[("", "format")])
        );
        assert_eq!(
            problems::<i64>(serde_json::json!(1.5), &[]),
            codes(&[("", "type")])
        );
        assert_eq!(
            problems::<i64>(serde_json::json!("1"), &[]),
            codes(&[("", "type")])
        );
    }

    #[test]
    fn strings() {
        assert_eq!(
            problems::<String>(serde_json::json!("héllo"), &[Rule::MaxLength(5)]),
            codes(&[])
        );
        assert_eq!(
            problems::<String>(
                serde_json::json!("héllo!"),
                &[Rule::MaxLength(5), Rule::MinLength(7)]
            ),
            codes(&[("", "max_length"), ("", "min_length")])
        );
        assert_eq!(
            problems::<String>(serde_json::json!("ab1"), &[Rule::Pattern("^[a-z]+$")]),
            codes(&[("", "pattern")])
        );
        assert_eq!(
            problems::<String>(serde_json::json!("xab"), &[Rule::Pattern("ab")]),
            codes(&[])
        );
        for (format, good, bad) in [
            (Format::Date, "2024-02-29", "2023-02-29"),
            (Format::Time, "23:59:60Z", "24:00:00Z"),
            (Format::Email, "ops@example.com", "ops@"),
            (Format::Uri, "https://vcenter.local/api", "not a uri"),
            (
                Format::Uuid,
                "123e4567-e89b-12d3-a456-426614174000",
                "123e4567e89b12d3a456426614174000",
            ),
            (Format::Ipv4, "192.168.0.1", "192.168.0.256"),
            (Format::Ipv6, "fe80::1", "fe80:::1"),
            (Format::Hostname, "esx-01.example.com", "-esx.example.com"),
        ] {
            assert!(format.check(good), "{format:?} rejects {good}");
            assert!(!format.check(bad), "{format:?} accepts {bad}");
        }
    }

    #[test]
    fn arrays_report_every_item_and_the_whole() {
        let rules: &[Rule] = &[
            Rule::MaxItems(2),
            Rule::UniqueItems,
            Rule::Items(&[Rule::MaxLength(1)]),
        ];
        assert_eq!(
            problems::<Vec<String>>(serde_json::json!(["a", "bb", 3, "a"]), rules),
            codes(&[
                ("/1", "max_length"),
                ("/2", "type"),
                ("", "max_items"),
                ("/3", "unique_items")
            ])
        );
        assert_eq!(
            problems::<Vec<String>>(serde_json::json!(["a", "bb", "a"]), rules),
            codes(&[
                ("", "max_items"),
                ("/2", "unique_items"),
                ("/1", "max_length")
            ])
        );
    }

    #[test]
    fn maps_and_options() {
        assert_eq!(
            problems::<BTreeMap<String, i64>>(
                serde_json::json!({"a": 1, "b/c": "x"}),
                &[Rule::MaxProperties(1)]
            ),
            codes(&[("/b~1c", "type"), ("", "max_properties")])
        );
        assert_eq!(
            problems::<Option<i64>>(serde_json::json!(null), &[]),
            codes(&[])
        );
        assert_eq!(
            problems::<Option<DateTime>>(serde_json::json!("yesterday"), &[]),
            codes(&[("", "format")])
        );
    }

    #[test]
    fn messages_name_the_value() {
        let mut report = Report::new(Mode::Strict);
        check_element::<DateTime>(
            &serde_json::json!("string"),
            &[],
            &Path::ROOT.key("time"),
            &mut report,
        );
        report.unknown_enum_value(&Path::ROOT.key("status"), "string", &["RUNNING", "OK"]);
        let errors = report.finish().expect_err("two problems");
        assert_eq!(
            errors.to_string(),
            "/time: \"string\" is not a valid date-time (expected RFC 3339, e.g. \"2024-05-01T12:00:00.000Z\") [format]\n\
             /status: \"string\" is not a listed value (expected one of `RUNNING`, `OK`) [enum]"
        );
        let mut lenient = Report::new(Mode::ForwardCompatible);
        lenient.unknown_enum_value(&Path::ROOT, "NEW", &["OLD"]);
        assert!(lenient.finish().is_ok());
    }
}
