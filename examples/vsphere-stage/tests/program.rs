//! `vsphere-stage` as an admin runs it, against a fake vCenter on a local socket: its output
//! and its exit status (0 staged, 1 vSphere said no or the task failed, 2 usage or connection).

mod support;

use std::process::{Command, Output};

use support::{PASSWORD, USER, VCenter};

fn run(server: &str, cluster: &str, password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vsphere-stage"))
        .args([
            "--server",
            server,
            "--user",
            USER,
            "--password",
            password,
            "--cluster",
            cluster,
            "--commit",
            "7",
            "--interval",
            "0.01",
        ])
        .output()
        .expect("the program runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn staging_prints_the_result_its_notifications_and_each_host() {
    let vcenter = VCenter::start();
    let output = run(&vcenter.url, "newer", PASSWORD);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    for line in [
        "stage task task-1",
        "  RUNNING (1 of 3)",
        "status: OK",
        "commit: 7",
        "WARNING com.vmware.stage.partial: One host was not staged.",
        "host host-10 (esx-01): OK",
        "  INFO com.vmware.stage.host.ok: Staged on esx-01.",
        "host host-11 (esx-02): ERROR",
        "  ERROR com.vmware.stage.host.failed: Not enough space on esx-02.",
        // A status this version of the spec does not list, as it came.
        "host host-12 (esx-03): PAUSED_BY_ADMIN",
    ] {
        assert!(stdout.contains(line), "`{line}` not in:\n{stdout}");
    }
    vcenter.seen(|seen| assert!(seen.logged_out && seen.wrong.is_empty(), "{:?}", seen.wrong));
}

#[test]
fn an_error_or_a_failed_task_is_status_1_with_the_error_type_and_messages() {
    let vcenter = VCenter::start();
    for (cluster, password, want) in [
        ("busy", PASSWORD, "NOT_ALLOWED_IN_CURRENT_STATE"),
        ("missing", PASSWORD, "NOT_FOUND"),
        ("fails", PASSWORD, "TIMED_OUT"),
        ("domain-c8", "wrong", "401"),
    ] {
        let output = run(&vcenter.url, cluster, password);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{cluster}: {stderr}");
        assert!(stderr.contains(want), "{cluster}: `{want}` not in {stderr}");
    }
    let output = run(&vcenter.url, "fails", PASSWORD);
    assert!(text(&output.stderr).contains("  Staging timed out on esx-02."));
}

#[test]
fn usage_and_connection_problems_are_status_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_vsphere-stage"))
        .args(["--server", "http://127.0.0.1:9"])
        .output()
        .expect("the program runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("`--user` is needed"));
    let closing = support::closing_server();
    let output = run(&closing, "domain-c8", PASSWORD);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
}
