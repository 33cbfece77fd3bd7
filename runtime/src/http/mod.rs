//! Operations without I/O: a generated operation becomes an [`http::Request`] and an
//! [`http::Response`] becomes its typed answer, so that any HTTP client can carry them
//! (the `http` crate's types are what hyper, reqwest, ureq, axum and tower exchange already).
//! [`Client`] sends them over a [`Transport`] (`ureq`, with the `blocking` feature) or an
//! [`AsyncTransport`] (`reqwest`, with `async`).
//!
//! Each generated operation implements [`Operation`]: a constant that says what the spec says of
//! it (method, path, fixed query, parameters and their styles, body media type, security,
//! documented responses), [`Operation::write`], which shows its values to a [`RequestWriter`],
//! and [`Operation::decode`], which decodes the body of one documented response. Everything
//! else (serializing, percent-encoding, validating, matching statuses, checking content types)
//! is written here once.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::validate::{Path, Report};
use crate::{Mode, Schema, Validate, ValidationErrors};

mod client;
pub mod params;
#[cfg(feature = "async")]
mod reqwest_transport;
#[cfg(feature = "blocking")]
mod ureq_transport;

pub use ::http::{HeaderMap, Method, Request, Response, StatusCode};
pub use client::{
    AsyncTransport, Client, Credential, Credentials, Error, Server, Transport, TransportError,
    TransportOptions, base_url, server_url,
};
pub use params::Style;
#[cfg(feature = "async")]
pub use reqwest_transport::ReqwestTransport;
#[cfg(feature = "blocking")]
pub use ureq_transport::UreqTransport;

/// What the spec says of one operation.
pub struct OperationInfo {
    /// Its name in the spec: the `operationId`, or `METHOD /path`.
    pub name: &'static str,
    /// `GET`, `POST`, …
    pub method: &'static str,
    /// The path template, in pieces.
    pub path: &'static [PathPart],
    /// Query pairs the path key fixes (`?action=stage&vmw-task=true`).
    pub fixed_query: &'static [(&'static str, &'static str)],
    /// Each parameter, in the order [`Operation::write`] shows them.
    pub parameters: &'static [ParameterInfo],
    /// The request body, if the operation takes one.
    pub body: Option<BodyInfo>,
    /// Security requirements: alternatives, each a list of schemes that must all be applied.
    /// Empty: none.
    pub security: &'static [&'static [SecurityScheme]],
    /// The documented responses, in the order of the response enum's variants.
    pub responses: &'static [ResponseInfo],
}

/// A piece of a path template.
#[derive(Debug)]
pub enum PathPart {
    /// Text as written.
    Literal(&'static str),
    /// The path parameter of this index in [`OperationInfo::parameters`].
    Parameter(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A `{name}` in the path.
    Path,
    /// The query string.
    Query,
    /// A header.
    Header,
    /// The `Cookie` header.
    Cookie,
    /// A field of a form body (Swagger 2.0's `formData`).
    Form,
}

/// One parameter.
pub struct ParameterInfo {
    /// Its name on the wire.
    pub name: &'static str,
    /// Where it goes.
    pub place: Place,
    /// How it is written.
    pub style: Style,
    /// `explode`.
    pub explode: bool,
    /// The compiled schema that checks its value, if the spec gives one.
    pub schema: Option<Schema>,
}

/// How a body is written or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    /// JSON (`application/json`, `*+json`).
    Json,
    /// `application/x-www-form-urlencoded`, nested objects and arrays bracketed.
    Form,
    /// `multipart/form-data`: one part per property.
    Multipart,
    /// Text (`text/plain`, …), as a `String`.
    Text,
    /// Bytes as they are (`application/octet-stream` and any other media type).
    Bytes,
}

/// The request body.
#[derive(Debug, Clone, Copy)]
pub struct BodyInfo {
    /// The `Content-Type` it is sent with.
    pub content_type: &'static str,
    /// How it is written.
    pub media: Media,
    /// Whether the operation requires one.
    pub required: bool,
}

/// Which statuses a documented response covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMatch {
    /// One status: `404`.
    Code(u16),
    /// A range: `2XX` is `Range(2)`.
    Range(u16),
    /// `default`: any status no other response names.
    Default,
}

impl StatusMatch {
    fn matches(self, status: u16) -> bool {
        match self {
            StatusMatch::Code(code) => code == status,
            StatusMatch::Range(hundreds) => status / 100 == hundreds,
            StatusMatch::Default => true,
        }
    }
}

/// A documented response.
#[derive(Debug, Clone, Copy)]
pub struct ResponseInfo {
    /// The statuses it covers.
    pub status: StatusMatch,
    /// How its body is read; `None`: it has none.
    pub media: Option<Media>,
}

/// A way to authenticate, as `securitySchemes` defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityScheme {
    /// Its name in the spec, which credentials are given by.
    pub name: &'static str,
    /// How it is applied.
    pub kind: SchemeKind,
}

/// How a security scheme is applied to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Basic …`.
    Basic,
    /// `Authorization: Bearer …`.
    Bearer,
    /// A key in a header.
    ApiKeyHeader(&'static str),
    /// A key in the query string.
    ApiKeyQuery(&'static str),
    /// A key in a cookie.
    ApiKeyCookie(&'static str),
    /// Any other scheme (OAuth 2, OpenID Connect): its credential is the `Authorization`
    /// header's whole value.
    Authorization,
}

/// A generated operation: its values, and how its responses decode.
pub trait Operation {
    /// One variant per documented response.
    type Response;

    /// What the spec says of the operation.
    const INFO: OperationInfo;

    /// Shows each parameter (by its index in [`OperationInfo::parameters`]) and the body to
    /// `writer`.
    fn write<W: RequestWriter>(&self, writer: &mut W);

    /// The response at `index` of [`OperationInfo::responses`], from its body (`None` for a
    /// response without one).
    fn decode(
        index: usize,
        status: StatusCode,
        body: Body<'_>,
    ) -> Result<Self::Response, ValidationErrors>;
}

/// A response body, as [`Operation::decode`] takes it: the bytes and how strictly to read them.
#[derive(Debug, Clone, Copy)]
pub struct Body<'b> {
    /// The bytes.
    pub bytes: &'b [u8],
    /// Strict, or forward-compatible (a newer server's enum values pass).
    pub mode: Mode,
}

impl Body<'_> {
    /// JSON, decoded and validated.
    #[inline]
    pub fn json<T: DeserializeOwned + Validate>(self) -> Result<T, ValidationErrors> {
        crate::from_slice_with(self.bytes, self.mode)
    }

    /// Text.
    pub fn text(self) -> Result<String, ValidationErrors> {
        String::from_utf8(self.bytes.to_vec()).map_err(|err| {
            Report::whole_document(
                crate::Code::Decode,
                format!("the body is not UTF-8 text: {err}"),
            )
        })
    }

    /// The bytes as they are.
    pub fn bytes(self) -> Result<Vec<u8>, ValidationErrors> {
        Ok(self.bytes.to_vec())
    }
}

/// What [`Operation::decode`] answers for an index that is not one of its responses, which
/// [`parse_response`] never passes: an error rather than a panic all the same.
#[doc(hidden)]
pub fn no_such_response(index: usize) -> ValidationErrors {
    Report::whole_document(
        crate::Code::Decode,
        format!("response {index} is not one the operation documents"),
    )
}

/// What [`Operation::write`] shows its values to.
pub trait RequestWriter {
    /// The parameter at `index`; `None` when an optional one is not given.
    fn parameter<T: Serialize>(&mut self, index: usize, value: Option<&T>);

    /// The body; `None` when an optional one is not given.
    fn body<T: Serialize + Validate>(&mut self, value: Option<&T>);

    /// A body of bytes or text, sent as it is.
    fn raw_body(&mut self, value: Option<&[u8]>);
}

/// Why a request was not built: nothing was sent.
#[derive(Debug)]
pub enum RequestError {
    /// A parameter's value or the body breaks the spec.
    Invalid {
        /// The parameter's name, or `body`.
        parameter: String,
        /// Every problem, with JSON Pointers into the value.
        errors: ValidationErrors,
    },
    /// A value cannot be written as its place requires (a header with a line break, a value
    /// that does not encode).
    Encode {
        /// The parameter's name, or `body`.
        parameter: String,
        /// What is wrong.
        message: String,
    },
    /// The base URL and path do not make a URL.
    Url(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Invalid { parameter, errors } => {
                write!(f, "`{parameter}` breaks the spec: {errors}")
            }
            RequestError::Encode { parameter, message } => {
                write!(f, "`{parameter}` cannot be sent: {message}")
            }
            RequestError::Url(message) => write!(f, "no URL for the request: {message}"),
        }
    }
}

impl std::error::Error for RequestError {}

/// A response that is not what the spec documents; it keeps what came.
#[derive(Debug)]
pub struct ResponseError {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body, as it came.
    pub body: Vec<u8>,
    /// What is wrong with it.
    pub problem: ResponseProblem,
}

/// What is wrong with a response.
#[derive(Debug)]
pub enum ResponseProblem {
    /// The spec documents no response of this status (and no `default`).
    UndocumentedStatus,
    /// The body is of another media type than the status promises.
    ContentType {
        /// The media type documented.
        expected: &'static str,
        /// The `Content-Type` that came (empty when none did).
        found: String,
    },
    /// The body does not decode, or breaks the spec.
    Body(ValidationErrors),
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let snippet = String::from_utf8_lossy(&self.body[..self.body.len().min(200)]).into_owned();
        match &self.problem {
            ResponseProblem::UndocumentedStatus => write!(
                f,
                "status {} is not a documented response (body: {snippet:?})",
                self.status
            ),
            ResponseProblem::ContentType { expected, found } => write!(
                f,
                "status {}: expected a {expected} body, got `{found}` (body: {snippet:?})",
                self.status
            ),
            ResponseProblem::Body(errors) => write!(
                f,
                "status {}: the body is not what the spec documents: {errors}",
                self.status
            ),
        }
    }
}

impl std::error::Error for ResponseError {}

/// Builds the request of `operation`: the URL from `base_url` (`https://vcenter.example/api`),
/// the path and the parameters, the body, and the credentials of the first security
/// alternative that `credentials` has all of. Every value is checked against the spec first.
pub fn build_request<O: Operation>(
    operation: &O,
    base_url: &str,
    credentials: &Credentials,
) -> Result<Request<Vec<u8>>, RequestError> {
    let info = &O::INFO;
    let mut writer = Writer {
        info,
        path: vec![None; info.parameters.len()],
        query: Vec::new(),
        headers: Vec::new(),
        cookies: Vec::new(),
        form: Vec::new(),
        body: None,
        error: None,
    };
    operation.write(&mut writer);
    if let Some(error) = writer.error {
        return Err(error);
    }
    let mut url = base_url.trim_end_matches('/').to_owned();
    for part in info.path {
        match part {
            PathPart::Literal(text) => url.push_str(text),
            PathPart::Parameter(index) => match writer.path.get(*index).and_then(Option::as_ref) {
                Some(text) => url.push_str(text),
                None => {
                    return Err(RequestError::Encode {
                        parameter: info
                            .parameters
                            .get(*index)
                            .map_or("?", |p| p.name)
                            .to_owned(),
                        message: "a path parameter has no value".to_owned(),
                    });
                }
            },
        }
    }
    let mut query: Vec<String> = info
        .fixed_query
        .iter()
        .map(|(name, value)| {
            let mut pair = String::new();
            params::percent_encode(name, &mut pair);
            if !value.is_empty() {
                pair.push('=');
                params::percent_encode(value, &mut pair);
            }
            pair
        })
        .collect();
    query.append(&mut writer.query);
    let mut headers = std::mem::take(&mut writer.headers);
    let mut cookies = std::mem::take(&mut writer.cookies);
    // The first alternative the credentials cover that asks for any; an empty one (security
    // optional) only when none does.
    let covered = |schemes: &&&[SecurityScheme]| {
        schemes
            .iter()
            .all(|scheme| credentials.for_scheme(scheme).is_some())
    };
    let alternative = info
        .security
        .iter()
        .filter(|schemes| !schemes.is_empty())
        .find(covered);
    if let Some(alternative) = alternative {
        for scheme in *alternative {
            if let Some(credential) = credentials.for_scheme(scheme) {
                client::apply(
                    scheme.kind,
                    credential,
                    &mut headers,
                    &mut query,
                    &mut cookies,
                );
            }
        }
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    let mut body = writer.body.take();
    if !writer.form.is_empty()
        || (body.is_none() && matches!(info.body, Some(b) if b.media == Media::Form && b.required))
    {
        body = Some(form_body(
            &writer.form,
            info.body.map_or(Media::Form, |b| b.media),
        ));
    }
    // A header the spec names or a credential holds may not be one HTTP can carry.
    for (name, value) in &headers {
        let name_ok = ::http::HeaderName::from_bytes(name.as_bytes()).is_ok();
        if !name_ok || ::http::HeaderValue::from_str(value).is_err() {
            return Err(RequestError::Encode {
                parameter: name.clone(),
                message: "not a header HTTP can carry (a control character, a line break, or a name that is no token)".to_owned(),
            });
        }
    }
    if let Some(fields) = writer.form.iter().find(|(name, value)| {
        info.body.is_some_and(|b| b.media == Media::Multipart)
            && (name.contains(MULTIPART_BOUNDARY) || value.contains(MULTIPART_BOUNDARY))
    }) {
        return Err(RequestError::Encode {
            parameter: fields.0.clone(),
            message: "the value holds the multipart boundary".to_owned(),
        });
    }
    let mut request = Request::builder().method(info.method).uri(&url);
    for (name, value) in &headers {
        request = request.header(name.as_str(), value.as_str());
    }
    if !cookies.is_empty() {
        request = request.header("cookie", cookies.join("; "));
    }
    let content_type = match (&body, info.body) {
        (Some(_), Some(body)) if body.media == Media::Multipart => Some(format!(
            "multipart/form-data; boundary={MULTIPART_BOUNDARY}"
        )),
        (Some(_), Some(body)) => Some(body.content_type.to_owned()),
        _ => None,
    };
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    request = request.header("accept", accept(info));
    // The URL is not shown: its query may hold an API key.
    request
        .body(body.unwrap_or_default())
        .map_err(|err| RequestError::Url(format!("{}: {err}", info.name)))
}

/// The media types the operation's responses may have.
fn accept(info: &OperationInfo) -> &'static str {
    let json = info.responses.iter().any(|r| r.media == Some(Media::Json));
    let other = info
        .responses
        .iter()
        .any(|r| matches!(r.media, Some(Media::Text | Media::Bytes)));
    match (json, other) {
        (true, false) => "application/json",
        _ => "*/*",
    }
}

/// The boundary of multipart bodies: long and odd enough not to be in a value (a value or name
/// that holds it is refused by `build_request`).
const MULTIPART_BOUNDARY: &str = "specgen-boundary-7d1f0c9b2e4a4b6f";

/// A form body from its fields (urlencoded or multipart).
fn form_body(fields: &[(String, String)], media: Media) -> Vec<u8> {
    if media == Media::Multipart {
        let mut out = String::new();
        for (name, value) in fields {
            // A name is quoted: its quotes and line breaks are escaped, so it cannot end the
            // header.
            let name = name
                .replace('"', "%22")
                .replace('\r', "%0D")
                .replace('\n', "%0A");
            out.push_str(&format!(
                "--{MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        out.push_str(&format!("--{MULTIPART_BOUNDARY}--\r\n"));
        return out.into_bytes();
    }
    let mut out = String::new();
    for (name, value) in fields {
        if !out.is_empty() {
            out.push('&');
        }
        form_encode(name, &mut out);
        out.push('=');
        form_encode(value, &mut out);
    }
    out.into_bytes()
}

/// `application/x-www-form-urlencoded` encoding: a space is `+`, every byte but the unreserved
/// (and `*`) is percent-encoded.
fn form_encode(text: &str, out: &mut String) {
    for &byte in text.as_bytes() {
        match byte {
            b' ' => out.push('+'),
            b'*' | b'-' | b'.' | b'_' => out.push(byte as char),
            _ if byte.is_ascii_alphanumeric() => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
}

struct Writer<'i> {
    info: &'i OperationInfo,
    /// Each path parameter's text, by index.
    path: Vec<Option<String>>,
    query: Vec<String>,
    headers: Vec<(String, String)>,
    cookies: Vec<String>,
    /// Form fields, in order.
    form: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    /// The first problem; nothing is sent then.
    error: Option<RequestError>,
}

impl Writer<'_> {
    fn fail(&mut self, error: RequestError) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }
}

impl RequestWriter for Writer<'_> {
    fn parameter<T: Serialize>(&mut self, index: usize, value: Option<&T>) {
        let Some(info) = self.info.parameters.get(index) else {
            return;
        };
        let Some(value) = value else {
            return;
        };
        let json = match serde_json::to_value(value) {
            Ok(json) => json,
            Err(err) => {
                return self.fail(RequestError::Encode {
                    parameter: info.name.to_owned(),
                    message: err.to_string(),
                });
            }
        };
        if let Some(schema) = info.schema {
            let mut report = Report::new(Mode::Strict);
            schema.check(&json, &Path::ROOT, &mut report);
            if let Err(errors) = report.finish() {
                return self.fail(RequestError::Invalid {
                    parameter: info.name.to_owned(),
                    errors,
                });
            }
        }
        match info.place {
            Place::Path => {
                self.path[index] = Some(params::path_value(
                    info.name,
                    info.style,
                    info.explode,
                    &json,
                ));
            }
            Place::Query => {
                let pairs = params::query_pairs(info.name, info.style, info.explode, &json);
                self.query.extend(pairs);
            }
            Place::Header => {
                let text = params::header_value(info.explode, &json);
                if text.contains(['\r', '\n']) || ::http::HeaderValue::from_str(&text).is_err() {
                    return self.fail(RequestError::Encode {
                        parameter: info.name.to_owned(),
                        message: "a header value cannot hold this text (a line break or a control character)".to_owned(),
                    });
                }
                self.headers.push((info.name.to_owned(), text));
            }
            Place::Cookie => self
                .cookies
                .push(params::cookie_pair(info.name, info.explode, &json)),
            // Swagger 2.0's `collectionFormat`: `multi` repeats the field, the others join the
            // items (`csv` by default).
            Place::Form => match &json {
                serde_json::Value::Array(items) if info.explode => {
                    for item in items {
                        self.form.push((info.name.to_owned(), scalar_text(item)));
                    }
                }
                serde_json::Value::Array(items) => {
                    let separator = match info.style {
                        Style::SpaceDelimited => " ",
                        Style::PipeDelimited => "|",
                        Style::TabDelimited => "\t",
                        _ => ",",
                    };
                    let joined: Vec<String> = items.iter().map(scalar_text).collect();
                    self.form
                        .push((info.name.to_owned(), joined.join(separator)));
                }
                other => self.form.push((info.name.to_owned(), scalar_text(other))),
            },
        }
    }

    fn body<T: Serialize + Validate>(&mut self, value: Option<&T>) {
        let Some(value) = value else {
            return;
        };
        if let Err(errors) = value.validate() {
            return self.fail(RequestError::Invalid {
                parameter: "body".to_owned(),
                errors,
            });
        }
        let media = self.info.body.map_or(Media::Json, |b| b.media);
        let encoded = match media {
            Media::Json | Media::Text | Media::Bytes => {
                serde_json::to_vec(value).map_err(|e| e.to_string())
            }
            Media::Form | Media::Multipart => match serde_json::to_value(value) {
                Ok(serde_json::Value::Object(map)) => {
                    for (name, item) in &map {
                        match (media, item) {
                            (Media::Multipart, serde_json::Value::Object(_)) => {
                                self.form.push((name.clone(), item.to_string()));
                            }
                            (Media::Multipart, serde_json::Value::Array(items)) => {
                                for item in items {
                                    self.form.push((name.clone(), scalar_text(item)));
                                }
                            }
                            _ => params::deep_pairs(name, item, &mut |key, text| {
                                self.form.push((key.to_owned(), text.to_owned()));
                            }),
                        }
                    }
                    return;
                }
                Ok(_) => Err("a form body must be an object".to_owned()),
                Err(err) => Err(err.to_string()),
            },
        };
        match encoded {
            Ok(bytes) => self.body = Some(bytes),
            Err(message) => self.fail(RequestError::Encode {
                parameter: "body".to_owned(),
                message,
            }),
        }
    }

    fn raw_body(&mut self, value: Option<&[u8]>) {
        self.body = value.map(<[u8]>::to_vec);
    }
}

fn scalar_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The typed response of `O` from `response`: the documented response whose status matches
/// (a code, then a range, then `default`), its body checked against its media type, decoded and
/// validated in `mode`. Anything else is a [`ResponseError`] that keeps what came.
pub fn parse_response<O: Operation>(
    response: Response<Vec<u8>>,
    mode: Mode,
) -> Result<O::Response, ResponseError> {
    let (parts, body) = response.into_parts();
    let status = parts.status.as_u16();
    let responses = O::INFO.responses;
    let found = responses
        .iter()
        .position(|r| matches!(r.status, StatusMatch::Code(_)) && r.status.matches(status))
        .or_else(|| {
            responses
                .iter()
                .position(|r| matches!(r.status, StatusMatch::Range(_)) && r.status.matches(status))
        })
        .or_else(|| {
            responses
                .iter()
                .position(|r| r.status == StatusMatch::Default)
        });
    let error = |problem| ResponseError {
        status: parts.status,
        headers: parts.headers.clone(),
        body: body.clone(),
        problem,
    };
    let Some(index) = found else {
        return Err(error(ResponseProblem::UndocumentedStatus));
    };
    if let Some(media) = responses[index].media {
        let found = parts
            .headers
            .get(::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let expected = match media {
            Media::Json => Some("application/json"),
            Media::Text => Some("text/plain"),
            _ => None,
        };
        // A JSON body is `application/json`, `…+json`, or unlabelled; text is any `text/…`.
        let fits = match media {
            Media::Json => {
                found.is_empty()
                    || found.starts_with("application/json")
                    || found
                        .split(';')
                        .next()
                        .is_some_and(|t| t.trim().ends_with("+json"))
            }
            Media::Text => found.is_empty() || found.starts_with("text/"),
            _ => true,
        };
        if let (false, Some(expected)) = (fits, expected) {
            return Err(error(ResponseProblem::ContentType { expected, found }));
        }
    }
    O::decode(index, parts.status, Body { bytes: &body, mode })
        .map_err(|errors| error(ResponseProblem::Body(errors)))
}

#[cfg(test)]
mod tests;
