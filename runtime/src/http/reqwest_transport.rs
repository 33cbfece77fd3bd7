//! The async transport, on `reqwest` (feature `async`): the async client most Rust services
//! already have, on tokio and hyper, with rustls for TLS.

use super::client::{AsyncTransport, TransportError, TransportOptions, redacted};
use super::{Request, Response};

/// Sends requests with `reqwest`.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_response_bytes: u64,
}

impl ReqwestTransport {
    /// A transport that connects as `options` say.
    pub fn new(options: &TransportOptions) -> Result<ReqwestTransport, TransportError> {
        let mut builder = reqwest::Client::builder()
            .danger_accept_invalid_certs(options.accept_invalid_certificates)
            // A redirect would carry API-key headers to whatever host it names.
            .redirect(reqwest::redirect::Policy::none());
        if let Some(timeout) = options.timeout {
            builder = builder.timeout(timeout);
        }
        let client = builder
            .build()
            .map_err(|err| TransportError::new("making the HTTP client", err))?;
        Ok(ReqwestTransport {
            client,
            max_response_bytes: options.max_response_bytes,
        })
    }
}

impl AsyncTransport for ReqwestTransport {
    async fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        // Messages name the URL without its query, which may hold an API key.
        let target = redacted(&request);
        let request = reqwest::Request::try_from(request).map_err(|err| {
            TransportError::new(
                format!("preparing the request to {target}"),
                err.without_url(),
            )
        })?;
        let mut response = self.client.execute(request).await.map_err(|err| {
            TransportError::new(format!("sending to {target}"), err.without_url())
        })?;
        let mut builder = Response::builder()
            .status(response.status())
            .version(response.version());
        if let Some(headers) = builder.headers_mut() {
            headers.clone_from(response.headers());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|err| {
            TransportError::new(format!("reading the answer of {target}"), err.without_url())
        })? {
            if bytes.len() as u64 + chunk.len() as u64 > self.max_response_bytes {
                return Err(TransportError::new(
                    format!("reading the answer of {target}"),
                    format!("the body is longer than {} bytes", self.max_response_bytes),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        builder
            .body(bytes)
            .map_err(|err| TransportError::new(format!("reading the answer of {target}"), err))
    }
}
