//! Certificates are verified unless the user opts out: against a server on a local socket with a
//! self-signed certificate (`tests/data/`, made with `openssl req -x509 … -subj /CN=127.0.0.1
//! -addext subjectAltName=IP:127.0.0.1`), both transports refuse to log in by default and log in
//! with `accept_invalid_certificates` (the example's `--insecure`).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use specgen_runtime::http::{Client, ReqwestTransport, TransportOptions, UreqTransport};
use specgen_runtime::vapi::SessionError;

/// A TLS server that answers every request with a session token, for `connections` connections.
fn self_signed_server(connections: usize) -> String {
    let certs = CertificateDer::pem_slice_iter(include_bytes!("data/self-signed.crt"))
        .collect::<Result<Vec<_>, _>>()
        .expect("the certificate");
    let key =
        PrivateKeyDer::from_pem_slice(include_bytes!("data/self-signed.key")).expect("the key");
    // ring, as the transports use: no aws-lc to build for a test server. rustls deprecates its
    // provider for lacking post-quantum key exchange, which a local test does not need.
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(provider))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("a server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("an address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(stream) = stream else { continue };
            let Ok(connection) = rustls::ServerConnection::new(Arc::clone(&config)) else {
                continue;
            };
            let mut tls = rustls::StreamOwned::new(connection, stream);
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            // A client that refuses the certificate ends the handshake: a failed read.
            while !head.ends_with(b"\r\n\r\n") {
                match tls.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => break,
                }
            }
            if head.ends_with(b"\r\n\r\n") {
                let body = "\"session-token\"";
                let _ = write!(
                    tls,
                    "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.flush();
            }
        }
    });
    format!("https://127.0.0.1:{port}/api")
}

fn options(insecure: bool) -> TransportOptions {
    TransportOptions {
        accept_invalid_certificates: insecure,
        ..TransportOptions::default()
    }
}

#[test]
fn the_blocking_transport_verifies_certificates_unless_told_not_to() {
    let url = self_signed_server(2);
    let mut strict = Client::new(UreqTransport::new(&options(false)), url.clone());
    assert!(matches!(
        strict.login("u", "p"),
        Err(SessionError::Client(_))
    ));
    let mut insecure = Client::new(UreqTransport::new(&options(true)), url);
    insecure
        .login("u", "p")
        .expect("an insecure client accepts the certificate");
    assert_eq!(insecure.session_token(), Some("session-token"));
}

#[tokio::test(flavor = "current_thread")]
async fn the_async_transport_verifies_certificates_unless_told_not_to() {
    let url = self_signed_server(2);
    let transport = ReqwestTransport::new(&options(false)).expect("a client");
    let mut strict = Client::new(transport, url.clone());
    assert!(matches!(
        strict.login_async("u", "p").await,
        Err(SessionError::Client(_))
    ));
    let transport = ReqwestTransport::new(&options(true)).expect("a client");
    let mut insecure = Client::new(transport, url);
    insecure
        .login_async("u", "p")
        .await
        .expect("an insecure client accepts the certificate");
    assert_eq!(insecure.session_token(), Some("session-token"));
}
