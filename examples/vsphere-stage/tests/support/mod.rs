//! A fake vCenter on a local socket, answering as vCenter does for the operations of the
//! software-ops excerpt: sessions, the stage task that runs for a few polls, every documented
//! error status, a task that fails, and answers with values and fields the spec does not list
//! yet. It checks what the client sends (method, path, fixed query, session header, the body
//! against the spec) and answers a wrong request with an error the tests see.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::{Value, json};
use tiny_http::{Header, Method, Request, Response, Server};
use vsphere_types::esx::settings::clusters::software::StageSpec;

pub const USER: &str = "administrator@vsphere.local";
pub const PASSWORD: &str = "VMware1!";

/// What the server saw, for the tests to check.
#[derive(Default)]
pub struct Seen {
    /// Each request, as `METHOD /path?query`.
    pub requests: Vec<String>,
    /// Requests the server found wrong (a missing session, a body the spec refuses, …).
    pub wrong: Vec<String>,
    pub logged_out: bool,
}

struct State {
    seen: Seen,
    /// Task id → (polls left while running, the final state).
    tasks: BTreeMap<String, (u32, Value)>,
    next: u32,
}

/// The fake vCenter; it stops when dropped.
pub struct VCenter {
    pub url: String,
    state: Arc<Mutex<State>>,
    server: Arc<Server>,
    thread: Option<thread::JoinHandle<()>>,
}

impl VCenter {
    pub fn start() -> VCenter {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("a local port"));
        let url = format!(
            "http://{}",
            server.server_addr().to_ip().expect("an IP address")
        );
        let state = Arc::new(Mutex::new(State {
            seen: Seen::default(),
            tasks: BTreeMap::new(),
            next: 1,
        }));
        let thread = {
            let (server, state) = (Arc::clone(&server), Arc::clone(&state));
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(&state, request);
                }
            })
        };
        VCenter {
            url,
            state,
            server,
            thread: Some(thread),
        }
    }

    /// What the server saw so far.
    pub fn seen<T>(&self, read: impl FnOnce(&Seen) -> T) -> T {
        read(&self.state.lock().expect("the state").seen)
    }
}

impl Drop for VCenter {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A server that accepts one connection and closes it without a word.
pub fn closing_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buffer = [0u8; 1024];
            let _ = stream.read(&mut buffer);
            let _ = stream.flush();
        }
    });
    url
}

fn vapi_error(error_type: &str, text: &str) -> Value {
    json!({
        "error_type": error_type,
        "messages": [{ "id": format!("vapi.{}", error_type.to_lowercase()), "default_message": text, "args": [] }]
    })
}

fn json_response(status: u16, body: &Value) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.to_string().into_bytes())
        .with_status_code(status)
        .with_header(Header::from_bytes("content-type", "application/json").expect("a header"))
}

fn stage_result(newer: bool) -> Value {
    let time = "2026-12-07T10:00:00.000Z";
    let mut host_status = json!({
        "host-10": {
            "status": "OK", "start_time": time, "end_time": time,
            "notifications": { "info": [{ "id": "com.vmware.stage.host.ok", "time": time,
                "message": { "id": "m1", "default_message": "Staged on esx-01.", "args": [] } }] }
        },
        "host-11": {
            "status": "ERROR", "start_time": time, "end_time": time,
            "notifications": { "errors": [{ "id": "com.vmware.stage.host.failed", "time": time, "type": "ERROR",
                "message": { "id": "m2", "default_message": "Not enough space on esx-02.", "args": [] } }] }
        }
    });
    if newer {
        // A status and a field this version of the spec does not list yet.
        host_status["host-12"] = json!({
            "status": "PAUSED_BY_ADMIN", "start_time": time, "end_time": time,
            "notifications": {}, "retry_after": 30
        });
    }
    json!({
        "status": { "status": "OK", "start_time": time, "end_time": time, "notifications": {
            "warnings": [{ "id": "com.vmware.stage.partial", "time": time, "type": "WARNING",
                "message": { "id": "m0", "default_message": "One host was not staged.", "args": [] } }] } },
        "commit": "7",
        "host_info": { "host-10": { "name": "esx-01" }, "host-11": { "name": "esx-02" }, "host-12": { "name": "esx-03" } },
        "host_status": host_status,
        "successful_hosts": ["host-10"],
        "failed_hosts": ["host-11"],
        "skipped_hosts": [],
        "added_in_a_newer_release": true
    })
}

fn answer(state: &Mutex<State>, mut request: Request) {
    let method = request.method().clone();
    let url = request.url().to_owned();
    let mut body = String::new();
    let _ = request.as_reader().read_to_string(&mut body);
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let session = header("vmware-api-session-id");
    let authorization = header("authorization");
    let mut state = state.lock().expect("the state");
    state.seen.requests.push(format!("{method} {url}"));
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let logged_in = session.as_deref() == Some("session-token-1");
    let unauthenticated = || {
        json_response(
            401,
            &json!({ "error_type": "UNAUTHENTICATED", "messages": [], "challenge": "Basic realm=\"vCenter\"" }),
        )
    };
    let response = match (&method, path) {
        (Method::Post, "/api/session") => {
            use base64::Engine as _;
            let credentials =
                base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
            let expected = format!("Basic {credentials}");
            if authorization.as_deref() == Some(expected.as_str()) {
                json_response(201, &json!("session-token-1"))
            } else {
                unauthenticated()
            }
        }
        (Method::Delete, "/api/session") => {
            if logged_in {
                state.seen.logged_out = true;
                Response::from_data(Vec::new()).with_status_code(204)
            } else {
                unauthenticated()
            }
        }
        (Method::Get, path) if path.starts_with("/api/cis/tasks/") => {
            let id = &path["/api/cis/tasks/".len()..];
            if !logged_in {
                unauthenticated()
            } else {
                match state.tasks.get_mut(id) {
                    None => json_response(404, &vapi_error("NOT_FOUND", "No such task.")),
                    Some((polls, done)) if *polls == 0 => json_response(200, done),
                    Some((polls, _)) => {
                        *polls -= 1;
                        json_response(
                            200,
                            &json!({
                                "status": "RUNNING", "cancelable": false, "service": "esx.settings.clusters.software",
                                "operation": "stage", "progress": { "total": 3, "completed": 2 - *polls as i64, "message": { "id": "p", "default_message": "Staging", "args": [] } },
                                "description": { "id": "d", "default_message": "Stage", "args": [] }
                            }),
                        )
                    }
                }
            }
        }
        (Method::Post, path)
            if path.starts_with("/api/esx/settings/clusters/") && path.ends_with("/software") =>
        {
            let cluster =
                &path["/api/esx/settings/clusters/".len()..path.len() - "/software".len()];
            let spec_ok = serde_json::from_str::<Value>(&body)
                .ok()
                .is_some_and(|value| vsphere_types::validate_value::<StageSpec>(&value).is_ok());
            if query != "action=stage&vmw-task=true" {
                state.seen.wrong.push(format!("query `{query}`"));
                json_response(400, &vapi_error("INVALID_REQUEST", "Not an operation."))
            } else if !logged_in {
                unauthenticated()
            } else if !spec_ok {
                state.seen.wrong.push(format!("body `{body}`"));
                json_response(
                    400,
                    &vapi_error("INVALID_ARGUMENT", "The spec is not a StageSpec."),
                )
            } else {
                match cluster {
                    "busy" => json_response(
                        400,
                        &vapi_error(
                            "NOT_ALLOWED_IN_CURRENT_STATE",
                            "Another operation is in progress.",
                        ),
                    ),
                    "missing" => {
                        json_response(404, &vapi_error("NOT_FOUND", "No cluster domain-missing."))
                    }
                    "down" => {
                        json_response(503, &vapi_error("SERVICE_UNAVAILABLE", "vLCM is down."))
                    }
                    "html" => Response::from_data(b"<html>Log in</html>".to_vec())
                        .with_status_code(200)
                        .with_header(
                            Header::from_bytes("content-type", "text/html").expect("a header"),
                        ),
                    "no-id" => Response::from_data(Vec::new())
                        .with_status_code(202)
                        .with_header(
                            Header::from_bytes("content-type", "application/json")
                                .expect("a header"),
                        ),
                    "truncated" => Response::from_data(b"\"task-".to_vec())
                        .with_status_code(202)
                        .with_header(
                            Header::from_bytes("content-type", "application/json")
                                .expect("a header"),
                        ),
                    "lost" => json_response(202, &json!("task-that-vanished")),
                    cluster => {
                        let id = format!("task-{}", state.next);
                        state.next += 1;
                        let done = if cluster == "fails" {
                            json!({ "status": "FAILED", "cancelable": false, "service": "s", "operation": "stage",
                                "description": { "id": "d", "default_message": "Stage", "args": [] },
                                "error": vapi_error("TIMED_OUT", "Staging timed out on esx-02.") })
                        } else {
                            json!({ "status": "SUCCEEDED", "cancelable": false, "service": "s", "operation": "stage",
                                "description": { "id": "d", "default_message": "Stage", "args": [] },
                                "result": stage_result(cluster == "newer") })
                        };
                        state.tasks.insert(id.clone(), (2, done));
                        json_response(202, &json!(id))
                    }
                }
            }
        }
        _ => {
            state.seen.wrong.push(format!("{method} {url}"));
            json_response(404, &vapi_error("NOT_FOUND", "No such operation."))
        }
    };
    drop(state);
    let _ = request.respond(response);
}
