//! vSphere's conventions for calling its API (vAPI): sessions and tasks.
//!
//! - A session: `POST /session` with basic credentials answers the session token (a JSON
//!   string); every later call sends it in the `vmware-api-session-id` header; `DELETE /session`
//!   ends it. [`Client::login`] and [`Client::logout`] (and their `_async` forms) do that.
//! - A task: an operation whose path key says `vmw-task=true` answers `202` with a task id; its
//!   result is read by polling `GET /cis/tasks/{task}` until the task's `status` is `SUCCEEDED`
//!   or `FAILED`. Generated task operations implement [`TaskOperation`], which names the type of
//!   their result (as the spec's prose links it) and of the errors a failed task carries;
//!   [`Client::start_task`] starts one and [`Task::wait`] waits for its typed result.
//!
//! Everything goes through the same sans-IO requests and responses as any operation, so both
//! transports carry it.

use std::fmt;
use std::marker::PhantomData;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::http::{
    AsyncTransport, Client, Error, Operation, Request, RequestError, Response, ResponseError,
    ResponseProblem, Transport, TransportError, params,
};
use crate::{Mode, Validate, ValidationErrors};

/// The header that carries the session token.
pub const SESSION_HEADER: &str = "vmware-api-session-id";

/// A generated task operation (`vmw-task=true`): its answer's task id, the type of its result,
/// and of the error a failed task carries (the vAPI error family, where the spec has one).
pub trait TaskOperation: Operation {
    /// What the task's `result` is, when it succeeds; `serde_json::Value` where the spec does
    /// not say.
    type Result: DeserializeOwned + Validate;
    /// What a failed task's `error` is.
    type Error: DeserializeOwned;

    /// The task id of a response that started the task; the response itself when it is another
    /// (an error the server answered with).
    fn task_id(response: Self::Response) -> Result<String, Self::Response>;
}

/// A task that runs on the server, whose result is an `R` and whose failure an `E`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task<R, E> {
    id: String,
    marker: PhantomData<fn() -> (R, E)>,
}

impl<R, E> Task<R, E> {
    /// The task of this id (the `202`'s answer).
    pub fn new(id: impl Into<String>) -> Task<R, E> {
        Task {
            id: id.into(),
            marker: PhantomData,
        }
    }

    /// The task's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The same task, its result read as a `T`: for the tasks whose result type the spec does
    /// not say (they have `serde_json::Value`).
    pub fn expecting<T>(self) -> Task<T, E> {
        Task::new(self.id)
    }
}

/// How to wait for a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitOptions {
    /// Between two polls.
    pub interval: Duration,
    /// The longest the whole wait may take.
    pub deadline: Duration,
}

impl Default for WaitOptions {
    fn default() -> WaitOptions {
        WaitOptions {
            interval: Duration::from_secs(2),
            deadline: Duration::from_secs(30 * 60),
        }
    }
}

/// A task's state as `GET /cis/tasks/{task}` answers it (`Cis.Task.Info`), read leniently: a
/// newer server's status or fields are kept as they came.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskInfo {
    /// `PENDING`, `RUNNING`, `BLOCKED`, `SUCCEEDED`, `FAILED`, or a newer one.
    pub status: String,
    /// The whole answer.
    pub raw: Value,
}

impl TaskInfo {
    fn from_value(raw: Value) -> Option<TaskInfo> {
        let status = raw.get("status")?.as_str()?.to_owned();
        Some(TaskInfo { status, raw })
    }

    /// `progress.completed` of `progress.total`, when the task reports them.
    pub fn progress(&self) -> Option<(i64, i64)> {
        let progress = self.raw.get("progress")?;
        Some((
            progress.get("completed")?.as_i64()?,
            progress.get("total")?.as_i64()?,
        ))
    }
}

/// Why a task has no result.
#[derive(Debug)]
pub enum TaskError<E> {
    /// The task failed: its `error`, decoded as `E` when it is one (else `None`, and the
    /// error is in `info.raw`).
    Failed {
        /// The error the task carries.
        error: Option<E>,
        /// The task's last state.
        info: TaskInfo,
    },
    /// The task succeeded, but its `result` is not what the spec says.
    Result {
        /// Every problem.
        errors: ValidationErrors,
        /// The task's last state.
        info: TaskInfo,
    },
    /// The deadline passed first.
    TimedOut {
        /// The task's last state, if one was read.
        info: Option<TaskInfo>,
    },
    /// Reading the task's state failed: the transport, a status other than `200` (a `404` for a
    /// task id the server does not know), or a body that is no task's state.
    Poll(Error),
}

impl<E: fmt::Debug> fmt::Display for TaskError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::Failed { error, info } => match error {
                Some(error) => write!(f, "the task failed: {error:?}"),
                None => write!(f, "the task failed: {}", info.raw),
            },
            TaskError::Result { errors, .. } => {
                write!(
                    f,
                    "the task succeeded with a result the spec does not describe: {errors}"
                )
            }
            TaskError::TimedOut { info } => write!(
                f,
                "the task did not end in time (last status: {})",
                info.as_ref().map_or("none read", |i| i.status.as_str())
            ),
            TaskError::Poll(err) => write!(f, "reading the task's state failed: {err}"),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for TaskError<E> {}

/// The task a task operation starts, or why it did not.
pub type Started<O> = Result<
    Task<<O as TaskOperation>::Result, <O as TaskOperation>::Error>,
    StartError<<O as Operation>::Response>,
>;

/// Why a task did not start: the client failed, or the server answered with something else
/// than a task id (the operation's typed response: an error, say).
#[derive(Debug)]
pub enum StartError<R> {
    /// The server's answer, which is not a task id.
    Answered(R),
    /// No answer.
    Client(Error),
}

impl<R: fmt::Debug> fmt::Display for StartError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Answered(response) => write!(f, "the task did not start: {response:?}"),
            StartError::Client(err) => err.fmt(f),
        }
    }
}

impl<R: fmt::Debug> std::error::Error for StartError<R> {}

/// Why logging in or out failed.
#[derive(Debug)]
pub enum SessionError {
    /// The server refused: `401` for wrong credentials, or another status. The body is kept,
    /// with its error (`Vapi.Std.Errors.Unauthenticated`) as JSON when it is one.
    Refused(ResponseError),
    /// No answer, or an answer that is no session token.
    Client(Error),
}

impl SessionError {
    /// The status of a refusal, and its vAPI `error_type` when the body has one.
    pub fn refusal(&self) -> Option<(u16, Option<String>)> {
        match self {
            SessionError::Refused(err) => {
                let error_type = serde_json::from_slice::<Value>(&err.body)
                    .ok()
                    .and_then(|body| Some(body.get("error_type")?.as_str()?.to_owned()));
                Some((err.status.as_u16(), error_type))
            }
            SessionError::Client(_) => None,
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Refused(err) if err.status == 401 => {
                write!(
                    f,
                    "the server did not accept the credentials (401 Unauthenticated)"
                )
            }
            SessionError::Refused(err) => write!(f, "the server refused the session: {err}"),
            SessionError::Client(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for SessionError {}

fn url(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

/// `POST /session` with basic credentials.
pub fn login_request(
    base_url: &str,
    user: &str,
    password: &str,
) -> Result<Request<Vec<u8>>, RequestError> {
    use base64::Engine as _;
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    request(
        "POST",
        &url(base_url, "/session"),
        Some(&format!("Basic {token}")),
        None,
    )
}

/// `DELETE /session` with the session's token.
pub fn logout_request(base_url: &str, token: &str) -> Result<Request<Vec<u8>>, RequestError> {
    request("DELETE", &url(base_url, "/session"), None, Some(token))
}

/// `GET /cis/tasks/{task}` with the session's token.
pub fn task_request(
    base_url: &str,
    task: &str,
    token: Option<&str>,
) -> Result<Request<Vec<u8>>, RequestError> {
    let mut path = String::from("/cis/tasks/");
    params::percent_encode(task, &mut path);
    request("GET", &url(base_url, &path), None, token)
}

fn request(
    method: &str,
    url: &str,
    authorization: Option<&str>,
    token: Option<&str>,
) -> Result<Request<Vec<u8>>, RequestError> {
    let mut builder = Request::builder()
        .method(method)
        .uri(url)
        .header("accept", "application/json");
    if let Some(authorization) = authorization {
        builder = builder.header("authorization", authorization);
    }
    if let Some(token) = token {
        builder = builder.header(SESSION_HEADER, token);
    }
    // The URL is not shown: only its path is the convention's, the rest is the user's.
    builder
        .body(Vec::new())
        .map_err(|err| RequestError::Url(format!("{method} {}: {err}", url_path(url))))
}

/// The path of `url`, for messages.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |at| &after_scheme[at..])
}

/// The session token of `POST /session`'s answer.
pub fn login_response(response: Response<Vec<u8>>) -> Result<String, SessionError> {
    let status = response.status().as_u16();
    if status == 200 || status == 201 {
        // The token goes in a header: it must be text a header can carry.
        return match serde_json::from_slice::<String>(response.body()) {
            Ok(token) if !token.is_empty() && http::HeaderValue::from_str(&token).is_ok() => {
                Ok(token)
            }
            _ => Err(SessionError::Client(Error::Response(problem(
                response,
                "the answer is not a session token (a JSON string)",
            )))),
        };
    }
    let (parts, body) = response.into_parts();
    Err(SessionError::Refused(ResponseError {
        status: parts.status,
        headers: parts.headers,
        body,
        problem: ResponseProblem::UndocumentedStatus,
    }))
}

fn problem(response: Response<Vec<u8>>, message: &str) -> ResponseError {
    let (parts, body) = response.into_parts();
    ResponseError {
        status: parts.status,
        headers: parts.headers,
        body,
        problem: ResponseProblem::Body(crate::validate::Report::whole_document(
            crate::Code::Decode,
            message.to_owned(),
        )),
    }
}

/// A task's state from `GET /cis/tasks/{task}`'s answer.
pub fn task_response(response: Response<Vec<u8>>) -> Result<TaskInfo, Error> {
    if response.status().as_u16() != 200 {
        let (parts, body) = response.into_parts();
        return Err(Error::Response(ResponseError {
            status: parts.status,
            headers: parts.headers,
            body,
            problem: ResponseProblem::UndocumentedStatus,
        }));
    }
    match serde_json::from_slice::<Value>(response.body())
        .ok()
        .and_then(TaskInfo::from_value)
    {
        Some(info) => Ok(info),
        None => Err(Error::Response(problem(
            response,
            "the answer is not a task's state (an object with a `status`)",
        ))),
    }
}

/// What a task's state means: done (with its typed result or failure), or still running.
fn settle<R: DeserializeOwned + Validate, E: DeserializeOwned>(
    info: TaskInfo,
) -> Option<Result<R, TaskError<E>>> {
    match info.status.as_str() {
        "SUCCEEDED" => {
            let result = info.raw.get("result").cloned().unwrap_or(Value::Null);
            Some(
                crate::from_value_with::<R>(result, Mode::ForwardCompatible)
                    .map_err(|errors| TaskError::Result { errors, info }),
            )
        }
        "FAILED" => {
            let error = info
                .raw
                .get("error")
                .cloned()
                .and_then(|error| serde_json::from_value::<E>(error).ok());
            Some(Err(TaskError::Failed { error, info }))
        }
        _ => None,
    }
}

impl<T> Client<T> {
    /// The session token this client sends, if it has one.
    pub fn session_token(&self) -> Option<&str> {
        match self.credentials().header(SESSION_HEADER) {
            Some(crate::http::Credential::ApiKey(token)) => Some(token),
            _ => None,
        }
    }

    fn take_session(&mut self, token: String) {
        self.set_header_credential(SESSION_HEADER, crate::http::Credential::ApiKey(token));
    }
}

impl<T: Transport> Client<T> {
    /// Logs in (`POST /session` with basic credentials); every later call sends the session.
    pub fn login(&mut self, user: &str, password: &str) -> Result<(), SessionError> {
        let response = self
            .transport()
            .send(
                login_request(self.base_url(), user, password)
                    .map_err(|err| SessionError::Client(err.into()))?,
            )
            .map_err(|err| SessionError::Client(err.into()))?;
        let token = login_response(response)?;
        self.take_session(token);
        Ok(())
    }

    /// Logs out (`DELETE /session`), and forgets the session.
    pub fn logout(&mut self) -> Result<(), SessionError> {
        let Some(token) = self.session_token().map(str::to_owned) else {
            return Ok(());
        };
        let response = self
            .transport()
            .send(
                logout_request(self.base_url(), &token)
                    .map_err(|err| SessionError::Client(err.into()))?,
            )
            .map_err(|err| SessionError::Client(err.into()))?;
        self.remove_header_credential(SESSION_HEADER);
        match response.status().as_u16() {
            200..=299 => Ok(()),
            _ => {
                let (parts, body) = response.into_parts();
                Err(SessionError::Refused(ResponseError {
                    status: parts.status,
                    headers: parts.headers,
                    body,
                    problem: ResponseProblem::UndocumentedStatus,
                }))
            }
        }
    }

    /// Starts a task: sends `operation` and takes the task id of its answer.
    pub fn start_task<O: TaskOperation>(&self, operation: &O) -> Started<O> {
        let response = self.send(operation).map_err(StartError::Client)?;
        O::task_id(response)
            .map(Task::new)
            .map_err(StartError::Answered)
    }

    /// The task's state now.
    pub fn task_info(&self, task: &str) -> Result<TaskInfo, Error> {
        let request = task_request(self.base_url(), task, self.session_token())?;
        let response = self.transport().send(request)?;
        task_response(response)
    }
}

impl<T: AsyncTransport> Client<T> {
    /// Logs in (`POST /session` with basic credentials); every later call sends the session.
    pub async fn login_async(&mut self, user: &str, password: &str) -> Result<(), SessionError> {
        let request = login_request(self.base_url(), user, password)
            .map_err(|err| SessionError::Client(err.into()))?;
        let response = self
            .transport()
            .send(request)
            .await
            .map_err(|err| SessionError::Client(err.into()))?;
        let token = login_response(response)?;
        self.take_session(token);
        Ok(())
    }

    /// Logs out (`DELETE /session`), and forgets the session.
    pub async fn logout_async(&mut self) -> Result<(), SessionError> {
        let Some(token) = self.session_token().map(str::to_owned) else {
            return Ok(());
        };
        let request = logout_request(self.base_url(), &token)
            .map_err(|err| SessionError::Client(err.into()))?;
        let response = self
            .transport()
            .send(request)
            .await
            .map_err(|err| SessionError::Client(err.into()))?;
        self.remove_header_credential(SESSION_HEADER);
        if response.status().is_success() {
            Ok(())
        } else {
            let (parts, body) = response.into_parts();
            Err(SessionError::Refused(ResponseError {
                status: parts.status,
                headers: parts.headers,
                body,
                problem: ResponseProblem::UndocumentedStatus,
            }))
        }
    }

    /// Starts a task: sends `operation` and takes the task id of its answer.
    pub async fn start_task_async<O: TaskOperation>(&self, operation: &O) -> Started<O> {
        let response = self
            .send_async(operation)
            .await
            .map_err(StartError::Client)?;
        O::task_id(response)
            .map(Task::new)
            .map_err(StartError::Answered)
    }

    /// The task's state now.
    pub async fn task_info_async(&self, task: &str) -> Result<TaskInfo, Error> {
        let request = task_request(self.base_url(), task, self.session_token())?;
        let response = self.transport().send(request).await?;
        task_response(response)
    }
}

impl<R: DeserializeOwned + Validate, E: DeserializeOwned> Task<R, E> {
    /// Polls the task every `options.interval` until it succeeds (its typed result) or fails
    /// (its error), or `options.deadline` passes. `progress` is shown each state read.
    pub fn wait<T: Transport>(
        &self,
        client: &Client<T>,
        options: &WaitOptions,
        mut progress: impl FnMut(&TaskInfo),
    ) -> Result<R, TaskError<E>> {
        let started = Instant::now();
        loop {
            let info = client.task_info(&self.id).map_err(TaskError::Poll)?;
            progress(&info);
            if let Some(done) = settle(info.clone()) {
                return done;
            }
            if started.elapsed() + options.interval > options.deadline {
                return Err(TaskError::TimedOut { info: Some(info) });
            }
            std::thread::sleep(options.interval);
        }
    }

    /// [`wait`](Task::wait), asynchronously (the sleeps are tokio's).
    #[cfg(feature = "async")]
    pub async fn wait_async<T: AsyncTransport>(
        &self,
        client: &Client<T>,
        options: &WaitOptions,
        mut progress: impl FnMut(&TaskInfo),
    ) -> Result<R, TaskError<E>> {
        let started = Instant::now();
        loop {
            let info = client
                .task_info_async(&self.id)
                .await
                .map_err(TaskError::Poll)?;
            progress(&info);
            if let Some(done) = settle(info.clone()) {
                return done;
            }
            if started.elapsed() + options.interval > options.deadline {
                return Err(TaskError::TimedOut { info: Some(info) });
            }
            tokio::time::sleep(options.interval).await;
        }
    }
}

impl From<TransportError> for SessionError {
    fn from(err: TransportError) -> SessionError {
        SessionError::Client(err.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response<Vec<u8>> {
        Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(body.as_bytes().to_vec())
            .expect("a response")
    }

    #[test]
    fn a_session_is_a_token_and_a_refusal_keeps_the_answer() {
        let request = login_request("https://vc/api", "administrator@vsphere.local", "pw")
            .expect("a request");
        assert_eq!(request.uri(), "https://vc/api/session");
        assert!(
            request.headers()["authorization"]
                .to_str()
                .expect("text")
                .starts_with("Basic ")
        );
        assert_eq!(
            login_response(answer(201, r#""abc""#)).expect("a token"),
            "abc"
        );
        let refused =
            login_response(answer(401, r#"{"error_type": "UNAUTHENTICATED"}"#)).expect_err("401");
        assert_eq!(
            refused.refusal(),
            Some((401, Some("UNAUTHENTICATED".to_owned())))
        );
        assert!(login_response(answer(201, "<html>")).is_err());
        assert!(
            login_response(answer(201, r#""""#)).is_err(),
            "an empty token is none"
        );
    }

    #[test]
    fn a_task_state_settles_into_its_typed_result_or_failure() {
        let info = |body: &str| task_response(answer(200, body)).expect("a state");
        let running = info(r#"{"status": "RUNNING", "progress": {"total": 4, "completed": 1}}"#);
        assert_eq!(running.progress(), Some((1, 4)));
        assert!(settle::<Value, Value>(running).is_none());
        let done = settle::<String, Value>(info(r#"{"status": "SUCCEEDED", "result": "ok"}"#));
        assert_eq!(done.expect("done").expect("a result"), "ok");
        let failed = settle::<Value, Value>(info(
            r#"{"status": "FAILED", "error": {"error_type": "NOT_FOUND"}}"#,
        ));
        match failed.expect("done") {
            Err(TaskError::Failed {
                error: Some(error), ..
            }) => {
                assert_eq!(error["error_type"], "NOT_FOUND");
            }
            other => panic!("{other:?}"),
        }
        let newer = info(r#"{"status": "PAUSED_BY_A_NEWER_VCENTER"}"#);
        assert!(
            settle::<Value, Value>(newer).is_none(),
            "an unknown status is still running"
        );
        assert!(task_response(answer(404, "{}")).is_err());
        assert!(task_response(answer(200, "[]")).is_err());
        assert_eq!(
            task_request("http://h/api", "task/1", Some("t"))
                .expect("a request")
                .uri(),
            "http://h/api/cis/tasks/task%2F1"
        );
    }
}
