//! Spec operations -> the IR's operations: a request struct (parameters and body) and a
//! response enum (one variant per documented status), named after the operation; schemas written
//! inline become types in the operation's own module, so that no other operation's coming or
//! going renames them. The security schemes and servers go with them.

use super::*;
use crate::ir::{
    BodyDef, BodyShape, MediaKind, OperationDef, ParameterDef, ParameterPlace, PathPiece,
    ResponseDef, SchemeKindDef, SecuritySchemeDef, ServerDef, StatusDef, TaskDef,
};
use crate::spec::{Content, Operation, ParameterIn, SchemeKind};

impl<'a> Lowerer<'a> {
    pub(super) fn lower_operations(&mut self) {
        let spec = self.spec;
        // Several specs may each define a scheme of one name (vSphere's files all have
        // `api_key_auth`): one scheme, as the first defines it, and a warning where another
        // defines it otherwise.
        let mut schemes: Vec<&crate::spec::SecurityScheme> = Vec::new();
        for scheme in &spec.schemes {
            match schemes.iter().find(|s| s.name == scheme.name) {
                Some(first) if first.kind != scheme.kind => self.diagnostics.warning(
                    &scheme.location,
                    format!(
                        "the security scheme `{}` is also defined, otherwise, at {}: that one is used",
                        scheme.name, first.location
                    ),
                ),
                Some(_) => {}
                None => schemes.push(scheme),
            }
        }
        self.space.security_schemes = schemes
            .into_iter()
            .filter_map(|scheme| {
                let kind = match &scheme.kind {
                    SchemeKind::Basic => SchemeKindDef::Basic,
                    SchemeKind::Bearer => SchemeKindDef::Bearer,
                    SchemeKind::ApiKey { name, place } => match place.as_str() {
                        "header" => SchemeKindDef::ApiKeyHeader(name.clone()),
                        "query" => SchemeKindDef::ApiKeyQuery(name.clone()),
                        "cookie" => SchemeKindDef::ApiKeyCookie(name.clone()),
                        other => {
                            self.diagnostics.warning(
                                &scheme.location.join("in"),
                                format!("an API key `in: {other}` is not applied (header, query or cookie)"),
                            );
                            return None;
                        }
                    },
                    SchemeKind::Other(_) => SchemeKindDef::Authorization,
                };
                Some(SecuritySchemeDef {
                    name: scheme.name.clone(),
                    kind,
                })
            })
            .collect();
        self.space.servers = spec
            .servers
            .iter()
            .map(|server| ServerDef {
                url: server.url.clone(),
                variables: server.variables.clone(),
            })
            .collect();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for op in &spec.operations {
            if let Some(id) = &op.operation_id {
                *ids.entry(id.as_str()).or_default() += 1;
            }
        }
        let names: Vec<(Vec<String>, String)> = spec
            .operations
            .iter()
            .map(|op| {
                let unique = op
                    .operation_id
                    .as_deref()
                    .is_some_and(|id| ids.get(id) == Some(&1));
                if let Some(id) = &op.operation_id
                    && !unique
                {
                    self.diagnostics.warning(
                        &op.location.join("operationId"),
                        format!("`{id}` names another operation too: this one is named from its method and path"),
                    );
                }
                naming::operation_name(
                    op.operation_id.as_deref(),
                    unique,
                    &op.method,
                    &path_key(op),
                    self.config.vapi,
                )
            })
            .collect();
        let paths = self.names.operation_paths(&names);
        for (op, (path, response_name)) in spec.operations.iter().zip(paths) {
            let id = TypeId(self.next_id);
            self.next_id += 1;
            let def = self.lower_operation(op, path, response_name);
            self.space.operations.insert(id, def);
        }
    }

    fn lower_operation(
        &mut self,
        op: &Operation,
        path: RustPath,
        response_name: String,
    ) -> OperationDef {
        let mut idents = Namespace::default();
        // The body's field name is the body's, whatever a parameter is called.
        idents.claim("body");
        let mut parameters = Vec::new();
        for parameter in &op.parameters {
            let wanted = naming::field_ident(&parameter.name);
            let ident = idents.claim(&wanted);
            let shape = match &parameter.schema {
                Some(schema) => {
                    self.lower_shape(&path, &naming::type_ident(&parameter.name), schema)
                }
                None => Shape::plain(TypeRef::String),
            };
            let place = match parameter.place {
                ParameterIn::Path => ParameterPlace::Path,
                ParameterIn::Query => ParameterPlace::Query,
                ParameterIn::Header => ParameterPlace::Header,
                ParameterIn::Cookie => ParameterPlace::Cookie,
                ParameterIn::FormData => ParameterPlace::Form,
            };
            let style = match (parameter.style.as_deref(), place) {
                (Some("simple"), _) => "Simple",
                (Some("label"), _) => "Label",
                (Some("matrix"), _) => "Matrix",
                (Some("form"), _) => "Form",
                (Some("spaceDelimited"), _) => "SpaceDelimited",
                (Some("pipeDelimited"), _) => "PipeDelimited",
                (Some("tabDelimited"), _) => "TabDelimited",
                (Some("deepObject"), _) => "DeepObject",
                (Some(other), _) => {
                    self.diagnostics.warning(
                        &parameter.location.join("style"),
                        format!("`style: {other}` is not OpenAPI's: the place's default is used"),
                    );
                    default_style(place)
                }
                (None, _) => default_style(place),
            };
            let explode = parameter.explode.unwrap_or(style == "Form");
            parameters.push(ParameterDef {
                wire_name: parameter.name.clone(),
                ident,
                place,
                style,
                explode,
                required: parameter.required,
                schema_location: parameter.schema.as_ref().map(|s| s.location().clone()),
                node: None,
                docs: parameter
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("The `{}` parameter.", parameter.name)),
                deprecated: parameter.deprecated,
                shape,
            });
        }
        let mut path_parts = Vec::new();
        let mut rest = op.path.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            if open > 0 {
                path_parts.push(PathPiece::Literal(rest[..open].to_owned()));
            }
            let name = &rest[open + 1..open + close];
            match parameters
                .iter()
                .position(|p| p.place == ParameterPlace::Path && p.wire_name == name)
            {
                Some(index) => path_parts.push(PathPiece::Parameter(index)),
                None => {
                    self.diagnostics.warning(
                        &op.location,
                        format!("the path has `{{{name}}}` but no path parameter `{name}`: it is sent as written"),
                    );
                    path_parts.push(PathPiece::Literal(rest[open..open + close + 1].to_owned()));
                }
            }
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            path_parts.push(PathPiece::Literal(rest.to_owned()));
        }
        let body = op.body.as_ref().and_then(|body| {
            let (content_type, media, schema) =
                self.choose_content(&body.location, &body.content, true)?;
            let shape = match media {
                MediaKind::Text => BodyShape::Text,
                MediaKind::Bytes => BodyShape::Bytes,
                _ if schema.is_none()
                    && parameters.iter().any(|p| p.place == ParameterPlace::Form) =>
                {
                    BodyShape::FormParameters
                }
                _ => BodyShape::Typed(match schema {
                    Some(schema) => self.lower_shape(&path, "Body", schema),
                    None => Shape::plain(TypeRef::Json),
                }),
            };
            Some(BodyDef {
                content_type,
                media,
                required: body.required,
                shape,
                docs: body
                    .description
                    .clone()
                    .unwrap_or_else(|| "The request body.".to_owned()),
            })
        });
        let mut variants = Namespace::default();
        let mut responses = Vec::new();
        for response in &op.responses {
            let status = match response.status.as_str() {
                "default" => StatusDef::Default,
                code => match code.parse::<u16>() {
                    Ok(code) => StatusDef::Code(code),
                    Err(_) => match code.strip_suffix("XX").or_else(|| code.strip_suffix("xx")) {
                        Some(hundreds)
                            if hundreds.len() == 1
                                && matches!(hundreds.parse::<u16>(), Ok(1..=5)) =>
                        {
                            StatusDef::Range(hundreds.parse().unwrap_or(0))
                        }
                        _ => {
                            self.diagnostics.warning(
                                &response.location,
                                format!("`{code}` is not a status, a range such as `2XX`, or `default`: the response is not read"),
                            );
                            continue;
                        }
                    },
                },
            };
            let ident = variants.claim(&naming::status_variant(&response.status));
            let body = match self.choose_content(&response.location, &response.content, false) {
                None => None,
                Some((_, MediaKind::Text, _)) => Some((MediaKind::Text, BodyShape::Text)),
                Some((_, MediaKind::Bytes, _)) => Some((MediaKind::Bytes, BodyShape::Bytes)),
                Some((_, MediaKind::Form | MediaKind::Multipart, _)) => {
                    Some((MediaKind::Bytes, BodyShape::Bytes))
                }
                Some((_, media, schema)) => {
                    let mut shape = match schema {
                        Some(schema) => self.lower_shape(&path, &format!("{ident}Body"), schema),
                        None => Shape::plain(TypeRef::Json),
                    };
                    // vSphere names one error type per status, but an error's `error_type` may
                    // be any of the family: it is read as the family, whose variant it names.
                    if self.config.vapi
                        && let TypeRef::Named(id) = shape.ty
                        && let Some(family) = self.families.get(&id)
                    {
                        shape.ty = TypeRef::Named(*family);
                    }
                    Some((media, BodyShape::Typed(shape)))
                }
            };
            responses.push(ResponseDef {
                status,
                ident,
                body,
                docs: response
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("The `{}` response.", response.status)),
            });
        }
        let security = op
            .security
            .iter()
            .flatten()
            .filter_map(|alternative| {
                alternative
                    .iter()
                    .map(|name| {
                        let found = self
                            .space
                            .security_schemes
                            .iter()
                            .position(|scheme| scheme.name == *name);
                        if found.is_none() {
                            self.diagnostics.warning(
                                &op.location.join("security"),
                                format!("the security scheme `{name}` is not defined: this requirement is not applied"),
                            );
                        }
                        found
                    })
                    .collect::<Option<Vec<usize>>>()
            })
            .collect();
        let docs = match (&op.summary, &op.description) {
            (Some(summary), Some(description)) => format!("{summary}\n\n{description}"),
            (Some(text), None) | (None, Some(text)) => text.clone(),
            (None, None) => format!("`{} {}`.", op.method.to_uppercase(), path_key(op)),
        };
        let task = self.task_result(op).and_then(|result| {
            // The task id is the string a 202 answers.
            let accepted = responses.iter().find(|r| {
                r.status == StatusDef::Code(202)
                    && matches!(&r.body, Some((MediaKind::Json, BodyShape::Typed(shape))) if shape.ty == TypeRef::String && !shape.nullable)
            })?;
            let error = responses.iter().find_map(|r| match (&r.status, &r.body) {
                (StatusDef::Code(400..) | StatusDef::Range(4..) | StatusDef::Default, Some((_, BodyShape::Typed(shape))))
                    if matches!(shape.ty, TypeRef::Named(id) if self.families.values().any(|f| *f == id)) =>
                {
                    Some(shape.ty.clone())
                }
                _ => None,
            });
            Some(TaskDef {
                accepted: accepted.ident.clone(),
                result,
                error,
            })
        });
        OperationDef {
            response_name,
            spec_name: op
                .operation_id
                .clone()
                .unwrap_or_else(|| format!("{} {}", op.method.to_uppercase(), path_key(op))),
            method: op.method.to_uppercase(),
            path_parts,
            fixed_query: op.fixed_query.clone(),
            parameters,
            body,
            responses,
            security,
            docs,
            deprecated: op.deprecated,
            location: op.location.clone(),
            task,
            path,
        }
    }

    /// The media type a body is sent or read in, of those the spec offers: JSON first, then a
    /// form, multipart, text, and bytes for any other (with a warning where the spec offers only
    /// another, whose bytes are then the user's to make or read).
    fn choose_content<'c>(
        &mut self,
        at: &Location,
        content: &'c [Content],
        request: bool,
    ) -> Option<(String, MediaKind, Option<&'c SchemaObject>)> {
        let kind = |media_type: &str| {
            let essence = media_type
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            if essence == "application/json" || essence.ends_with("+json") || essence == "*/*" {
                Some(MediaKind::Json)
            } else if essence == "application/x-www-form-urlencoded" {
                Some(MediaKind::Form)
            } else if essence == "multipart/form-data" {
                Some(MediaKind::Multipart)
            } else if essence.starts_with("text/") {
                Some(MediaKind::Text)
            } else if essence == "application/octet-stream" {
                Some(MediaKind::Bytes)
            } else {
                None
            }
        };
        for wanted in [
            MediaKind::Json,
            MediaKind::Form,
            MediaKind::Multipart,
            MediaKind::Text,
            MediaKind::Bytes,
        ] {
            if let Some(found) = content.iter().find(|c| kind(&c.media_type) == Some(wanted)) {
                let content_type = if found.media_type == "*/*" {
                    "application/json".to_owned()
                } else {
                    found.media_type.clone()
                };
                return Some((content_type, wanted, found.schema.as_ref()));
            }
        }
        let first = content.first()?;
        self.diagnostics.warning(
            &at.join("content").join(&first.media_type),
            format!(
                "`{}` is not JSON, a form, text or bytes that the generator knows: the {} is bytes, as they are",
                first.media_type,
                if request { "request body" } else { "response body" }
            ),
        );
        Some((first.media_type.clone(), MediaKind::Bytes, None))
    }

    /// vSphere's task operations (`vmw-task=true`): the schema whose description says it is
    /// "the result of a *POST /…?action=stage* operation", as the operation's 202 says of its
    /// answer. Only with vAPI's conventions.
    fn task_result(&mut self, op: &Operation) -> Option<Option<TypeRef>> {
        let is_task = self.config.vapi
            && op
                .fixed_query
                .iter()
                .any(|(name, value)| name == "vmw-task" && value == "true");
        if !is_task {
            return None;
        }
        let query: Vec<String> = op
            .fixed_query
            .iter()
            .filter(|(name, _)| name != "vmw-task")
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        let mut named = format!("*{} {}", op.method.to_uppercase(), op.path);
        if !query.is_empty() {
            named.push('?');
            named.push_str(&query.join("&"));
        }
        named.push_str("* operation");
        let found = self.spec.schemas.iter().position(|schema| {
            schema.schema.description.as_deref().is_some_and(|text| {
                (text.contains("result of a ") || text.contains("result of an "))
                    && text.contains(&named)
            })
        });
        Some(
            found
                .and_then(|index| self.ids.get(&index))
                .map(|id| TypeRef::Named(*id)),
        )
    }
}

/// The path key as the spec writes it: the path, and its fixed query.
fn path_key(op: &Operation) -> String {
    if op.fixed_query.is_empty() {
        return op.path.clone();
    }
    let query: Vec<String> = op
        .fixed_query
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    format!("{}?{}", op.path, query.join("&"))
}

/// The style a place has when the spec names none.
fn default_style(place: ParameterPlace) -> &'static str {
    match place {
        ParameterPlace::Path | ParameterPlace::Header => "Simple",
        ParameterPlace::Query | ParameterPlace::Cookie | ParameterPlace::Form => "Form",
    }
}
