//! The async transport, on `reqwest` (feature `async`): the async client most Rust services
//! already have, on tokio and hyper, with rustls for TLS.

use super::client::{AsyncTransport, TransportError, TransportOptions};
use super::{Request, Response};

/// Sends requests with `reqwest`.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport that connects as `options` say.
    pub fn new(options: &TransportOptions) -> Result<ReqwestTransport, TransportError> {
        let mut builder = reqwest::Client::builder()
            .danger_accept_invalid_certs(options.accept_invalid_certificates);
        if let Some(timeout) = options.timeout {
            builder = builder.timeout(timeout);
        }
        let client = builder
            .build()
            .map_err(|err| TransportError::new("making the HTTP client", err))?;
        Ok(ReqwestTransport { client })
    }
}

impl AsyncTransport for ReqwestTransport {
    async fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        let target = request.uri().to_string();
        let request = reqwest::Request::try_from(request).map_err(|err| {
            TransportError::new(format!("preparing the request to {target}"), err)
        })?;
        let response = self
            .client
            .execute(request)
            .await
            .map_err(|err| TransportError::new(format!("sending to {target}"), err))?;
        let mut builder = Response::builder()
            .status(response.status())
            .version(response.version());
        if let Some(headers) = builder.headers_mut() {
            *headers = response.headers().clone();
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|err| TransportError::new(format!("reading the answer of {target}"), err))?;
        builder
            .body(bytes.to_vec())
            .map_err(|err| TransportError::new(format!("reading the answer of {target}"), err))
    }
}
