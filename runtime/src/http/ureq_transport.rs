//! The blocking transport, on `ureq` (feature `blocking`): a small client with no async runtime,
//! rustls for TLS, built on the `http` crate's types like the rest of this module.

use super::client::{Transport, TransportError, TransportOptions, redacted};
use super::{Request, Response};

/// Sends requests with `ureq`, blocking the calling thread.
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    max_response_bytes: u64,
}

impl UreqTransport {
    /// A transport that connects as `options` say.
    pub fn new(options: &TransportOptions) -> UreqTransport {
        let tls = ureq::tls::TlsConfig::builder()
            .disable_verification(options.accept_invalid_certificates)
            .build();
        let config = ureq::Agent::config_builder()
            .timeout_global(options.timeout)
            // Every status is an answer: the operation says what it means.
            .http_status_as_error(false)
            // A redirect would carry API-key headers to whatever host it names.
            .max_redirects(0)
            .tls_config(tls)
            .build();
        UreqTransport {
            agent: config.into(),
            max_response_bytes: options.max_response_bytes,
        }
    }
}

impl Default for UreqTransport {
    fn default() -> UreqTransport {
        UreqTransport::new(&TransportOptions::default())
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        let target = redacted(&request);
        let response = self
            .agent
            .run(request)
            .map_err(|err| TransportError::new(format!("sending to {target}"), err))?;
        let (parts, mut body) = response.into_parts();
        let bytes = body
            .with_config()
            .limit(self.max_response_bytes)
            .read_to_vec()
            .map_err(|err| TransportError::new(format!("reading the answer of {target}"), err))?;
        Ok(Response::from_parts(parts, bytes))
    }
}
