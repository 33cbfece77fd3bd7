//! vsphere-types' operations against a fake vCenter on a local socket, over both transports:
//! sessions, the stage task to its typed result, every documented error as the vAPI error
//! family, a task that fails, a newer server's values, and every bad answer as a typed error.

mod support;

use std::time::Duration;

use specgen_runtime::http::{
    Client, Error, ReqwestTransport, ResponseProblem, TransportOptions, UreqTransport,
};
use specgen_runtime::vapi::{SessionError, StartError, TaskError, WaitOptions};
use support::{PASSWORD, USER, VCenter};
use vsphere_types::esx::settings::clusters::software::stage_status::Status;
use vsphere_types::esx::settings::clusters::software::{StageResult, StageSpec};
use vsphere_types::ops;
use vsphere_types::ops::esx::settings::clusters::software::{StageTask, StageTaskResponse};
use vsphere_types::vapi::std::errors::Error as VapiError;

const FAST: WaitOptions = WaitOptions {
    interval: Duration::from_millis(10),
    deadline: Duration::from_secs(20),
};

fn blocking(vcenter: &VCenter) -> Client<UreqTransport> {
    Client::new(
        UreqTransport::new(&TransportOptions::default()),
        ops::base_url(&vcenter.url),
    )
}

fn stage(cluster: &str) -> StageTask {
    let mut spec = StageSpec::new();
    spec.commit = Some("7".to_owned());
    StageTask::new(cluster.to_owned(), spec)
}

fn check_result(result: &StageResult) {
    assert_eq!(result.status.as_ref().map(|s| &s.status), Some(&Status::Ok));
    assert_eq!(result.commit, "7");
    assert_eq!(result.failed_hosts, ["host-11"]);
    // A succeeded task whose result reports a host's error is a success that says so.
    let failed = &result.host_status["host-11"];
    assert_eq!(failed.status, Status::Error);
    let errors = failed
        .notifications
        .errors
        .as_ref()
        .expect("the host's errors");
    assert_eq!(
        errors[0].message.default_message,
        "Not enough space on esx-02."
    );
}

#[test]
fn a_blocking_client_logs_in_stages_waits_for_the_typed_result_and_logs_out() {
    let vcenter = VCenter::start();
    let mut client = blocking(&vcenter);
    assert_eq!(client.base_url(), format!("{}/api", vcenter.url));
    client.login(USER, PASSWORD).expect("logged in");
    let task = client.start_task(&stage("domain-c8")).expect("a task");
    let mut states = Vec::new();
    let result = task
        .wait(&client, &FAST, |info| states.push(info.status.clone()))
        .expect("the task succeeds");
    check_result(&result);
    assert_eq!(states, ["RUNNING", "RUNNING", "SUCCEEDED"]);
    client.logout().expect("logged out");
    vcenter.seen(|seen| {
        assert!(seen.wrong.is_empty(), "{:?}", seen.wrong);
        assert!(seen.logged_out);
        assert!(
            seen.requests.contains(
                &"POST /api/esx/settings/clusters/domain-c8/software?action=stage&vmw-task=true"
                    .to_owned()
            ),
            "{:?}",
            seen.requests
        );
    });
}

#[tokio::test(flavor = "current_thread")]
async fn an_async_client_does_the_same() {
    let vcenter = VCenter::start();
    let transport = ReqwestTransport::new(&TransportOptions::default()).expect("a client");
    let mut client = Client::new(transport, ops::base_url(&vcenter.url));
    client.login_async(USER, PASSWORD).await.expect("logged in");
    let task = client
        .start_task_async(&stage("domain-c8"))
        .await
        .expect("a task");
    let result = task
        .wait_async(&client, &FAST, |_| {})
        .await
        .expect("the task succeeds");
    check_result(&result);
    let failed = client
        .start_task_async(&stage("busy"))
        .await
        .expect_err("busy");
    assert!(matches!(
        failed,
        StartError::Answered(StageTaskResponse::BadRequest(
            VapiError::NotAllowedInCurrentState(_)
        ))
    ));
    client.logout_async().await.expect("logged out");
    vcenter.seen(|seen| assert!(seen.wrong.is_empty() && seen.logged_out, "{:?}", seen.wrong));
}

#[test]
fn a_newer_servers_values_and_fields_are_kept() {
    let vcenter = VCenter::start();
    let mut client = blocking(&vcenter);
    client.login(USER, PASSWORD).expect("logged in");
    let task = client.start_task(&stage("newer")).expect("a task");
    let result = task
        .wait(&client, &FAST, |_| {})
        .expect("the task succeeds");
    let newer = &result.host_status["host-12"];
    assert_eq!(newer.status.to_string(), "PAUSED_BY_ADMIN");
    assert!(!newer.status.is_known());
    assert_eq!(newer.additional_properties["retry_after"], 30);
    assert_eq!(
        result.additional_properties["added_in_a_newer_release"],
        true
    );
}

#[test]
fn every_documented_error_is_the_vapi_error_family() {
    let vcenter = VCenter::start();
    let mut client = blocking(&vcenter);
    // Without a session: 401, with the challenge an Unauthenticated error carries.
    match client.start_task(&stage("domain-c8")) {
        Err(StartError::Answered(StageTaskResponse::Unauthorized(VapiError::Unauthenticated(
            error,
        )))) => {
            assert_eq!(error.challenge.as_deref(), Some("Basic realm=\"vCenter\""));
        }
        other => panic!("{other:?}"),
    }
    client.login(USER, PASSWORD).expect("logged in");
    // A 400 whose schema is the base Error, with NOT_ALLOWED_IN_CURRENT_STATE.
    let Err(StartError::Answered(response)) = client.start_task(&stage("busy")) else {
        panic!("busy is refused");
    };
    let error = response.error().expect("an error status");
    assert!(
        matches!(error, VapiError::NotAllowedInCurrentState(_)),
        "{error:?}"
    );
    assert_eq!(
        error.error_type().to_string(),
        "NOT_ALLOWED_IN_CURRENT_STATE"
    );
    assert_eq!(
        error.messages()[0].default_message,
        "Another operation is in progress."
    );
    for (cluster, want) in [("missing", "NOT_FOUND"), ("down", "SERVICE_UNAVAILABLE")] {
        let Err(StartError::Answered(response)) = client.start_task(&stage(cluster)) else {
            panic!("{cluster} is refused");
        };
        assert_eq!(
            response
                .error()
                .map(|e| e.error_type().to_string())
                .as_deref(),
            Some(want)
        );
    }
}

#[test]
fn a_failed_task_gives_its_error_and_a_wrong_password_is_refused() {
    let vcenter = VCenter::start();
    let mut client = blocking(&vcenter);
    let refused = client.login(USER, "wrong").expect_err("refused");
    assert!(
        matches!(&refused, SessionError::Refused(err) if err.status == 401),
        "{refused}"
    );
    client.login(USER, PASSWORD).expect("logged in");
    let task = client.start_task(&stage("fails")).expect("a task");
    match task.wait(&client, &FAST, |_| {}) {
        Err(TaskError::Failed {
            error: Some(VapiError::TimedOut(error)),
            info,
        }) => {
            assert_eq!(
                error.messages[0].default_message,
                "Staging timed out on esx-02."
            );
            assert_eq!(info.status, "FAILED");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_answers_are_typed_errors_never_panics() {
    let vcenter = VCenter::start();
    let mut client = blocking(&vcenter);
    client.login(USER, PASSWORD).expect("logged in");
    // A 200 with HTML: not a documented answer of the operation.
    match client.start_task(&stage("html")) {
        Err(StartError::Client(Error::Response(err))) => {
            assert_eq!(err.status, 200);
            assert!(matches!(err.problem, ResponseProblem::UndocumentedStatus));
            assert_eq!(err.body, b"<html>Log in</html>");
        }
        other => panic!("{other:?}"),
    }
    // A 202 without a task id, and one cut short.
    for cluster in ["no-id", "truncated"] {
        match client.start_task(&stage(cluster)) {
            Err(StartError::Client(Error::Response(err))) => {
                assert_eq!(err.status, 202);
                assert!(matches!(err.problem, ResponseProblem::Body(_)), "{err}");
            }
            other => panic!("{cluster}: {other:?}"),
        }
    }
    // A task id the server then does not know.
    let task = client.start_task(&stage("lost")).expect("a task id");
    match task.wait(&client, &FAST, |_| {}) {
        Err(TaskError::Poll(Error::Response(err))) => assert_eq!(err.status, 404),
        other => panic!("{other:?}"),
    }
    // A server that closes the connection.
    let closing = Client::new(
        UreqTransport::new(&TransportOptions::default()),
        ops::base_url(&support::closing_server()),
    );
    match closing.start_task(&stage("domain-c8")) {
        Err(StartError::Client(Error::Transport(err))) => {
            assert!(err.to_string().contains("sending to"), "{err}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_request_that_breaks_the_spec_is_not_sent() {
    let vcenter = VCenter::start();
    let client = blocking(&vcenter);
    // `hosts` must hold unique items.
    let mut spec = StageSpec::new();
    spec.hosts = Some(vec!["host-1".to_owned(), "host-1".to_owned()]);
    let op = StageTask::new("domain-c8".to_owned(), spec);
    match client.start_task(&op) {
        Err(StartError::Client(Error::Request(err))) => {
            assert!(
                err.to_string().starts_with("`body` breaks the spec"),
                "{err}"
            );
        }
        other => panic!("{other:?}"),
    }
    vcenter.seen(|seen| assert!(seen.requests.is_empty(), "{:?}", seen.requests));
}
