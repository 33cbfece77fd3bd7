//! The operations half of a spec: `paths` (with their parameters, bodies and responses),
//! `securitySchemes` (`securityDefinitions` in Swagger 2.0), `security` and `servers` (`host`,
//! `basePath` and `schemes`), read into the typed view as the schemas are.
//!
//! A `$ref` to a parameter, request body or response in the same document is followed here, so
//! that `lower` sees each operation whole; its schemas keep the place where they are written,
//! which is what validation compiles. Nothing is dropped in silence: what is not read (a
//! callback, a path item's `$ref` to another file) is a warning that names its place.

use serde_json::{Map, Value};

use super::{Reader, SchemaObject};
use crate::error::Location;
use crate::load::Document;

/// The HTTP methods a path item may have, in the order OpenAPI lists them.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One operation: a method on a path.
#[derive(Debug)]
pub(crate) struct Operation {
    /// Where it is written: `file#/paths/~1pets/get`.
    pub(crate) location: Location,
    pub(crate) operation_id: Option<String>,
    /// Lowercase, as the spec writes it.
    pub(crate) method: String,
    /// The path template, without the fixed query a path key may carry.
    pub(crate) path: String,
    /// `?action=stage&vmw-task=true` in the path key, as pairs (vSphere writes operations so).
    pub(crate) fixed_query: Vec<(String, String)>,
    pub(crate) summary: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) deprecated: bool,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) body: Option<RequestBody>,
    pub(crate) responses: Vec<Response>,
    /// The security requirements: alternatives, each a set of scheme names that must all be
    /// given. `None`: the document's.
    pub(crate) security: Option<Vec<Vec<String>>>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParameterIn {
    Path,
    Query,
    Header,
    Cookie,
    /// Swagger 2.0's `formData`: a field of the form body.
    FormData,
}

#[derive(Debug)]
pub(crate) struct Parameter {
    pub(crate) location: Location,
    pub(crate) name: String,
    pub(crate) place: ParameterIn,
    pub(crate) required: bool,
    /// `style`, or what Swagger 2.0's `collectionFormat` means; `None`: the place's default.
    pub(crate) style: Option<String>,
    pub(crate) explode: Option<bool>,
    /// Where the value's schema is written (for validation), and the schema.
    pub(crate) schema: Option<SchemaObject>,
    pub(crate) description: Option<String>,
    pub(crate) deprecated: bool,
}

/// A request body, in each media type the spec offers.
#[derive(Debug)]
pub(crate) struct RequestBody {
    pub(crate) location: Location,
    pub(crate) required: bool,
    pub(crate) description: Option<String>,
    pub(crate) content: Vec<Content>,
}

/// A body's media type and its schema.
#[derive(Debug)]
pub(crate) struct Content {
    pub(crate) media_type: String,
    pub(crate) schema: Option<SchemaObject>,
}

/// The response of one status (`200`, `2XX`, `default`).
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) location: Location,
    pub(crate) status: String,
    pub(crate) description: Option<String>,
    pub(crate) content: Vec<Content>,
}

/// A way to authenticate, by the name the requirements use.
#[derive(Debug, Clone)]
pub(crate) struct SecurityScheme {
    pub(crate) location: Location,
    pub(crate) name: String,
    pub(crate) kind: SchemeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SchemeKind {
    Basic,
    Bearer,
    /// `in` is `header`, `query` or `cookie`.
    ApiKey {
        name: String,
        place: String,
    },
    /// OAuth 2, OpenID Connect, mutual TLS, …: the user gives the header's value.
    Other(String),
}

/// A server the API is at, with its variables' defaults.
#[derive(Debug, Clone)]
pub(crate) struct Server {
    pub(crate) url: String,
    pub(crate) variables: Vec<(String, String)>,
}

/// What one document says of operations.
#[derive(Debug, Default)]
pub(crate) struct Paths {
    pub(crate) operations: Vec<Operation>,
    pub(crate) schemes: Vec<SecurityScheme>,
    pub(crate) servers: Vec<Server>,
}

/// Reads the operations, security schemes and servers of an OpenAPI or Swagger document.
pub(crate) fn read_paths(
    reader: &mut Reader<'_>,
    doc: &Document,
    object: &Map<String, Value>,
) -> Paths {
    let swagger = object.contains_key("swagger");
    let root = Location::new(&doc.path, "");
    let mut paths = Paths::default();
    let mut context = Context {
        doc: &doc.root,
        root: &root,
        swagger,
        consumes: strings_of(object.get("consumes")),
        produces: strings_of(object.get("produces")),
    };
    paths.schemes = read_schemes(reader, &context, object);
    paths.servers = read_servers(object, swagger);
    let document_security = object
        .get("security")
        .map(|value| read_security(reader, &root.join("security"), value));
    if object
        .get("webhooks")
        .and_then(Value::as_object)
        .is_some_and(|hooks| !hooks.is_empty())
    {
        reader.diagnostics.warning(
            &root.join("webhooks"),
            "webhooks are not generated: they are requests the server makes, not the client",
        );
    }
    let Some(items) = object.get("paths") else {
        return paths;
    };
    let at = root.join("paths");
    let Some(items) = reader.object(&at, items) else {
        return paths;
    };
    for (key, item) in items {
        let item_at = at.join(key);
        let Some(item) = reader.object(&item_at, item) else {
            continue;
        };
        if item.contains_key("$ref") {
            reader.diagnostics.warning(
                &item_at.join("$ref"),
                "a path item that refers to another is not read: its operations are not generated",
            );
            continue;
        }
        let (path, fixed_query) = split_key(key);
        let shared = item
            .get("parameters")
            .map(|value| context.parameters(reader, &item_at.join("parameters"), value))
            .unwrap_or_default();
        for method in METHODS {
            let Some(value) = item.get(*method) else {
                continue;
            };
            let op_at = item_at.join(method);
            let Some(op) = reader.object(&op_at, value) else {
                continue;
            };
            context.consumes = strings_of(op.get("consumes").or_else(|| object.get("consumes")));
            context.produces = strings_of(op.get("produces").or_else(|| object.get("produces")));
            let mut parameters: Vec<Parameter> = op
                .get("parameters")
                .map(|value| context.parameters(reader, &op_at.join("parameters"), value))
                .unwrap_or_default();
            // An operation's own parameter overrides the path item's of the same name and place.
            for inherited in &shared {
                if !parameters
                    .iter()
                    .any(|p| p.name == inherited.name && p.place == inherited.place)
                {
                    parameters.push(inherited.clone_parameter());
                }
            }
            let mut body = op
                .get("requestBody")
                .and_then(|value| context.request_body(reader, &op_at.join("requestBody"), value));
            if swagger && body.is_none() {
                body = context.swagger_body(reader, &op_at, op, &mut parameters);
            }
            let responses = op
                .get("responses")
                .map(|value| context.responses(reader, &op_at.join("responses"), value))
                .unwrap_or_default();
            if op.contains_key("callbacks") {
                reader.diagnostics.warning(
                    &op_at.join("callbacks"),
                    "callbacks are not generated: they are requests the server makes, not the client",
                );
            }
            paths.operations.push(Operation {
                location: op_at.clone(),
                operation_id: op
                    .get("operationId")
                    .and_then(|v| reader.string(&op_at.join("operationId"), v)),
                method: (*method).to_owned(),
                path: path.clone(),
                fixed_query: fixed_query.clone(),
                summary: text(op, "summary"),
                description: text(op, "description"),
                deprecated: flag(op, "deprecated"),
                parameters,
                body,
                responses,
                security: op
                    .get("security")
                    .map(|value| read_security(reader, &op_at.join("security"), value))
                    .or_else(|| document_security.clone()),
            });
        }
    }
    paths
}

impl Parameter {
    fn clone_parameter(&self) -> Parameter {
        Parameter {
            location: self.location.clone(),
            name: self.name.clone(),
            place: self.place,
            required: self.required,
            style: self.style.clone(),
            explode: self.explode,
            schema: self.schema.clone(),
            description: self.description.clone(),
            deprecated: self.deprecated,
        }
    }
}

/// A path key split into its path and the fixed query pairs written after a `?`.
pub(crate) fn split_key(key: &str) -> (String, Vec<(String, String)>) {
    match key.split_once('?') {
        None => (key.to_owned(), Vec::new()),
        Some((path, query)) => {
            let pairs = query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| match pair.split_once('=') {
                    Some((name, value)) => (name.to_owned(), value.to_owned()),
                    None => (pair.to_owned(), String::new()),
                })
                .collect();
            (path.to_owned(), pairs)
        }
    }
}

/// The string `key` of `object`, if it is one.
fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The boolean `key` of `object`; `false` when it is not one.
fn flag(object: &Map<String, Value>, key: &str) -> bool {
    object.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn strings_of(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

struct Context<'d> {
    doc: &'d Value,
    root: &'d Location,
    swagger: bool,
    /// Swagger 2.0's media types of request bodies, the operation's or the document's.
    consumes: Vec<String>,
    /// Swagger 2.0's media types of responses, the operation's or the document's.
    produces: Vec<String>,
}

impl<'d> Context<'d> {
    /// `value`, or what its `$ref` points to in this document, with the place it is at.
    fn follow(
        &self,
        reader: &mut Reader<'_>,
        at: &Location,
        value: &'d Value,
    ) -> Option<(Location, &'d Map<String, Value>)> {
        let mut at = at.clone();
        let mut value = value;
        for _ in 0..16 {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return match value.as_object() {
                    Some(object) => Some((at, object)),
                    None => {
                        reader.problem(&at, "expected an object");
                        None
                    }
                };
            };
            let Some(pointer) = reference.strip_prefix('#') else {
                reader.diagnostics.warning(
                    &at.join("$ref"),
                    format!("`{reference}` is in another file: only references within the document are followed here, so this is not generated"),
                );
                return None;
            };
            let pointer = crate::lower::percent_decode(pointer);
            let Some(target) = self.doc.pointer(&pointer) else {
                // Real specs have these (vmsgen's refer to request bodies they never define):
                // the operation is kept, with what is missing as any JSON.
                reader.diagnostics.warning(
                    &at.join("$ref"),
                    format!("cannot resolve `{reference}`: nothing is there, so this part of the operation is any JSON"),
                );
                return None;
            };
            at = Location::new(&self.root.file, pointer);
            value = target;
        }
        reader.problem(&at, "`$ref`s refer to each other in a circle");
        None
    }

    fn parameters(
        &self,
        reader: &mut Reader<'_>,
        at: &Location,
        value: &'d Value,
    ) -> Vec<Parameter> {
        let Some(items) = value.as_array() else {
            reader.problem(at, "`parameters` must be an array");
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.parameter(reader, &at.index(i), item))
            .collect()
    }

    fn parameter(
        &self,
        reader: &mut Reader<'_>,
        at: &Location,
        value: &'d Value,
    ) -> Option<Parameter> {
        let (at, object) = self.follow(reader, at, value)?;
        let name = object.get("name").and_then(Value::as_str);
        let place = object.get("in").and_then(Value::as_str);
        let (Some(name), Some(place)) = (name, place) else {
            reader.problem(&at, "a parameter needs a `name` and an `in`");
            return None;
        };
        // OpenAPI: these headers are the request's own (its media types and credentials).
        if place == "header"
            && ["accept", "content-type", "authorization"]
                .contains(&name.to_ascii_lowercase().as_str())
        {
            reader.diagnostics.warning(
                &at,
                format!(
                    "the header parameter `{name}` is ignored, as OpenAPI says: the request sets it"
                ),
            );
            return None;
        }
        let place = match place {
            "path" => ParameterIn::Path,
            "query" => ParameterIn::Query,
            "header" => ParameterIn::Header,
            "cookie" => ParameterIn::Cookie,
            "formData" if self.swagger => ParameterIn::FormData,
            // Swagger's body parameter is the request body: read by `swagger_body`.
            "body" if self.swagger => return None,
            other => {
                reader.problem(
                    &at.join("in"),
                    format!(
                        "`{other}` is not a place for a parameter (path, query, header, cookie)"
                    ),
                );
                return None;
            }
        };
        let (schema, style, explode) = if self.swagger {
            // Swagger 2.0 writes the schema's keywords in the parameter itself.
            let schema = reader.schema(&at, &Value::Object(schema_keywords(object)));
            let (style, explode) = match object.get("collectionFormat").and_then(Value::as_str) {
                None | Some("csv") => (None, Some(false)),
                Some("multi") => (Some("form".to_owned()), Some(true)),
                Some("ssv") => (Some("spaceDelimited".to_owned()), Some(false)),
                Some("pipes") => (Some("pipeDelimited".to_owned()), Some(false)),
                Some("tsv") => (Some("tabDelimited".to_owned()), Some(false)),
                Some(other) => {
                    reader.diagnostics.warning(
                        &at.join("collectionFormat"),
                        format!(
                            "`collectionFormat: {other}` is not one of Swagger's: `csv` is used"
                        ),
                    );
                    (None, Some(false))
                }
            };
            (Some(schema), style, explode)
        } else {
            let schema = match (object.get("schema"), object.get("content")) {
                (Some(schema), _) => Some(reader.schema(&at.join("schema"), schema)),
                (None, Some(Value::Object(content))) => {
                    content.iter().next().and_then(|(media, v)| {
                        v.get("schema").map(|schema| {
                            reader.schema(&at.join("content").join(media).join("schema"), schema)
                        })
                    })
                }
                _ => None,
            };
            (
                schema,
                object
                    .get("style")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                object.get("explode").and_then(Value::as_bool),
            )
        };
        Some(Parameter {
            name: name.to_owned(),
            place,
            // Path parameters are always required, whatever the spec says.
            required: place == ParameterIn::Path || flag(object, "required"),
            style,
            explode,
            schema,
            description: text(object, "description"),
            deprecated: flag(object, "deprecated"),
            location: at,
        })
    }

    fn request_body(
        &self,
        reader: &mut Reader<'_>,
        at: &Location,
        value: &'d Value,
    ) -> Option<RequestBody> {
        let Some((at, object)) = self.follow(reader, at, value) else {
            return Some(RequestBody {
                location: at.clone(),
                required: false,
                description: None,
                content: vec![Content {
                    media_type: "application/json".to_owned(),
                    schema: None,
                }],
            });
        };
        Some(RequestBody {
            required: flag(object, "required"),
            description: text(object, "description"),
            content: self.content(reader, &at, object),
            location: at,
        })
    }

    fn content(
        &self,
        reader: &mut Reader<'_>,
        at: &Location,
        object: &Map<String, Value>,
    ) -> Vec<Content> {
        let Some(content) = object.get("content") else {
            return Vec::new();
        };
        let at = at.join("content");
        let Some(content) = reader.object(&at, content) else {
            return Vec::new();
        };
        content
            .iter()
            .map(|(media_type, media)| Content {
                media_type: media_type.clone(),
                schema: media
                    .get("schema")
                    .map(|schema| reader.schema(&at.join(media_type).join("schema"), schema)),
            })
            .collect()
    }

    /// Swagger 2.0's request body: the `in: body` parameter, in each media type the operation
    /// consumes; or, with `formData` parameters, a form (they stay parameters, of the form).
    fn swagger_body(
        &self,
        reader: &mut Reader<'_>,
        op_at: &Location,
        op: &'d Map<String, Value>,
        parameters: &mut [Parameter],
    ) -> Option<RequestBody> {
        let media_types = if self.consumes.is_empty() {
            vec!["application/json".to_owned()]
        } else {
            self.consumes.clone()
        };
        let list = op.get("parameters").and_then(Value::as_array)?;
        for (i, item) in list.iter().enumerate() {
            let Some((at, object)) = self.follow(reader, &op_at.join("parameters").index(i), item)
            else {
                continue;
            };
            if object.get("in").and_then(Value::as_str) != Some("body") {
                continue;
            }
            let schema = object.get("schema")?;
            let schema_at = at.join("schema");
            return Some(RequestBody {
                required: flag(object, "required"),
                description: text(object, "description"),
                content: media_types
                    .iter()
                    .map(|media_type| Content {
                        media_type: media_type.clone(),
                        schema: Some(reader.schema(&schema_at, schema)),
                    })
                    .collect(),
                location: at,
            });
        }
        if parameters.iter().any(|p| p.place == ParameterIn::FormData) {
            let media_type = media_types
                .iter()
                .find(|m| m.starts_with("multipart/form-data"))
                .cloned()
                .unwrap_or_else(|| "application/x-www-form-urlencoded".to_owned());
            return Some(RequestBody {
                location: op_at.join("parameters"),
                required: parameters
                    .iter()
                    .any(|p| p.place == ParameterIn::FormData && p.required),
                description: None,
                content: vec![Content {
                    media_type,
                    schema: None,
                }],
            });
        }
        None
    }

    fn responses(&self, reader: &mut Reader<'_>, at: &Location, value: &'d Value) -> Vec<Response> {
        let Some(responses) = reader.object(at, value) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (status, response) in responses {
            if status.starts_with("x-") {
                continue;
            }
            let Some((response_at, object)) = self.follow(reader, &at.join(status), response)
            else {
                out.push(Response {
                    location: at.join(status),
                    status: status.clone(),
                    description: None,
                    content: vec![Content {
                        media_type: "application/json".to_owned(),
                        schema: None,
                    }],
                });
                continue;
            };
            let content = if self.swagger {
                match object.get("schema") {
                    // In each media type the operation produces (JSON where it says none).
                    Some(schema) => {
                        let schema = reader.schema(&response_at.join("schema"), schema);
                        let media_types = if self.produces.is_empty() {
                            vec!["application/json".to_owned()]
                        } else {
                            self.produces.clone()
                        };
                        media_types
                            .into_iter()
                            .map(|media_type| Content {
                                media_type,
                                schema: Some(schema.clone()),
                            })
                            .collect()
                    }
                    None => Vec::new(),
                }
            } else {
                self.content(reader, &response_at, object)
            };
            out.push(Response {
                status: status.clone(),
                description: text(object, "description"),
                content,
                location: response_at,
            });
        }
        out
    }
}

/// The schema keywords of a Swagger 2.0 parameter, which writes them beside its own.
fn schema_keywords(parameter: &Map<String, Value>) -> Map<String, Value> {
    parameter
        .iter()
        .filter(|(key, _)| {
            !matches!(
                key.as_str(),
                "name" | "in" | "required" | "description" | "collectionFormat" | "allowEmptyValue"
            ) && !key.starts_with("x-")
        })
        .map(|(key, value)| {
            // `type: file` is a file's bytes.
            if key == "type" && value == "file" {
                (key.clone(), Value::from("string"))
            } else {
                (key.clone(), value.clone())
            }
        })
        .collect()
}

fn read_security(reader: &mut Reader<'_>, at: &Location, value: &Value) -> Vec<Vec<String>> {
    let Some(items) = value.as_array() else {
        reader.problem(at, "`security` must be an array of requirements");
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| item.as_object())
        .map(|requirement| requirement.keys().cloned().collect())
        .collect()
}

fn read_schemes(
    reader: &mut Reader<'_>,
    context: &Context<'_>,
    object: &Map<String, Value>,
) -> Vec<SecurityScheme> {
    let (value, at) = if context.swagger {
        (
            object.get("securityDefinitions"),
            context.root.join("securityDefinitions"),
        )
    } else {
        (
            object
                .get("components")
                .and_then(|c| c.get("securitySchemes")),
            context.root.join("components").join("securitySchemes"),
        )
    };
    let Some(value) = value else {
        return Vec::new();
    };
    let Some(schemes) = reader.object(&at, value) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, scheme) in schemes {
        let Some((scheme_at, scheme)) = context.follow(reader, &at.join(name), scheme) else {
            continue;
        };
        let kind_of = |key: &str| scheme.get(key).and_then(Value::as_str).unwrap_or_default();
        let kind = match kind_of("type") {
            "basic" => SchemeKind::Basic,
            "http" if kind_of("scheme").eq_ignore_ascii_case("basic") => SchemeKind::Basic,
            "http" if kind_of("scheme").eq_ignore_ascii_case("bearer") => SchemeKind::Bearer,
            "apiKey" => SchemeKind::ApiKey {
                name: kind_of("name").to_owned(),
                place: kind_of("in").to_owned(),
            },
            other => SchemeKind::Other(other.to_owned()),
        };
        out.push(SecurityScheme {
            location: scheme_at,
            name: name.clone(),
            kind,
        });
    }
    out
}

fn read_servers(object: &Map<String, Value>, swagger: bool) -> Vec<Server> {
    if swagger {
        let host = object.get("host").and_then(Value::as_str);
        let base = object.get("basePath").and_then(Value::as_str).unwrap_or("");
        let scheme = object
            .get("schemes")
            .and_then(Value::as_array)
            .and_then(|s| s.first())
            .and_then(Value::as_str)
            .unwrap_or("https");
        return match host {
            Some(host) => vec![Server {
                url: format!("{scheme}://{host}{base}"),
                variables: Vec::new(),
            }],
            None if !base.is_empty() => vec![Server {
                url: base.to_owned(),
                variables: Vec::new(),
            }],
            None => Vec::new(),
        };
    }
    object
        .get("servers")
        .and_then(Value::as_array)
        .map(|servers| {
            servers
                .iter()
                .filter_map(|server| {
                    let url = server.get("url")?.as_str()?.to_owned();
                    let variables = server
                        .get("variables")
                        .and_then(Value::as_object)
                        .map(|vars| {
                            vars.iter()
                                .map(|(name, var)| {
                                    let default = var
                                        .get("default")
                                        .and_then(Value::as_str)
                                        .unwrap_or_default();
                                    (name.clone(), default.to_owned())
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    Some(Server { url, variables })
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::split_key;

    #[test]
    fn a_path_key_splits_into_its_path_and_fixed_query() {
        assert_eq!(
            split_key("/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true"),
            (
                "/esx/settings/clusters/{cluster}/software".to_owned(),
                vec![
                    ("action".to_owned(), "stage".to_owned()),
                    ("vmw-task".to_owned(), "true".to_owned())
                ]
            )
        );
        assert_eq!(split_key("/pets"), ("/pets".to_owned(), Vec::new()));
        assert_eq!(
            split_key("/x?flag"),
            ("/x".to_owned(), vec![("flag".to_owned(), String::new())])
        );
    }
}
