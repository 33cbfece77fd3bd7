//! The client: a base URL, credentials by security scheme, and a transport that carries the
//! requests [`build_request`](super::build_request) makes.

use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::time::Duration;

use base64::Engine as _;

use super::{
    Operation, Request, RequestError, Response, ResponseError, SchemeKind, build_request,
    parse_response,
};
use crate::Mode;

/// A credential, given once to a [`Client`] by the name of the security scheme it is for, and
/// applied to every operation that asks for that scheme.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// A user and a password, for `http`/`basic`.
    Basic {
        /// The user name.
        user: String,
        /// The password.
        password: String,
    },
    /// A token, for `http`/`bearer` (or an API key's value).
    Bearer(String),
    /// An API key's value, for `apiKey` in a header, the query or a cookie.
    ApiKey(String),
    /// The `Authorization` header's whole value, for any other scheme (OAuth 2 …).
    Authorization(String),
}

/// Never shows a secret.
impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Basic { user, .. } => write!(f, "Basic {{ user: {user:?}, password: … }}"),
            Credential::Bearer(_) => f.write_str("Bearer(…)"),
            Credential::ApiKey(_) => f.write_str("ApiKey(…)"),
            Credential::Authorization(_) => f.write_str("Authorization(…)"),
        }
    }
}

/// Credentials by the name of their security scheme (`basic_auth`, `api_key_auth`), or by the
/// header an API key goes in (what a convention knows, such as vSphere's session header, whatever
/// a spec calls its scheme).
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    by_scheme: BTreeMap<String, Credential>,
    by_header: BTreeMap<String, Credential>,
}

impl Credentials {
    /// Gives `credential` for `scheme`, replacing any before.
    pub fn set(&mut self, scheme: &str, credential: Credential) {
        self.by_scheme.insert(scheme.to_owned(), credential);
    }

    /// Forgets the credential of `scheme`.
    pub fn remove(&mut self, scheme: &str) -> Option<Credential> {
        self.by_scheme.remove(scheme)
    }

    /// The credential of `scheme`.
    pub fn get(&self, scheme: &str) -> Option<&Credential> {
        self.by_scheme.get(scheme)
    }

    /// Gives `credential` for every API key scheme in the header `name`.
    pub fn set_header(&mut self, name: &str, credential: Credential) {
        self.by_header.insert(name.to_ascii_lowercase(), credential);
    }

    /// Forgets the credential of the header `name`.
    pub fn remove_header(&mut self, name: &str) -> Option<Credential> {
        self.by_header.remove(&name.to_ascii_lowercase())
    }

    /// The credential given for the header `name`.
    pub fn header(&self, name: &str) -> Option<&Credential> {
        self.by_header.get(&name.to_ascii_lowercase())
    }

    /// The credential for `scheme`, by its name or by its header, where it is one the scheme
    /// can apply (a password is no bearer token).
    pub(crate) fn for_scheme(&self, scheme: &super::SecurityScheme) -> Option<&Credential> {
        let credential = self.get(scheme.name).or_else(|| match scheme.kind {
            SchemeKind::ApiKeyHeader(header) => self.header(header),
            _ => None,
        })?;
        let fits = match (scheme.kind, credential) {
            (SchemeKind::Basic, Credential::Basic { .. }) => true,
            (SchemeKind::Basic, _) | (_, Credential::Basic { .. }) => false,
            _ => true,
        };
        fits.then_some(credential)
    }
}

/// Applies `credential` as `kind` says, to the request's headers, query or cookies.
pub(crate) fn apply(
    kind: SchemeKind,
    credential: &Credential,
    headers: &mut Vec<(String, String)>,
    query: &mut Vec<String>,
    cookies: &mut Vec<String>,
) {
    let secret = match credential {
        Credential::Bearer(value)
        | Credential::ApiKey(value)
        | Credential::Authorization(value) => value.as_str(),
        Credential::Basic { password, .. } => password.as_str(),
    };
    match (kind, credential) {
        (SchemeKind::Basic, Credential::Basic { user, password }) => {
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            headers.push(("authorization".to_owned(), format!("Basic {token}")));
        }
        (SchemeKind::Basic, _) => {}
        (SchemeKind::Bearer, _) => {
            headers.push(("authorization".to_owned(), format!("Bearer {secret}")));
        }
        (SchemeKind::ApiKeyHeader(name), _) => headers.push((name.to_owned(), secret.to_owned())),
        (SchemeKind::ApiKeyQuery(name), _) => {
            let mut pair = String::new();
            super::params::percent_encode(name, &mut pair);
            pair.push('=');
            super::params::percent_encode(secret, &mut pair);
            query.push(pair);
        }
        (SchemeKind::ApiKeyCookie(name), _) => {
            let mut pair = format!("{name}=");
            super::params::percent_encode(secret, &mut pair);
            cookies.push(pair);
        }
        // An OAuth 2 access token given as a bearer token is sent as one.
        (SchemeKind::Authorization, Credential::Bearer(token)) => {
            headers.push(("authorization".to_owned(), format!("Bearer {token}")));
        }
        (SchemeKind::Authorization, _) => {
            headers.push(("authorization".to_owned(), secret.to_owned()));
        }
    }
}

/// Carries a request and brings back the whole response, blocking. Any status is a response,
/// not an error: what a status means is the operation's to say.
pub trait Transport {
    /// Sends `request`.
    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError>;
}

/// Carries a request and brings back the whole response, asynchronously.
pub trait AsyncTransport {
    /// Sends `request`.
    fn send(
        &self,
        request: Request<Vec<u8>>,
    ) -> impl Future<Output = Result<Response<Vec<u8>>, TransportError>> + Send;
}

/// How a transport connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportOptions {
    /// The most a whole request may take, from connecting to the last byte of the response.
    pub timeout: Option<Duration>,
    /// Accept any TLS certificate, self-signed ones included (a lab vCenter's). Off by default:
    /// turning it on lets anyone in the path read and change the traffic.
    pub accept_invalid_certificates: bool,
    /// The largest response body read; a longer one is an error, not a full memory.
    pub max_response_bytes: u64,
}

impl Default for TransportOptions {
    fn default() -> TransportOptions {
        TransportOptions {
            timeout: Some(Duration::from_secs(60)),
            accept_invalid_certificates: false,
            max_response_bytes: 256 * 1024 * 1024,
        }
    }
}

/// `uri` without its query, which may hold an API key: what messages show of a request.
#[cfg(any(feature = "blocking", feature = "async"))]
pub(crate) fn redacted(uri: &super::Request<Vec<u8>>) -> String {
    let uri = uri.uri();
    format!(
        "{}://{}{}",
        uri.scheme_str().unwrap_or("http"),
        uri.authority().map_or("", |a| a.as_str()),
        uri.path()
    )
}

/// The request never got an answer: the connection failed, timed out or was closed.
#[derive(Debug)]
pub struct TransportError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// An error that says `message`, caused by `source`.
    pub fn new(
        message: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> TransportError {
        TransportError {
            message: message.into(),
            source: Some(source.into()),
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Some(source) => write!(f, "{}: {source}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

/// Why an operation has no typed answer.
#[derive(Debug)]
pub enum Error {
    /// The request breaks the spec, or cannot be written: nothing was sent.
    Request(RequestError),
    /// The request got no answer.
    Transport(TransportError),
    /// The answer is not one the spec documents; it is kept whole.
    Response(ResponseError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request(err) => err.fmt(f),
            Error::Transport(err) => err.fmt(f),
            Error::Response(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Request(err) => Some(err),
            Error::Transport(err) => Some(err),
            Error::Response(err) => Some(err),
        }
    }
}

impl From<RequestError> for Error {
    fn from(err: RequestError) -> Error {
        Error::Request(err)
    }
}

impl From<TransportError> for Error {
    fn from(err: TransportError) -> Error {
        Error::Transport(err)
    }
}

impl From<ResponseError> for Error {
    fn from(err: ResponseError) -> Error {
        Error::Response(err)
    }
}

/// A server of the spec's `servers`: its URL template and its variables' defaults.
#[derive(Debug, Clone, Copy)]
pub struct Server {
    /// `https://{host}/api`
    pub url: &'static str,
    /// `("host", "localhost")`
    pub variables: &'static [(&'static str, &'static str)],
}

/// The base URL for a server the user names (`https://vcenter.example`, with or without a
/// port): its scheme and host, with the path of the spec's first server (`/api` of
/// `https://{host}/api`). A URL with a path of its own is taken as it is; with no `servers`, so
/// is the URL given.
pub fn base_url(given: &str, servers: &[Server]) -> String {
    let given = given.trim_end_matches('/');
    let after_scheme = given.split_once("://").map_or(given, |(_, rest)| rest);
    if after_scheme.contains('/') {
        return given.to_owned();
    }
    let Some(server) = servers.first() else {
        return given.to_owned();
    };
    let mut template = server.url.to_owned();
    for (name, default) in server.variables {
        template = template.replace(&format!("{{{name}}}"), default);
    }
    let path = match template.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None => template.as_str(),
    };
    let path = path.trim_end_matches('/');
    // A relative server URL (`v1`) is a path all the same.
    let slash = if path.is_empty() || path.starts_with('/') {
        ""
    } else {
        "/"
    };
    format!("{given}{slash}{path}")
}

/// The URL of the spec's first server, with its variables' defaults, or with the values given.
pub fn server_url(server: &Server, values: &[(&str, &str)]) -> String {
    let mut url = server.url.to_owned();
    for (name, default) in server.variables {
        let value = values
            .iter()
            .find(|(given, _)| given == name)
            .map_or(*default, |(_, value)| *value);
        url = url.replace(&format!("{{{name}}}"), value);
    }
    url
}

/// Sends generated operations: builds each request (checked against the spec), carries it
/// over the transport, and reads the answer into the operation's typed response.
#[derive(Debug, Clone)]
pub struct Client<T> {
    transport: T,
    base_url: String,
    credentials: Credentials,
    mode: Mode,
}

impl<T> Client<T> {
    /// A client of the API at `base_url` (`https://vcenter.example/api`; see [`base_url`] for
    /// one from a host and the spec's servers). Responses are read in
    /// [`Mode::ForwardCompatible`]: a newer server's enum values are kept, not refused.
    pub fn new(transport: T, base_url: impl Into<String>) -> Client<T> {
        Client {
            transport,
            base_url: base_url.into(),
            credentials: Credentials::default(),
            mode: Mode::ForwardCompatible,
        }
    }

    /// Reads responses in `mode` instead.
    pub fn with_mode(mut self, mode: Mode) -> Client<T> {
        self.mode = mode;
        self
    }

    /// Gives `credential` for `scheme`: every operation that asks for it gets it.
    pub fn set_credential(&mut self, scheme: &str, credential: Credential) {
        self.credentials.set(scheme, credential);
    }

    /// Forgets the credential of `scheme`.
    pub fn remove_credential(&mut self, scheme: &str) -> Option<Credential> {
        self.credentials.remove(scheme)
    }

    /// Gives `credential` for every API key scheme in the header `name`.
    pub fn set_header_credential(&mut self, name: &str, credential: Credential) {
        self.credentials.set_header(name, credential);
    }

    /// Forgets the credential of the header `name`.
    pub fn remove_header_credential(&mut self, name: &str) -> Option<Credential> {
        self.credentials.remove_header(name)
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The request of `operation`, without sending it.
    pub fn request<O: Operation>(&self, operation: &O) -> Result<Request<Vec<u8>>, RequestError> {
        build_request(operation, &self.base_url, &self.credentials)
    }

    /// The typed answer of `O` from `response`, as `send` reads it.
    pub fn response<O: Operation>(
        &self,
        response: Response<Vec<u8>>,
    ) -> Result<O::Response, ResponseError> {
        parse_response::<O>(response, self.mode)
    }
}

impl<T: Transport> Client<T> {
    /// Sends `operation` and reads its answer.
    pub fn send<O: Operation>(&self, operation: &O) -> Result<O::Response, Error> {
        let request = self.request(operation)?;
        let response = self.transport.send(request)?;
        Ok(self.response::<O>(response)?)
    }
}

impl<T: AsyncTransport> Client<T> {
    /// Sends `operation` and reads its answer.
    pub async fn send_async<O: Operation>(&self, operation: &O) -> Result<O::Response, Error> {
        let request = self.request(operation)?;
        let response = self.transport.send(request).await?;
        Ok(self.response::<O>(response)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_takes_the_spec_servers_path() {
        let servers = [Server {
            url: "https://{host}/api",
            variables: &[("host", "localhost")],
        }];
        assert_eq!(
            base_url("https://vcenter.example", &servers),
            "https://vcenter.example/api"
        );
        assert_eq!(
            base_url("http://127.0.0.1:8080/", &servers),
            "http://127.0.0.1:8080/api"
        );
        assert_eq!(
            base_url("https://proxy.example/vc/api", &servers),
            "https://proxy.example/vc/api"
        );
        assert_eq!(base_url("https://x.example", &[]), "https://x.example");
        assert_eq!(server_url(&servers[0], &[]), "https://localhost/api");
        assert_eq!(
            server_url(&servers[0], &[("host", "vc.example")]),
            "https://vc.example/api"
        );
        let relative = [Server {
            url: "/v3",
            variables: &[],
        }];
        assert_eq!(base_url("http://h", &relative), "http://h/v3");
        let bare = [Server {
            url: "v1",
            variables: &[],
        }];
        assert_eq!(base_url("http://h", &bare), "http://h/v1");
    }

    #[test]
    fn credentials_never_show_their_secrets() {
        let credential = Credential::Basic {
            user: "admin".to_owned(),
            password: "hunter2".to_owned(),
        };
        let shown = format!(
            "{credential:?} {:?}",
            Credential::Bearer("t0k3n".to_owned())
        );
        assert!(
            !shown.contains("hunter2") && !shown.contains("t0k3n"),
            "{shown}"
        );
    }
}
