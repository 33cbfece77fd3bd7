//! `vsphere-stage`: stages a cluster's desired software on its hosts, as a vSphere admin would
//! from a script. It logs in, starts the stage task, waits for it, prints the result (its status,
//! every notification, each host's status and notifications), and logs out.
//!
//! ```sh
//! cargo run -p vsphere-stage -- --server https://vcenter.example --user U --password P \
//!     --cluster domain-c8 [--commit N] [--insecure]
//! ```
//!
//! Exit status: 0 when the task succeeded, 1 when vSphere answered with an error or the task
//! failed, 2 on a usage or connection problem.

use std::process::ExitCode;
use std::time::Duration;

use specgen_runtime::http::{Client, Error, TransportOptions, UreqTransport};
use specgen_runtime::vapi::{SessionError, StartError, TaskError, WaitOptions};
use vsphere_types::esx::settings::Notifications;
use vsphere_types::esx::settings::clusters::software::{StageResult, StageSpec};
use vsphere_types::ops;
use vsphere_types::ops::esx::settings::clusters::software::StageTask;
use vsphere_types::vapi::std::errors::Error as VapiError;

const USAGE: &str =
    "usage: vsphere-stage --server URL --user USER --password PASSWORD --cluster CLUSTER \
[--commit COMMIT] [--insecure] [--interval SECONDS]

    --server URL       the vCenter: scheme, host and port (https://vcenter.example); the path
                       /api is the spec's
    --insecure         accept a self-signed certificate (a lab vCenter's)
    --interval SECONDS between two looks at the task (default 2)";

struct Args {
    server: String,
    user: String,
    password: String,
    cluster: String,
    commit: Option<String>,
    insecure: bool,
    interval: Duration,
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut server, mut user, mut password, mut cluster) = (None, None, None, None);
    let mut commit = None;
    let mut insecure = false;
    let mut interval = Duration::from_secs(2);
    let text = |value: Result<std::ffi::OsString, lexopt::Error>| -> Result<String, String> {
        value
            .map_err(|err| err.to_string())?
            .into_string()
            .map_err(|_| "an argument is not UTF-8".to_owned())
    };
    while let Some(arg) = parser.next().map_err(|err| err.to_string())? {
        match arg {
            Long("server") => server = Some(text(parser.value())?),
            Long("user") => user = Some(text(parser.value())?),
            Long("password") => password = Some(text(parser.value())?),
            Long("cluster") => cluster = Some(text(parser.value())?),
            Long("commit") => commit = Some(text(parser.value())?),
            Long("insecure") => insecure = true,
            Long("interval") => {
                let seconds: f64 = text(parser.value())?
                    .parse()
                    .map_err(|_| "`--interval` takes a number of seconds".to_owned())?;
                interval = Duration::try_from_secs_f64(seconds)
                    .map_err(|_| "`--interval` takes a number of seconds".to_owned())?;
            }
            Long("help") | Short('h') => return Err(String::new()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let missing = |name: &str| format!("`--{name}` is needed");
    Ok(Args {
        server: server.ok_or_else(|| missing("server"))?,
        user: user.ok_or_else(|| missing("user"))?,
        password: password.ok_or_else(|| missing("password"))?,
        cluster: cluster.ok_or_else(|| missing("cluster"))?,
        commit,
        insecure,
        interval,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let transport = UreqTransport::new(&TransportOptions {
        accept_invalid_certificates: args.insecure,
        ..TransportOptions::default()
    });
    let mut client = Client::new(transport, ops::base_url(&args.server));

    if let Err(err) = client.login(&args.user, &args.password) {
        eprintln!("error: logging in to {}: {err}", client.base_url());
        return match err {
            SessionError::Refused(_) => ExitCode::from(1),
            SessionError::Client(_) => ExitCode::from(2),
        };
    }
    let code = stage(&client, &args);
    if let Err(err) = client.logout() {
        eprintln!("warning: logging out: {err}");
    }
    code
}

fn stage(client: &Client<UreqTransport>, args: &Args) -> ExitCode {
    let mut spec = StageSpec::new();
    spec.commit = args.commit.clone();
    let task = match client.start_task(&StageTask::new(args.cluster.clone(), spec)) {
        Ok(task) => task,
        Err(StartError::Answered(response)) => {
            match response.error() {
                Some(error) => print_error("vSphere refused to stage", error),
                None => eprintln!("error: vSphere refused to stage: {response:?}"),
            }
            return ExitCode::from(1);
        }
        Err(StartError::Client(err)) => return client_failure(&err),
    };
    println!("stage task {}", task.id());
    let options = WaitOptions {
        interval: args.interval,
        ..WaitOptions::default()
    };
    let result = task.wait(client, &options, |info| match info.progress() {
        Some((completed, total)) => println!("  {} ({completed} of {total})", info.status),
        None => println!("  {}", info.status),
    });
    match result {
        Ok(result) => {
            print_result(&result);
            ExitCode::SUCCESS
        }
        Err(TaskError::Failed { error, info }) => {
            match error {
                Some(error) => print_error("the stage task failed", &error),
                None => eprintln!("error: the stage task failed: {}", info.raw),
            }
            ExitCode::from(1)
        }
        Err(TaskError::Poll(err)) => client_failure(&err),
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

/// A connection problem is exit status 2; an answer that is not what the spec says, 1.
fn client_failure(err: &Error) -> ExitCode {
    eprintln!("error: {err}");
    match err {
        Error::Transport(_) | Error::Request(_) => ExitCode::from(2),
        Error::Response(_) => ExitCode::from(1),
    }
}

fn print_error(what: &str, error: &VapiError) {
    eprintln!("error: {what}: {}", error.error_type());
    for message in error.messages() {
        eprintln!("  {}", message.default_message);
    }
}

fn print_result(result: &StageResult) {
    match &result.status {
        Some(status) => println!("status: {}", status.status),
        None => println!("status: (not reported)"),
    }
    println!("commit: {}", result.commit);
    if let Some(status) = &result.status {
        print_notifications("", &status.notifications);
    }
    if let Some(notifications) = &result.notifications {
        print_notifications("", notifications);
    }
    for (host, status) in &result.host_status {
        let name = result
            .host_info
            .get(host)
            .map_or(host.as_str(), |info| info.name.as_str());
        println!("host {host} ({name}): {}", status.status);
        print_notifications("  ", &status.notifications);
    }
}

fn print_notifications(indent: &str, notifications: &Notifications) {
    let lists = [
        ("INFO", &notifications.info),
        ("WARNING", &notifications.warnings),
        ("ERROR", &notifications.errors),
    ];
    for (list, notification) in lists
        .into_iter()
        .flat_map(|(list, items)| items.iter().flatten().map(move |n| (list, n)))
    {
        // A notification's own type, where it has one, as it came; else its list's.
        let kind = notification
            .r#type
            .as_ref()
            .map_or_else(|| list.to_owned(), ToString::to_string);
        println!(
            "{indent}{kind} {}: {}",
            notification.id, notification.message.default_message
        );
    }
}
